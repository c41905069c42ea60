"""Queueing and delivering notifications through the outbox."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone

from motcua.integrations.sms import sms_backend
from motcua.notifications.messages import message_for
from motcua.notifications.models import OutboxChannel, OutboxMessage, OutboxStatus
from motcua.utils import ratelimit

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
# Events an anonymous caller can cause (an online submission, failed lookups): each phone
# number or address gets a few of them a day, whoever causes them.
UNVERIFIED_EVENTS = {"submitted", "lookup_blocked"}


def notification_enqueue(*, dossier, event: str, tag: str = "") -> list[OutboxMessage]:
    """Queue the applicant's notifications of ``event`` (e-mail and/or SMS). Call inside the
    transaction of the change: the messages exist exactly when the change does.

    A message is queued once per event of the dossier's history; ``tag`` tells apart the
    repeats of an event that is not in the history (a warning of failed lookups). The receipt of
    an online submission goes to a contact nobody has verified: a phone number or address gets
    at most ``MOTCUA_RATE_LIMITS["unverified_contact"]`` of the messages anonymous callers can
    cause, so a stranger cannot have the province message anyone by repeating them."""
    last_event = dossier.events.order_by("-id").values_list("id", flat=True).first()
    note = ""
    if event in ("supplement_requested",):
        request = dossier.supplements.order_by("-requested_at").first()
        note = f"Nội dung cần bổ sung: {request.items}" if request else ""
    if event in ("refused_intake", "stopped") and dossier.result_note:
        note = f"Lý do: {dossier.result_note}"
    subject, text = message_for(
        event,
        code=dossier.code,
        procedure=dossier.procedure.name[:120],
        due_at=dossier.due_at,
        promised_at=dossier.promised_at,
        note=note,
        lookup_url=f"{settings.MOTCUA_PUBLIC_URL.rstrip('/')}/tra-cuu/?ma={dossier.code}",
    )
    queued = []
    targets = [
        (OutboxChannel.EMAIL, dossier.applicant_email),
        (OutboxChannel.SMS, dossier.applicant_phone),
    ]
    for channel, recipient in targets:
        if not recipient:
            continue
        if event in UNVERIFIED_EVENTS and ratelimit.hit_over("unverified_contact", recipient):
            logger.warning("outbox: %s to %s skipped (too many receipts)", event, recipient[-3:])
            continue
        message, created = OutboxMessage.objects.get_or_create(
            key=f"{channel}:{dossier.pk}:{event}:{tag or last_event}",
            defaults={
                "channel": channel,
                "recipient": recipient,
                "subject": subject,
                "body": text,
                "event": event,
                "dossier": dossier,
            },
        )
        if created:
            from motcua.notifications.tasks import notification_deliver

            notification_deliver.enqueue(message_id=message.pk, key=f"outbox:{message.pk}")
        queued.append(message)
    return queued


def _deliver(message: OutboxMessage) -> None:
    if message.channel == OutboxChannel.EMAIL:
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            to=[message.recipient],
            headers={"Message-ID": f"<{message.key.replace(':', '.')}@motcua>"},
        )
        email.send(fail_silently=False)
    else:
        sms_backend().send(to=message.recipient, text=message.body, key=message.key)


def outbox_deliver(*, message_id: int) -> bool:
    """Send one queued message (the job ``notification_deliver``). No row is locked while the
    gateway is called; the gateway deduplicates by the message's key, so a repeat after a
    worker was killed between sending and recording is harmless. Returns False if it had been
    sent already; raises the gateway's error (the job retries it with backoff)."""
    message = OutboxMessage.objects.get(pk=message_id)
    if message.status == OutboxStatus.SENT:
        return False
    OutboxMessage.objects.filter(pk=message_id).update(attempts=models.F("attempts") + 1)
    try:
        _deliver(message)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        OutboxMessage.objects.filter(pk=message_id).update(
            last_error=error,
            # The job gives up after as many attempts: the message has failed for good.
            status=OutboxStatus.FAILED
            if message.attempts + 1 >= MAX_ATTEMPTS
            else OutboxStatus.PENDING,
        )
        logger.warning("outbox %s failed: %s", message.key, error)
        raise
    OutboxMessage.objects.filter(pk=message_id).update(
        status=OutboxStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def outbox_enqueue(
    *,
    key: str,
    event: str,
    subject: str,
    body: str,
    email: str = "",
    phone: str = "",
    unverified: bool = False,
) -> list[OutboxMessage]:
    """Queue a message about something other than a dossier (a feedback item) to ``email``
    and/or ``phone``, once per ``key``. Call inside the transaction of the change. A message an
    anonymous caller causes (``unverified``) is limited per contact like a dossier receipt."""
    from motcua.notifications.tasks import notification_deliver

    queued = []
    for channel, recipient in ((OutboxChannel.EMAIL, email), (OutboxChannel.SMS, phone)):
        if not recipient:
            continue
        if unverified and ratelimit.hit_over("unverified_contact", recipient):
            logger.warning("outbox: %s to %s skipped (too many receipts)", event, recipient[-3:])
            continue
        message, created = OutboxMessage.objects.get_or_create(
            key=f"{channel}:{key}"[:128],
            defaults={
                "channel": channel,
                "recipient": recipient,
                "subject": subject[:255],
                "body": body,
                "event": event[:32],
            },
        )
        if created:
            notification_deliver.enqueue(message_id=message.pk, key=f"outbox:{message.pk}")
        queued.append(message)
    return queued
