"""The synchronisation state of each dossier with the National Public Service Portal
(docs/portal.md).

``version`` counts the dossier's changes (incremented in each change's transaction);
``sent_version`` is the highest version the portal acknowledged. The dossier is in sync when
``sent_version >= version``. ``sending_*`` marks a send in flight (the version read, a token
of the sender, until when it may hold the dossier): one dossier's sends never overlap.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    NONE = "", _("Chưa gửi")
    OK = "ok", _("Đã gửi")
    FAILING = "failing", _("Lỗi, sẽ gửi lại")
    REJECTED = "rejected", _("Bị Cổng từ chối")


class PortalSync(models.Model):
    dossier = models.OneToOneField(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ"),
        on_delete=models.CASCADE,
        related_name="portal_sync",
    )
    version = models.PositiveIntegerField(_("phiên bản"), default=0)
    sent_version = models.PositiveIntegerField(_("phiên bản đã gửi"), default=0)
    # The outcome of the last attempt.
    outcome = models.CharField(
        _("kết quả lần gửi gần nhất"), max_length=8, choices=Outcome.choices, blank=True
    )
    # Failed attempts since the last one that succeeded.
    attempts = models.PositiveIntegerField(_("số lần lỗi"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    last_attempt_at = models.DateTimeField(_("gửi lần cuối lúc"), null=True, blank=True)
    synced_at = models.DateTimeField(_("đồng bộ lúc"), null=True, blank=True)
    sending_version = models.PositiveIntegerField(null=True, blank=True)
    sending_token = models.CharField(max_length=32, blank=True)
    sending_until = models.DateTimeField(null=True, blank=True)
    # What the portal refused (for the operator), until a later snapshot is stored.
    rejected_version = models.PositiveIntegerField(null=True, blank=True)
    rejected_payload = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = _("đồng bộ hồ sơ với Cổng")
        verbose_name_plural = _("đồng bộ hồ sơ với Cổng")
        indexes = [models.Index(fields=["outcome"])]

    def __str__(self) -> str:
        return f"{self.dossier_id} v{self.version} (đã gửi v{self.sent_version})"

    @property
    def in_sync(self) -> bool:
        return self.sent_version >= self.version
