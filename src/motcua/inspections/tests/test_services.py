"""Inspection services: record planned and surprise inspections, record one as done."""

import datetime as dt

import pytest

from motcua.audit.models import AuditEntry
from motcua.inspections.services import inspection_complete, inspection_record
from motcua.testing.factories import AgencyFactory
from motcua.utils.errors import DomainError

pytestmark = pytest.mark.django_db


def test_planned_inspection_recorded_then_done():
    agency = AgencyFactory()
    inspection = inspection_record(
        agency=agency, planned=True, plan_year=2024, plan_reference="Thông báo số 95/TB-VP"
    )
    assert not inspection.is_done

    inspection = inspection_complete(
        inspection=inspection, inspected_on=dt.date(2024, 9, 20), findings=" Đạt yêu cầu. "
    )

    assert inspection.is_done and inspection.findings == "Đạt yêu cầu."
    assert list(
        AuditEntry.objects.filter(target_id=str(inspection.pk))
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["inspection.record", "inspection.complete"]
    with pytest.raises(DomainError) as error:
        inspection_complete(inspection=inspection, inspected_on=dt.date(2024, 9, 21))
    assert error.value.code == "already_done"


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"planned": True}, "plan_year_required"),
        ({"planned": False, "plan_year": 2024}, "inspected_on_required"),
    ],
)
def test_incomplete_inspection_is_refused(values, code):
    with pytest.raises(DomainError) as error:
        inspection_record(agency=AgencyFactory(), **values)
    assert error.value.code == code


@pytest.mark.parametrize(
    "values",
    [
        {"planned": True, "plan_year": 2024},
        {"planned": False, "inspected_on": dt.date(2024, 10, 22)},
    ],
)
def test_same_natural_key_is_refused(values):
    agency = AgencyFactory()
    inspection_record(agency=agency, **values)
    with pytest.raises(DomainError) as error:
        inspection_record(agency=agency, **values)
    assert error.value.code == "duplicate_inspection"
