"""Fixtures of the portal tests: a small province whose officers have full names and titles,
an inter-agency procedure, and a fake portal on a loopback port."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.dossiers.models import ProcessTemplate, ProcessTemplateStep
from motcua.integrations.fakeportal import FakePortal
from motcua.procedures.models import Procedure
from motcua.testing.factories import ProcedureFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TOKEN = "test-portal-token"


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VN)


@dataclass
class World:
    dept: Agency
    other: Agency
    procedure: Procedure  # single agency, default steps
    shared: Procedure  # inter-agency: dept, other, dept
    users: dict[tuple[str, str], User]

    def user(self, role: str, agency: str = "dept") -> User:
        return self.users[(agency, role)]


NAMES = {
    Role.INTAKE_OFFICER: ("Trần Thị Mai", "Chuyên viên Bộ phận Một cửa"),
    Role.HANDLER: ("Lê Văn Hùng", "Chuyên viên"),
    Role.APPROVER: ("Phạm Minh Đức", "Phó Giám đốc Sở"),
}


def make_world() -> World:
    Province.objects.get_or_create(pk=1, defaults={"name": "Bình Thuận", "code": "H12"})
    province = Agency.objects.create(
        code="000.00.00.H12", name="UBND tỉnh Bình Thuận", kind=AgencyKind.PROVINCE
    )
    dept = Agency.objects.create(
        code="000.00.05.H12", name="Sở Tư pháp", kind=AgencyKind.DEPARTMENT, parent=province
    )
    other = Agency.objects.create(
        code="000.00.07.H12", name="Sở Xây dựng", kind=AgencyKind.DEPARTMENT, parent=province
    )
    procedure = ProcedureFactory(
        code="1.000001.H12",
        name="Cấp phiếu lý lịch tư pháp",
        field="Lý lịch tư pháp",
        agency=dept,
        processing_days=10,
        fee_vnd=200000,
    )
    shared = ProcedureFactory(
        code="1.000002.H12",
        name="Cấp giấy phép xây dựng",
        field="Xây dựng",
        agency=dept,
        processing_days=10,
    )
    template = ProcessTemplate.objects.create(procedure=shared, transfer_budget_hours=4)
    for order, agency, role, hours in [
        (1, None, Role.HANDLER, 36),
        (2, other, Role.HANDLER, 24),
        (3, None, Role.APPROVER, 16),
    ]:
        ProcessTemplateStep.objects.create(
            template=template,
            order=order,
            name=f"Bước {order}",
            agency=agency,
            role=role,
            budget_hours=hours,
        )
    users = {}
    for key, agency in (("dept", dept), ("other", other)):
        for role, (name, title) in NAMES.items():
            users[(key, role)] = User.objects.create_user(
                username=f"{key}-{role}",
                password="pw-123456",
                role=role,
                agency=agency,
                full_name=f"{name} {key}",
                title=title,
            )
    return World(dept, other, procedure, shared, users)


@pytest.fixture
def world(db) -> World:
    return make_world()


@pytest.fixture
def fake(settings):
    """A fake portal the exchange is pointed at (requests time out after 2 s)."""
    with FakePortal(token=TOKEN) as portal:
        settings.MOTCUA_PORTAL_URL = portal.url
        settings.MOTCUA_PORTAL_TOKEN = TOKEN
        settings.MOTCUA_PORTAL_TIMEOUT = 2.0
        yield portal
