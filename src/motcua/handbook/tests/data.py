"""A small province with the demo handbook loaded, for the handbook's tests."""

import datetime as dt

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import AgencyKind
from motcua.demo.handbook import demo_handbook
from motcua.testing.factories import AgencyFactory

TODAY = dt.date(2025, 10, 1)


def make_agencies():
    return [
        AgencyFactory(code="000.00.01.H99", name="Sở Nội vụ"),
        AgencyFactory(code="000.00.02.H99", name="Sở Tư pháp"),
        AgencyFactory(code="000.00.08.H99", name="Sở Tài nguyên và Môi trường"),
        AgencyFactory(
            code="000.00.21.H99", name="UBND thành phố Phan Thiết", kind=AgencyKind.DISTRICT
        ),
        AgencyFactory(code="000.00.22.H99", name="UBND huyện Bắc Bình", kind=AgencyKind.DISTRICT),
    ]


def make_handbook(today: dt.date = TODAY):
    agencies = make_agencies()
    demo_handbook(today=today)
    return agencies


def make_user(username: str, role: str) -> User:
    return User.objects.create_user(username=username, password="x", role=role)


def editor() -> User:
    return make_user("bientap", Role.EDITOR)
