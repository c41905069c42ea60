"""Fixtures of the dossier tests: a small province with two departments and an officer of
each role in each."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.procedures.models import Procedure
from motcua.testing.factories import ProcedureFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(*args) -> dt.datetime:
    """A local instant: at(2024, 3, 5, 8, 15)."""
    return dt.datetime(*args, tzinfo=VN)


@dataclass
class World:
    province: Agency
    dept: Agency
    other: Agency
    procedure: Procedure
    users: dict[tuple[str, str], User]

    def user(self, role: str, agency: str = "dept") -> User:
        return self.users[(agency, role)]


@pytest.fixture
def world(db) -> World:
    Province.objects.create(pk=1, name="Bình Thuận", code="H12")
    province = Agency.objects.create(
        code="000.00.00.H12",
        name="UBND tỉnh Bình Thuận",
        kind=AgencyKind.PROVINCE,
    )
    dept = Agency.objects.create(
        code="000.00.05.H12",
        name="Sở Tư pháp",
        kind=AgencyKind.DEPARTMENT,
        parent=province,
    )
    other = Agency.objects.create(
        code="000.00.07.H12",
        name="Sở Xây dựng",
        kind=AgencyKind.DEPARTMENT,
        parent=province,
    )
    procedure = ProcedureFactory(
        code="1.000001.H12",
        name="Cấp phiếu lý lịch tư pháp",
        agency=dept,
        processing_days=10,
        fee_vnd=200000,
    )
    users = {}
    for key, agency in (("dept", dept), ("other", other)):
        for role in (Role.INTAKE_OFFICER, Role.HANDLER, Role.APPROVER):
            users[(key, role)] = User.objects.create_user(
                username=f"{key}-{role}",
                password="pw-123456",
                role=role,
                agency=agency,
                first_name=f"{role} {key}",
            )
    return World(province, dept, other, procedure, users)
