"""The dashboard's feedback figures drill down to the items' officer pages, imported history
included (read-only: no action is offered on it)."""

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.feedback.authz import allowed_actions_for
from motcua.feedback.tests.conftest import at, submit
from motcua.feedback.tests.factories import FeedbackFactory

pytestmark = pytest.mark.django_db


def test_drilldown_rows_link_to_the_item_pages(client, world):
    live = submit(world, now=at(2024, 5, 6, 9, 0)).feedback
    imported = FeedbackFactory(
        imported=True, agency=world.dept, received_at=at(2024, 5, 7, 9, 0), processed=True
    )
    client.force_login(world.controller)
    page = client.get(
        reverse("reports-drilldown"), {"year": 2024, "figure": "feedback.received.total"}
    ).content.decode()
    for item in (live, imported):
        assert reverse("officer-feedback-detail", args=[item.code]) in page
    detail = client.get(reverse("officer-feedback-detail", args=[imported.code]))
    assert detail.status_code == 200 and detail.context["panels"] == []
    assert allowed_actions_for(world.controller, imported) == []
    # The department sees the history about it, read-only.
    client.force_login(world.user(Role.APPROVER))
    assert client.get(reverse("officer-feedback-detail", args=[imported.code])).status_code == 200
    assert client.get(reverse("officer-feedback-detail", args=[live.code])).status_code == 404
