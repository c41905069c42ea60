"""The feedback pages: the public form, list, search and item page, the sender's lookup, and
the officers' queue and item page with who sees what."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry
from motcua.feedback import services
from motcua.feedback.models import Feedback, FeedbackState
from motcua.feedback.tests.conftest import answered, at, submit

pytestmark = pytest.mark.django_db

NOW = at(2025, 3, 3, 9, 0)
FORM = {
    "kind": "regulation",
    "subject": "Thủ tục đòi thêm giấy tờ",
    "content": "Ông Trần Văn Bình ở một cửa yêu cầu nộp thêm bản sao. Gọi tôi 0912 345 678.",
    "procedure": "1.000001.H12",
    "submitter_name": "Nguyễn Thị Hoa",
    "submitter_phone": "0912345678",
    "website": "",
}


def test_the_form_sends_and_shows_code_and_secret_once(client, world):
    page = client.get(reverse("public-feedback-send"))
    assert page.status_code == 200 and 'name="website"' in page.content.decode()
    response = client.post(reverse("public-feedback-send"), FORM, follow=True)
    item = Feedback.objects.get()
    body = response.content.decode()
    assert item.code in body
    secret = response.context["secret"]
    assert services.feedback_lookup(code=item.code, secret=secret) == item
    assert item.procedure == world.procedure and item.agency == world.dept
    # Shown once: the page again sends to the lookup.
    again = client.get(reverse("public-feedback-sent", args=[item.code]))
    assert again.status_code == 302


def test_the_honeypot_refuses_and_writes_nothing(client, world):
    response = client.post(reverse("public-feedback-send"), {**FORM, "website": "http://spam"})
    assert response.status_code == 400
    assert "Không gửi được" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"subject": ""}, "subject"),
        ({"submitter_phone": "12ab"}, "submitter_phone"),
        ({"procedure": "9.999999.H12"}, "procedure"),
        ({"kind": "complaint"}, "kind"),
    ],
)
def test_wrong_fields_are_named_and_nothing_written(client, world, change, field):
    response = client.post(reverse("public-feedback-send"), {**FORM, **change})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Feedback.objects.exists()


@override_settings(MOTCUA_MAX_UPLOAD_BYTES=100)
def test_a_huge_upload_is_refused(client, world):
    big = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n" + b"0" * 500, content_type="application/pdf")
    response = client.post(reverse("public-feedback-send"), {**FORM, "attachments": big})
    assert response.status_code in (400, 413)
    assert not Feedback.objects.exists()


@override_settings(
    MOTCUA_RATE_LIMITS={
        "feedback_address": "2/3600",
        "lookup_code": "5/3600",
        "lookup_address": "30/3600",
        "unverified_contact": "3/86400",
        "submit_address": "10/3600",
    }
)
def test_rate_limit_per_address(client, world):
    for _ in range(2):
        assert client.post(reverse("public-feedback-send"), FORM).status_code == 302
    response = client.post(reverse("public-feedback-send"), FORM)
    assert response.status_code == 429
    assert Feedback.objects.count() == 2


def test_lookup_with_the_wrong_secret_tells_nothing(client, world):
    item = submit(world, now=NOW).feedback
    response = client.post(
        reverse("public-feedback-lookup"), {"code": item.code, "secret": "AAAAAAAAAA"}
    )
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()
    assert client.get(reverse("public-feedback-mine", args=[item.code])).status_code == 302


def test_the_public_sees_only_published_items_masked(client, world):
    published = answered(world, now=NOW)
    waiting = answered(world, now=NOW, publish=False)
    listing = client.get(reverse("public-feedback-list")).content.decode()
    assert published.code in listing and waiting.code not in listing
    page = client.get(reverse("public-feedback-detail", args=[published.code])).content.decode()
    for personal in (
        "Nguyễn Thị Hoa",
        "060190001234",
        "0912 345 678",
        "hoa.nguyen@example.vn",
        "Trần Văn Bình",
    ):
        assert personal not in page
    assert reverse("procedure-detail", args=[world.procedure.code]) in page
    assert client.get(reverse("public-feedback-detail", args=[waiting.code])).status_code == 404


@pytest.mark.parametrize("query", ["giấy tờ", "giay to", "GIAY TỜ", "ngoai quy dinh"])
def test_search_with_or_without_diacritics(client, world, query):
    item = answered(world, now=NOW)
    listing = client.get(reverse("public-feedback-list"), {"q": query}).content.decode()
    assert item.code in listing
    other = client.get(reverse("public-feedback-list"), {"q": "đất đai"}).content.decode()
    assert item.code not in other


def test_agency_officers_see_only_items_assigned_to_them(client, world):
    item = submit(world, now=NOW).feedback
    services.feedback_classify(actor=world.controller, feedback=item, kind="regulation")
    services.feedback_assign(actor=world.controller, feedback=item, agency=world.dept)
    waiting = submit(world, now=NOW).feedback
    client.force_login(world.user(Role.HANDLER, "other"))
    assert item.code not in client.get(reverse("officer-feedback-list")).content.decode()
    assert client.get(reverse("officer-feedback-detail", args=[item.code])).status_code == 404
    client.force_login(world.user(Role.HANDLER))
    queue = client.get(reverse("officer-feedback-list")).content.decode()
    assert item.code in queue and waiting.code not in queue
    assert "Nguyễn Thị Hoa" not in queue  # masked in lists
    page = client.get(reverse("officer-feedback-detail", args=[item.code]))
    assert "Nguyễn Thị Hoa" in page.content.decode()  # the full contact, on its page only
    assert [p["action"] for p in page.context["panels"]] == ["draft"]
    assert AuditEntry.objects.filter(action="feedback.read_contact").exists()


def test_only_the_controller_classifies_through_the_pages(client, world):
    item = submit(world, now=NOW).feedback
    url = reverse("officer-feedback-action", args=[item.code, "classify"])
    client.force_login(world.user(Role.APPROVER))
    assert client.post(url, {"classify-kind": "behaviour"}).status_code == 404
    client.force_login(world.controller)
    response = client.post(url, {"classify-kind": "behaviour"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.state == FeedbackState.CLASSIFIED and item.kind == "behaviour"
    # Not allowed any more from this state: refused, nothing changed.
    assert client.post(url, {"classify-kind": "regulation"}).status_code == 409
    item.refresh_from_db()
    assert item.kind == "behaviour"


def test_anonymous_and_other_roles_are_kept_out(client, world):
    assert client.get(reverse("officer-feedback-list")).status_code == 302
    from motcua.accounts.models import User

    desk = User.objects.create_user(
        username="desk", password="x", role=Role.INTAKE_OFFICER, agency=world.dept
    )
    client.force_login(desk)
    assert client.get(reverse("officer-feedback-list")).status_code == 403


def test_attachments_are_served_only_to_those_handling_the_item(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    scan = SimpleUploadedFile("anh-chup.pdf", b"%PDF-1.4\n% scan\n")
    item = submit(world, now=NOW, attachments=[scan]).feedback
    services.feedback_classify(actor=world.controller, feedback=item, kind="regulation")
    services.feedback_assign(actor=world.controller, feedback=item, agency=world.dept)
    (attachment,) = item.attachments.all()
    url = reverse("officer-feedback-attachment", args=[item.code, attachment.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(world.user(Role.HANDLER, "other"))
    assert client.get(url).status_code == 404
    client.force_login(world.user(Role.HANDLER))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert AuditEntry.objects.filter(action="feedback.download").count() == 1


def test_the_queue_filters_by_agency_state_and_overdue(client, world):
    mine = submit(world, now=NOW).feedback
    services.feedback_classify(actor=world.controller, feedback=mine, kind="regulation")
    services.feedback_assign(actor=world.controller, feedback=mine, agency=world.dept, now=NOW)
    other = submit(world, now=NOW, procedure=None, agency=world.other).feedback
    client.force_login(world.controller)
    url = reverse("officer-feedback-list")
    by_agency = client.get(url, {"agency": world.other.pk}).content.decode()
    assert other.code in by_agency and mine.code not in by_agency
    by_state = client.get(url, {"state": "processing"}).content.decode()
    assert mine.code in by_state and other.code not in by_state
    # Both are long overdue by now (received in 2025).
    overdue = client.get(url, {"overdue": "on"}).content.decode()
    assert mine.code in overdue and other.code in overdue


def test_only_the_controller_publishes_through_the_pages(client, world):
    item = answered(world, now=NOW, publish=False)
    url = reverse("officer-feedback-action", args=[item.code, "publish"])
    data = {f"publish-{name}": value for name, value in services.masked_texts(item).items()}
    client.force_login(world.user(Role.APPROVER))  # the agency's leader sees it, may not publish
    page = client.get(reverse("officer-feedback-detail", args=[item.code]))
    assert page.context["panels"] == []
    assert client.post(url, data).status_code == 403
    assert Feedback.objects.get(pk=item.pk).published_at is None
    client.force_login(world.controller)
    assert client.post(url, data).status_code == 302
    assert Feedback.objects.get(pk=item.pk).published_at is not None
