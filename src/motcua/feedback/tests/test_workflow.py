"""The handling workflow through its services: each step audited, the sender told through the
outbox, who may do what (authz), bad input refused with nothing written."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry
from motcua.feedback import authz, services
from motcua.feedback.models import ClosedReason, Feedback, FeedbackAttachment, FeedbackState
from motcua.feedback.tests.conftest import answered, at, submit
from motcua.feedback.workflow import Action
from motcua.notifications.models import OutboxMessage
from motcua.utils.errors import DomainError

pytestmark = pytest.mark.django_db

NOW = at(2025, 3, 3, 9, 0)  # a Monday


def test_submission_keeps_only_a_hash_of_the_secret(world):
    sent = submit(world, now=NOW)
    item = sent.feedback
    assert item.code.startswith("PAKN-2025-")
    assert item.state == FeedbackState.RECEIVED
    assert sent.secret not in item.secret_hash and len(item.secret_hash) == 64
    assert services.feedback_lookup(code=item.code, secret=sent.secret) == item
    assert services.feedback_lookup(code=item.code.lower(), secret=sent.secret.lower()) == item
    assert services.feedback_lookup(code=item.code, secret="WRONG12345") is None
    assert item.agency == world.dept  # the procedure's agency
    assert AuditEntry.objects.filter(action="feedback.submit", target_id=str(item.pk)).exists()
    # The receipt goes to both contacts given.
    assert set(OutboxMessage.objects.values_list("channel", flat=True)) == {"email", "sms"}


def test_no_contact_no_message(world):
    submit(world, now=NOW, contact=services.Contact())
    assert not OutboxMessage.objects.exists()


def test_whole_workflow_sets_the_instants_the_statistics_count(world):
    item = answered(world, now=NOW)
    assert item.state == FeedbackState.PROCESSED
    assert item.processed_at == NOW + dt.timedelta(minutes=3)  # the approval
    assert item.published_at == NOW + dt.timedelta(minutes=4)
    assert "Nguyễn Thị Hoa" not in item.public_content
    assert "060190001234" not in item.public_content
    assert "Nguyễn Thị Hoa" in item.content  # the original is kept apart
    actions = list(
        AuditEntry.objects.filter(target_id=str(item.pk), target_type="feedback.feedback")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "feedback.submit",
        "feedback.classify",
        "feedback.assign",
        "feedback.draft",
        "feedback.approve",
        "feedback.publish",
    ]
    events = set(OutboxMessage.objects.values_list("event", flat=True))
    assert {"feedback_submitted", "feedback_assigned", "feedback_answered"} <= events
    assert "feedback_published" in events


def test_the_leader_returns_a_draft(world):
    item = submit(world, now=NOW).feedback
    item = services.feedback_classify(actor=world.controller, feedback=item, kind="behaviour")
    item = services.feedback_assign(actor=world.controller, feedback=item, agency=world.dept)
    item = services.feedback_draft(actor=world.user(Role.HANDLER), feedback=item, answer="Nháp")
    item = services.feedback_return(
        actor=world.user(Role.APPROVER), feedback=item, note="Bổ sung căn cứ"
    )
    assert item.state == FeedbackState.PROCESSING and item.processed_at is None
    assert item.return_note == "Bổ sung căn cứ"


def test_a_complaint_is_closed_with_where_it_belongs(world):
    item = submit(world, now=NOW).feedback
    item = services.feedback_close(
        actor=world.controller, feedback=item, reason=ClosedReason.COMPLAINT
    )
    assert item.state == FeedbackState.CLOSED and item.processed_at is not None
    assert "Luật Khiếu nại năm 2011" in item.answer
    assert item.published_at is None


def test_a_duplicate_points_at_the_item_kept(world):
    kept = submit(world, now=NOW).feedback
    duplicate = submit(world, now=NOW).feedback
    duplicate = services.feedback_merge(actor=world.controller, feedback=duplicate, into=kept)
    assert duplicate.state == FeedbackState.CLOSED
    assert duplicate.duplicate_of == kept and duplicate.closed_reason == ClosedReason.DUPLICATE
    with pytest.raises(DomainError):
        services.feedback_merge(actor=world.controller, feedback=kept, into=kept)


def test_asking_the_sender_for_more_restarts_the_clock(world):
    item = submit(world, now=NOW).feedback
    item = services.feedback_request_info(
        actor=world.controller, feedback=item, request="Cho biết số hồ sơ", now=NOW
    )
    assert item.state == FeedbackState.AWAITING_INFO
    later = at(2025, 3, 10, 9, 0)
    item = services.feedback_provide_info(
        feedback=item, reply="Hồ sơ 000.00.05.H12-250301-0001", now=later
    )
    assert item.state == FeedbackState.RECEIVED
    assert item.classify_due_at == at(2025, 3, 12, 9, 0)


def test_only_the_controller_classifies_and_publishes(world):
    item = submit(world, now=NOW).feedback
    for user in (world.user(Role.HANDLER), world.user(Role.APPROVER)):
        with pytest.raises(DomainError) as refused:
            services.feedback_classify(actor=user, feedback=item, kind="regulation")
        assert refused.value.status_code == 403
    processed = answered(world, now=NOW, publish=False)
    texts = services.masked_texts(processed)
    for user in (world.user(Role.HANDLER), world.user(Role.APPROVER)):
        with pytest.raises(DomainError):
            services.feedback_publish_answer(actor=user, feedback=processed, **texts)
    assert Feedback.objects.get(pk=processed.pk).published_at is None


def test_another_agency_cannot_draft_or_approve(world):
    item = submit(world, now=NOW).feedback
    item = services.feedback_classify(actor=world.controller, feedback=item, kind="regulation")
    item = services.feedback_assign(actor=world.controller, feedback=item, agency=world.dept)
    with pytest.raises(DomainError) as refused:
        services.feedback_draft(actor=world.user(Role.HANDLER, "other"), feedback=item, answer="x")
    assert refused.value.code == "agency_not_allowed"
    assert authz.allowed_actions_for(world.user(Role.HANDLER), item) == [Action.DRAFT]
    assert authz.allowed_actions_for(world.user(Role.HANDLER, "other"), item) == []
    assert authz.allowed_actions_for(world.controller, item) == []


def test_agencies_see_only_the_items_assigned_to_them(world):
    mine = submit(world, now=NOW).feedback
    mine = services.feedback_classify(actor=world.controller, feedback=mine, kind="regulation")
    mine = services.feedback_assign(actor=world.controller, feedback=mine, agency=world.dept)
    # About the department's procedure, but not assigned yet: the office's alone.
    waiting = submit(world, now=NOW).feedback
    assert set(authz.visible_feedback(world.user(Role.HANDLER))) == {mine}
    assert set(authz.visible_feedback(world.user(Role.HANDLER, "other"))) == set()
    assert set(authz.visible_feedback(world.controller)) == {mine, waiting}


def test_the_sender_rates_a_published_answer_once(world):
    item = answered(world, now=NOW)
    item = services.feedback_rate(feedback=item, satisfied=True)
    assert item.satisfaction == "satisfied"
    with pytest.raises(DomainError):
        services.feedback_rate(feedback=item, satisfied=False)
    unpublished = answered(world, now=NOW, publish=False)
    with pytest.raises(DomainError):
        services.feedback_rate(feedback=unpublished, satisfied=True)


@pytest.mark.parametrize(
    ("field", "value"),
    [("subject", ""), ("content", "   "), ("subject", "x" * 300), ("kind", "other")],
)
def test_bad_input_is_refused_and_nothing_written(world, field, value):
    audited = AuditEntry.objects.count()
    with pytest.raises(DomainError) as refused:
        submit(world, now=NOW, **{field: value})
    assert refused.value.status_code == 400
    assert " / " in refused.value.bilingual
    assert not Feedback.objects.exists() and AuditEntry.objects.count() == audited


def test_bad_contact_is_refused_naming_the_field(world):
    with pytest.raises(DomainError) as refused:
        submit(world, now=NOW, contact=services.Contact(phone="12", email="not-an-email"))
    assert set(refused.value.details) == {"submitter_phone", "submitter_email"}
    assert not Feedback.objects.exists()


@override_settings(MOTCUA_MAX_UPLOAD_BYTES=1000)
def test_huge_or_fake_uploads_are_refused_and_nothing_stored(world):
    huge = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    with pytest.raises(DomainError) as refused:
        submit(world, now=NOW, attachments=[huge])
    assert refused.value.code == "file_too_large"
    fake = SimpleUploadedFile("scan.pdf", b"MZ not a pdf")
    with pytest.raises(DomainError):
        submit(world, now=NOW, attachments=[fake])
    assert not Feedback.objects.exists() and not FeedbackAttachment.objects.exists()


def test_an_attachment_is_stored(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    scan = SimpleUploadedFile("anh.pdf", b"%PDF-1.4\n% scan\n")
    item = submit(world, now=NOW, attachments=[scan]).feedback
    (attachment,) = item.attachments.all()
    assert attachment.name == "anh.pdf" and attachment.file.read().startswith(b"%PDF")


def test_national_portal_items_arrive_through_the_same_service(world):
    item = submit(world, now=NOW, channel="national_portal").feedback
    assert item.channel == "national_portal" and item.state == FeedbackState.RECEIVED


def test_the_controller_edits_the_masked_text_and_the_senders_data_stays_masked(world):
    item = answered(world, now=NOW, publish=False)
    texts = services.masked_texts(item)
    assert "[họ tên]" in texts["public_content"]
    item = services.feedback_publish_answer(
        actor=world.controller,
        feedback=item,
        public_subject=texts["public_subject"],
        # An edit, and the sender's name typed back in by mistake.
        public_content="Phản ánh của Nguyễn Thị Hoa về giấy tờ ngoài quy định (đã biên tập).",
        public_answer=texts["public_answer"],
        now=NOW + dt.timedelta(hours=1),
    )
    assert item.public_content == "Phản ánh của [họ tên] về giấy tờ ngoài quy định (đã biên tập)."
    assert "Nguyễn Thị Hoa" in item.content  # the original is untouched
    assert "bien tap" in item.search_text
