"""Jobs of the payments app."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.jobs.services import job


@job(queue="slips", max_attempts=10, label=_("Lập và ký biên lai điện tử"))
def receipt_issue(*, receipt_id: int) -> None:
    """The receipt's PDF, signed with the agency's seal (``payments.receipts``)."""
    from motcua.payments.receipts import receipt_issue as issue

    issue(receipt_id=receipt_id, now=timezone.now())
