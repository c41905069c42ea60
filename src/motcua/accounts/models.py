from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.accounts.roles import Role


class User(AbstractUser):
    """An officer. Every officer belongs to one agency and has one role."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices, blank=True)
    # As printed on slips and in the processing history (interchange.md, users.csv).
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    title = models.CharField(_("chức danh"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def get_full_name(self) -> str:
        """The officer's full name (``Nguyễn Thị Lan``); Django's first/last name or, for an
        account nobody has named yet, the username."""
        return self.full_name or super().get_full_name() or self.username

    def get_short_name(self) -> str:
        return self.get_full_name()

    def can(self, action: str) -> bool:
        from motcua.accounts.roles import can

        return can(self, action)


class ApiToken(models.Model):
    """A credential for another system's API client: ``Authorization: Bearer <secret>``.

    It acts as its user, limited to its scopes (action names of ``roles.ACTIONS``): a request may
    perform an action only when the scopes name it AND the user's role allows it. Only a hash of
    the secret is kept; the secret is shown once, when the token is created
    (``accounts/tokens.py``).
    """

    name = models.CharField(_("tên"), max_length=100)
    user = models.ForeignKey(
        User,
        verbose_name=_("người dùng"),
        on_delete=models.PROTECT,
        related_name="api_tokens",
    )
    prefix = models.CharField(_("tiền tố"), max_length=12, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("phạm vi"), default=list)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_valid(self, now) -> bool:
        if self.revoked_at is not None or not self.user.is_active:
            return False
        return self.expires_at is None or self.expires_at > now

    def allows(self, action: str) -> bool:
        """Whether a request made with this token may perform ``action``."""
        from motcua.accounts.roles import can

        return action in self.scopes and can(self.user, action)
