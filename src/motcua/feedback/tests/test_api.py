"""The feedback API: public send / lookup / rating / published answers, officers' list, detail
and actions with permissions per action; errors in the one bilingual shape, nothing written."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from motcua.accounts.roles import Role
from motcua.feedback.models import Feedback, FeedbackState
from motcua.feedback.tests.conftest import answered, at, submit

pytestmark = pytest.mark.django_db

NOW = at(2025, 3, 3, 9, 0)


@pytest.fixture
def api():
    return APIClient()


def test_send_look_up_and_rate_through_the_public_api(api, world):
    response = api.post(
        reverse("api-public-feedback"),
        {"subject": "Chậm trả lời", "content": "Nội dung", "procedure": "1.000001.H12"},
        format="json",
    )
    assert response.status_code == 201, response.content
    code, secret = response.data["code"], response.data["secret"]
    item = Feedback.objects.get(code=code)
    assert item.channel == "online" and item.secret_hash and secret not in item.secret_hash
    lookup = api.post(reverse("api-public-feedback-lookup", args=[code]), {"secret": secret})
    assert lookup.status_code == 200 and lookup.data["state"] == "received"
    assert "secret" not in lookup.data


def test_wrong_input_answers_in_the_error_shape_and_writes_nothing(api, world):
    response = api.post(
        reverse("api-public-feedback"),
        {"subject": "", "content": "x", "procedure": "9.9"},
        format="json",
    )
    assert response.status_code == 400
    assert not Feedback.objects.exists()
    bad = api.post(
        reverse("api-public-feedback"),
        {"subject": "a", "content": "b", "submitter_phone": "12"},
        format="json",
    )
    assert bad.status_code == 400 and " / " in str(bad.data)
    assert not Feedback.objects.exists()
    honeypot = api.post(
        reverse("api-public-feedback"),
        {"subject": "a", "content": "b", "website": "x"},
        format="json",
    )
    assert honeypot.status_code == 400 and not Feedback.objects.exists()


def test_wrong_secret_is_404_bilingual(api, world):
    item = submit(world, now=NOW).feedback
    response = api.post(
        reverse("api-public-feedback-lookup", args=[item.code]), {"secret": "NOPE000000"}
    )
    assert response.status_code == 404
    assert "Không tìm thấy" in str(response.data) and "No feedback" in str(response.data)


def test_published_answers_are_masked(api, world):
    item = answered(world, now=NOW)
    answered(world, now=NOW, publish=False)
    response = api.get(reverse("api-public-feedback-published"), {"q": "giay to"})
    assert [row["code"] for row in response.data["results"]] == [item.code]
    assert "Nguyễn Thị Hoa" not in str(response.data)
    assert "060190001234" not in str(response.data)


def test_officer_actions_are_permitted_per_action(api, world):
    item = submit(world, now=NOW).feedback
    url = reverse("api-feedback-classify", args=[item.code])
    api.force_authenticate(world.user(Role.APPROVER))
    assert api.post(url, {"kind": "behaviour"}, format="json").status_code == 404
    api.force_authenticate(world.controller)
    assert api.post(url, {"kind": "nonsense"}, format="json").status_code == 400
    response = api.post(url, {"kind": "behaviour"}, format="json")
    assert response.status_code == 200 and response.data["state"] == "classified"
    assert response.data["allowed_actions"] == ["close", "merge", "assign"]
    assign = reverse("api-feedback-assign", args=[item.code])
    assert api.post(assign, {"agency": world.dept.code}, format="json").status_code == 200
    # The agency: sees it, drafts; the controller may not draft.
    draft = reverse("api-feedback-draft", args=[item.code])
    assert api.post(draft, {"answer": "x"}, format="json").status_code == 403
    api.force_authenticate(world.user(Role.HANDLER))
    listing = api.get(reverse("api-feedback-list"))
    assert [row["code"] for row in listing.data["results"]] == [item.code]
    assert listing.data["results"][0]["submitter"] != "Nguyễn Thị Hoa"
    assert api.post(draft, {"answer": "Trả lời"}, format="json").status_code == 200
    approve = reverse("api-feedback-approve", args=[item.code])
    assert api.post(approve, {}, format="json").status_code == 403  # the leader's
    api.force_authenticate(world.user(Role.APPROVER))
    assert api.post(approve, {}, format="json").status_code == 200
    assert Feedback.objects.get(pk=item.pk).state == FeedbackState.PROCESSED
    api.force_authenticate(world.user(Role.HANDLER, "other"))
    assert api.get(reverse("api-feedback", args=[item.code])).status_code == 404
    assert api.get(reverse("api-feedback-list")).data["results"] == []
