"""The work list at scale: the indexed visibility of lists is the visibility rule itself, the
default list holds today's work, and counts stop at the cap."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.db.models import Q
from django.urls import reverse

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import AgencyKind
from motcua.dossiers.models import Dossier, DossierStep
from motcua.dossiers.selectors import dossiers_visible_to, visible_ids, work_list
from motcua.dossiers.workflow import Channel, Outcome, State
from motcua.testing.factories import AgencyFactory, ProcedureFactory
from motcua.utils import pagination

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def _tree():
    province = AgencyFactory(code="000.00.00.H98", kind=AgencyKind.PROVINCE)
    departments = [
        AgencyFactory(code=f"000.00.{n}.H98", kind=AgencyKind.DEPARTMENT, parent=province)
        for n in (10, 11, 12)
    ]
    districts = [
        AgencyFactory(code=f"000.0{n}.00.H98", kind=AgencyKind.DISTRICT, parent=province)
        for n in (1, 2)
    ]
    communes = [
        AgencyFactory(code=f"000.0{d}.3{c}.H98", kind=AgencyKind.COMMUNE, parent=districts[d - 1])
        for d in (1, 2)
        for c in (1, 2)
    ]
    return province, departments, districts, communes


def _random_dossiers(rng: random.Random, agencies, procedure, count: int) -> None:
    """Dossiers whose three agencies, state, end and steps are drawn at random: every
    combination the visibility rule distinguishes occurs."""
    rows = []
    for n in range(count):
        state = rng.choice(list(State))
        ended = state in (State.RESOLVED, State.RETURNED, State.STOPPED, State.WITHDRAWN)
        ended_at = NOW - dt.timedelta(days=rng.choice([1, 10, 29, 31, 90, 400])) if ended else None
        received = NOW - dt.timedelta(days=500)
        rows.append(
            Dossier(
                code=f"R-{n:05}",
                procedure=procedure,
                receiving_agency=rng.choice(agencies),
                agency=rng.choice(agencies),
                current_agency=rng.choice(agencies),
                channel=Channel.DIRECT,
                state=state,
                outcome=Outcome.APPROVED if ended else "",
                applicant_name="Nguyễn Văn A",
                received_at=received,
                due_at=rng.choice([None, NOW + dt.timedelta(hours=rng.randrange(-900, 900))]),
                ended_at=ended_at,
            )
        )
    Dossier.objects.bulk_create(rows)
    steps = []
    for dossier in Dossier.objects.filter(code__startswith="R-"):
        for order in range(rng.choice([0, 0, 1, 2, 3])):
            steps.append(
                DossierStep(
                    dossier=dossier,
                    order=order + 1,
                    name="Bước",
                    agency=rng.choice(agencies),
                    role=Role.HANDLER,
                    budget_hours=Decimal("8"),
                )
            )
    DossierStep.objects.bulk_create(steps)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_indexed_visibility_equals_the_rule(seed):
    """``visible_ids`` (union of indexed parts) selects exactly the dossiers
    ``dossiers_visible_to`` (the OR with the steps' EXISTS) selects, for every kind of officer
    and every set of states a list asks for."""
    rng = random.Random(seed)
    province, departments, districts, communes = _tree()
    agencies = [province, *departments, *districts, *communes]
    _random_dossiers(rng, agencies, ProcedureFactory(), 300)
    users = [
        User.objects.create_user(username=f"u{i}", role=role, agency=agency)
        for i, (role, agency) in enumerate(
            [
                (Role.HANDLER, departments[0]),
                (Role.APPROVER, departments[1]),
                (Role.INTAKE_OFFICER, districts[0]),
                (Role.HANDLER, communes[3]),
                (Role.CONTROLLER, province),
                (Role.EDITOR, departments[0]),
                (Role.HANDLER, None),
            ]
        )
    ]
    alternatives = [
        [
            Q(state__in=[1, 2, 4, 5, 6]),
            Q(state=State.RESOLVED, ended_at__gte=NOW - dt.timedelta(30)),
        ],
        [Q(state=State.RETURNED)],
        [Q(state__in=list(State))],
    ]
    checked = 0
    for user in users:
        for states in alternatives:
            union = Q()
            for alternative in states:
                union |= alternative
            expected = set(dossiers_visible_to(user).filter(union).values_list("pk", flat=True))
            found = [row["pk"] for row in visible_ids(Dossier.objects.all(), user, states)]
            assert len(found) == len(set(found))
            assert set(found) == expected, (user.role, user.agency_id, states)
            checked += len(expected)
    assert checked > 300  # the rule selected something for most of them


def _dossier(code, agency, procedure, *, state, ended_days_ago=None):
    ended = NOW - dt.timedelta(days=ended_days_ago) if ended_days_ago is not None else None
    return Dossier.objects.create(
        code=code,
        procedure=procedure,
        receiving_agency=agency,
        agency=agency,
        current_agency=agency,
        channel=Channel.DIRECT,
        state=state,
        outcome=Outcome.APPROVED if ended else "",
        applicant_name="Trần Thị B",
        received_at=NOW - dt.timedelta(days=400),
        due_at=NOW - dt.timedelta(days=300),
        ended_at=ended,
    )


def test_the_default_list_is_todays_work_and_old_resolved_are_behind_the_filter():
    department = AgencyFactory(code="000.00.10.H98")
    procedure = ProcedureFactory()
    handler = User.objects.create_user(username="h", role=Role.HANDLER, agency=department)
    live = _dossier("LIVE", department, procedure, state=State.PROCESSING)
    recent = _dossier("RECENT", department, procedure, state=State.RESOLVED, ended_days_ago=5)
    old = _dossier("OLD", department, procedure, state=State.RESOLVED, ended_days_ago=300)
    _dossier("DONE", department, procedure, state=State.RETURNED, ended_days_ago=5)

    def pks(**filters):
        return {row["pk"] for row in work_list(handler, now=NOW, **filters)}

    assert pks() == {live.pk, recent.pk}
    assert pks(state=State.RESOLVED) == {recent.pk, old.pk}


def test_counts_stop_at_the_cap(client, monkeypatch):
    monkeypatch.setattr(pagination.CappedPaginator, "cap", 3)
    department = AgencyFactory(code="000.00.10.H98")
    procedure = ProcedureFactory()
    handler = User.objects.create_user(
        username="h", password="pw-123456", role=Role.HANDLER, agency=department
    )
    for n in range(5):
        _dossier(f"D-{n}", department, procedure, state=State.PROCESSING)
    client.force_login(handler)
    page = client.get(reverse("officer-dossier-list"))
    assert page.context["page"].paginator.count == 3
    assert "Hơn 3 hồ sơ" in page.content.decode()
    listed = client.get("/api/dossiers/", {"page_size": 2}).json()
    assert (listed["count"], listed["count_capped"], len(listed["results"])) == (3, True, 2)
    last = client.get("/api/dossiers/", {"page_size": 2, "page": 2}).json()
    assert last["next"] is None and len(last["results"]) == 1
    monkeypatch.setattr(pagination.CappedPaginator, "cap", 10)
    listed = client.get("/api/dossiers/").json()
    assert (listed["count"], listed["count_capped"]) == (5, False)
