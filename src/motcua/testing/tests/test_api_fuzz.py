"""Schemathesis over the committed OpenAPI description (docs/openapi.yaml), in-process.

Every operation of the document is called with generated requests, anonymously and as an
officer, through the WSGI application (no server, no port), on a small seeded province. Each
response must not be a server error and must match the document: status code, content type and
body schema. The examples are bounded and derandomised, so a CI run is the same every time and
takes a few minutes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.test import Client
from hypothesis import HealthCheck, Phase, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.dossiers import services as s
from motcua.testing.factories import ProcedureFactory

OPENAPI = Path(__file__).resolve().parents[4] / "docs" / "openapi.yaml"
VN = ZoneInfo("Asia/Ho_Chi_Minh")
CHECKS = (
    []
    if __import__("os").environ.get("FUZZ_ONLY_500")
    else [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
)
# A CSRF secret of our choosing: the officer's unsafe requests carry it as cookie and header.
CSRF = "fuzzFUZZfuzzFUZZfuzzFUZZfuzzFUZZ"
MAX_EXAMPLES = 12

schema = schemathesis.openapi.from_path(OPENAPI)
schema.app = get_wsgi_application()
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=MAX_EXAMPLES,
    deterministic=True,
)
bounded = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def province(db):
    """Two departments, a procedure, two dossiers (one received, one in processing) and an
    officer of the desk; codes that fuzzed paths may hit."""
    Province.objects.create(pk=1, name="Bình Thuận", code="H12")
    top = Agency.objects.create(code="000.00.00.H12", name="UBND tỉnh", kind=AgencyKind.PROVINCE)
    dept = Agency.objects.create(
        code="000.00.05.H12", name="Sở Tư pháp", kind=AgencyKind.DEPARTMENT, parent=top
    )
    procedure = ProcedureFactory(code="1.000001.H12", agency=dept, processing_days=10)
    intake = User.objects.create_user(
        username="fuzz-intake", password="unused-9-x", role=Role.INTAKE_OFFICER, agency=dept
    )
    applicant = s.ApplicantData(name="Phạm Thị Dung", phone="0901234567", id_number="0601")
    now = dt.datetime(2024, 3, 5, 8, tzinfo=VN)
    for _ in range(2):
        dossier = s.dossier_receive(
            actor=intake, procedure=procedure, applicant=applicant, components=[], now=now
        )
    s.dossier_transfer(actor=intake, dossier=dossier, now=now + dt.timedelta(hours=1))
    return intake


def officer_cookies(user: User) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF}


@schema.parametrize()
@bounded
def test_the_api_as_anonymous_matches_its_description(case, province):
    case.call_and_validate(checks=CHECKS or [not_a_server_error])


@schema.parametrize()
@bounded
def test_the_api_as_an_officer_matches_its_description(case, province):
    case.call_and_validate(
        checks=CHECKS or [not_a_server_error],
        cookies=officer_cookies(province),
        headers={"X-CSRFToken": CSRF},
    )
