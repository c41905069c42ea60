"""Who may do what on a dossier, written from ``shared/domain/lifecycle.md`` (not from the
transition table), checked against the authorisation module and, for a representative subset,
against the services themselves.

From lifecycle.md: the desk (intake officer) accepts or refuses submissions, asks for what is
missing at intake (Mẫu 02), transfers, receives supplements and payments, returns results and
records the evaluation on the applicant's behalf; the handler examines, asks for supplements
during processing and proposes a decision (forwards their step); the approver, the agency's
leader, approves or refuses at the approval step (after the handler's), and may stop processing;
the controller sees the province read-only; every officer acts only on their agency's dossiers.
Where lifecycle.md is silent the choice is written next to the row.
"""

import re
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.dossiers import authz
from motcua.dossiers import services as s
from motcua.dossiers.models import INDICATORS, SCORED_INDICATORS, DossierEvent
from motcua.dossiers.workflow import Action
from motcua.testing.factories import DossierFactory
from motcua.utils.errors import DomainError

A = Action
DESK, HANDLER, APPROVER = "desk", "handler", "approver"
# What each officer of the dossier's own agency (receiving desk, competent agency and current
# step's agency at once) may do in each named state; everything not listed is refused.
OWN: dict[str, dict[str, set[Action]]] = {
    "submitted": {
        # Intake check: accept, refuse (Mẫu 03) or ask for what is missing (Mẫu 02); the
        # applicant may withdraw through the desk.
        DESK: {A.ACCEPT, A.REFUSE_INTAKE, A.REQUEST_SUPPLEMENT, A.WITHDRAW},
    },
    "received": {
        # Not transferred yet: no step for a handler to work on. Apologies (Mẫu 04) are the
        # agency's, whoever writes them; the leader may stop processing at any time.
        DESK: {A.TRANSFER, A.REQUEST_SUPPLEMENT, A.WITHDRAW, A.APOLOGISE},
        HANDLER: {A.APOLOGISE},
        APPROVER: {A.STOP, A.APOLOGISE},
    },
    "transferred": {  # at the handler's step, not assigned yet
        DESK: {A.REQUEST_SUPPLEMENT, A.WITHDRAW, A.APOLOGISE},
        # lifecycle.md is silent on who assigns: the step's officers and their leader.
        HANDLER: {A.ASSIGN, A.FORWARD, A.REQUEST_SUPPLEMENT, A.REQUEST_PAYMENT, A.APOLOGISE},
        # The leader does not forward the handler's step nor approve before it is done.
        APPROVER: {A.ASSIGN, A.REQUEST_SUPPLEMENT, A.REQUEST_PAYMENT, A.STOP, A.APOLOGISE},
    },
    "processing": {  # at the handler's step, assigned
        DESK: {A.REQUEST_SUPPLEMENT, A.WITHDRAW, A.APOLOGISE},
        HANDLER: {A.ASSIGN, A.FORWARD, A.REQUEST_SUPPLEMENT, A.REQUEST_PAYMENT, A.APOLOGISE},
        APPROVER: {A.ASSIGN, A.REQUEST_SUPPLEMENT, A.REQUEST_PAYMENT, A.STOP, A.APOLOGISE},
    },
    "at_approval": {  # the approver's step, the last one
        DESK: {A.REQUEST_SUPPLEMENT, A.WITHDRAW, A.APOLOGISE},
        # The handler's step is done: nothing of the approval step is theirs.
        HANDLER: {A.APOLOGISE},
        APPROVER: {
            A.ASSIGN,
            A.APPROVE,
            A.REFUSE,
            A.REQUEST_SUPPLEMENT,
            A.REQUEST_PAYMENT,
            A.STOP,
            A.APOLOGISE,
        },
    },
    "awaiting_supplement": {
        # The supplement arrives at the desk (Mẫu 02 "via the desk").
        DESK: {A.RECORD_SUPPLEMENT, A.WITHDRAW, A.APOLOGISE},
        HANDLER: {A.APOLOGISE},
        APPROVER: {A.STOP, A.APOLOGISE},
    },
    "awaiting_payment": {
        # lifecycle.md is silent on who records a payment: the desk or the processing agency.
        DESK: {A.RECORD_PAYMENT, A.WITHDRAW, A.APOLOGISE},
        HANDLER: {A.RECORD_PAYMENT, A.APOLOGISE},
        APPROVER: {A.RECORD_PAYMENT, A.STOP, A.APOLOGISE},
    },
    "resolved": {DESK: {A.RETURN_RESULT}},
    "returned": {DESK: {A.EVALUATE}},  # on the applicant's behalf, once
}
# Everyone else has no action on the dossier in any state: officers of another agency, the
# controller (read-only), the editor and a user without a role.
OUTSIDERS = ("other_desk", "other_handler", "other_approver", "controller", "editor", "no_role")


@pytest.fixture
def people(world) -> dict[str, User]:
    people = {
        DESK: world.user(Role.INTAKE_OFFICER),
        HANDLER: world.user(Role.HANDLER),
        APPROVER: world.user(Role.APPROVER),
        "other_desk": world.user(Role.INTAKE_OFFICER, "other"),
        "other_handler": world.user(Role.HANDLER, "other"),
        "other_approver": world.user(Role.APPROVER, "other"),
    }
    for name, role, agency in (
        ("controller", Role.CONTROLLER, world.province),
        ("editor", Role.EDITOR, world.dept),
        ("no_role", "", world.dept),
    ):
        people[name] = User.objects.create_user(
            username=name, password="pw-123456", role=role, agency=agency
        )
    return people


def dossier_in(world, state):
    return DossierFactory.create(state, procedure=world.procedure)


@pytest.mark.parametrize("state", list(OWN))
def test_who_may_do_what_in_each_state(world, people, state):
    dossier = dossier_in(world, state)
    for name, user in people.items():
        expected = OWN[state].get(name, set()) if name not in OUTSIDERS else set()
        may = {action for action in Action if authz.may(user, action, dossier)}
        assert may == expected, (state, name)
        # The buttons are the same answer, in the order of the transition table.
        assert set(authz.allowed_actions_for(user, dossier)) == expected, (state, name)


def test_the_evaluation_is_offered_once(world, people):
    dossier = dossier_in(world, "returned")
    s.dossier_evaluate(
        actor=people[DESK],
        dossier=dossier,
        scores={name: 2 for name, _label in SCORED_INDICATORS},
        now=timezone.now(),
    )
    assert authz.allowed_actions_for(people[DESK], dossier) == []


def test_the_applicants_evaluation_and_the_desks_are_kept_apart(world, people):
    """The desk may record one on the applicant's behalf; the applicant may still give their own
    (both are kept, each once); once the applicant has evaluated, the desk records none."""
    from motcua.dossiers.models import Evaluation

    dossier = dossier_in(world, "returned")
    scores = {name: 2 for name, _label in SCORED_INDICATORS}
    s.dossier_evaluate(actor=people[DESK], dossier=dossier, scores=scores, now=timezone.now())
    assert authz.allowed_actions_for(people[DESK], dossier) == []
    authz.check(A.EVALUATE, dossier, s.APPLICANT_ACTOR)  # the applicant still may
    s.dossier_evaluate(
        actor=s.APPLICANT_ACTOR,
        dossier=dossier,
        scores=scores | {"attitude": 0},
        now=timezone.now(),
    )
    rows = dict(Evaluation.objects.filter(dossier=dossier).values_list("source", "attitude"))
    assert rows == {"desk_on_behalf": 2, "applicant": 0}
    with pytest.raises(DomainError) as again:
        s.dossier_evaluate(
            actor=s.APPLICANT_ACTOR, dossier=dossier, scores=scores, now=timezone.now()
        )
    assert again.value.code == "already_evaluated"


def test_applicant_first_then_the_desk_records_none(world, people):
    dossier = dossier_in(world, "returned")
    scores = {name: 1 for name, _label in SCORED_INDICATORS}
    s.dossier_evaluate(actor=s.APPLICANT_ACTOR, dossier=dossier, scores=scores, now=timezone.now())
    with pytest.raises(DomainError) as refused:
        s.dossier_evaluate(actor=people[DESK], dossier=dossier, scores=scores, now=timezone.now())
    assert refused.value.code == "already_evaluated"


@pytest.mark.parametrize(
    "scores",
    [
        {name: 2 for name, _label in INDICATORS},  # the computed ones cannot be typed
        {"one_stop": 2, "publicity": 2, "attitude": 2},  # one missing
        {"one_stop": 2, "publicity": 2, "attitude": 2, "feedback_handling": 3},
    ],
)
def test_only_the_four_applicant_indicators_are_typed(world, people, scores):
    dossier = dossier_in(world, "returned")
    with pytest.raises(DomainError) as refused:
        s.dossier_evaluate(actor=people[DESK], dossier=dossier, scores=scores, now=timezone.now())
    assert refused.value.code == "invalid"


REASON = "Lý do"
CALLS = {
    A.ACCEPT: lambda u, d, now: s.dossier_accept(actor=u, dossier=d, now=now),
    A.TRANSFER: lambda u, d, now: s.dossier_transfer(actor=u, dossier=d, now=now),
    A.ASSIGN: lambda u, d, now: s.dossier_assign(
        actor=u, dossier=d, assignee=authz.eligible_assignees(d).first(), now=now
    ),
    A.FORWARD: lambda u, d, now: s.dossier_forward(actor=u, dossier=d, now=now),
    A.REQUEST_SUPPLEMENT: lambda u, d, now: s.dossier_request_supplement(
        actor=u, dossier=d, reason=REASON, items="Bản sao CCCD", now=now
    ),
    A.RECORD_SUPPLEMENT: lambda u, d, now: s.dossier_record_supplement(
        actor=u, dossier=d, components=[], now=now
    ),
    A.REQUEST_PAYMENT: lambda u, d, now: s.dossier_request_payment(
        actor=u, dossier=d, fee_vnd=1000, now=now
    ),
    A.RECORD_PAYMENT: lambda u, d, now: s.dossier_record_payment(
        actor=u, dossier=d, online=False, now=now
    ),
    A.APPROVE: lambda u, d, now: s.dossier_approve(actor=u, dossier=d, now=now),
    A.REFUSE: lambda u, d, now: s.dossier_refuse(actor=u, dossier=d, reason=REASON, now=now),
    A.STOP: lambda u, d, now: s.dossier_stop(actor=u, dossier=d, reason=REASON, now=now),
    A.RETURN_RESULT: lambda u, d, now: s.dossier_return_result(
        actor=u, dossier=d, method="desk", now=now
    ),
    A.EVALUATE: lambda u, d, now: s.dossier_evaluate(
        actor=u, dossier=d, scores={name: 2 for name, _label in SCORED_INDICATORS}, now=now
    ),
}


@pytest.mark.parametrize(
    ("state", "who", "action"),
    [
        # The step's role, and the step order (approve only at the approval step).
        ("processing", APPROVER, A.APPROVE),
        ("processing", APPROVER, A.REFUSE),
        ("processing", APPROVER, A.FORWARD),
        ("processing", HANDLER, A.FORWARD),
        ("processing", HANDLER, A.APPROVE),
        ("at_approval", HANDLER, A.FORWARD),
        ("at_approval", HANDLER, A.REQUEST_SUPPLEMENT),
        ("at_approval", APPROVER, A.FORWARD),
        ("at_approval", APPROVER, A.APPROVE),
        ("at_approval", APPROVER, A.REFUSE),
        ("processing", APPROVER, A.ASSIGN),
        ("processing", APPROVER, A.REQUEST_SUPPLEMENT),
        # Before the transfer a supplement is the desk's intake check.
        ("received", HANDLER, A.REQUEST_SUPPLEMENT),
        ("submitted", DESK, A.REQUEST_SUPPLEMENT),
        # The desk's work, and only the desk's.
        ("received", DESK, A.TRANSFER),
        ("received", HANDLER, A.TRANSFER),
        ("submitted", DESK, A.ACCEPT),
        ("resolved", DESK, A.RETURN_RESULT),
        ("resolved", APPROVER, A.RETURN_RESULT),
        ("returned", DESK, A.EVALUATE),
        ("awaiting_supplement", DESK, A.RECORD_SUPPLEMENT),
        ("awaiting_supplement", HANDLER, A.RECORD_SUPPLEMENT),
        ("awaiting_payment", HANDLER, A.RECORD_PAYMENT),
        ("awaiting_payment", DESK, A.STOP),
        # Agency scope and read-only roles.
        ("received", "other_desk", A.TRANSFER),
        ("processing", "other_handler", A.FORWARD),
        ("at_approval", "other_approver", A.APPROVE),
        ("processing", "controller", A.ASSIGN),
        ("submitted", "no_role", A.ACCEPT),
    ],
)
def test_the_services_accept_exactly_what_the_matrix_allows(world, people, state, who, action):
    dossier = dossier_in(world, state)
    allowed = action in OWN[state].get(who, set())
    events = DossierEvent.objects.filter(dossier=dossier).count()
    if allowed:
        CALLS[action](people[who], dossier, timezone.now())
        assert DossierEvent.objects.filter(dossier=dossier).count() == events + 1
    else:
        with pytest.raises(DomainError) as refused, transaction.atomic():
            CALLS[action](people[who], dossier, timezone.now())
        assert refused.value.status_code in (403, 409)
        assert DossierEvent.objects.filter(dossier=dossier).count() == events


# ---- the structure: every officers' endpoint declares its action; nothing compares roles -------


def _api_routes():
    """(path, view class) of every officers' API endpoint (not the public ones, not the docs)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, prefix):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern), entry.callback

    for route, callback in walk(get_resolver().url_patterns, "/"):
        view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
        if (
            route.startswith("/api/")
            and not route.startswith(("/api/public/", "/api/schema/", "/api/docs/"))
            and view is not None
        ):
            yield route, view


@pytest.mark.parametrize("role", [Role.EDITOR, ""])
def test_every_officers_endpoint_refuses_a_user_without_its_action(world, role):
    """Finding 2, for every endpoint under /api/ rather than the ones known today: a signed-in
    user whose role has no action there gets 403 whatever the method."""
    from rest_framework.test import APIClient

    user = User.objects.create_user(
        username="someone", password="pw-123456", role=role, agency=world.dept
    )
    api = APIClient()
    api.force_authenticate(user)
    routes = list(_api_routes())
    assert len(routes) > 20
    for route, view in routes:
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: "1" if m[1] == "pk" else "x", route)
        for method in ("get", "post", "put"):
            if not hasattr(view, method):
                continue
            response = getattr(api, method)(path, {}, format="json")
            assert response.status_code == 403, (method, path, response.status_code)


ROLE_COMPARISON = re.compile(
    r"\.role\s*(==|!=|\bin\b|\bnot in\b)|(==|!=)\s*Role\.|\bin\s*[\{\(\[]\s*Role\.|"
    r"role\s*==\s*\"(intake_officer|handler|approver|controller|administrator|editor)\""
)


def test_nothing_but_the_authorisation_modules_compares_role_names():
    """Who may do what is decided by ``accounts/roles.py`` and ``dossiers/authz.py`` alone."""
    root = Path(__file__).resolve().parents[2]
    allowed = {"accounts/roles.py", "dossiers/authz.py", "dossiers/workflow.py"}
    offenders = []
    for path in [*root.rglob("*.py"), *root.rglob("*.html")]:
        relative = path.relative_to(root).as_posix()
        if relative in allowed or any(
            part in ("tests", "migrations", "demo", "testing") for part in path.parts
        ):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if ROLE_COMPARISON.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []


def test_at_another_agencys_step_only_that_agency_works_on_it(world, people):
    """Inter-agency procedures (lifecycle.md, step 4): each agency works on its own step; the
    receiving desk keeps its desk work (supplements via the desk, withdrawal, apology)."""
    from motcua.dossiers.models import ProcessTemplate, ProcessTemplateStep

    template = ProcessTemplate.objects.create(procedure=world.procedure)
    for order, agency, role in [
        (1, None, Role.HANDLER),
        (2, world.other, Role.HANDLER),
        (3, None, Role.APPROVER),
    ]:
        ProcessTemplateStep.objects.create(
            template=template,
            order=order,
            name=f"Bước {order}",
            agency=agency,
            role=role,
            budget_hours=16,
        )
    dossier = DossierFactory.create("processing", procedure=world.procedure)
    dossier = s.dossier_forward(actor=people[HANDLER], dossier=dossier, now=timezone.now())
    assert dossier.current_agency == world.other
    expected = {
        DESK: {A.REQUEST_SUPPLEMENT, A.WITHDRAW, A.APOLOGISE},
        HANDLER: {A.APOLOGISE},
        APPROVER: {A.STOP, A.APOLOGISE},
        "other_desk": set(),
        "other_handler": {
            A.ASSIGN,
            A.FORWARD,
            A.REQUEST_SUPPLEMENT,
            A.REQUEST_PAYMENT,
            A.APOLOGISE,
        },
        "other_approver": {A.ASSIGN, A.REQUEST_SUPPLEMENT, A.REQUEST_PAYMENT, A.STOP, A.APOLOGISE},
        "controller": set(),
    }
    for name, actions in expected.items():
        assert set(authz.allowed_actions_for(people[name], dossier)) == actions, name
