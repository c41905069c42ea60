"""Services of the procedure catalog. Every change to a procedure goes through here, so that
amendments always leave a version behind and search text is always current."""

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from motcua.audit.services import audit_record
from motcua.procedures.models import (
    DECISION_FILES,
    Decision,
    Procedure,
    ProcedureComponent,
    ProcedureVersion,
    Shortening,
)
from motcua.utils.errors import DomainError
from motcua.utils.storage import file_save, files_atomic
from motcua.utils.text import fold
from motcua.utils.uploads import check_upload

# The fields that make up a procedure's rules; a change to any of them is an amendment.
VERSIONED_FIELDS = (
    "name",
    "level",
    "field",
    "authority",
    "agency_id",
    "processing_days",
    "day_unit",
    "online_level",
    "national_portal",
    "payment_pauses_clock",
    "fee_vnd",
    "result_document_kind",
    "status",
    "decision_id",
    "steps",
    "submission_methods",
    "legal_basis",
    "result",
    "requirements",
)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral() else format(value.normalize(), "f")
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _snapshot(procedure: Procedure) -> dict[str, Any]:
    data = {name: _jsonable(getattr(procedure, name)) for name in VERSIONED_FIELDS}
    data["code"] = procedure.code
    data["components"] = [
        {
            "name": c.name,
            "originals": c.originals,
            "copies": c.copies,
            "required": c.required,
            "form_name": c.form_name,
            "document_kind": c.document_kind,
        }
        for c in procedure.components.all()
    ]
    return data


def _search_text(procedure: Procedure) -> str:
    return fold(f"{procedure.code} {procedure.name} {procedure.field}")


def procedure_save(
    *,
    code: str,
    values: dict[str, Any],
    components: list[dict[str, Any]] | None = None,
    valid_from: dt.datetime | None = None,
    actor=None,
    actor_label: str = "",
) -> tuple[Procedure, bool]:
    """Create or amend the procedure ``code`` with ``values`` (model field names).

    ``components`` (dicts of ProcedureComponent fields) replaces the list when given. A new
    ``ProcedureVersion`` is appended when anything changed; an identical save changes nothing.
    Returns the procedure and whether it changed. ``actor`` (a user) or ``actor_label``
    ("import") is written to the audit trail with every change.
    """
    valid_from = valid_from or timezone.now()
    with transaction.atomic():
        existing = Procedure.objects.select_for_update().filter(code=code).first()
        created = existing is None
        procedure = Procedure(code=code) if existing is None else existing
        before = None if created else _snapshot(procedure)
        for name, value in values.items():
            setattr(procedure, name, value)
        procedure.search_text = _search_text(procedure)
        procedure.full_clean(exclude=["search_text"], validate_unique=False)
        if created:
            procedure.save()
        if components is not None:
            _replace_components(procedure, components)
        after = _snapshot(procedure)
        if after == before:
            return procedure, False
        if not created:
            procedure.version += 1
        procedure.save()
        ProcedureVersion.objects.create(
            procedure=procedure,
            number=procedure.version,
            valid_from=valid_from,
            decision_id=procedure.decision_id,
            processing_days=procedure.processing_days,
            day_unit=procedure.day_unit,
            fee_vnd=procedure.fee_vnd,
            snapshot=after,
        )
        audit_record(
            action="procedure.create" if created else "procedure.amend",
            target=procedure,
            actor=actor,
            actor_label=actor_label,
            data={"code": code, "version": procedure.version},
        )
        return procedure, True


def _replace_components(procedure: Procedure, components: list[dict[str, Any]]) -> None:
    existing = list(procedure.components.all())
    # A source that does not know the kinds (the data package's CSV) keeps those set here.
    kinds = {c.name: c.document_kind for c in existing}
    wanted = [
        ProcedureComponent(
            procedure=procedure,
            order=i,
            **{"document_kind": kinds.get(data.get("name", ""), ""), **data},
        )
        for i, data in enumerate(components)
    ]

    def key(c: ProcedureComponent):
        return (c.order, c.name, c.originals, c.copies, c.required, c.form_name, c.document_kind)

    if [key(c) for c in existing] == [key(c) for c in wanted]:
        return
    # Attached form files are uploaded separately: keep them with the component of that name.
    files = {c.name: c.form_file.name for c in existing if c.form_file}
    for component in wanted:
        if not component.form_file and component.name in files:
            component.form_file = files[component.name]
    procedure.components.all().delete()
    ProcedureComponent.objects.bulk_create(wanted)
    # The prefetch cache (if any) is stale now.
    if hasattr(procedure, "_prefetched_objects_cache"):
        procedure._prefetched_objects_cache.pop("components", None)


def procedure_version_at(*, procedure: Procedure, at: dt.datetime) -> ProcedureVersion | None:
    """The version in force at instant ``at`` (the one a dossier received then is bound to)."""
    return (
        procedure.versions.filter(valid_from__lte=at).order_by("-valid_from", "-number").first()
        or procedure.versions.order_by("number").first()
    )


class SaveOutcome(enum.Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def procedures_save_many(
    *,
    items: list[tuple[str, dict[str, Any]]],
    valid_from: dt.datetime | None = None,
    actor_label: str = "",
) -> list[SaveOutcome]:
    """``procedure_save`` for many procedures at once, as the data-package import needs: the
    same outcome per procedure (row, search text, a version and an audit entry when and only when
    something changed) in far fewer queries.

    Create or amend each procedure ``(code, values)``; values are model field names and
    already valid (the caller validated them), codes are distinct, components are left as they
    are. Every change is written to the audit trail as ``actor_label``. Returns the outcome of
    each item, in order."""
    valid_from = valid_from or timezone.now()
    with transaction.atomic():
        existing = {
            procedure.code: procedure
            for procedure in Procedure.objects.select_for_update()
            .filter(code__in=[code for code, _values in items])
            .prefetch_related("components")
        }
        before = {code: _snapshot(p) for code, p in existing.items()}
        created, outcomes = [], []
        amended: list[tuple[Procedure, set[str]]] = []
        for code, values in items:
            procedure = existing.get(code) or Procedure(code=code)
            changed = {name for name, value in values.items() if getattr(procedure, name) != value}
            for name in changed:
                setattr(procedure, name, values[name])
            procedure.search_text = _search_text(procedure)
            if code not in existing:
                created.append(procedure)
                outcomes.append(SaveOutcome.CREATED)
            elif _snapshot(procedure) != before[code]:
                procedure.version += 1
                procedure.updated_at = timezone.now()
                amended.append((procedure, changed))
                outcomes.append(SaveOutcome.UPDATED)
            else:
                outcomes.append(SaveOutcome.UNCHANGED)
        Procedure.objects.bulk_create(created)
        # New procedures have no components; one query fills the cache the snapshot reads.
        prefetch_related_objects(created, "components")
        # One UPDATE of the changed columns per amended procedure: Django's bulk_update builds
        # a CASE per row and column and is many times slower for a catalog-wide amendment.
        for procedure, changed in amended:
            columns = [*changed, "search_text", "version", "updated_at"]
            Procedure.objects.filter(pk=procedure.pk).update(
                **{name: getattr(procedure, name) for name in columns}
            )
        ProcedureVersion.objects.bulk_create(
            ProcedureVersion(
                procedure=procedure,
                number=procedure.version,
                valid_from=valid_from,
                decision_id=procedure.decision_id,
                processing_days=procedure.processing_days,
                day_unit=procedure.day_unit,
                fee_vnd=procedure.fee_vnd,
                snapshot=_snapshot(procedure),
            )
            for procedure in (*created, *(procedure for procedure, _changed in amended))
        )
        for action, procedures in (
            ("procedure.create", created),
            ("procedure.amend", [procedure for procedure, _changed in amended]),
        ):
            for procedure in procedures:
                audit_record(
                    action=action,
                    target=procedure,
                    actor_label=actor_label,
                    data={"code": procedure.code, "version": procedure.version},
                )
    return outcomes


# ---- decisions and shortenings ------------------------------------------------------------

DECISION_FIELDS = ("number", "date", "kind", "title")
SHORTENING_FIELDS = ("procedure", "decision", "days_before", "days_after", "annual_dossiers")


def _changes(instance: models.Model, values: dict[str, Any]) -> dict[str, Any]:
    """The values that differ from the instance's, as JSON for the audit trail."""
    changed = {}
    for name, value in values.items():
        if getattr(instance, name) != value:
            changed[name] = _jsonable(value.pk if isinstance(value, models.Model) else value)
    return changed


def _full_clean(instance: models.Model) -> None:
    """Model validation as a domain error (services are called by pages, API and admin)."""
    try:
        instance.full_clean()
    except ValidationError as error:
        messages = "; ".join(error.messages)
        raise DomainError(messages, messages, code="invalid", status_code=400) from error


def decision_save(
    *,
    decision: Decision | None = None,
    values: dict[str, Any],
    file: UploadedFile | None = None,
    clear_file: bool = False,
    actor=None,
) -> Decision:
    """Create (``decision`` None) or change a decision; ``file`` replaces its attached text
    after the upload check, ``clear_file`` removes it. Every change is audited."""
    unknown = set(values) - set(DECISION_FIELDS)
    if unknown:
        raise ValueError(f"not decision fields: {sorted(unknown)}")
    if file is not None:
        check_upload(file, extensions=DECISION_FILES)
    with files_atomic(), transaction.atomic():
        created = decision is None
        if decision is None:
            decision = Decision()
        else:
            decision = Decision.objects.select_for_update().get(pk=decision.pk)
        changed = _changes(decision, values)
        for name, value in values.items():
            setattr(decision, name, value)
        if clear_file and decision.file:
            decision.file = ""
            changed["file"] = None
        _full_clean(decision)
        if file is not None:
            file_save(decision.file, file.name or "", file)
            changed["file"] = decision.file.name
        if not created and not changed:
            return decision
        decision.save()
        audit_record(
            action="decision.create" if created else "decision.update",
            target=decision,
            actor=actor,
            data={"number": decision.number, **({} if created else {"changed": changed})},
        )
        return decision


def decision_delete(*, decision: Decision, actor=None) -> None:
    """Delete a decision no procedure, version or shortening refers to (PROTECT refuses)."""
    with transaction.atomic():
        audit_record(
            action="decision.delete", target=decision, actor=actor, data={"number": decision.number}
        )
        decision.delete()


def shortening_save(
    *, shortening: Shortening | None = None, values: dict[str, Any], actor=None
) -> Shortening:
    """Create (``shortening`` None) or change a shortening of a procedure's processing time."""
    unknown = set(values) - set(SHORTENING_FIELDS)
    if unknown:
        raise ValueError(f"not shortening fields: {sorted(unknown)}")
    with transaction.atomic():
        created = shortening is None
        if shortening is None:
            shortening = Shortening()
        else:
            shortening = Shortening.objects.select_for_update().get(pk=shortening.pk)
        changed = _changes(shortening, values) if not created else {}
        for name, value in values.items():
            setattr(shortening, name, value)
        if not created and not changed:
            return shortening
        _full_clean(shortening)
        shortening.save()
        audit_record(
            action="shortening.create" if created else "shortening.update",
            target=shortening,
            actor=actor,
            data={
                "procedure": shortening.procedure.code,
                "decision": shortening.decision.number,
                **({} if created else {"changed": changed}),
            },
        )
        return shortening


def shortening_delete(*, shortening: Shortening, actor=None) -> None:
    with transaction.atomic():
        audit_record(
            action="shortening.delete",
            target=shortening,
            actor=actor,
            data={"procedure": shortening.procedure.code, "decision": shortening.decision.number},
        )
        shortening.delete()
