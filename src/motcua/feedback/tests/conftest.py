"""Fixtures of the feedback workflow tests: a province with the provincial office (controller),
two departments with a handler and a leader each, and a procedure of the first."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.feedback import services
from motcua.procedures.models import Procedure
from motcua.testing.factories import ProcedureFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(*args) -> dt.datetime:
    """A local instant: at(2025, 1, 20, 9, 0)."""
    return dt.datetime(*args, tzinfo=VN)


@dataclass
class World:
    province: Agency
    office: Agency
    dept: Agency
    other: Agency
    procedure: Procedure
    controller: User
    users: dict[tuple[str, str], User]

    def user(self, role: str, agency: str = "dept") -> User:
        return self.users[(agency, role)]


@pytest.fixture
def world(db) -> World:
    Province.objects.create(pk=1, name="Bình Thuận", code="H12")
    province = Agency.objects.create(
        code="000.00.00.H12", name="UBND tỉnh Bình Thuận", kind=AgencyKind.PROVINCE
    )
    office = Agency.objects.create(
        code="000.00.01.H12",
        name="Văn phòng UBND tỉnh",
        kind=AgencyKind.DEPARTMENT,
        parent=province,
    )
    dept = Agency.objects.create(
        code="000.00.05.H12", name="Sở Tư pháp", kind=AgencyKind.DEPARTMENT, parent=province
    )
    other = Agency.objects.create(
        code="000.00.07.H12", name="Sở Xây dựng", kind=AgencyKind.DEPARTMENT, parent=province
    )
    procedure = ProcedureFactory(
        code="1.000001.H12", name="Cấp phiếu lý lịch tư pháp", agency=dept, processing_days=10
    )
    controller = User.objects.create_user(
        username="kiemsoat",
        password="pw-123456",
        role=Role.CONTROLLER,
        agency=office,
        first_name="Lê Thị Kiểm Soát",
    )
    users = {}
    for key, agency in (("dept", dept), ("other", other)):
        for role in (Role.HANDLER, Role.APPROVER):
            users[(key, role)] = User.objects.create_user(
                username=f"{key}-{role}",
                password="pw-123456",
                role=role,
                agency=agency,
                first_name=f"{role} {key}",
            )
    return World(province, office, dept, other, procedure, controller, users)


CONTENT = (
    "Tôi là Nguyễn Thị Hoa, CCCD 060190001234, điện thoại 0912 345 678. Cán bộ một cửa "
    "yêu cầu nộp thêm bản sao giấy khai sinh không có trong thành phần hồ sơ; anh Trần Văn "
    "Bình ở bộ phận một cửa nói phải có. Liên hệ hoa.nguyen@example.vn."
)


def submit(world: World, *, now: dt.datetime, **overrides) -> services.Submitted:
    values = {
        "subject": "Yêu cầu thêm giấy tờ ngoài quy định",
        "content": CONTENT,
        "procedure": world.procedure,
        "contact": services.Contact(
            name="Nguyễn Thị Hoa",
            phone="0912345678",
            email="hoa.nguyen@example.vn",
            address="25 Nguyễn Tất Thành, Phan Thiết",
        ),
        "now": now,
    }
    values.update(overrides)
    return services.feedback_submit(**values)


def answered(
    world: World,
    *,
    now: dt.datetime,
    publish: bool = True,
    handled: dt.datetime | None = None,
    **overrides,
):
    """An item received at ``now`` and taken through the whole workflow from ``handled``
    (default: ``now``), each step a minute after the one before."""
    minute = dt.timedelta(minutes=1)
    item = submit(world, now=now, **overrides).feedback
    now = handled or now
    item = services.feedback_classify(
        actor=world.controller, feedback=item, kind="regulation", now=now + minute
    )
    item = services.feedback_assign(
        actor=world.controller, feedback=item, agency=world.dept, now=now + 2 * minute
    )
    item = services.feedback_draft(
        actor=world.user(Role.HANDLER), feedback=item, answer="Trả lời: không yêu cầu thêm."
    )
    item = services.feedback_approve(
        actor=world.user(Role.APPROVER), feedback=item, now=now + 3 * minute
    )
    if publish:
        texts = services.masked_texts(item)
        item = services.feedback_publish_answer(
            actor=world.controller, feedback=item, now=now + 4 * minute, **texts
        )
    return item
