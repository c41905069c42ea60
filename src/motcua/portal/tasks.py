"""Jobs of the portal exchange."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from motcua.jobs.services import job
from motcua.portal.services import portal_sync_run, sending_hold

# The portal may be down for hours, or days: 30 s, 1 min, 2 min … then every hour (the
# queue's cap), 100 attempts in all, about four days before the job is dead and waits for an
# operator (`motcua portal resend`). A later change of the dossier queues a new job anyway.
MAX_ATTEMPTS = 100


@job(
    queue="portal",
    max_attempts=MAX_ATTEMPTS,
    # Longer than a sender may hold a dossier for all its rounds: a killed worker's job is taken
    # again only once its mark on the dossier has expired.
    lease=max(dt.timedelta(minutes=10), 4 * sending_hold()),
    backoff_base=dt.timedelta(seconds=30),
    label=_("Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia"),
)
def portal_sync(*, dossier_id: int) -> None:
    """Send the dossier's newest snapshot to the national portal (docs/portal.md)."""
    portal_sync_run(dossier_id=dossier_id)
