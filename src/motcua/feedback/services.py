"""Services of feedback handling: record an item, finish its processing, publish its answer.

The three instants they set are the facts the statistics count (statistics.md §3); each service
locks what it changes, checks the order of those instants and writes an audit entry in the same
transaction. The fuller workflow (classification, assignment, forwarding) grows from here.
"""

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.audit.services import audit_record
from motcua.feedback.models import Feedback, FeedbackChannel, FeedbackKind, FeedbackState
from motcua.utils.errors import DomainError


def _invalid(message_vi: str, message_en: str, code: str) -> DomainError:
    return DomainError(message_vi, message_en, code=code, status_code=400)


def _aware(instant: dt.datetime, name: str) -> None:
    if timezone.is_naive(instant):
        raise _invalid(
            f"Thời điểm {name} thiếu múi giờ.", f"{name} has no time zone.", "naive_instant"
        )


def feedback_code(feedback: Feedback) -> str:
    """``PAKN-2024-000231``: the year received and the record's number, unique without a
    counter to lock."""
    return f"PAKN-{feedback.received_on:%Y}-{feedback.pk:06d}"


def feedback_record(
    *,
    kind: str,
    received_at: dt.datetime,
    subject: str = "",
    content: str = "",
    agency: Agency | None = None,
    channel: str = "",
    submitter_name: str = "",
    submitter_phone: str = "",
    submitter_email: str = "",
    submitter_address: str = "",
    actor=None,
    actor_label: str = "",
) -> Feedback:
    """Record a feedback item received at ``received_at``; it gets its code here."""
    if kind not in FeedbackKind.values:
        raise _invalid("Loại phản ánh không hợp lệ.", "Invalid feedback kind.", "invalid_kind")
    if channel and channel not in FeedbackChannel.values:
        raise _invalid("Kênh tiếp nhận không hợp lệ.", "Invalid channel.", "invalid_channel")
    _aware(received_at, "received_at")
    with transaction.atomic():
        # The code needs the primary key; a unique placeholder holds its place until then.
        feedback = Feedback.objects.create(
            code=f"~{uuid.uuid4().hex}",
            kind=kind,
            received_at=received_at,
            subject=subject.strip(),
            content=content.strip(),
            agency=agency,
            channel=channel,
            submitter_name=submitter_name.strip(),
            submitter_phone=submitter_phone.strip(),
            submitter_email=submitter_email.strip(),
            submitter_address=submitter_address.strip(),
            state=FeedbackState.RECEIVED,
        )
        feedback.code = feedback_code(feedback)
        feedback.save(update_fields=["code"])
        audit_record(
            action="feedback.record",
            target=feedback,
            actor=actor,
            actor_label=actor_label,
            data={"code": feedback.code, "kind": kind, "channel": channel},
        )
        return feedback


def feedback_process(
    *, feedback: Feedback, processed_at: dt.datetime, answer: str, actor=None
) -> Feedback:
    """Finish handling: the answer and the instant it was given."""
    _aware(processed_at, "processed_at")
    if not answer.strip():
        raise _invalid("Cần nhập kết quả xử lý.", "The answer is required.", "answer_required")
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
        if feedback.processed_at is not None:
            raise DomainError(
                "Phản ánh, kiến nghị đã được xử lý.",
                "The feedback has already been processed.",
                code="already_processed",
            )
        if processed_at < feedback.received_at:
            raise _invalid(
                "Thời điểm xử lý trước thời điểm tiếp nhận.",
                "Processed before it was received.",
                "processed_before_received",
            )
        feedback.processed_at = processed_at
        feedback.answer = answer.strip()
        feedback.state = FeedbackState.PROCESSED
        feedback.save(update_fields=["processed_at", "answer", "state"])
        audit_record(
            action="feedback.process",
            target=feedback,
            actor=actor,
            data={"processed_at": processed_at.isoformat()},
        )
        return feedback


def feedback_publish(*, feedback: Feedback, published_at: dt.datetime, actor=None) -> Feedback:
    """Make the answer public (đăng tải công khai)."""
    _aware(published_at, "published_at")
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
        if feedback.processed_at is None:
            raise DomainError(
                "Chưa xử lý xong, chưa có kết quả để công khai.",
                "Not processed yet: there is no answer to publish.",
                code="not_processed",
            )
        if feedback.published_at is not None:
            raise DomainError(
                "Kết quả đã được công khai.",
                "The answer is already published.",
                code="already_published",
            )
        if published_at < feedback.processed_at:
            raise _invalid(
                "Thời điểm công khai trước thời điểm xử lý xong.",
                "Published before it was processed.",
                "published_before_processed",
            )
        feedback.published_at = published_at
        feedback.save(update_fields=["published_at"])
        audit_record(
            action="feedback.publish",
            target=feedback,
            actor=actor,
            data={"published_at": published_at.isoformat()},
        )
        return feedback
