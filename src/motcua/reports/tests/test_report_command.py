"""``motcua report catalog``: statistics.md §1, §4–§6 and the §9 JSON shape."""

import datetime as dt
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.procedures.models import DecisionKind, Level, OnlineLevel, Shortening
from motcua.testing.factories import (
    AgencyFactory,
    DecisionFactory,
    ProcedureFactory,
    ShorteningFactory,
)

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seed_like():
    """A small-volume version of the seed report's figures (1.970 procedures, 740/859 online,
    49 shortenings saving 980 million)."""
    Province.objects.create(pk=1, name="Tỉnh Thử", hourly_cost_vnd=25_000)
    departments = AgencyFactory.create_batch(19, kind=AgencyKind.DEPARTMENT)
    Agency.objects.bulk_create(
        AgencyFactory.build_batch(10, kind=AgencyKind.DISTRICT)
        + AgencyFactory.build_batch(121, kind=AgencyKind.COMMUNE)
    )
    for department in departments[:17]:
        ProcedureFactory(agency=department, on_portal=True)
    ProcedureFactory(level=Level.DISTRICT, on_portal=True)
    ProcedureFactory(level=Level.COMMUNE, on_portal=True)
    ProcedureFactory.bulk(740 - 19, online_level=OnlineLevel.FULL, national_portal=True)
    ProcedureFactory.bulk(859 - 740, online_level=OnlineLevel.PARTIAL)
    shortened = ProcedureFactory.bulk(1970 - 859, online_level=OnlineLevel.NONE)[:49]
    decision = DecisionFactory(date=dt.date(2024, 10, 1), kind=DecisionKind.OTHER)
    Shortening.objects.bulk_create(
        ShorteningFactory.build(
            procedure=procedure,
            decision=decision,
            days_before=Decimal("10"),
            days_after=Decimal("9"),
            annual_dossiers=100,
        )
        for procedure in shortened
    )
    DecisionFactory.create_batch(3, date=dt.date(2024, 3, 1), kind=DecisionKind.PUBLICATION)
    DecisionFactory(date=dt.date(2024, 12, 31), kind=DecisionKind.PUBLICATION)


def test_json_has_exactly_the_section_9_keys(seed_like):
    data = json.loads(run("catalog", "--year", "2024", "--format", "json"))

    assert list(data) == ["period", "catalog", "shortening", "online_services"]
    assert data["period"] == {"from": "2023-12-15", "to": "2024-12-14"}
    assert data["catalog"] == {
        "total": 1970,
        "central": 1970,
        "local": 0,
        "by_level": {"province": 1968, "district": 1, "commune": 1},
        "publication_decisions": 3,
        "regulation_documents": 0,
    }
    assert data["shortening"] == {
        "total": 49,
        "by_level": {"province": 49, "district": 0, "commune": 0},
        "saving_vnd": 980_000_000,
        "saving_per_procedure_vnd": 20_000_000,
    }
    assert data["online_services"] == {
        "total": 859,
        "full": 740,
        "partial": 119,
        "national_portal": 740,
        "national_portal_rate": 86.15,
        "departments": {"covered": 17, "total": 19},
        "districts": {"covered": 10, "total": 10},
        "communes": {"covered": 121, "total": 121},
    }


def test_json_is_readable_vietnamese_with_plain_numbers(seed_like):
    text = run("catalog", "--year", "2024", "--format", "json")
    assert '"national_portal_rate": 86.15' in text
    assert '"saving_vnd": 980000000' in text
    assert text.startswith('{\n  "period"')


def test_table_is_vietnamese(seed_like):
    text = run("catalog", "--year", "2024")

    assert "Kỳ báo cáo: từ 15/12/2023 đến 14/12/2024" in text
    assert "1.970" in text
    assert "86,15%" in text
    assert "980.000.000 đ" in text
    assert "20.000.000 đ" in text
    assert "17/19" in text
    assert "121/121" in text


def test_table_line_for_the_rate(seed_like):
    line = next(row for row in run("catalog", "--year", "2024").splitlines() if "Tỷ lệ" in row)
    assert line.split()[-1] == "86,15%"


@pytest.mark.parametrize(
    ("args", "period"),
    [
        (["--year", "2025"], {"from": "2024-12-15", "to": "2025-12-14"}),
        (["--year", "2024", "--period", "q1"], {"from": "2023-12-15", "to": "2024-03-14"}),
        (["--year", "2024", "--period", "m3"], {"from": "2024-02-15", "to": "2024-03-14"}),
        (["--year", "2024", "--period", "h1"], {"from": "2023-12-15", "to": "2024-06-14"}),
        (["--year", "2024", "--period", "9m"], {"from": "2023-12-15", "to": "2024-09-14"}),
        (
            ["--from", "2024-12-15", "--to", "31/12/2024"],
            {"from": "2024-12-15", "to": "2024-12-31"},
        ),
    ],
)
def test_period_options(args, period):
    DecisionFactory(date=dt.date(2024, 12, 31))
    data = json.loads(run("catalog", *args, "--format", "json"))
    assert data["period"] == period
    in_period = period["from"] <= "2024-12-31" <= period["to"]
    assert data["catalog"]["publication_decisions"] == int(in_period)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2024", "--period", "q5"], "Kỳ báo cáo không hợp lệ: 'q5'"),
        (["--period", "q1"], "Thiếu năm báo cáo (--year) / Missing report year"),
        ([], "Missing report year"),
        (["--from", "2024-03-01", "--to", "2024-02-01"], "Start date (2024-03-01) is after"),
        (["--from", "2024-03-01"], "Both --from and --to are required"),
        (["--year", "2024", "--from", "2024-01-01", "--to", "2024-02-01"], "cannot be combined"),
        (["--year", "hai nghìn"], "Năm không hợp lệ: 'hai nghìn' / Invalid year"),
        (["--from", "2024-02-30", "--to", "2024-03-01"], "Ngày không hợp lệ: '2024-02-30'"),
        (["--year", "2024", "--format", "xml"], "invalid choice"),
    ],
)
def test_bad_options_are_command_errors(args, message):
    with pytest.raises(CommandError) as excinfo:
        run("catalog", *args)
    assert message in str(excinfo.value)


def test_a_report_kind_is_required():
    with pytest.raises(CommandError):
        run()


def test_report_without_province_row_saves_nothing():
    ShorteningFactory(decision__date=dt.date(2024, 5, 5))
    data = json.loads(run("catalog", "--year", "2024", "--format", "json"))
    assert data["shortening"]["total"] == 1
    assert data["shortening"]["saving_vnd"] == 0
    assert not Province.objects.exists()  # a report reads, never writes
