"""The demo's catalog learns which of its components are documents an applicant may reuse
from the electronic data store (issue #12): the components' names are matched to a kind.
The generated package has no such column, so the demo applies this small mapping after its
import; an installation sets the kind in the catalog (the procedure's admin form)."""

from __future__ import annotations

from motcua.procedures.models import DocumentKind, ProcedureComponent
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
