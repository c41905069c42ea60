"""Applicants' sign-in and sign-out: the account created or updated from the identity
provider's claims (docs/applicants.md, "Claims"), each audited."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import transaction

from motcua.applicants.models import ApplicantAccount, ApplicantKind
from motcua.audit.services import audit_event, audit_record
from motcua.utils.errors import DomainError

# The claims the national portal's single sign-on (and ``motcua fakeidp``) returns, beside the
# standard ``sub``, ``name``, ``birthdate``, ``address.formatted``, ``phone_number``, ``email``
# and ``acr``: the national identifier and the kind of account.
CLAIM_IDENTIFIER = "so_dinh_danh"
CLAIM_KIND = "loai_tai_khoan"
KIND_CLAIMS = {"cong_dan": ApplicantKind.PERSON, "to_chuc": ApplicantKind.ORGANISATION}

PERSON_ID_RE = re.compile(r"\d{12}")
ORGANISATION_CODE_RE = re.compile(r"\d{10}(?:-\d{3})?")


def _refused(detail: str) -> DomainError:
    return DomainError(
        f"Thông tin định danh không hợp lệ ({detail}).",
        f"The identity data is not valid ({detail}).",
        code="identity_invalid",
        status_code=400,
    )


def _text(claims: dict[str, Any], name: str, limit: int) -> str:
    value = claims.get(name)
    if isinstance(value, dict):  # the standard ``address`` claim is an object
        value = value.get("formatted")
    return str(value).strip()[:limit] if isinstance(value, (str, int)) else ""


def claims_clean(claims: dict[str, Any]) -> dict[str, Any]:
    """The account's fields from the provider's claims; DomainError when the identifier or
    the kind is missing or malformed."""
    kind = KIND_CLAIMS.get(str(claims.get(CLAIM_KIND) or "cong_dan"))
    if kind is None:
        raise _refused(CLAIM_KIND)
    identifier = _text(claims, CLAIM_IDENTIFIER, 32)
    pattern = PERSON_ID_RE if kind == ApplicantKind.PERSON else ORGANISATION_CODE_RE
    if not pattern.fullmatch(identifier):
        raise _refused(CLAIM_IDENTIFIER)
    full_name = _text(claims, "name", 255)
    if not full_name:
        raise _refused("name")
    birth_date = None
    if claims.get("birthdate"):
        try:
            birth_date = dt.date.fromisoformat(str(claims["birthdate"]))
        except ValueError:
            raise _refused("birthdate") from None
    return {
        "kind": kind,
        "full_name": full_name,
        "birth_date": birth_date,
        "address": _text(claims, "address", 500),
        "phone": _text(claims, "phone_number", 20),
        "email": _text(claims, "email", 254),
        "subject": _text(claims, "sub", 255),
        "assurance": _text(claims, "acr", 32),
        "identifier": identifier,
    }


def applicant_sign_in(
    *, claims: dict[str, Any], now: dt.datetime, request_data: dict[str, str] | None = None
) -> ApplicantAccount:
    """Create or update the account the verified ``claims`` name; the provider's data wins
    over what was stored (it is never typed again)."""
    fields = claims_clean(claims)
    identifier = fields.pop("identifier")
    with transaction.atomic():
        account = ApplicantAccount.objects.select_for_update().filter(identifier=identifier).first()
        created = account is None
        if account is None:
            account = ApplicantAccount(identifier=identifier)
        for name, value in fields.items():
            setattr(account, name, value)
        account.last_sign_in_at = now
        account.save()
        audit_record(
            action="applicant.sign_in",
            target=account,
            actor_label=f"applicant:{identifier}",
            data={"created": created, "acr": fields["assurance"], **(request_data or {})},
        )
    return account


def applicant_sign_out(
    *, account: ApplicantAccount, request_data: dict[str, str] | None = None
) -> None:
    with transaction.atomic():
        audit_record(
            action="applicant.sign_out",
            target=account,
            actor_label=f"applicant:{account.identifier}",
            data=request_data,
        )


def applicant_sign_in_refused(*, reason: str, request_data: dict[str, str] | None = None) -> None:
    """Audit a refused callback (a wrong state, an invalid token, the provider's refusal)."""
    with transaction.atomic():
        audit_event(
            action="applicant.sign_in_refused",
            target_type="applicants.applicantaccount",
            target_id="",
            actor_label="applicant:?",
            data={"reason": reason[:200], **(request_data or {})},
        )
