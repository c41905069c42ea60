"""The record of every signature made: append-only, one per (document key, field), so that a
document can never be signed twice in the same field, not even by two workers at once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.utils.db import AppendOnlyMixin


class Signature(AppendOnlyMixin, models.Model):
    # Chosen by the app that signs: "dossier:<code>:result", "receipt:<number>"...
    document_key = models.CharField(_("văn bản"), max_length=200)
    field_name = models.CharField(_("trường chữ ký"), max_length=64)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    seal = models.BooleanField(_("chữ ký của cơ quan"), default=True)
    certificate_serial = models.CharField(_("số hiệu chứng thư"), max_length=64)
    certificate_subject = models.CharField(_("chủ thể chứng thư"), max_length=255)
    input_sha256 = models.CharField(_("SHA-256 trước khi ký"), max_length=64)
    output_sha256 = models.CharField(_("SHA-256 sau khi ký"), max_length=64)
    signed_at = models.DateTimeField(_("thời điểm ký"), db_index=True)

    class Meta:
        ordering = ["-signed_at", "-id"]
        verbose_name = _("chữ ký số")
        verbose_name_plural = _("chữ ký số")
        constraints = [
            models.UniqueConstraint(
                fields=["document_key", "field_name"], name="signing_one_signature_per_field"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_key} · {self.field_name}"
