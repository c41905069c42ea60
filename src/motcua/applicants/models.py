"""The applicant's account (citizen or organisation), created at their first sign-in through
the national identity provider and keyed by the identifier it returns. Not a Django ``User``:
officers are users with roles, applicants are kept apart so that no officer permission can ever
apply to them (docs/applicants.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicantKind(models.TextChoices):
    # The same values as ``dossiers.models.ApplicantKind`` (a dossier's applicant_kind).
    PERSON = "person", _("Cá nhân")
    ORGANISATION = "organisation", _("Tổ chức, doanh nghiệp")


class ApplicantAccount(models.Model):
    identifier = models.CharField(
        _("số định danh / mã số doanh nghiệp"), max_length=32, unique=True
    )
    kind = models.CharField(
        _("loại"), max_length=16, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    full_name = models.CharField(_("họ và tên / tên tổ chức"), max_length=255)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    # The provider's ``sub`` (its own subject id) and the assurance level it asserted.
    subject = models.CharField(max_length=255, blank=True)
    assurance = models.CharField(_("mức định danh"), max_length=32, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_sign_in_at = models.DateTimeField(_("đăng nhập lần cuối"), null=True, blank=True)

    class Meta:
        verbose_name = _("tài khoản người nộp")
        verbose_name_plural = _("tài khoản người nộp")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.identifier})"
