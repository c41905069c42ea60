"""Services of feedback (PAKN): recording imported history, and the handling workflow of
``workflow.py`` from the sender's submission to the published answer and the sender's rating.

Three instants are the facts the statistics count (statistics.md §3): ``received_at`` (the
submission), ``processed_at`` (the leader approved the answer, or the provincial office closed
the item as not feedback or as a duplicate) and ``published_at`` (the answer published). Each
service checks its action with ``authz.check`` on the locked item, saves, writes an audit entry
and queues the sender's notification in the outbox in the same transaction (the message exists
exactly when the change does; the worker delivers it after the commit).
"""

import datetime as dt
import hashlib
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.audit.services import audit_record
from motcua.calendar.rules import add_working_time
from motcua.calendar.selectors import office_hours_for, work_calendar
from motcua.dossiers.applicant import normalize_phone
from motcua.feedback import authz
from motcua.feedback.models import (
    ClosedReason,
    Feedback,
    FeedbackAttachment,
    FeedbackChannel,
    FeedbackKind,
    FeedbackState,
    Satisfaction,
)
from motcua.feedback.workflow import (
    ANSWER_DAYS,
    CLASSIFY_DAYS,
    PUBLISH_DAYS,
    REQUEST_INFO_DAYS,
    Action,
)
from motcua.notifications.services import outbox_enqueue
from motcua.procedures.models import Procedure
from motcua.utils.errors import DomainError
from motcua.utils.masking import mask_personal_data
from motcua.utils.storage import file_save, files_atomic
from motcua.utils.text import fold
from motcua.utils.uploads import check_uploads


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


# ---- the handling workflow ------------------------------------------------------------------

SUBJECT_MAX = 255
CONTENT_MAX = 10_000
ANSWER_MAX = 20_000
# The secret's alphabet: no 0/O, 1/I/L to misread on a phone screen.
SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
SECRET_LENGTH = 10
LAW_REFERRALS: dict[str, str] = {
    ClosedReason.COMPLAINT: (
        "Nội dung là khiếu nại: đề nghị gửi đơn đến người có thẩm quyền giải quyết khiếu nại "
        "theo Luật Khiếu nại năm 2011 (thủ trưởng cơ quan đã ban hành quyết định hoặc có "
        "người có hành vi hành chính bị khiếu nại)."
    ),
    ClosedReason.DENUNCIATION: (
        "Nội dung là tố cáo: đề nghị gửi đơn đến cơ quan, người có thẩm quyền giải quyết tố "
        "cáo theo Luật Tố cáo năm 2018 (người đứng đầu cơ quan quản lý người bị tố cáo)."
    ),
}


def _now(now: dt.datetime | None) -> dt.datetime:
    now = now or timezone.now()
    _aware(now, "now")
    return now


def secret_hash(code: str, secret: str) -> str:
    """What is stored of the lookup secret: a hash salted with the item's code."""
    normalised = "".join(secret.split()).upper().replace("-", "")
    return hashlib.sha256(f"{code}:{normalised}".encode()).hexdigest()


def _deadline(start: dt.datetime, days: int) -> dt.datetime:
    """``days`` working days after ``start`` in the province's calendar (its exceptions
    included), office hours of the provincial office."""
    return add_working_time(start, days, calendar=work_calendar(), hours=office_hours_for(None))


def _text(value: str, *, field: str, label_vi: str, label_en: str, limit: int, required=True):
    value = (value or "").strip()
    if required and not value:
        raise DomainError(
            f"Vui lòng nhập {label_vi}.",
            f"The {label_en} is required.",
            code="required",
            status_code=400,
            details={field: [f"Vui lòng nhập {label_vi}. / The {label_en} is required."]},
        )
    if len(value) > limit:
        raise DomainError(
            f"{label_vi.capitalize()} dài quá {limit} ký tự.",
            f"The {label_en} is longer than {limit} characters.",
            code="too_long",
            status_code=400,
            details={field: [f"Tối đa {limit} ký tự. / At most {limit} characters."]},
        )
    return value


@dataclass(frozen=True)
class Contact:
    """The sender, all optional: answered by e-mail or SMS only when given."""

    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


def contact_clean(contact: Contact) -> Contact:
    """Normalise the sender's contact once, at the service boundary; DomainError (400) naming
    the wrong fields."""
    errors: dict[str, list[str]] = {}
    phone = contact.phone.strip()
    if phone:
        try:
            phone = normalize_phone(phone)
        except ValueError as exc:
            errors["submitter_phone"] = [str(exc)]
    email = contact.email.strip()
    if email:
        try:
            if len(email) > 254:
                raise ValidationError("too long")
            validate_email(email)
        except ValidationError:
            errors["submitter_email"] = [
                "Địa chỉ thư điện tử không hợp lệ. / Enter a valid e-mail address."
            ]
    name, address = " ".join(contact.name.split()), " ".join(contact.address.split())
    if len(name) > 255:
        errors["submitter_name"] = ["Tối đa 255 ký tự. / At most 255 characters."]
    if len(address) > 500:
        errors["submitter_address"] = ["Tối đa 500 ký tự. / At most 500 characters."]
    if errors:
        raise DomainError(
            "Thông tin liên hệ không hợp lệ.",
            "Invalid contact details.",
            code="invalid",
            status_code=400,
            details=errors,
        )
    return Contact(name=name, phone=phone, email=email, address=address)


def _notify(feedback: Feedback, event: str, text: str, *, unverified: bool = False) -> None:
    """Tell the sender (when they left a contact) through the outbox."""
    if not (feedback.submitter_email or feedback.submitter_phone):
        return
    url = f"{settings.MOTCUA_PUBLIC_URL.rstrip('/')}/phan-anh-kien-nghi/tra-cuu/?ma={feedback.code}"
    outbox_enqueue(
        key=f"feedback:{feedback.pk}:{event}:{feedback.updated_at.timestamp():.0f}",
        event=f"feedback_{event}",
        subject=f"Phản ánh, kiến nghị {feedback.code}",
        body=f"Phản ánh, kiến nghị {feedback.code}: {text} Tra cứu: {url}",
        email=feedback.submitter_email,
        phone=feedback.submitter_phone,
        unverified=unverified,
    )


def _locked(feedback: Feedback) -> Feedback:
    return Feedback.objects.select_for_update().get(pk=feedback.pk)


def _search_text(feedback: Feedback) -> str:
    return fold(
        " ".join(
            [
                feedback.code,
                feedback.public_subject,
                feedback.public_content,
                feedback.public_answer,
            ]
        )
    )


def masked_texts(feedback: Feedback) -> dict[str, str]:
    """The question and answer of ``feedback`` with personal data masked: what the controller
    is shown, and may edit, before publishing (``utils.masking``)."""
    known = {
        "names": [feedback.submitter_name] if feedback.submitter_name else [],
        "phones": [feedback.submitter_phone] if feedback.submitter_phone else [],
        "emails": [feedback.submitter_email] if feedback.submitter_email else [],
        "addresses": [feedback.submitter_address] if feedback.submitter_address else [],
    }
    return {
        "public_subject": mask_personal_data(feedback.subject, **known),
        "public_content": mask_personal_data(feedback.content, **known),
        "public_answer": mask_personal_data(feedback.answer, **known),
    }


@dataclass(frozen=True)
class Submitted:
    feedback: Feedback
    secret: str  # shown once to the sender; only its hash is kept


def feedback_submit(
    *,
    subject: str,
    content: str,
    kind: str = FeedbackKind.REGULATION,
    agency: Agency | None = None,
    procedure: Procedure | None = None,
    contact: Contact = Contact(),
    attachments: Sequence[UploadedFile] = (),
    channel: str = FeedbackChannel.ONLINE,
    sender_identifier: str = "",
    now: dt.datetime | None = None,
) -> Submitted:
    """A feedback item from the sender: the public form and API (``online``) and the national
    feedback system (``national_portal``) alike. ``kind`` is the sender's choice; the
    provincial office confirms or changes it when classifying (so that the §3 split by kind
    covers every item received). ``sender_identifier`` is the national identifier of the
    applicant signed in on the public form (their space lists the item); blank when anonymous.
    Returns the item and its lookup secret."""
    now = _now(now)
    subject = _text(
        subject, field="subject", label_vi="tiêu đề", label_en="subject", limit=SUBJECT_MAX
    )
    content = _text(
        content, field="content", label_vi="nội dung", label_en="content", limit=CONTENT_MAX
    )
    if kind not in FeedbackKind.values:
        raise _invalid("Loại phản ánh không hợp lệ.", "Invalid feedback kind.", "invalid_kind")
    if channel not in (FeedbackChannel.ONLINE, FeedbackChannel.NATIONAL_PORTAL):
        raise _invalid("Kênh tiếp nhận không hợp lệ.", "Invalid channel.", "invalid_channel")
    contact = contact_clean(contact)
    sender_identifier = sender_identifier.strip()  # an account's: checked at sign-in
    check_uploads(attachments)
    authz.check(Action.SUBMIT, actor=None, feedback=None)
    if agency is None and procedure is not None:
        agency = procedure.agency
    secret = "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))
    with files_atomic(), transaction.atomic():
        feedback = Feedback.objects.create(
            code=f"~{uuid.uuid4().hex}",
            kind=kind,
            received_at=now,
            subject=subject,
            content=content,
            agency=agency,
            procedure=procedure,
            channel=channel,
            submitter_name=contact.name,
            submitter_phone=contact.phone,
            submitter_email=contact.email,
            submitter_address=contact.address,
            sender_identifier=sender_identifier,
            state=FeedbackState.RECEIVED,
            classify_due_at=_deadline(now, CLASSIFY_DAYS),
            info_due_at=_deadline(now, REQUEST_INFO_DAYS),
        )
        feedback.code = feedback_code(feedback)
        feedback.secret_hash = secret_hash(feedback.code, secret)
        feedback.save(update_fields=["code", "secret_hash"])
        for upload in attachments:
            row = FeedbackAttachment(feedback=feedback, name=(upload.name or "")[:255])
            file_save(row.file, upload.name or "tep", upload)
            row.save()
        audit_record(
            action="feedback.submit",
            target=feedback,
            actor_label=channel,
            data={
                "code": feedback.code,
                "channel": channel,
                "files": len(attachments),
                "signed_in": bool(sender_identifier),
            },
        )
        _notify(
            feedback,
            "submitted",
            "đã được tiếp nhận. Giữ mã và mã bí mật để tra cứu kết quả.",
            unverified=True,
        )
    return Submitted(feedback, secret)


def feedback_lookup(*, code: str, secret: str) -> Feedback | None:
    """The item ``code`` when ``secret`` is its lookup secret (constant-time compare)."""
    code = "".join((code or "").split()).upper()
    feedback = Feedback.objects.filter(code=code, imported=False).first()
    if feedback is None or not feedback.secret_hash:
        return None
    if not secrets.compare_digest(feedback.secret_hash, secret_hash(code, secret or "")):
        return None
    return feedback


def feedback_classify(
    *, actor, feedback: Feedback, kind: str, now: dt.datetime | None = None
) -> Feedback:
    """The provincial office classifies the item: about regulations or about behaviour."""
    now = _now(now)
    if kind not in FeedbackKind.values:
        raise _invalid("Loại phản ánh không hợp lệ.", "Invalid feedback kind.", "invalid_kind")
    with transaction.atomic():
        feedback = _locked(feedback)
        authz.check(Action.CLASSIFY, actor=actor, feedback=feedback)
        feedback.kind = kind
        feedback.state = FeedbackState.CLASSIFIED
        feedback.classified_at = now
        feedback.save(update_fields=["kind", "state", "classified_at", "updated_at"])
        audit_record(action="feedback.classify", target=feedback, actor=actor, data={"kind": kind})
    return feedback


def feedback_close(
    *, actor, feedback: Feedback, reason: str, answer: str = "", now: dt.datetime | None = None
) -> Feedback:
    """Not feedback: closed with an answer that says where it belongs (a complaint under the
    Law on Complaints 2011, a denunciation under the Law on Denunciations 2018). Closing is
    processing (§3): ``processed_at`` is set."""
    now = _now(now)
    if reason not in (ClosedReason.COMPLAINT, ClosedReason.DENUNCIATION, ClosedReason.OTHER):
        raise _invalid("Lý do không hợp lệ.", "Invalid reason.", "invalid_reason")
    answer = (answer or "").strip() or LAW_REFERRALS.get(reason, "")
    answer = _text(
        answer, field="answer", label_vi="nội dung trả lời", label_en="answer", limit=ANSWER_MAX
    )
    with transaction.atomic():
        feedback = _locked(feedback)
        authz.check(Action.CLOSE, actor=actor, feedback=feedback)
        feedback.state = FeedbackState.CLOSED
        feedback.closed_reason = reason
        feedback.answer = answer
        feedback.processed_at = max(now, feedback.received_at)
        feedback.save()
        audit_record(action="feedback.close", target=feedback, actor=actor, data={"reason": reason})
        _notify(feedback, "closed", f"không thuộc phạm vi phản ánh, kiến nghị. {answer}")
    return feedback


def feedback_merge(
    *, actor, feedback: Feedback, into: Feedback, now: dt.datetime | None = None
) -> Feedback:
    """A duplicate: closed, pointing at the item kept (which must be neither it nor closed)."""
    now = _now(now)
    if into.pk == feedback.pk or into.imported:
        raise _invalid(
            "Không gộp được vào phản ánh này.", "Cannot merge into that item.", "invalid_merge"
        )
    with transaction.atomic():
        kept = Feedback.objects.select_for_update().get(pk=into.pk)
        if kept.state == FeedbackState.CLOSED:
            raise _invalid(
                "Phản ánh được giữ lại đã đóng.", "The kept item is closed.", "invalid_merge"
            )
        feedback = _locked(feedback)
        authz.check(Action.MERGE, actor=actor, feedback=feedback)
        feedback.state = FeedbackState.CLOSED
        feedback.closed_reason = ClosedReason.DUPLICATE
        feedback.duplicate_of = kept
        feedback.answer = f"Trùng nội dung với phản ánh, kiến nghị {kept.code}."
        feedback.processed_at = max(now, feedback.received_at)
        feedback.save()
        audit_record(
            action="feedback.merge", target=feedback, actor=actor, data={"into": kept.code}
        )
        _notify(feedback, "merged", f"trùng với {kept.code}, được xử lý cùng phản ánh đó.")
    return feedback


def feedback_request_info(
    *, actor, feedback: Feedback, request: str, now: dt.datetime | None = None
) -> Feedback:
    """Ask the sender for more information (they answer from the lookup page)."""
    now = _now(now)
    request = _text(
        request,
        field="request",
        label_vi="nội dung cần bổ sung",
        label_en="request",
        limit=CONTENT_MAX,
    )
    with transaction.atomic():
        feedback = _locked(feedback)
        authz.check(Action.REQUEST_INFO, actor=actor, feedback=feedback)
        feedback.state = FeedbackState.AWAITING_INFO
        feedback.info_request = request
        feedback.info_requested_at = now
        feedback.save()
        audit_record(action="feedback.request_info", target=feedback, actor=actor)
        _notify(feedback, "info_requested", f"cần bổ sung: {request}")
    return feedback


def feedback_provide_info(
    *, feedback: Feedback, reply: str, now: dt.datetime | None = None
) -> Feedback:
    """The sender's additional information: the item is back for classification, its
    deadlines counted again from now."""
    now = _now(now)
    reply = _text(
        reply, field="reply", label_vi="thông tin bổ sung", label_en="reply", limit=CONTENT_MAX
    )
    with transaction.atomic():
        feedback = _locked(feedback)
        authz.check(Action.PROVIDE_INFO, actor=None, feedback=feedback)
        feedback.state = FeedbackState.RECEIVED
        feedback.info_reply = reply
        feedback.classify_due_at = _deadline(now, CLASSIFY_DAYS)
        feedback.info_due_at = _deadline(now, REQUEST_INFO_DAYS)
        feedback.save()
        audit_record(action="feedback.provide_info", target=feedback, actor_label="sender")
    return feedback


def feedback_assign(
    *, actor, feedback: Feedback, agency: Agency, now: dt.datetime | None = None
) -> Feedback:
    """Send the item to the agency that answers it: 15 working days from now."""
    now = _now(now)
    if not agency.is_active:
        raise _invalid("Cơ quan không còn hoạt động.", "Inactive agency.", "invalid_agency")
    with transaction.atomic():
        feedback = _locked(feedback)
        authz.check(Action.ASSIGN, actor=actor, feedback=feedback)
        feedback.agency = agency
        feedback.state = FeedbackState.PROCESSING
        feedback.assigned_at = now
        feedback.answer_due_at = _deadline(now, ANSWER_DAYS)
        feedback.save()
        audit_record(
            action="feedback.assign", target=feedback, actor=actor, data={"agency": agency.code}
        )
        _notify(feedback, "assigned", f"đã được chuyển đến {agency.name} để xử lý.")
    return feedback


def feedback_draft(*, actor, feedback: Feedback, answer: str) -> Feedback:
    """The agency's handler drafts the answer and sends it to the leader."""
    answer = _text(
        answer, field="answer", label_vi="nội dung trả lời", label_en="answer", limit=ANSWER_MAX
    )
    with transaction.atomic():
        feedback = _locked(feedback)
        authz.check(Action.DRAFT, actor=actor, feedback=feedback)
        feedback.answer = answer
        feedback.state = FeedbackState.AWAITING_APPROVAL
        feedback.return_note = ""
        feedback.save()
        audit_record(action="feedback.draft", target=feedback, actor=actor)
    return feedback


def feedback_return(*, actor, feedback: Feedback, note: str) -> Feedback:
    """The leader returns the draft to the handler, saying why."""
    note = _text(note, field="note", label_vi="ý kiến", label_en="note", limit=CONTENT_MAX)
    with transaction.atomic():
        feedback = _locked(feedback)
        authz.check(Action.RETURN, actor=actor, feedback=feedback)
        feedback.state = FeedbackState.PROCESSING
        feedback.return_note = note
        feedback.save()
        audit_record(action="feedback.return", target=feedback, actor=actor)
    return feedback


def feedback_approve(*, actor, feedback: Feedback, now: dt.datetime | None = None) -> Feedback:
    """The leader approves the answer: the item is processed (§3), to be published within 2
    working days; the masked texts are prepared for the provincial office to check."""
    now = _now(now)
    with transaction.atomic():
        feedback = _locked(feedback)
        authz.check(Action.APPROVE, actor=actor, feedback=feedback)
        feedback.state = FeedbackState.PROCESSED
        feedback.processed_at = max(now, feedback.received_at)
        feedback.approved_at = now
        feedback.publish_due_at = _deadline(now, PUBLISH_DAYS)
        for name, value in masked_texts(feedback).items():
            setattr(feedback, name, value)
        feedback.save()
        audit_record(action="feedback.approve", target=feedback, actor=actor)
        _notify(feedback, "answered", f"đã có kết quả trả lời: {feedback.answer[:300]}")
    return feedback


def feedback_publish_answer(
    *,
    actor,
    feedback: Feedback,
    public_subject: str,
    public_content: str,
    public_answer: str,
    now: dt.datetime | None = None,
) -> Feedback:
    """The provincial office publishes the question and answer, in the masked texts it has
    checked (and may have edited); the originals stay as they were. The texts are masked once
    more, so that the sender's own name and contact cannot be published by mistake."""
    now = _now(now)
    public_subject = _text(
        public_subject,
        field="public_subject",
        label_vi="tiêu đề",
        label_en="subject",
        limit=SUBJECT_MAX,
    )
    public_content = _text(
        public_content,
        field="public_content",
        label_vi="nội dung",
        label_en="content",
        limit=CONTENT_MAX,
    )
    public_answer = _text(
        public_answer,
        field="public_answer",
        label_vi="kết quả trả lời",
        label_en="answer",
        limit=ANSWER_MAX,
    )
    with transaction.atomic():
        feedback = _locked(feedback)
        authz.check(Action.PUBLISH, actor=actor, feedback=feedback)
        probe = Feedback(
            subject=public_subject,
            content=public_content,
            answer=public_answer,
            submitter_name=feedback.submitter_name,
            submitter_phone=feedback.submitter_phone,
            submitter_email=feedback.submitter_email,
            submitter_address=feedback.submitter_address,
        )
        masked = masked_texts(probe)
        feedback.public_subject = masked["public_subject"]
        feedback.public_content = masked["public_content"]
        feedback.public_answer = masked["public_answer"]
        feedback.search_text = _search_text(feedback)
        feedback.published_at = max(now, feedback.processed_at or now)
        feedback.save()
        audit_record(action="feedback.publish", target=feedback, actor=actor)
        _notify(feedback, "published", "kết quả trả lời đã được công khai.")
    return feedback


def feedback_rate(*, feedback: Feedback, satisfied: bool, now: dt.datetime | None = None):
    """The sender says whether the published answer satisfied them (the service index's
    ``satisfaction.feedback_satisfied``)."""
    now = _now(now)
    with transaction.atomic():
        feedback = _locked(feedback)
        authz.check(Action.RATE, actor=None, feedback=feedback)
        feedback.satisfaction = Satisfaction.SATISFIED if satisfied else Satisfaction.NOT_SATISFIED
        feedback.satisfaction_at = now
        feedback.save(update_fields=["satisfaction", "satisfaction_at", "updated_at"])
        audit_record(
            action="feedback.rate",
            target=feedback,
            actor_label="sender",
            data={"satisfied": satisfied},
        )
    return feedback
