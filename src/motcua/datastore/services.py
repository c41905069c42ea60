"""Services of the electronic data store: documents go in (added by an officer, or copied
from a dossier: components digitized at intake, results issued electronically); each change
is audited in its transaction."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from motcua.audit.services import audit_record
from motcua.datastore.models import DocumentSource, StoredDocument
from motcua.procedures.models import DocumentKind
from motcua.utils.errors import DomainError
from motcua.utils.storage import file_save, files_atomic
from motcua.utils.uploads import check_uploads


def _check(identifier: str, kind: str, valid_until: dt.date | None, issued_on) -> None:
    if not identifier.strip():
        raise DomainError(
            "Thiếu số định danh của người có giấy tờ.",
            "The holder's identifier is missing.",
            code="invalid",
            status_code=400,
        )
    if kind not in DocumentKind.values:
        raise DomainError(
            "Loại giấy tờ không hợp lệ.", "Invalid document kind.", code="invalid", status_code=400
        )
    if valid_until is not None and issued_on is not None and valid_until < issued_on:
        raise DomainError(
            "Ngày hết hiệu lực phải sau ngày cấp.",
            "The expiry date must follow the issue date.",
            code="invalid",
            status_code=400,
        )


def stored_document_add(
    *,
    identifier: str,
    kind: str,
    file: UploadedFile,
    actor,
    issuer: str = "",
    number: str = "",
    title: str = "",
    issued_on: dt.date | None = None,
    valid_until: dt.date | None = None,
) -> StoredDocument:
    """An officer adds a document to the applicant's store (the file checked like every
    upload, ``utils.uploads.check_uploads``)."""
    _check(identifier, kind, valid_until, issued_on)
    check_uploads([file])
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    with files_atomic(), transaction.atomic():
        document = StoredDocument(
            identifier=identifier.strip(),
            kind=kind,
            title=title,
            issuer=issuer,
            number=number,
            issued_on=issued_on,
            valid_until=valid_until,
            original_name=(file.name or "")[:255],
            content_type=getattr(file, "content_type", "") or "",
            size=file.size or 0,
            sha256=digest.hexdigest(),
            source=DocumentSource.OFFICER,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        file_save(document.file, file.name or "", file)
        document.save()
        audit_record(
            action="datastore.add",
            target=document,
            actor=document.created_by,
            data={"kind": kind, "source": DocumentSource.OFFICER},
        )
        return document


def stored_document_copy(
    *,
    identifier: str,
    kind: str,
    source: str,
    source_key: str,
    stored_name: str,
    dossier_code: str,
    actor=None,
    title: str = "",
    issuer: str = "",
    number: str = "",
    issued_on: dt.date | None = None,
    original_name: str = "",
    content_type: str = "",
    size: int = 0,
    sha256: str = "",
) -> StoredDocument | None:
    """Copy a file the system already holds (a digitized component, an electronic result:
    checked when uploaded) into the applicant's store, pointing at the same stored file.
    Idempotent: a second copy of the same ``source_key`` returns the first one. Nothing is
    copied without an identifier or a file (None)."""
    if not identifier or not stored_name:
        return None
    _check(identifier, kind, None, None)
    existing = StoredDocument.objects.filter(source_key=source_key).first()
    if existing is not None:
        return existing
    user = actor if getattr(actor, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            document = StoredDocument.objects.create(
                identifier=identifier,
                kind=kind,
                title=title[:1000],
                issuer=issuer[:255],
                number=number[:64],
                issued_on=issued_on,
                file=stored_name,
                original_name=original_name[:255],
                content_type=content_type,
                size=size,
                sha256=sha256,
                source=source,
                source_dossier_code=dossier_code,
                source_key=source_key,
                created_by=user,
            )
            audit_record(
                action="datastore.copy",
                target=document,
                actor=user,
                actor_label="" if user else "system",
                data={"kind": kind, "source": source, "dossier": dossier_code},
            )
    except IntegrityError:  # a concurrent copy of the same source won
        return StoredDocument.objects.get(source_key=source_key)
    return document


def stored_document_replace_file(
    *,
    source_key: str,
    stored_name: str,
    original_name: str,
    content_type: str,
    size: int,
    sha256: str,
    reason: str,
) -> StoredDocument | None:
    """Point the store's copy of ``source_key`` at another file the system holds (the signed
    result in place of the unsigned upload), with that file's name, type, size and digest;
    audited with ``reason``. None when the store holds no such copy."""
    with transaction.atomic():
        document = StoredDocument.objects.select_for_update().filter(source_key=source_key).first()
        if document is None:
            return None
        if document.file.name == stored_name:
            return document
        previous = {"file": document.file.name, "sha256": document.sha256}
        document.file = stored_name
        document.original_name = original_name[:255]
        document.content_type = content_type
        document.size = size
        document.sha256 = sha256
        document.save(update_fields=["file", "original_name", "content_type", "size", "sha256"])
        audit_record(
            action="datastore.replace_file",
            target=document,
            actor_label="system",
            data={"reason": reason, "previous": previous, "sha256": sha256},
        )
    return document
