"""Fixtures for the web UI: a province, agencies, officers and a small catalog."""

import datetime as dt
from decimal import Decimal

import pytest

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.procedures.models import Decision, DecisionKind, Level, OnlineLevel
from motcua.procedures.services import procedure_save

PASSWORD = "mat-khau-rat-dai-2024"


@pytest.fixture
def province(db):
    return Province.objects.create(pk=1, name="Bình Thuận", code="H12", hourly_cost_vnd=25_000)


@pytest.fixture
def department(db):
    return Agency.objects.create(
        code="000.00.12.H12", name="Sở Tài nguyên và Môi trường", kind=AgencyKind.DEPARTMENT
    )


@pytest.fixture
def justice(db):
    return Agency.objects.create(
        code="000.00.13.H12", name="Sở Tư pháp", kind=AgencyKind.DEPARTMENT
    )


@pytest.fixture
def decision(db):
    return Decision.objects.create(
        number="123/QĐ-UBND",
        date=dt.date(2024, 3, 5),
        kind=DecisionKind.PUBLICATION,
        title="Công bố danh mục TTHC",
    )


def make_procedure(code: str, name: str, **values):
    values = {
        "name": name,
        "level": Level.PROVINCE,
        "field": "Đất đai",
        "authority": "central",
        **values,
    }
    components = values.pop("components", None)
    procedure, _ = procedure_save(code=code, values=values, components=components)
    return procedure


@pytest.fixture
def catalog(db, department, justice, decision):
    """Four procedures: land (province), birth (commune), online business (district), abolished."""
    return {
        "land": make_procedure(
            "1.001234.000.00.00.H12",
            "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
            "với đất lần đầu",
            agency=department,
            processing_days=Decimal("15"),
            fee_vnd=50_000,
            online_level=OnlineLevel.PARTIAL,
            national_portal=True,
            decision=decision,
            steps="Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.",
            submission_methods="Trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh.",
            legal_basis="Luật Đất đai 2024.",
            result="Giấy chứng nhận.",
            requirements="Không.",
            components=[
                {
                    "name": "Đơn đăng ký cấp giấy chứng nhận",
                    "originals": 1,
                    "copies": 0,
                    "required": True,
                    "form_name": "Mẫu số 04/ĐK",
                },
                {
                    "name": "Giấy tờ về quyền sử dụng đất",
                    "originals": 0,
                    "copies": 1,
                    "required": False,
                    "form_name": "",
                },
            ],
        ),
        "birth": make_procedure(
            "1.001193.000.00.00.H12",
            "Đăng ký khai sinh",
            level=Level.COMMUNE,
            field="Hộ tịch",
            processing_days=Decimal("0.5"),
            fee_vnd=0,
            online_level=OnlineLevel.FULL,
        ),
        "business": make_procedure(
            "2.000001.000.00.00.H12",
            "Đăng ký hộ kinh doanh",
            level=Level.DISTRICT,
            field="Thành lập và hoạt động của hộ kinh doanh",
            processing_days=Decimal("3"),
            fee_vnd=100_000,
        ),
        "abolished": make_procedure(
            "1.000999.000.00.00.H12",
            "Đăng ký khai tử cũ",
            level=Level.COMMUNE,
            field="Hộ tịch",
            status="abolished",
            agency=justice,
        ),
    }


def make_user(username: str, role: str, agency) -> User:
    return User.objects.create_user(
        username=username,
        password=PASSWORD,
        role=role,
        agency=agency,
        first_name="An",
        last_name="Nguyễn Văn",
    )


@pytest.fixture
def controller(db, department):
    return make_user("kiemsoat", Role.CONTROLLER, department)


@pytest.fixture
def handler(db, department):
    return make_user("xuly", Role.HANDLER, department)


@pytest.fixture
def controller_client(client, controller):
    client.force_login(controller)
    return client


@pytest.fixture
def handler_client(client, handler):
    client.force_login(handler)
    return client
