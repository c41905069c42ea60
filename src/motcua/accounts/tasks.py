"""Jobs of the accounts app."""

from django.utils.translation import gettext_lazy as _

from motcua.jobs.services import job


@job(queue="notifications", max_attempts=10, label=_("Gửi liên kết đặt mật khẩu"))
def password_reset_mail(*, user_id: int) -> None:
    """E-mail an imported officer the link to set their password (retried if the mail server
    is down; a repeat sends a fresh link, the older one stays valid until used)."""
    from motcua.accounts.models import User
    from motcua.accounts.officers import password_reset_send

    password_reset_send(User.objects.get(pk=user_id))
