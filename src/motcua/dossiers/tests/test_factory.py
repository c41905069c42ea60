"""The named states of ``DossierFactory`` are the states they say, reached through services."""

import pytest
from django.utils import timezone

from motcua.dossiers.workflow import State
from motcua.testing.factories import DossierFactory

EXPECTED = {
    "submitted": State.SUBMITTED,
    "rejected": State.REJECTED,
    "received": State.RECEIVED,
    "withdrawn": State.WITHDRAWN,
    "stopped": State.STOPPED,
    "transferred": State.PROCESSING,
    "processing": State.PROCESSING,
    "overdue": State.PROCESSING,
    "awaiting_supplement": State.AWAITING_SUPPLEMENT,
    "awaiting_payment": State.AWAITING_PAYMENT,
    "at_approval": State.PROCESSING,
    "resolved": State.RESOLVED,
    "refused": State.RESOLVED,
    "returned": State.RETURNED,
}


def test_every_named_state_is_listed():
    assert set(EXPECTED) == set(DossierFactory.STATES)


@pytest.mark.parametrize("state", list(EXPECTED))
def test_named_state(world, state):
    dossier = DossierFactory.create(state, procedure=world.procedure)
    assert dossier.state == EXPECTED[state]
    assert dossier.events.count() >= 1
    step = dossier.steps.filter(finished_at__isnull=True).order_by("order").first()
    if state in ("processing", "overdue"):
        assert step.order == 1 and step.assignee is not None
    if state == "transferred":
        assert step.order == 1 and step.assignee is None
    if state == "at_approval":
        assert step.order == 2
    assert dossier.is_overdue(timezone.now()) == (state == "overdue")
    if state == "refused":
        assert dossier.outcome == "refused"


def test_advance_continues_an_existing_dossier(world):
    dossier = DossierFactory.create("submitted", procedure=world.procedure)
    dossier = DossierFactory.advance(dossier, "returned")
    assert dossier.state == State.RETURNED
    assert [e.action for e in dossier.events.order_by("at", "id")] == [
        "submit",
        "accept",
        "transfer",
        "assign",
        "forward",
        "approve",
        "return_result",
    ]
    with pytest.raises(ValueError):
        DossierFactory.advance(dossier, "processing")
