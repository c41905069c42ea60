"""What the apps above plug into the verification page: a second way to find documents, by a
dossier code and its lookup secret (the dossiers app registers it; this app knows no dossiers).

``fn(code, secret, client=address)`` returns the dossier's signed documents as ``(title,
filename, pdf bytes)`` or raises a ``DomainError`` (wrong code or secret, too many attempts:
the lookup applies its own limits per code and per client address, the lookup page's)."""

from __future__ import annotations

from typing import Protocol


class DocumentLookup(Protocol):
    def __call__(self, code: str, secret: str, *, client: str) -> list[tuple[str, str, bytes]]: ...


_lookups: list[DocumentLookup] = []


def register_document_lookup(fn: DocumentLookup) -> DocumentLookup:
    """Register ``fn`` (usable as a decorator); registering it twice keeps one."""
    if fn not in _lookups:
        _lookups.append(fn)
    return fn


def document_lookup() -> DocumentLookup | None:
    """The registered lookup (the last one), or None: the page then offers uploads only."""
    return _lookups[-1] if _lookups else None


def unregister_document_lookup(fn: DocumentLookup) -> None:
    if fn in _lookups:
        _lookups.remove(fn)
