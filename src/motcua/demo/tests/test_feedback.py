"""The demo's live feedback: one item in each state of the handling workflow, made through the
services before ``now``, once; the imported history is not touched."""

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.demo.feedback import STORIES, demo_live_feedback
from motcua.demo.tests.test_live import NOW, department  # noqa: F401  (fixture)
from motcua.feedback.models import Feedback, FeedbackState
from motcua.feedback.tests.factories import FeedbackFactory


def test_every_state_once(department):  # noqa: F811
    User.objects.create_user(
        username="kiemsoat", password="pw-123456", role=Role.CONTROLLER, agency=department
    )
    history = FeedbackFactory(imported=True, processed=True)
    assert demo_live_feedback(now=NOW) == len(STORIES)
    assert demo_live_feedback(now=NOW) == 0
    live = Feedback.objects.filter(imported=False)
    assert {item.state for item in live} == {
        FeedbackState.RECEIVED,
        FeedbackState.AWAITING_INFO,
        FeedbackState.CLASSIFIED,
        FeedbackState.PROCESSING,
        FeedbackState.AWAITING_APPROVAL,
        FeedbackState.PROCESSED,
        FeedbackState.CLOSED,
    }
    published = live.get(published_at__isnull=False)
    assert "Lê Văn Tám" not in published.public_content and "0912 888 999" not in (
        published.public_content
    )
    assert all(item.received_at < NOW and item.updated_at for item in live)
    assert Feedback.objects.get(pk=history.pk).state == FeedbackState.PROCESSED
