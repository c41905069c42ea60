"""The demo's catalog learns which of its components are documents an applicant may reuse
from the electronic data store (issue #12): the components' names are matched to a kind.
The generated package has no such column, so the demo applies this small mapping after its
import; an installation sets the kind in the catalog (the procedure's admin form)."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.datastore.models import StoredDocument
from motcua.datastore.services import stored_document_add
from motcua.procedures.models import DocumentKind, Procedure, ProcedureComponent
from motcua.utils.text import fold

# (every folded word group that must appear in the name, kind): the first match wins.
KIND_PATTERNS: list[tuple[tuple[str, ...], str]] = [
    (("can cuoc",), DocumentKind.ID_CARD),
    (("ho chieu",), DocumentKind.PASSPORT),
    (("khai sinh",), DocumentKind.BIRTH_CERTIFICATE),
    (("chung nhan", "ket hon"), DocumentKind.MARRIAGE_CERTIFICATE),
    (("tinh trang hon nhan",), DocumentKind.MARITAL_STATUS),
    (("chung nhan", "quyen su dung dat"), DocumentKind.LAND_USE_CERTIFICATE),
    (("dang ky doanh nghiep",), DocumentKind.BUSINESS_REGISTRATION),
    (("giay phep lai xe",), DocumentKind.DRIVING_LICENCE),
    (("bang tot nghiep",), DocumentKind.DIPLOMA),
    (("giay phep xay dung",), DocumentKind.CONSTRUCTION_PERMIT),
]
# Forms the applicant fills in are never reused, whatever they mention.
NOT_DOCUMENTS = ("don ", "to khai", "phieu ", "giay de nghi")


def document_kind_for(name: str) -> str:
    """The kind of document a component's name asks for, or "" (no reuse)."""
    folded = fold(name)
    if folded.startswith(NOT_DOCUMENTS):
        return ""
    for words, kind in KIND_PATTERNS:
        if all(w in folded for w in words):
            return kind
    return ""


def demo_document_kinds() -> int:
    """Give the demo catalog's components without a kind the kind their name names (a seed
    step of the demo, like its users). Returns how many components got one."""
    by_kind: dict[str, list[int]] = {}
    for pk, name in ProcedureComponent.objects.filter(document_kind="").values_list("pk", "name"):
        if kind := document_kind_for(name):
            by_kind.setdefault(kind, []).append(pk)
    for kind, pks in by_kind.items():
        ProcedureComponent.objects.filter(pk__in=pks).update(document_kind=kind)
    return sum(len(pks) for pks in by_kind.values())


# Procedures that issue one of those documents: what the name starts with (they grant,
# register or certify), then the words that name the document; the first match wins.
ISSUING = ("cap ", "dang ky ", "xac nhan ")
RESULT_PATTERNS: list[tuple[tuple[str, ...], str]] = [
    (("dang ky khai sinh",), DocumentKind.BIRTH_CERTIFICATE),
    (("dang ky ket hon",), DocumentKind.MARRIAGE_CERTIFICATE),
    (("tinh trang hon nhan",), DocumentKind.MARITAL_STATUS),
    (("chung nhan", "quyen su dung dat"), DocumentKind.LAND_USE_CERTIFICATE),
    (("dang ky doanh nghiep",), DocumentKind.BUSINESS_REGISTRATION),
    (("giay phep lai xe",), DocumentKind.DRIVING_LICENCE),
    (("giay phep xay dung",), DocumentKind.CONSTRUCTION_PERMIT),
]


def result_kind_for(name: str) -> str:
    """The kind of document a procedure's result is, from its name, or "" (a result)."""
    folded = fold(name)
    if not folded.startswith(ISSUING):
        return ""
    for words, kind in RESULT_PATTERNS:
        if all(w in folded for w in words):
            return kind
    return ""


def demo_result_kinds() -> int:
    """Give the demo catalog's procedures that issue a reusable document the kind of their
    result, so a result lands in the store as what it is (another seed step of the demo; an
    installation sets it in the catalog). Returns how many procedures got one. Written
    directly, as the components' kinds are: a seed, not an amendment of the catalog."""
    by_kind: dict[str, list[int]] = {}
    for pk, name in Procedure.objects.filter(result_document_kind="").values_list("pk", "name"):
        if kind := result_kind_for(name):
            by_kind.setdefault(kind, []).append(pk)
    for kind, pks in by_kind.items():
        Procedure.objects.filter(pk__in=pks).update(result_document_kind=kind)
    return sum(len(pks) for pks in by_kind.values())


# A minimal, valid PDF: the scanned copy the demo's documents carry.
_PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
ID_CARD_ISSUER = "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
REGISTRY_ISSUER = "Phòng Đăng ký kinh doanh, Sở Kế hoạch và Đầu tư"


def demo_store_documents(people: list[dict], *, actor, today: dt.date) -> int:
    """Put in the electronic data store of each of the fake provider's people the document an
    applicant usually holds: a citizen's ID card, an organisation's registration certificate,
    so that signing in and submitting a dossier can reuse it (issue #12's journey). Idempotent:
    a person who already has one gets none. Returns how many were added."""
    added = 0
    for person in people:
        identifier = person["so_dinh_danh"]
        citizen = person.get("loai_tai_khoan") == "cong_dan"
        kind = DocumentKind.ID_CARD if citizen else DocumentKind.BUSINESS_REGISTRATION
        if StoredDocument.objects.filter(identifier=identifier, kind=kind).exists():
            continue
        stored_document_add(
            identifier=identifier,
            kind=kind,
            file=SimpleUploadedFile(f"{kind}-{identifier}.pdf", _PDF, "application/pdf"),
            actor=actor,
            issuer=ID_CARD_ISSUER if citizen else REGISTRY_ISSUER,
            number=identifier,
            issued_on=today - dt.timedelta(days=3 * 365),
            valid_until=None,
        )
        added += 1
    return added
