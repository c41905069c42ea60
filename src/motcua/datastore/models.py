"""The applicants' electronic data store (kho dữ liệu điện tử, issue #12): the documents the
administration already holds for an applicant, kept per national identifier (the 12-digit
personal ID number or an organisation's code, the dossiers' ``applicant_id_number``), so that
a later dossier reuses them instead of asking for them again (lifecycle.md, Electronic data).

The store knows no dossier model: where a document came from is its source and the code of
the dossier it came from; ``source_key`` makes every copy into the store idempotent.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.datastore.rules import is_valid
from motcua.procedures.models import DocumentKind


class DocumentSource(models.TextChoices):
    DIGITIZED = "digitized", _("Số hóa khi tiếp nhận hồ sơ")
    RESULT = "result", _("Kết quả điện tử của hồ sơ")
    OFFICER = "officer", _("Cán bộ bổ sung")


class StoredDocument(models.Model):
    # The only id a page or URL shows: never the row's sequence number.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identifier = models.CharField(_("số định danh / mã số"), max_length=32, db_index=True)
    kind = models.CharField(_("loại giấy tờ"), max_length=32, choices=DocumentKind.choices)
    title = models.CharField(_("tên giấy tờ"), max_length=1000, blank=True)
    issuer = models.CharField(_("cơ quan cấp"), max_length=255, blank=True)
    number = models.CharField(_("số hiệu"), max_length=64, blank=True)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    # None: valid without a time limit.
    valid_until = models.DateField(_("có giá trị đến"), null=True, blank=True)
    file = models.FileField(_("tệp"), upload_to="datastore/%Y/%m/")
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    source = models.CharField(_("nguồn"), max_length=16, choices=DocumentSource.choices)
    source_dossier_code = models.CharField(_("từ hồ sơ"), max_length=64, blank=True)
    # What was copied ("component:12", "result:7"): each is copied into the store once.
    source_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("đưa vào kho lúc"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["identifier", "kind", "-issued_on", "-id"]
        verbose_name = _("giấy tờ trong kho dữ liệu")
        verbose_name_plural = _("giấy tờ trong kho dữ liệu")
        constraints = [
            models.UniqueConstraint(
                fields=["source_key"],
                condition=~models.Q(source_key=""),
                name="stored_document_source_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}".strip()

    def valid_on(self, day) -> bool:
        return is_valid(self.valid_until, day)
