"""Jobs of the notifications app."""

from django.utils.translation import gettext_lazy as _

from motcua.jobs.services import job
from motcua.notifications.services import MAX_ATTEMPTS, outbox_deliver


@job(queue="notifications", max_attempts=MAX_ATTEMPTS, label=_("Gửi thông báo (thư điện tử, SMS)"))
def notification_deliver(*, message_id: int) -> None:
    """E-mail or SMS one outbox message (retried with backoff by the queue)."""
    outbox_deliver(message_id=message_id)
