"""Catalog selectors: diacritic-insensitive search, filters, history diffs, shortening savings."""

from decimal import Decimal

import pytest

from motcua.agencies.models import Agency, AgencyKind
from motcua.procedures.models import Decision, Shortening
from motcua.procedures.selectors import (
    FieldChange,
    catalog_agencies,
    catalog_fields,
    procedure_history,
    procedure_search,
    shortening_list,
    shortening_total_saving,
    snapshot_changes,
)
from motcua.procedures.services import procedure_save

pytestmark = pytest.mark.django_db


def save(code: str, name: str, **values):
    values = {"name": name, "level": "province", "authority": "central", **values}
    return procedure_save(code=code, values=values)[0]


@pytest.fixture
def procedures():
    department = Agency.objects.create(code="S1", name="Sở Tư pháp", kind=AgencyKind.DEPARTMENT)
    return {
        "land": save(
            "P1",
            "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
            field="Đất đai",
            online_level="partial",
        ),
        "birth": save(
            "P2", "Đăng ký khai sinh", field="Hộ tịch", level="commune", agency=department
        ),
        "percent": save("P3", "Đăng ký 100% vốn_nước ngoài", field="Đầu tư"),
        "old": save("P4", "Đăng ký khai sinh (cũ)", field="Hộ tịch cũ", status="abolished"),
    }


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"query": "cap giay chung nhan quyen su dung dat"}, ["P1"]),
        ({"query": "đăng ký khai sinh"}, ["P2"]),
        ({"query": "DANG KY KHAI SINH"}, ["P2"]),
        ({"query": "dang ky khai sinh", "include_abolished": True}, ["P2", "P4"]),
        ({"query": "100%"}, ["P3"]),  # LIKE wildcards are matched literally
        ({"query": "%"}, ["P3"]),
        ({"query": "_"}, ["P3"]),
        ({"query": "p"}, ["P1", "P2", "P3"]),  # codes are searched (folded)
        ({"level": "commune"}, ["P2"]),
        ({"field": "Đất đai"}, ["P1"]),
        ({"online_level": "partial"}, ["P1"]),
        ({"query": "   "}, ["P1", "P2", "P3"]),
    ],
)
def test_procedure_search(procedures, kwargs, expected):
    assert [p.code for p in procedure_search(**kwargs)] == expected


def test_search_by_agency(procedures):
    agency = procedures["birth"].agency
    assert [p.code for p in procedure_search(query="", agency=agency.pk)] == ["P2"]


def test_filter_choices_come_from_active_procedures(procedures):
    assert sorted(catalog_fields()) == sorted(["Đất đai", "Hộ tịch", "Đầu tư"])
    assert [a.name for a in catalog_agencies()] == ["Sở Tư pháp"]


def test_snapshot_changes_lists_only_differences():
    before = {"name": "A", "fee_vnd": 0, "components": []}
    after = {"name": "A", "fee_vnd": 5000, "components": [{"name": "Đơn"}]}
    assert snapshot_changes(before, after) == [
        FieldChange("fee_vnd", 0, 5000),
        FieldChange("components", [], [{"name": "Đơn"}]),
    ]


def test_procedure_history_newest_first_with_changes(procedures):
    save(
        "P1", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", field="Đất đai", online_level="full"
    )
    entries = procedure_history(procedure=procedures["land"])
    assert [e.version.number for e in entries] == [2, 1]
    assert entries[0].changes == [FieldChange("online_level", "partial", "full")]
    assert entries[1].changes == []


def test_shortening_savings(procedures):
    decision = Decision.objects.create(number="1/QĐ", date="2024-01-02", kind="publication")
    Shortening.objects.create(
        procedure=procedures["land"],
        decision=decision,
        days_before=Decimal("20"),
        days_after=Decimal("15"),
        annual_dossiers=100,
    )
    Shortening.objects.create(
        procedure=procedures["birth"],
        decision=decision,
        days_before=Decimal("1"),
        days_after=Decimal("0.5"),
        annual_dossiers=3,
    )
    rows = {s.procedure.code: s.saving_vnd for s in shortening_list(hourly_cost_vnd=30_000)}
    assert rows == {"P1": Decimal(120_000_000), "P2": Decimal(360_000)}
    assert shortening_total_saving(hourly_cost_vnd=30_000) == Decimal(120_360_000)
    assert shortening_total_saving(hourly_cost_vnd=0) == 0


def test_ranked_search_puts_exact_then_prefix_matches_first():
    save("1.000010", "Cấp bản sao trích lục hộ tịch", field="Hộ tịch")
    save("1.000020", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", field="Hộ tịch")
    save("1.000030", "Đăng ký khai sinh", field="Hộ tịch")
    save("2.000030", "Đăng ký lại khai sinh", field="Hộ tịch")
    ranked = lambda query: [p.code for p in procedure_search(query=query, ranked=True)]  # noqa: E731
    # The exact name first, then the names starting with it, then the others, each by code.
    assert ranked("Đăng ký khai sinh") == ["1.000030", "1.000020", "2.000030"]
    assert [p.code for p in procedure_search(query="Đăng ký khai sinh")] == [
        "1.000020",
        "1.000030",
        "2.000030",
    ]
    # An exact code first, then the codes starting with what was typed.
    assert ranked("2.000030") == ["2.000030"]
    assert ranked("000030")[:2] == ["1.000030", "2.000030"]
    assert ranked("1.0000")[:3] == ["1.000010", "1.000020", "1.000030"]
