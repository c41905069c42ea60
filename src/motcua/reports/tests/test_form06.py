"""Form 06, dossier settlement: statistics.md §2 at its edges, breakdowns, drill-down, rates,
and ``motcua report form06``."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from motcua.dossiers.models import Dossier
from motcua.dossiers.workflow import Channel, Outcome, State
from motcua.reports.selectors.dossiers import (
    FIGURES,
    form06,
    form06_breakdown,
    form06_direct,
    form06_rates,
    form06_records,
    form06_total,
)
from motcua.reports.tests.form06_data import (
    build_dossier,
    create_dossier,
    local,
    make_setting,
    utc,
)
from motcua.utils.periods import Period

pytestmark = pytest.mark.django_db

YEAR_2024 = Period.for_year(2024)  # 15/12/2023 – 14/12/2024

RECEIVED_NEW = {"received.total", "received.new", "received.new_direct"}
CARRIED = {"received.total", "received.carried_over"}
WITHIN = {"in_process.total", "in_process.within_deadline"}
OVERDUE = {"in_process.total", "in_process.overdue"}
RESOLVED = {"resolved.total"}


@pytest.fixture
def setting(db):
    return make_setting()


def figure(figures: dict, key: str) -> int:
    group, name = key.split(".")
    return figures[group][name]


# One dossier per case, and the figures (leaf keys of §9) it must count in; every other figure
# must be 0. Instants in UTC show the local date rule at the period ends.
EDGES = {
    "received 15/12 00:30 local (UTC 14/12): new, not carried over": (
        {"received_at": utc(2023, 12, 14, 17, 30)},
        (),
        RECEIVED_NEW | WITHIN,
    ),
    "received 14/12 23:59 local: carried over": (
        {"received_at": utc(2023, 12, 14, 16, 59)},
        (),
        CARRIED | WITHIN,
    ),
    "received 15/12/2024 local (UTC 14/12): after T, not counted": (
        {"received_at": utc(2024, 12, 14, 17, 30)},
        (),
        set(),
    ),
    "received on T: new": (
        {"received_at": local(2024, 12, 14, 23, 0)},
        (),
        RECEIVED_NEW | WITHIN,
    ),
    "ended 15/12/2024 local (UTC 14/12): not resolved, in process": (
        {
            "received_at": local(2024, 6, 1, 8),
            "due_at": local(2024, 12, 20, 17),
            "ended_at": utc(2024, 12, 14, 17, 30),
        },
        (),
        RECEIVED_NEW | WITHIN,
    ),
    "ended 14/12/2024 23:59 local: resolved early": (
        {
            "received_at": local(2024, 6, 1, 8),
            "due_at": local(2024, 12, 20, 17),
            "ended_at": utc(2024, 12, 14, 16, 59),
        },
        (),
        RECEIVED_NEW | RESOLVED | {"resolved.early"},
    ),
    "ended after T, due before T: in process overdue": (
        {
            "received_at": local(2024, 1, 2, 8),
            "due_at": local(2024, 12, 1, 17),
            "ended_at": local(2025, 1, 5, 9),
        },
        (),
        RECEIVED_NEW | OVERDUE,
    ),
    "received before F, ended exactly on F: carried over and resolved": (
        {
            "received_at": local(2023, 11, 1, 8),
            "due_at": local(2023, 12, 10, 17),
            "ended_at": local(2023, 12, 15, 0, 0),
        },
        (),
        CARRIED | RESOLVED | {"resolved.late"},
    ),
    "received before F, ended 14/12/2023 23:59: not counted": (
        {
            "received_at": local(2023, 11, 1, 8),
            "due_at": local(2023, 12, 20, 17),
            "ended_at": local(2023, 12, 14, 23, 59),
        },
        (),
        set(),
    ),
    "received before F, ended 15/12/2023 local written in UTC: carried over, resolved": (
        {
            "received_at": local(2023, 11, 1, 8),
            "due_at": local(2023, 12, 20, 17),
            "ended_at": utc(2023, 12, 14, 17, 0),
        },
        (),
        CARRIED | RESOLVED | {"resolved.early"},
    ),
    "received before F, still open: carried over, in process": (
        {"received_at": local(2023, 1, 1, 8), "due_at": local(2023, 2, 1, 17)},
        (),
        CARRIED | OVERDUE,
    ),
    "due date equal to T: within deadline": (
        {"received_at": local(2024, 12, 1, 8), "due_at": local(2024, 12, 14, 8)},
        (),
        RECEIVED_NEW | WITHIN,
    ),
    "due 15/12/2024 local written in UTC: within deadline": (
        {"received_at": local(2024, 12, 1, 8), "due_at": utc(2024, 12, 14, 17, 0)},
        (),
        RECEIVED_NEW | WITHIN,
    ),
    "due the day before T: overdue": (
        {"received_at": local(2024, 12, 1, 8), "due_at": utc(2024, 12, 13, 16, 59)},
        (),
        RECEIVED_NEW | OVERDUE,
    ),
    "no due date, open: within deadline": (
        {"received_at": local(2024, 3, 1, 8)},
        (),
        RECEIVED_NEW | WITHIN,
    ),
    "due before T, supplement open at the end of T: within": (
        {"received_at": local(2024, 11, 1, 8), "due_at": local(2024, 12, 1, 17)},
        ((local(2024, 11, 20, 9), None),),
        RECEIVED_NEW | WITHIN,
    ),
    "due before T, supplement requested on T late evening (UTC): within": (
        {"received_at": local(2024, 11, 1, 8), "due_at": local(2024, 12, 1, 17)},
        ((utc(2024, 12, 14, 16, 0), None),),
        RECEIVED_NEW | WITHIN,
    ),
    "due before T, supplement supplied 15/12 00:30 local (UTC 14/12): still open, within": (
        {"received_at": local(2024, 11, 1, 8), "due_at": local(2024, 12, 1, 17)},
        ((local(2024, 11, 20, 9), utc(2024, 12, 14, 17, 30)),),
        RECEIVED_NEW | WITHIN,
    ),
    "due before T, supplement supplied on T: overdue": (
        {"received_at": local(2024, 11, 1, 8), "due_at": local(2024, 12, 1, 17)},
        ((local(2024, 11, 20, 9), local(2024, 12, 14, 10)),),
        RECEIVED_NEW | OVERDUE,
    ),
    "due before T, supplement requested after T: overdue": (
        {"received_at": local(2024, 11, 1, 8), "due_at": local(2024, 12, 1, 17)},
        ((utc(2024, 12, 14, 17, 30), None),),
        RECEIVED_NEW | OVERDUE,
    ),
    "due before T, supplement requested at 00:00 of T+1 exactly: overdue": (
        {"received_at": local(2024, 11, 1, 8), "due_at": local(2024, 12, 1, 17)},
        ((local(2024, 12, 15, 0, 0), None),),
        RECEIVED_NEW | OVERDUE,
    ),
    "due before T, supplement supplied at 00:00 of T+1 exactly: within": (
        {"received_at": local(2024, 11, 1, 8), "due_at": local(2024, 12, 1, 17)},
        ((local(2024, 11, 20, 9), local(2024, 12, 15, 0, 0)),),
        RECEIVED_NEW | WITHIN,
    ),
    "due before T, supplement supplied at 23:59:59 of T: overdue": (
        {"received_at": local(2024, 11, 1, 8), "due_at": local(2024, 12, 1, 17)},
        ((local(2024, 11, 20, 9), local(2024, 12, 14, 23, 59, 59)),),
        RECEIVED_NEW | OVERDUE,
    ),
    "due before T, an old supplement closed and a later one open: within": (
        {"received_at": local(2024, 11, 1, 8), "due_at": local(2024, 12, 1, 17)},
        ((local(2024, 11, 5, 9), local(2024, 11, 6, 9)), (local(2024, 12, 10, 9), None)),
        RECEIVED_NEW | WITHIN,
    ),
    "due before T, two closed supplements: overdue": (
        {"received_at": local(2024, 11, 1, 8), "due_at": local(2024, 12, 1, 17)},
        (
            (local(2024, 11, 5, 9), local(2024, 11, 6, 9)),
            (local(2024, 11, 8, 9), local(2024, 11, 9, 9)),
        ),
        RECEIVED_NEW | OVERDUE,
    ),
    "resolved without a due date: on time": (
        {"received_at": local(2024, 3, 1, 8), "ended_at": local(2024, 3, 5, 8)},
        (),
        RECEIVED_NEW | RESOLVED | {"resolved.on_time"},
    ),
    "ended later on the due date: on time (dates, not instants)": (
        {
            "received_at": local(2024, 3, 1, 8),
            "due_at": local(2024, 3, 5, 8),
            "ended_at": local(2024, 3, 5, 16),
        },
        (),
        RECEIVED_NEW | RESOLVED | {"resolved.on_time"},
    ),
    "due 11/06 local written in UTC (10/06), ended 11/06 local: on time": (
        {
            "received_at": local(2024, 6, 1, 8),
            "due_at": utc(2024, 6, 10, 17, 30),
            "ended_at": local(2024, 6, 11, 9),
        },
        (),
        RECEIVED_NEW | RESOLVED | {"resolved.on_time"},
    ),
    "ended the day after the due date: late": (
        {
            "received_at": local(2024, 6, 1, 8),
            "due_at": local(2024, 6, 10, 17),
            "ended_at": utc(2024, 6, 10, 17, 0),
        },
        (),
        RECEIVED_NEW | RESOLVED | {"resolved.late"},
    ),
    "resolved while a supplement is open: still classified by dates": (
        {
            "received_at": local(2024, 6, 1, 8),
            "due_at": local(2024, 6, 10, 17),
            "ended_at": local(2024, 6, 20, 9),
        },
        ((local(2024, 6, 5, 9), None),),
        RECEIVED_NEW | RESOLVED | {"resolved.late"},
    ),
    "online channel": (
        {"received_at": local(2024, 3, 1, 8), "channel": Channel.ONLINE},
        (),
        {"received.total", "received.new", "received.new_online"} | WITHIN,
    ),
    "postal channel": (
        {"received_at": local(2024, 3, 1, 8), "channel": Channel.POSTAL},
        (),
        {"received.total", "received.new", "received.new_postal"} | WITHIN,
    ),
    "submitted online, never accepted: not counted": (
        {"received_at": None, "state": State.SUBMITTED, "channel": Channel.ONLINE},
        (),
        set(),
    ),
    "rejected at intake: not counted": (
        {"received_at": None, "state": State.REJECTED, "channel": Channel.ONLINE},
        (),
        set(),
    ),
}


@pytest.mark.parametrize(("dossier", "supplements", "counted"), EDGES.values(), ids=EDGES.keys())
def test_edges_of_every_definition(setting, dossier, supplements, counted):
    saved = create_dossier(setting, supplements=supplements, **dossier)

    figures = form06(YEAR_2024)

    assert {key for key in FIGURES if figure(figures, key)} == counted
    assert all(figure(figures, key) in (0, 1) for key in FIGURES)
    for key in FIGURES:
        records = form06_records(key, YEAR_2024)
        assert list(records.values_list("pk", flat=True)) == ([saved.pk] if key in counted else [])


@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_ends_a_dossier(setting, outcome):
    create_dossier(
        setting,
        received_at=local(2024, 3, 1, 8),
        due_at=local(2024, 3, 10, 17),
        ended_at=local(2024, 3, 4, 9),
        outcome=outcome,
        state=State.RETURNED,
    )

    figures = form06(YEAR_2024)

    assert figures["resolved"] == {"total": 1, "early": 1, "on_time": 0, "late": 0}
    assert figures["in_process"]["total"] == 0


def test_the_whole_is_a_few_small_queries_and_every_drill_down_equals_its_figure(setting):
    rows = []
    for month in range(1, 13):
        for channel in Channel:
            rows.append(
                build_dossier(
                    setting,
                    received_at=local(2024, month, 2, 8),
                    due_at=local(2024, month, 12, 17),
                    ended_at=local(2024, month, 8 + month, 9) if month % 3 else None,
                    channel=channel,
                )
            )
    rows.append(build_dossier(setting, received_at=local(2023, 10, 1, 8)))
    Dossier.objects.bulk_create(rows)

    with CaptureQueriesContext(connection) as queries:
        figures = form06(YEAR_2024)

    # The rollup's sums, then the supplement requests open at T (none here: so no query for the
    # overdue dossiers they pause); the dossiers' own count is one query, and the same.
    assert len(queries) == 2
    assert "reports_settlementcount" in queries[0]["sql"]
    with CaptureQueriesContext(connection) as queries:
        assert form06_direct(YEAR_2024) == figures
    assert len(queries) == 1
    assert "GROUP BY" not in queries[0]["sql"].upper()
    for key in FIGURES:
        assert form06_records(key, YEAR_2024).count() == figure(figures, key), key
    assert figures["received"] == {
        "total": 37,
        "carried_over": 1,
        "new": 36,
        "new_online": 12,
        "new_direct": 12,
        "new_postal": 12,
    }
    # Months 3, 6, 9, 12 are open and past their due date (12 December < T included); the
    # carried-over one has no due date. Ended on day 8+m against due day 12: early for m = 1, 2,
    # on time for m = 4, late for 5, 7, 8, 10, 11.
    assert figures["resolved"] == {"total": 24, "early": 6, "on_time": 3, "late": 15}
    assert figures["in_process"] == {"total": 13, "within_deadline": 1, "overdue": 12}


def test_agency_with_and_without_children(setting):
    for agency in setting.agencies:
        create_dossier(setting, received_at=local(2024, 3, 1, 8), agency=agency)

    assert form06(YEAR_2024, agency=setting.province)["received"]["total"] == 4
    assert form06(YEAR_2024, agency=setting.district)["received"]["total"] == 2
    assert (
        form06(YEAR_2024, agency=setting.district, include_children=False)["received"]["total"] == 1
    )
    assert form06_records("received.new", YEAR_2024, agency=setting.district).count() == 2


def _spread(setting):
    """One dossier per agency × procedure, half of them ended on time."""
    rows = []
    for i, agency in enumerate(setting.agencies):
        for j, procedure in enumerate(setting.procedures):
            rows.append(
                build_dossier(
                    setting,
                    received_at=local(2024, 1 + i + j, 3, 8),
                    due_at=local(2024, 1 + i + j, 10, 17),
                    ended_at=local(2024, 1 + i + j, 10, 9) if (i + j) % 2 else None,
                    agency=agency,
                    procedure=procedure,
                )
            )
    Dossier.objects.bulk_create(rows)


def test_breakdown_by_agency_rolls_children_up(setting):
    _spread(setting)

    rows = form06_breakdown(YEAR_2024, "agency")

    assert [(row.key, row.label, row.figures["received"]["total"]) for row in rows] == [
        ("000.00.00.T01", "UBND tỉnh Thử", 3),
        ("000.00.05.T01", "Sở Tư pháp", 3),
        ("000.00.21.T01", "UBND huyện Một", 6),  # with its commune
    ]
    inside_district = form06_breakdown(YEAR_2024, "agency", agency=setting.district)
    assert [(row.key, row.figures["received"]["total"]) for row in inside_district] == [
        ("000.00.21.T01", 3),
        ("000.01.21.T01", 3),
    ]
    assert form06_total(inside_district) == form06(YEAR_2024, agency=setting.district)


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("level", [("province", "Cấp tỉnh"), ("district", "Cấp huyện"), ("commune", "Cấp xã")]),
        (
            "field",
            [("Tư pháp", "Tư pháp"), ("Xây dựng", "Xây dựng"), ("", "(Chưa xác định lĩnh vực)")],
        ),
        (
            "procedure",
            [
                ("1.T01", "Cấp phiếu lý lịch tư pháp"),
                ("2.T01", "Cấp giấy phép xây dựng"),
                ("3.T01", "Chứng thực bản sao"),
            ],
        ),
    ],
)
def test_breakdowns_are_one_grouped_query_adding_up_to_the_whole(setting, by, expected):
    _spread(setting)

    with CaptureQueriesContext(connection) as queries:
        rows = form06_breakdown(YEAR_2024, by)

    assert len(queries) == 1
    assert "GROUP BY" in queries[0]["sql"].upper()
    assert [(row.key, row.label) for row in rows] == expected
    assert form06_total(rows) == form06(YEAR_2024)
    for row in rows:
        for key in FIGURES:
            records = form06_records(key, YEAR_2024, by=by, key=row.key)
            assert records.count() == figure(row.figures, key)


def test_unknown_figure_and_breakdown_are_refused(setting):
    with pytest.raises(KeyError, match="Unknown figure"):
        form06_records("resolved.soon", YEAR_2024)
    with pytest.raises(ValueError, match="Unknown breakdown"):
        form06_breakdown(YEAR_2024, "colour")


def test_rates_of_the_seed_report():
    figures = {
        "received": {
            "total": 660_557,
            "carried_over": 25_797,
            "new": 634_760,
            "new_online": 375_008,
            "new_direct": 259_752,
            "new_postal": 0,
        },
        "resolved": {"total": 640_326, "early": 478_588, "on_time": 155_002, "late": 6_736},
        "in_process": {"total": 20_231, "within_deadline": 20_133, "overdue": 98},
    }

    assert form06_rates(figures) == {"on_time_rate": 98.95, "online_share": 59.08}


def test_rates_round_half_up_and_are_zero_without_dossiers():
    empty = {
        "received": {"new": 0, "new_online": 0},
        "resolved": {"total": 0, "early": 0, "on_time": 0},
    }
    assert form06_rates(empty) == {"on_time_rate": 0.0, "online_share": 0.0}
    # 1/8 = 12.5%; 1/16 = 6.25%; 1/1600 = 0.0625% → 0.06; 1/800 = 0.125% → 0.13 (half up).
    half = {
        "received": {"new": 800, "new_online": 1},
        "resolved": {"total": 1600, "early": 1, "on_time": 0},
    }
    assert form06_rates(half) == {"on_time_rate": 0.06, "online_share": 0.13}


# --- the command ---------------------------------------------------------------------------------


def run(*args: str) -> str:
    out = StringIO()
    call_command("report", "form06", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def year_of_dossiers(setting):
    """1.200 new direct dossiers resolved early, 3 online open and overdue, 1 carried over."""
    rows = [
        build_dossier(
            setting,
            received_at=local(2024, 5, 2, 8),
            due_at=local(2024, 5, 20, 17),
            ended_at=local(2024, 5, 10, 9),
            procedure=setting.procedures[i % 3],
            agency=setting.agencies[i % 4],
        )
        for i in range(1200)
    ]
    rows += [
        build_dossier(
            setting,
            received_at=local(2024, 11, 2, 8),
            due_at=local(2024, 11, 20, 17),
            channel=Channel.ONLINE,
        )
        for _ in range(3)
    ]
    rows.append(build_dossier(setting, received_at=local(2023, 12, 1, 8)))
    Dossier.objects.bulk_create(rows)
    return setting


def test_json_is_exactly_the_section_9_dossiers_object(year_of_dossiers):
    data = json.loads(run("--year", "2024", "--format", "json"))

    assert data == {
        "received": {
            "total": 1204,
            "carried_over": 1,
            "new": 1203,
            "new_online": 3,
            "new_direct": 1200,
            "new_postal": 0,
        },
        "resolved": {"total": 1200, "early": 1200, "on_time": 0, "late": 0},
        "in_process": {"total": 4, "within_deadline": 1, "overdue": 3},
    }
    assert list(data) == ["received", "resolved", "in_process"]


def test_json_by_breakdown_lists_rows_and_total(year_of_dossiers):
    data = json.loads(run("--year", "2024", "--by", "level", "--format", "json"))

    assert list(data) == ["by", "rows", "total"]
    assert data["by"] == "level"
    assert [row["key"] for row in data["rows"]] == ["province", "district", "commune"]
    assert all(set(row) == {"key", "label", "dossiers"} for row in data["rows"])
    assert data["total"]["received"]["total"] == 1204
    assert sum(row["dossiers"]["received"]["total"] for row in data["rows"]) == 1204


def test_table_is_vietnamese(year_of_dossiers):
    text = run("--year", "2024")

    assert "Kỳ báo cáo: từ 15/12/2023 đến 14/12/2024" in text
    line = next(row for row in text.splitlines() if "ĐÃ TIẾP NHẬN" in row)
    assert line.split()[-1] == "1.204"
    assert "Tỷ lệ giải quyết trước hạn và đúng hạn: 100,00%" in text
    assert "Tỷ lệ hồ sơ mới tiếp nhận trực tuyến: 0,25%" in text  # 3/1203 = 0,249…%


def test_table_by_agency_has_a_total_line(year_of_dossiers):
    text = run("--year", "2024", "--by", "agency")

    total = next(row for row in text.splitlines() if "Tổng cộng" in row)
    assert total.split()[2] == "1.204"
    assert "UBND huyện Một" in text


def test_agency_option(year_of_dossiers):
    data = json.loads(run("--year", "2024", "--agency", "000.00.21.T01", "--format", "json"))
    assert data["received"]["total"] == 600  # the district and its commune
    text = run("--year", "2024", "--agency", "000.00.21.T01")
    assert "Đơn vị: UBND huyện Một (000.00.21.T01)" in text


def test_unknown_agency_is_a_bilingual_error(setting):
    with pytest.raises(CommandError, match="Không tìm thấy cơ quan.*Unknown agency code"):
        run("--year", "2024", "--agency", "999.99.99.X")


def test_xlsx_needs_out(setting):
    with pytest.raises(CommandError, match="cần --out.*needs --out"):
        run("--year", "2024", "--format", "xlsx")


def test_xlsx_is_form_06_with_a_total_row(year_of_dossiers, tmp_path):
    path = tmp_path / "bieu06.xlsx"

    message = run("--year", "2024", "--format", "xlsx", "--out", str(path))

    assert "Đã ghi" in message
    sheet = load_workbook(path).active
    texts = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC" in texts
    assert "Kỳ báo cáo: từ 15/12/2023 đến 14/12/2024" in texts
    for heading in (
        "STT",
        "Lĩnh vực",
        "Số kỳ trước chuyển qua",
        "Số mới tiếp nhận trực tuyến",
        "Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính",
        "Trước hạn",
        "Đúng hạn",
        "Trong hạn",
    ):
        assert heading in texts
    assert "C5:F5" in {str(merged) for merged in sheet.merged_cells.ranges}
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=9, max_col=13)]
    fields = [row for row in rows if row[0] and str(row[0]).isdigit()]
    assert [row[1] for row in fields] == ["Tư pháp", "Xây dựng", "(Chưa xác định lĩnh vực)"]
    total = next(row for row in rows if row[1] == "Tổng cộng")
    assert total[2:] == [1204, 1, 3, 1200, 1200, 1200, 0, 0, 4, 1, 3]
    for column in range(2, 13):
        assert total[column] == sum(row[column] for row in fields)


def test_catalog_report_still_works(setting):
    out = StringIO()
    call_command("report", "catalog", "--year", "2024", "--format", "json", stdout=out)
    assert list(json.loads(out.getvalue())) == [
        "period",
        "catalog",
        "shortening",
        "online_services",
    ]
