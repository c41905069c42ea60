"""Synchronisation of dossiers with the National Public Service Portal (docs/portal.md).

Every change of a dossier increments its ``PortalSync.version`` and queues the job
``portal_sync`` under the key ``portal:<dossier id>``, in the change's transaction
(``portal_sync_schedule``, the dossiers app's change hook). A burst of changes is one job while
it waits. The job sends the dossier *as it is when the job runs*:

1. under the sync row's lock (held for a few queries, never during the call), it reads the
   version and builds the snapshot, and marks the row "sending" with that version, a token and
   an expiry; if another sender holds a live mark, it queues itself again for when that mark
   expires and stops (the holder looks again after its send);
2. it sends, holding no lock;
3. under the lock again: stored → ``sent_version`` becomes the version sent if greater, and
   when the dossier changed meanwhile, it sends again (at most ``ROUNDS`` times, then it queues
   a new job); retryable failure → recorded, the exception goes to the queue, which retries
   with backoff (the retry sends the newest snapshot); rejection → recorded with the answer and
   the payload for an operator, the job is dead, other dossiers go on.

One dossier's sends therefore never overlap, and each sends a version at least as new as any
sent before: the portal never receives an older snapshot after a newer one. A send that
timed out keeps its mark until it expires (the portal may still store the request it got), so
nothing newer overtakes it on the wire either.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from motcua.dossiers.models import Dossier
from motcua.integrations.portal import (
    PortalClient,
    PortalRejected,
    PortalUnavailable,
    portal_client,
)
from motcua.jobs.services import PermanentJobError, job_retry
from motcua.portal.models import Outcome, PortalSync
from motcua.portal.selectors import portal_snapshot

logger = logging.getLogger(__name__)

# Sends of one job when the dossier keeps changing while it sends; then a new job.
ROUNDS = 3


def sync_key(dossier_id: int) -> str:
    return f"portal:{dossier_id}"


def sending_hold() -> dt.timedelta:
    """How long a sender holds a dossier: longer than any request may take (two socket
    timeouts and a margin), shorter than the job's lease (a killed worker's job is taken again
    only after its lease, and finds the mark expired)."""
    return dt.timedelta(seconds=2 * settings.MOTCUA_PORTAL_TIMEOUT + 30)


def portal_sync_schedule(dossier: Dossier) -> None:
    """The change hook: ``dossier`` changed, in the current transaction. Its version goes up
    and its synchronisation is queued (nothing when the exchange is off)."""
    if not settings.MOTCUA_PORTAL_URL:
        return
    _bump(dossier.pk)
    _queue(dossier.pk)


def _bump(dossier_id: int) -> None:
    # The service holds the dossier's lock (or just created it): no other change of this
    # dossier can create the row at the same time.
    if not PortalSync.objects.filter(dossier_id=dossier_id).update(version=F("version") + 1):
        PortalSync.objects.create(dossier_id=dossier_id, version=1)


def _queue(dossier_id: int, run_after: dt.datetime | None = None):
    from motcua.portal.tasks import portal_sync

    return portal_sync.enqueue(key=sync_key(dossier_id), run_after=run_after, dossier_id=dossier_id)


@dataclass(frozen=True)
class _Send:
    version: int
    token: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class _Busy:
    until: dt.datetime


def portal_sync_run(
    *, dossier_id: int, client: PortalClient | None = None, now: dt.datetime | None = None
) -> int:
    """Send the dossier's newest snapshot if the portal does not have it. Returns the number of
    snapshots sent. Raises ``PortalUnavailable`` (the queue retries) or ``PermanentJobError``
    (rejected: the job is dead)."""
    client = client or portal_client()
    if client is None:
        logger.info("portal exchange is off: dossier %s not sent", dossier_id)
        return 0
    sent = 0
    for _round in range(ROUNDS):
        claim = _begin(dossier_id, now or timezone.now())
        if claim is None:
            return sent
        if isinstance(claim, _Busy):
            # Another sender has it; it looks again after its send. Should it have died, this
            # job takes over once its mark expires.
            with transaction.atomic():
                _queue(dossier_id, run_after=claim.until)
            return sent
        try:
            client.send(payload=claim.payload, version=claim.version)
        except PortalRejected as exc:
            _fail(dossier_id, claim, exc, rejected=True)
            raise PermanentJobError(str(exc)) from exc
        except PortalUnavailable as exc:
            _fail(dossier_id, claim, exc, keep_mark=exc.uncertain)
            raise
        except Exception as exc:  # a bug of ours: recorded on the dossier, retried
            _fail(dossier_id, claim, exc)
            raise
        sent += 1
        if not _done(dossier_id, claim):
            return sent
    with transaction.atomic():
        _queue(dossier_id)
    return sent


def _begin(dossier_id: int, now: dt.datetime) -> _Send | _Busy | None:
    """Under the sync row's lock: nothing to send, another sender busy, or the version and
    snapshot to send, the row marked as being sent."""
    with transaction.atomic():
        row = PortalSync.objects.select_for_update().filter(dossier_id=dossier_id).first()
        if row is None or row.sent_version >= row.version:
            return None
        if row.sending_token and row.sending_until and row.sending_until > now:
            return _Busy(until=row.sending_until)
        payload = portal_snapshot(dossier=Dossier(pk=dossier_id))
        token = secrets.token_hex(16)
        row.sending_version, row.sending_token = row.version, token
        row.sending_until = now + sending_hold()
        row.last_attempt_at = now
        row.save(
            update_fields=["sending_version", "sending_token", "sending_until", "last_attempt_at"]
        )
        return _Send(version=row.version, token=token, payload=payload)


def _release(row: PortalSync) -> None:
    row.sending_version, row.sending_token, row.sending_until = None, "", None


def _done(dossier_id: int, claim: _Send) -> bool:
    """The portal stored ``claim``. True when the dossier changed meanwhile and this sender,
    still holding it, should send again."""
    with transaction.atomic():
        row = PortalSync.objects.select_for_update().get(dossier_id=dossier_id)
        mine = row.sending_token == claim.token
        if mine:
            _release(row)
        row.sent_version = max(row.sent_version, claim.version)
        row.outcome, row.attempts, row.last_error = Outcome.OK, 0, ""
        row.synced_at = timezone.now()
        if row.rejected_version is not None and claim.version >= row.rejected_version:
            row.rejected_version, row.rejected_payload = None, None
        if not mine:
            # The send outlived its mark and another sender may have sent a newer snapshot
            # before this one arrived: send the newest again, as a new version.
            logger.warning("portal send of dossier %s outlived its mark", dossier_id)
            row.version = max(row.version, row.sent_version) + 1
            _queue(dossier_id)
        row.save()
        return mine and row.version > row.sent_version


def _fail(
    dossier_id: int,
    claim: _Send,
    exc: Exception,
    *,
    rejected: bool = False,
    keep_mark: bool = False,
) -> None:
    with transaction.atomic():
        row = PortalSync.objects.select_for_update().get(dossier_id=dossier_id)
        if row.sending_token == claim.token and not keep_mark:
            _release(row)
        row.attempts += 1
        row.last_error = f"{type(exc).__name__}: {exc}"[:4000]
        if rejected:
            assert isinstance(exc, PortalRejected)
            row.outcome = Outcome.REJECTED
            row.rejected_version, row.rejected_payload = claim.version, claim.payload
            row.last_error = f"HTTP {exc.status}: {exc.answer}"[:4000]
        else:
            row.outcome = Outcome.FAILING
        row.save()


# ---- operators ------------------------------------------------------------------------------


def portal_resend(*, dossier: Dossier) -> PortalSync:
    """Send ``dossier`` again now (after a rejection was fixed, or to repair the portal): a
    new version of its snapshot, its job due at once."""
    with transaction.atomic():
        Dossier.objects.select_for_update().filter(pk=dossier.pk).first()
        _bump(dossier.pk)
        queued = _queue(dossier.pk)
        if queued is not None and queued.run_after > timezone.now():
            job_retry(ids=[queued.pk])  # waiting for a backoff: due now
        return PortalSync.objects.get(dossier_id=dossier.pk)


def portal_resend_where(*, outcome: str) -> int:
    """Send again every dossier not in sync whose last attempt had ``outcome`` (``rejected``
    after the payload was fixed, ``failing`` when the portal is back after an outage)."""
    ids = list(
        PortalSync.objects.filter(outcome=outcome, sent_version__lt=F("version")).values_list(
            "dossier_id", flat=True
        )
    )
    for dossier_id in ids:
        portal_resend(dossier=Dossier(pk=dossier_id))
    return len(ids)


def portal_summary() -> dict[str, int]:
    """How many dossiers are in sync, waiting to be sent, failing (retried later) and
    rejected by the portal."""
    behind = Q(sent_version__lt=F("version"))
    return PortalSync.objects.aggregate(
        in_sync=Count("id", filter=~behind),
        waiting=Count("id", filter=behind & Q(outcome__in=[Outcome.NONE, Outcome.OK])),
        failing=Count("id", filter=behind & Q(outcome=Outcome.FAILING)),
        rejected=Count("id", filter=behind & Q(outcome=Outcome.REJECTED)),
    )
