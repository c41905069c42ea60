"""Feedback of a signed-in applicant: the form records their national identifier and prefills
their contact, their space lists their items, and they open their own without the secret, never
anybody else's; anonymous senders and the API stay as they were."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from motcua.audit.models import AuditEntry
from motcua.feedback.models import Feedback
from motcua.feedback.tests.conftest import answered, at, submit
from motcua.feedback.tests.test_pages import FORM
from motcua.testing.applicants import applicant_create, applicant_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def an(world):
    return applicant_create(
        "001085012345", "Nguyễn Văn An", phone="0987654321", email="an@example.vn"
    )


@pytest.fixture
def binh(world):
    return applicant_create("042190004567", "Trần Thị Bình")


def _send(client, **changes) -> Feedback:
    response = client.post(reverse("public-feedback-send"), {**FORM, **changes})
    assert response.status_code == 302, response.content
    return Feedback.objects.get(code=response["Location"].rstrip("/").rsplit("/", 1)[-1])


def test_the_form_prefills_the_signed_in_applicants_contact(client, an):
    assert (
        'value="Nguyễn Văn An"' not in client.get(reverse("public-feedback-send")).content.decode()
    )
    applicant_login(client, an)
    page = client.get(reverse("public-feedback-send")).content.decode()
    for value in ("Nguyễn Văn An", "0987654321", "an@example.vn"):
        assert f'value="{value}"' in page


def test_a_signed_in_submission_records_the_identifier_and_shows_in_the_space(client, an):
    applicant_login(client, an)
    item = _send(client, subject="Chậm cấp phiếu lý lịch tư pháp")
    assert item.sender_identifier == an.identifier
    entry = AuditEntry.objects.get(action="feedback.submit")
    assert entry.data["signed_in"] is True and an.identifier not in str(entry.data)
    page = client.get("/tai-khoan/").content.decode()
    assert "Phản ánh, kiến nghị của tôi" in page
    assert item.code in page and "Chậm cấp phiếu lý lịch tư pháp" in page
    assert reverse("public-feedback-mine", args=[item.code]) in page
    assert "Đã tiếp nhận" in page  # its state


def test_an_anonymous_submission_has_no_identifier(client, an):
    item = _send(client)
    assert item.sender_identifier == ""
    assert AuditEntry.objects.get(action="feedback.submit").data["signed_in"] is False
    applicant_login(client, an)
    assert item.code not in client.get("/tai-khoan/").content.decode()


def test_the_api_stays_anonymous_even_for_a_signed_in_applicant(an, world):
    api = APIClient()
    applicant_login(api, an)
    response = api.post(
        reverse("api-public-feedback"),
        {"subject": "Chậm trả lời", "content": "Nội dung"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Feedback.objects.get(code=response.data["code"]).sender_identifier == ""


def test_the_sender_opens_their_item_without_the_secret_and_nobody_else_does(
    client, world, an, binh
):
    mine = submit(world, now=at(2025, 3, 3, 9, 0), sender_identifier=an.identifier).feedback
    theirs = submit(world, now=at(2025, 3, 3, 9, 0), sender_identifier=binh.identifier).feedback
    anonymous = submit(world, now=at(2025, 3, 3, 9, 0)).feedback
    applicant_login(client, an)
    page = client.get(reverse("public-feedback-mine", args=[mine.code]))
    assert page.status_code == 200 and mine.subject in page.content.decode()
    for other in (theirs, anonymous):
        assert client.get(reverse("public-feedback-mine", args=[other.code])).status_code == 404
        rate = client.post(reverse("public-feedback-rate", args=[other.code]), {"satisfied": "1"})
        assert rate.status_code == 404
    assert client.get(reverse("public-feedback-mine", args=["PAKN-2025-999999"])).status_code == 404
    space = client.get("/tai-khoan/").content.decode()
    assert mine.code in space and theirs.code not in space and anonymous.code not in space
    # Signed in as Bình: the other way round.
    applicant_login(client, binh)
    assert client.get(reverse("public-feedback-mine", args=[mine.code])).status_code == 404
    assert mine.code not in client.get("/tai-khoan/").content.decode()
    # Signed out, the item is behind the lookup again.
    client.logout()
    response = client.get(reverse("public-feedback-mine", args=[mine.code]))
    assert response.status_code == 302 and "/tra-cuu/?ma=" in response["Location"]


def test_a_signed_in_applicant_can_still_prove_an_item_with_its_secret(client, world, an):
    sent = submit(world, now=at(2025, 3, 3, 9, 0))
    applicant_login(client, an)
    response = client.post(
        reverse("public-feedback-lookup"), {"code": sent.feedback.code, "secret": sent.secret}
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_the_space_links_the_published_answer(client, world, an):
    item = answered(world, now=at(2025, 3, 3, 9, 0), sender_identifier=an.identifier)
    applicant_login(client, an)
    page = client.get("/tai-khoan/").content.decode()
    assert reverse("public-feedback-detail", args=[item.code]) in page
    assert f"Đã công khai ngày {item.published_on:%d/%m/%Y}" in page
    assert "Đã xử lý" in page


def test_the_space_says_when_the_deadline_has_passed(client, world, an):
    item = submit(world, now=at(2025, 3, 3, 9, 0), sender_identifier=an.identifier).feedback
    applicant_login(client, an)
    page = client.get("/tai-khoan/").content.decode()
    # Received in March 2025, not classified since: the classification deadline has passed.
    assert f"{item.classify_due_at.astimezone(at(2025, 1, 1).tzinfo):%d/%m/%Y}" in page
    assert "Quá hạn" in page
