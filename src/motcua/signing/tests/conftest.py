from dataclasses import dataclass

import pytest

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, Province


@dataclass
class SigningWorld:
    agency: Agency
    leader: User
    officer: User


@pytest.fixture
def signing_world(db) -> SigningWorld:
    Province.objects.create(pk=1, name="Bình Thuận", code="H12")
    agency = Agency.objects.create(
        code="000.00.05.H12", name="Sở Tư pháp tỉnh Bình Thuận", kind=AgencyKind.DEPARTMENT
    )
    leader = User.objects.create_user(
        username="nva",
        password="pw-123456",
        role=Role.APPROVER,
        agency=agency,
        full_name="Nguyễn Văn Ánh",
        title="Phó Giám đốc",
    )
    officer = User.objects.create_user(
        username="ttl",
        password="pw-123456",
        role=Role.INTAKE_OFFICER,
        agency=agency,
        full_name="Trần Thị Lan",
        title="Chuyên viên",
    )
    return SigningWorld(agency, leader, officer)
