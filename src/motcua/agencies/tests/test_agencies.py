import datetime as dt

import pytest
from django.db import IntegrityError

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind
from motcua.agencies.selectors import agencies_visible_to
from motcua.agencies.services import agency_current, agency_deactivate
from motcua.utils.errors import DomainError


@pytest.fixture
def tree(db):
    province = Agency.objects.create(
        code="000.00.00.H12", name="UBND tỉnh", kind=AgencyKind.PROVINCE
    )
    district = Agency.objects.create(
        code="000.00.20.H12", name="UBND huyện Bắc Bình", kind=AgencyKind.DISTRICT, parent=province
    )
    commune = Agency.objects.create(
        code="000.01.20.H12", name="UBND xã Phan Rí Thành", kind=AgencyKind.COMMUNE, parent=district
    )
    other_district = Agency.objects.create(
        code="000.00.21.H12", name="UBND huyện Tuy Phong", kind=AgencyKind.DISTRICT, parent=province
    )
    return province, district, commune, other_district


def test_deactivate_keeps_history_and_follows_successor(tree):
    province, district, commune, other = tree
    agency_deactivate(agency=district, on=dt.date(2025, 7, 1), successor=province)
    district.refresh_from_db()
    assert not district.is_active
    assert district.deactivated_on == dt.date(2025, 7, 1)
    assert agency_current(district) == province
    assert commune.parent_id == district.pk  # the tree as it was is kept


def test_deactivate_refuses_bad_successors(tree):
    province, district, commune, other = tree
    with pytest.raises(DomainError):
        agency_deactivate(agency=district, on=dt.date(2025, 7, 1), successor=district)
    agency_deactivate(agency=other, on=dt.date(2025, 7, 1))
    with pytest.raises(DomainError):
        agency_deactivate(agency=district, on=dt.date(2025, 7, 1), successor=other)
    with pytest.raises(DomainError):
        agency_deactivate(agency=other, on=dt.date(2025, 7, 2))
    district.refresh_from_db()
    assert district.is_active


def test_officer_sees_own_agency_and_children_only(tree):
    province, district, commune, other = tree
    officer = User.objects.create_user(
        username="h", password="x", role=Role.HANDLER, agency=district
    )
    assert set(agencies_visible_to(officer)) == {district, commune}
    controller = User.objects.create_user(
        username="c", password="x", role=Role.CONTROLLER, agency=province
    )
    assert set(agencies_visible_to(controller)) == {province, district, commune, other}
    homeless = User.objects.create_user(username="n", password="x", role=Role.HANDLER)
    assert not agencies_visible_to(homeless).exists()


def test_office_hours_must_be_ordered(db):
    with pytest.raises(IntegrityError):
        Agency.objects.create(
            code="X",
            name="X",
            kind=AgencyKind.OTHER,
            morning_start=dt.time(12, 0),
            morning_end=dt.time(11, 0),
        )
