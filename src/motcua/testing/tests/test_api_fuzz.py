"""Schemathesis over the committed OpenAPI description (docs/openapi.yaml), in-process.

Every operation of the document is called with generated requests (valid and invalid), anonymously
and as an officer, through the WSGI application (no server, no port, the test's own database
transaction), on a small seeded province; half of the generated path codes are replaced by codes
that exist, so actions and lookups reach real records. The examples are bounded and
derandomised: a CI run is the same every time and takes a few minutes.

Every answer must not be a server error and must have a documented content type (enforced).
Status codes and bodies must match the document too; while ``CONFORMANCE_ENFORCED`` is off, those
mismatches are collected and shown as one warning per operation instead of failing the test.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, Phase, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import FailureGroup

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.dossiers import services as s
from motcua.testing.factories import ProcedureFactory

OPENAPI = Path(__file__).resolve().parents[4] / "docs" / "openapi.yaml"
VN = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_EXAMPLES = 10
ENFORCED = [not_a_server_error, content_type_conformance]
CONFORMANCE = [status_code_conformance, response_schema_conformance]
# Off until the annotations of issue #7 ("auth": paginated envelopes; 400/403/404/429 answers)
# are merged; then on, and the run must show no mismatch at all.
CONFORMANCE_ENFORCED = True
# A CSRF secret of our choosing: the officer's unsafe requests carry it as cookie and header.
CSRF = "fuzzFUZZfuzzFUZZfuzzFUZZfuzzFUZZ"
PROCEDURE_CODE = "1.000001.H12"
DOSSIER_CODES = ["000.00.05.H12-240305-0001", "000.00.05.H12-240305-0002"]

schema = schemathesis.openapi.from_path(OPENAPI)
schema.app = get_wsgi_application()
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=MAX_EXAMPLES,
    deterministic=True,
    with_security_parameters=False,
)
bounded = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@schema.hook
def map_path_parameters(context, path_parameters):
    """Half the time (by the generated code's length), the ``code`` of the path is one that
    exists in the seeded province."""
    code = (path_parameters or {}).get("code")
    if not isinstance(code, str) or len(code) % 2:
        return path_parameters
    path = context.operation.path
    codes = [PROCEDURE_CODE] if "/procedures/" in path else DOSSIER_CODES
    return {**path_parameters, "code": codes[len(code) // 2 % len(codes)]}


@pytest.fixture(autouse=True)
def _one_connection():
    """The WSGI handler closes the database connection around each request; the test's
    transaction (and its seeded province) must survive, as in Django's own test client."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def province(db) -> User:
    """Two departments, a procedure, two dossiers (one received, one in processing) and an
    intake officer of the department, who is returned."""
    Province.objects.create(pk=1, name="Bình Thuận", code="H12")
    top = Agency.objects.create(code="000.00.00.H12", name="UBND tỉnh", kind=AgencyKind.PROVINCE)
    dept = Agency.objects.create(
        code="000.00.05.H12", name="Sở Tư pháp", kind=AgencyKind.DEPARTMENT, parent=top
    )
    procedure = ProcedureFactory(code=PROCEDURE_CODE, agency=dept, processing_days=10)
    intake = User.objects.create_user(
        username="fuzz-intake", password="unused-9-x", role=Role.INTAKE_OFFICER, agency=dept
    )
    applicant = s.ApplicantData(name="Phạm Thị Dung", phone="0901234567", id_number="060190120601")
    now = dt.datetime(2024, 3, 5, 8, tzinfo=VN)
    dossiers = [
        s.dossier_receive(
            actor=intake, procedure=procedure, applicant=applicant, components=[], now=now
        )
        for _ in DOSSIER_CODES
    ]
    assert [d.code for d in dossiers] == DOSSIER_CODES
    s.dossier_transfer(actor=intake, dossier=dossiers[1], now=now + dt.timedelta(hours=1))
    return intake


@pytest.fixture
def officer_cookies(province) -> dict[str, str]:
    client = Client()
    client.force_login(province)
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF}


@pytest.fixture
def mismatches():
    """Status code and body mismatches of one test: operation → kind of mismatch → the first
    request that showed it. A warning each at the end (a failure once ``CONFORMANCE_ENFORCED``
    is on)."""
    found: dict[str, dict[str, str]] = {}
    yield found
    for operation, kinds in sorted(found.items()):
        summary = f"{operation}: " + "; ".join(f"{k} (e.g. {r})" for k, r in sorted(kinds.items()))
        if CONFORMANCE_ENFORCED:
            pytest.fail(summary)
        warnings.warn(summary, stacklevel=1)


def call_and_check(case, mismatches, **kwargs) -> None:
    response = case.call(**kwargs)
    case.validate_response(response, checks=ENFORCED, headers=kwargs.get("headers"))
    try:
        case.validate_response(response, checks=CONFORMANCE, headers=kwargs.get("headers"))
    except FailureGroup as group:
        if CONFORMANCE_ENFORCED:
            raise
        titles = ", ".join(sorted(failure.title for failure in group.exceptions))
        kinds = mismatches.setdefault(case.operation.label, {})
        kinds.setdefault(f"{response.status_code} {titles}", str(response.request.url))


@schema.parametrize()
@bounded
def test_the_api_answers_anonymous_callers_as_described(case, province, mismatches):
    call_and_check(case, mismatches)


@schema.parametrize()
@bounded
def test_the_api_answers_an_officer_as_described(case, officer_cookies, mismatches):
    call_and_check(case, mismatches, cookies=officer_cookies, headers={"X-CSRFToken": CSRF})
