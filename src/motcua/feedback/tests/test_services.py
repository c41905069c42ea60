"""Feedback services: record, process, publish; each audited, each checking the order of the
instants the statistics count."""

import datetime as dt

import pytest

from motcua.audit.models import AuditEntry
from motcua.feedback.models import FeedbackChannel, FeedbackKind, FeedbackState
from motcua.feedback.selectors import masked_contact
from motcua.feedback.services import feedback_process, feedback_publish, feedback_record
from motcua.interchange.parsing import LOCAL_TZ
from motcua.testing.factories import AgencyFactory
from motcua.utils.errors import DomainError

pytestmark = pytest.mark.django_db

RECEIVED = dt.datetime(2024, 3, 5, 8, 15, tzinfo=LOCAL_TZ)


def record(**overrides):
    values = {
        "kind": FeedbackKind.BEHAVIOUR,
        "received_at": RECEIVED,
        "subject": " Cán bộ hẹn trả chậm ",
        "content": "Hồ sơ hẹn trả ngày 01/3 nhưng chưa có kết quả.",
        "channel": FeedbackChannel.PHONE,
        "submitter_name": "Nguyễn Văn An",
        "submitter_phone": "0912345678",
        "submitter_email": "an@example.vn",
    }
    return feedback_record(**{**values, **overrides})


def test_record_gives_a_code_and_local_dates_and_audits():
    agency = AgencyFactory()
    feedback = record(agency=agency, received_at=dt.datetime(2024, 3, 4, 18, 0, tzinfo=dt.UTC))

    assert feedback.code == f"PAKN-2024-{feedback.pk:06d}"
    assert feedback.state == FeedbackState.RECEIVED and not feedback.imported
    assert feedback.subject == "Cán bộ hẹn trả chậm"
    assert feedback.received_on == dt.date(2024, 3, 5)  # 01:00 local on the 5th
    entry = AuditEntry.objects.get(action="feedback.record")
    assert entry.target_id == str(feedback.pk) and entry.data["code"] == feedback.code


def test_process_then_publish():
    feedback = record()
    processed_at = RECEIVED + dt.timedelta(days=9)

    feedback = feedback_process(feedback=feedback, processed_at=processed_at, answer=" Đã trả. ")
    assert (feedback.state, feedback.answer) == (FeedbackState.PROCESSED, "Đã trả.")
    assert feedback.processed_on == dt.date(2024, 3, 14)

    feedback = feedback_publish(feedback=feedback, published_at=processed_at)
    feedback.refresh_from_db()
    assert feedback.published_on == dt.date(2024, 3, 14)
    assert list(
        AuditEntry.objects.filter(target_id=str(feedback.pk))
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["feedback.record", "feedback.process", "feedback.publish"]


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (
            lambda f: feedback_process(feedback=f, processed_at=RECEIVED, answer="  "),
            "answer_required",
        ),
        (
            lambda f: feedback_process(
                feedback=f, processed_at=RECEIVED - dt.timedelta(minutes=1), answer="x"
            ),
            "processed_before_received",
        ),
        (lambda f: feedback_publish(feedback=f, published_at=RECEIVED), "not_processed"),
        (
            lambda f: feedback_process(
                feedback=f, processed_at=dt.datetime(2024, 3, 6, 9), answer="x"
            ),
            "naive_instant",
        ),
    ],
)
def test_refusals(call, code):
    feedback = record()
    with pytest.raises(DomainError) as error:
        call(feedback)
    assert error.value.code == code
    feedback.refresh_from_db()
    assert feedback.processed_at is None and feedback.published_at is None


def test_process_twice_and_publish_twice_are_refused():
    feedback = record()
    feedback_process(feedback=feedback, processed_at=RECEIVED, answer="x")
    with pytest.raises(DomainError, match="already been processed"):
        feedback_process(feedback=feedback, processed_at=RECEIVED, answer="y")
    with pytest.raises(DomainError) as error:
        feedback_publish(feedback=feedback, published_at=RECEIVED - dt.timedelta(seconds=1))
    assert error.value.code == "published_before_processed"
    feedback_publish(feedback=feedback, published_at=RECEIVED)
    with pytest.raises(DomainError, match="already published"):
        feedback_publish(feedback=feedback, published_at=RECEIVED)


@pytest.mark.parametrize(
    ("overrides", "code"),
    [({"kind": "other"}, "invalid_kind"), ({"channel": "fax"}, "invalid_channel")],
)
def test_record_refuses_unknown_choices(overrides, code):
    with pytest.raises(DomainError) as error:
        record(**overrides)
    assert error.value.code == code


def test_lists_show_the_submitter_masked():
    feedback = record()
    assert masked_contact(feedback) == "N. V. A., *******678, ***@example.vn"
    assert masked_contact(record(submitter_name="", submitter_phone="", submitter_email="")) == ""


def test_admin_list_masks_personal_data(admin_client):
    feedback = record()
    page = admin_client.get("/admin/feedback/feedback/").content.decode()
    assert feedback.code in page
    assert "*******678" in page and "0912345678" not in page and "Nguyễn Văn An" not in page
