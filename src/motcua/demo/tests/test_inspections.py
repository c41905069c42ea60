"""The demo's inspection plan of the current year: made through the services on the imported
province, with one overdue recommendation; the imported 2024 history (§8) unchanged."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind
from motcua.demo.generator import generate_package
from motcua.demo.inspections import demo_inspections
from motcua.inspections.models import Inspection, InspectionPlan, Recommendation
from motcua.inspections.selectors import inspection_figures, late_q
from motcua.utils.periods import Period

TODAY = dt.date(2026, 5, 20)


@pytest.mark.django_db
def test_demo_plan_of_the_year(tmp_path):
    package = tmp_path / "province"
    generate_package(package, seed=2024, scale=0.002)
    call_command("import", str(package), quiet=True, stdout=StringIO())
    before = inspection_figures(Period.for_year(2024))
    office = Agency.objects.filter(kind=AgencyKind.DEPARTMENT, name__icontains="Văn phòng")[0]
    controller = User.objects.create_user(
        username="t-kiemsoat", password="x", role=Role.CONTROLLER, agency=office
    )
    department = Agency.objects.filter(kind=AgencyKind.DEPARTMENT, name__icontains="Tài nguyên")[0]
    User.objects.create_user(
        username="t-chuyenvien", password="x", role=Role.HANDLER, agency=department
    )

    created = demo_inspections(today=TODAY, actor=controller)

    assert created == 5
    plan = InspectionPlan.objects.get(year=2026)
    assert plan.inspections.count() == 4
    assert Inspection.objects.filter(plan=plan, inspected_on__isnull=False).count() == 2
    assert Inspection.objects.filter(planned=False, inspected_on__year=2026).count() == 1
    states = sorted(Recommendation.objects.values_list("state", flat=True))
    assert states == ["done", "open", "open", "reported"]
    late = Recommendation.objects.filter(late_q(TODAY))
    assert [r.owner for r in late] == [department]
    assert inspection_figures(Period.for_year(2024)) == before
    assert (before["planned"], before["done"], len(before["surprise"])) == (5, 5, 3)
    assert demo_inspections(today=TODAY, actor=controller) == 0
