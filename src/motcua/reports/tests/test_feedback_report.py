"""``motcua report feedback``: the §3 figures as JSON (the §9 object), a table, and the XLSX
feedback table."""

import datetime as dt
import json
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from motcua.feedback.models import FeedbackKind
from motcua.feedback.tests.factories import FeedbackFactory
from motcua.interchange.parsing import LOCAL_TZ
from motcua.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def feedback():
    agency = AgencyFactory(code="000.00.05.H12", name="Sở Tư pháp")
    FeedbackFactory(agency=agency, published=True)
    FeedbackFactory(agency=agency, kind=FeedbackKind.BEHAVIOUR)  # in process
    # Carried over: received before the period, processed in it.
    FeedbackFactory(
        received_at=dt.datetime(2023, 12, 1, 9, tzinfo=LOCAL_TZ),
        processed_at=dt.datetime(2024, 1, 3, 9, tzinfo=LOCAL_TZ),
    )
    return agency


def run(*args) -> str:
    out = StringIO()
    call_command("report", "feedback", "--year", "2024", *args, stdout=out)
    return out.getvalue()


def test_json_is_the_feedback_object(feedback):
    assert json.loads(run("--format", "json")) == {
        "received": {"total": 3, "new": 2, "carried_over": 1, "regulation": 2, "behaviour": 1},
        "processed": {"total": 2, "published": 1},
        "in_process": 1,
    }
    by_kind = json.loads(run("--by", "kind", "--format", "json"))
    assert [row["key"] for row in by_kind["rows"]] == ["regulation", "behaviour"]
    assert sum(r["figures"]["received"]["total"] for r in by_kind["rows"]) == 3
    only = json.loads(run("--agency", "000.00.05.H12", "--format", "json"))
    assert only["received"]["total"] == 2


def test_table_and_xlsx(feedback, tmp_path):
    table = run("--format", "table")
    assert "Kỳ báo cáo: từ 15/12/2023 đến 14/12/2024" in table
    assert "Từ kỳ trước chuyển qua" in table
    out = tmp_path / "pakn.xlsx"
    run("--format", "xlsx", "--out", str(out))
    sheet = openpyxl.load_workbook(out).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    total = next(row for row in rows if "Tổng cộng" in row)
    assert 3 in total and 1 in total  # received, in process
    with pytest.raises(CommandError):
        run("--format", "xlsx")
    with pytest.raises(CommandError):
        run("--agency", "NO-SUCH", "--format", "json")
