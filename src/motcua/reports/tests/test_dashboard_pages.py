"""The dashboards, their drill-downs and exports, and the public statistics page."""

import csv
import datetime as dt
import html
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry
from motcua.dossiers.workflow import Channel
from motcua.feedback.selectors import feedback_figures
from motcua.jobs.services import job_claim, job_run, worker_run
from motcua.reports.dashboard import default_period, public_statistics, reporting_year
from motcua.reports.exports import export_job_request, export_job_run
from motcua.reports.figures import DEFINITIONS, LABELS, TITLES, definition_text
from motcua.reports.models import EXPORT_LEASE, ExportJob, ExportStatus
from motcua.reports.selectors.catalog import catalog_figures, online_service_figures
from motcua.reports.selectors.digitization import digitization_counts, digitization_rates
from motcua.reports.selectors.dossiers import FIGURES, form06, form06_rates
from motcua.reports.tests.dashboard_data import PERIOD, YEAR, make_user, make_world
from motcua.reports.tests.form06_data import create_dossier, local
from motcua.utils.charts import Series, bar_chart, line_chart, nice_ticks
from motcua.utils.formatting import vn_number, vn_percent
from motcua.utils.periods import Period

DASHBOARD = reverse("reports-dashboard")
DRILLDOWN = reverse("reports-drilldown")
PUBLIC = reverse("public-statistics")
FIGURE_LINK = re.compile(
    r'<a class="figure-link" href="([^"]+)" data-figure="([^"]+)" data-value="(\d+)"'
)
COUNT = re.compile(r'id="record-count" data-count="(\d+)"')


@pytest.fixture
def world(db, time_machine):
    time_machine.move_to(dt.datetime(2024, 10, 20, 10, 0, tzinfo=dt.UTC), tick=False)
    return make_world()


def login(client, user):
    client.force_login(user)
    return client


def figure_links(page: str) -> list[tuple[str, str, int]]:
    return [
        (html.unescape(href), figure, int(value))
        for href, figure, value in FIGURE_LINK.findall(page)
    ]


def drilldown_count(client, href: str) -> int:
    response = client.get(href)
    assert response.status_code == 200, href
    return int(COUNT.search(response.content.decode())[1])


# --- figures ---------------------------------------------------------------------------------


def test_every_figure_has_a_name_and_a_definition():
    assert set(LABELS) == set(DEFINITIONS)
    assert set(TITLES) <= set(LABELS)
    assert all(f"dossiers.{key}" in LABELS for key in FIGURES)
    assert all("statistics.md §" in text for text in DEFINITIONS.values())


def test_province_dashboard_shows_the_selectors_figures(client, world):
    response = login(client, world.controller).get(DASHBOARD, {"year": YEAR})
    assert response.status_code == 200
    board = response.context["board"]
    expected = form06(PERIOD)
    assert board.form06 == expected
    shown = {item.key: item.value for item in board.dossiers}
    for key in FIGURES:
        group, name = key.split(".")
        assert shown[f"dossiers.{key}"] == expected[group][name]
    assert expected["received"]["total"] == 8 and expected["in_process"]["overdue"] == 2
    rates = {item.key: item.value for item in board.rates}
    assert rates == {f"dossiers.{k}": v for k, v in form06_rates(expected).items()}
    counts = digitization_counts(PERIOD)
    assert {i.key: i.value for i in board.digitization_counts} == {
        f"digitization.{k}": v for k, v in counts.items()
    }
    assert {i.key: i.value for i in board.digitization_rates} == {
        f"digitization.{k}": v for k, v in digitization_rates(counts).items()
    }
    feedback = feedback_figures(PERIOD)
    shown_feedback = {i.key: i.value for i in board.feedback}
    assert shown_feedback["feedback.received.total"] == feedback["received"]["total"] == 3
    assert shown_feedback["feedback.in_process"] == feedback["in_process"]
    catalog, online = catalog_figures(PERIOD), online_service_figures(PERIOD)
    shown_catalog = {i.key: i.value for i in board.catalog + board.online_services}
    assert shown_catalog["catalog.total"] == catalog["total"]
    assert shown_catalog["catalog.publication_decisions"] == 1
    assert shown_catalog["online_services.total"] == online["total"] == 2
    assert shown_catalog["online_services.national_portal_rate"] == 50.0

    page = response.content.decode()
    assert PERIOD.label in page  # "Kỳ báo cáo: từ 15/12/2023 đến 14/12/2024"
    assert vn_percent(form06_rates(expected)["on_time_rate"]) in page
    # Each figure carries its definition beside it.
    assert html.escape(definition_text("dossiers.in_process.within_deadline")) in page
    assert "statistics.md" not in page
    assert page.count('<details class="definition">') >= len(FIGURES)


def test_agency_dashboard_counts_the_agency_and_the_agencies_below_it(client, world):
    district = world.setting.district
    response = login(client, world.controller).get(
        DASHBOARD, {"year": YEAR, "agency": district.code}
    )
    board = response.context["board"]
    assert board.form06 == form06(PERIOD, agency=district)
    assert board.form06["received"]["total"] == 4  # two of the district, two of its commune
    assert board.catalog == []  # the catalog is the province's


def test_monthly_trend_uses_form06_of_each_month(client, world):
    response = login(client, world.controller).get(DASHBOARD, {"year": YEAR})
    trend = response.context["trend"]
    assert [point.month for point in trend] == list(range(1, 13))
    for point in trend[:11]:
        figures = form06(Period.for_month(YEAR, point.month))
        assert point.new == figures["received"]["new"]
        assert point.resolved == figures["resolved"]["total"]
    march = trend[2]  # 15/02 – 14/03: the early online dossier
    assert (march.new, march.resolved, march.on_time_rate, march.online_share) == (
        1,
        1,
        100.0,
        100.0,
    )
    assert trend[11].new is None  # month 12 (from 15/11) has not begun on 20/10/2024
    page = response.content.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 2
    assert "Chưa đến kỳ" in page


@pytest.mark.parametrize("by", ["agency", "level", "field"])
def test_every_figure_link_lists_as_many_records_as_the_figure(client, world, by):
    login(client, world.controller)
    page = client.get(DASHBOARD, {"year": YEAR, "by": by}).content.decode()
    links = figure_links(page)
    figures = {figure for _href, figure, _value in links}
    assert {f"dossiers.{key}" for key in FIGURES} <= figures
    assert {"digitization.digitized", "feedback.in_process", "catalog.total"} <= figures
    assert any("&by=" in href for href, _figure, _value in links)
    for href, figure, value in links:
        assert drilldown_count(client, href) == value, (figure, href)


def test_breakdown_totals_equal_the_whole(client, world):
    response = login(client, world.controller).get(DASHBOARD, {"year": YEAR, "by": "level"})
    table = response.context["breakdown"]
    total = dict(table["total"])
    assert total["dossiers.received.total"] == form06(PERIOD)["received"]["total"]
    assert [label for _key, label, _cells in table["rows"]] == ["Cấp tỉnh", "Cấp huyện", "Cấp xã"]


def test_drilldown_lists_dossiers_in_vietnamese_format(client, world):
    login(client, world.controller)
    response = client.get(DRILLDOWN, {"year": YEAR, "figure": "dossiers.resolved.late"})
    page = response.content.decode()
    assert 'data-count="1"' in page
    assert "01/04/2024" in page and "05/04/2024" in page and "09/04/2024" in page
    assert "Cấp phiếu lý lịch tư pháp" in page and "Sở Tư pháp" in page
    assert html.escape(definition_text("dossiers.resolved.late")) in page
    assert "Nguyễn Văn A" not in page  # no applicant on the list


@pytest.mark.parametrize(
    ("by", "key", "group", "count"),
    [
        ("level", "district", "Cấp giải quyết: Cấp huyện", 2),
        ("field", "", "Lĩnh vực: (Chưa xác định lĩnh vực)", 2),
        ("agency", "000.00.21.T01", "Đơn vị: UBND huyện Một", 4),
    ],
)
def test_drilldown_of_a_breakdown_row_names_the_row(client, world, by, key, group, count):
    login(client, world.controller)
    params = {"year": YEAR, "figure": "dossiers.received.total", "by": by, "key": key}
    page = client.get(DRILLDOWN, params).content.decode()
    assert group in page
    assert f'data-count="{count}"' in page


def test_drilldown_paginates(client, world, settings):
    login(client, world.controller)
    for day in range(1, 61):
        create_dossier(world.setting, received_at=local(2024, 1, 1, 8) + dt.timedelta(hours=day))
    first = client.get(DRILLDOWN, {"year": YEAR, "figure": "dossiers.received.new"})
    assert first.context["page"].paginator.count == 67
    assert len(first.context["rows"]) == 50
    second = client.get(DRILLDOWN, {"year": YEAR, "figure": "dossiers.received.new", "page": 2})
    assert len(second.context["rows"]) == 17


@pytest.mark.parametrize(
    "params",
    [
        {"figure": "dossiers.nothing"},
        {"figure": "digitization.rate"},  # a rate lists nothing: its counts do
        {"figure": "dossiers.received.total", "by": "colour", "key": "x"},
        {"figure": "feedback.received.total", "by": "agency", "key": "x"},
    ],
)
def test_unknown_figures_are_not_found(client, world, params):
    login(client, world.controller)
    assert client.get(DRILLDOWN, {"year": YEAR, **params}).status_code == 404


# --- who sees what ---------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, world):
    for url in (DASHBOARD, DRILLDOWN + "?figure=dossiers.received.total"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_role_without_reports_is_refused(client, world):
    editor = make_user("bientap", Role.EDITOR, world.setting.dept)
    assert login(client, editor).get(DASHBOARD).status_code == 403


def test_officer_sees_only_their_agency(client, world):
    s = world.setting
    login(client, world.district_handler)
    response = client.get(DASHBOARD, {"year": YEAR})
    assert response.status_code == 200
    assert response.context["scope"].agency == s.district
    assert response.context["board"].form06 == form06(PERIOD, agency=s.district)
    page = response.content.decode()
    assert 'value="">Toàn tỉnh' not in page  # cannot pick the province
    assert f'value="{s.dept.code}"' not in page  # nor another agency
    # Every figure link of the own dashboard stays in the own agency.
    for href, figure, value in figure_links(page):
        assert parse_qs(urlsplit(href).query)["agency"] == [s.district.code]
        assert drilldown_count(client, href) == value, figure
    # The commune below is visible; the department beside is not.
    assert client.get(DASHBOARD, {"year": YEAR, "agency": s.commune.code}).status_code == 200
    assert client.get(DASHBOARD, {"year": YEAR, "agency": s.dept.code}).status_code == 404
    other = {"year": YEAR, "agency": s.dept.code, "figure": "dossiers.received.total"}
    assert client.get(DRILLDOWN, other).status_code == 404
    export = reverse("reports-drilldown-export")
    assert client.post(export, {**other, "format": "csv"}).status_code == 404
    # The catalog is the province's, and the annual report too.
    assert client.get(DRILLDOWN, {"year": YEAR, "figure": "catalog.total"}).status_code == 404
    assert client.post(reverse("reports-annual"), {"year": YEAR}).status_code == 403


def test_drilldown_without_agency_is_the_officers_own(client, world):
    login(client, world.dept_handler)
    count = drilldown_count(client, f"{DRILLDOWN}?year={YEAR}&figure=dossiers.received.total")
    assert count == form06(PERIOD, agency=world.setting.dept)["received"]["total"] == 4


# --- period picker ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (dt.date(2024, 12, 14), 2024),
        (dt.date(2024, 12, 15), 2025),
        (dt.date(2024, 1, 1), 2024),
    ],
)
def test_default_period_is_the_reporting_year_containing_today(today, year):
    assert reporting_year(today) == year
    assert default_period(today) == Period.for_year(year)


@pytest.mark.parametrize(
    ("params", "label"),
    [
        ({}, "Kỳ báo cáo: từ 15/12/2023 đến 14/12/2024"),  # today is 20/10/2024
        ({"year": 2024, "period": "q3"}, "Kỳ báo cáo: từ 15/06/2024 đến 14/09/2024"),
        ({"year": 2024, "period": "m1"}, "Kỳ báo cáo: từ 15/12/2023 đến 14/01/2024"),
        ({"year": 2024, "period": "h1"}, "Kỳ báo cáo: từ 15/12/2023 đến 14/06/2024"),
        (
            {"date_from": "2024-03-01", "date_to": "2024-03-31"},
            "Kỳ báo cáo: từ 01/03/2024 đến 31/03/2024",
        ),
    ],
)
def test_period_picker(client, world, params, label):
    response = login(client, world.controller).get(DASHBOARD, params)
    assert response.context["scope"].period.label == label
    assert label in response.content.decode()


def test_wrong_period_shows_the_error_and_the_default(client, world):
    response = login(client, world.controller).get(
        DASHBOARD, {"date_from": "2024-05-01", "date_to": "2024-04-01"}
    )
    assert response.status_code == 200
    assert response.context["scope"].period == PERIOD
    assert "sau ngày kết thúc" in response.content.decode()


# --- exports ---------------------------------------------------------------------------------


def test_small_xlsx_export_opens_with_openpyxl(client, world):
    login(client, world.controller)
    response = client.post(
        reverse("reports-drilldown-export"),
        {"year": YEAR, "period": "year", "figure": "dossiers.received.total", "format": "xlsx"},
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Tổng số hồ sơ đã tiếp nhận"
    header = rows.index(
        (
            "Mã hồ sơ",
            "Mã thủ tục",
            "Thủ tục hành chính",
            "Cơ quan giải quyết",
            "Ngày tiếp nhận",
            "Hạn giải quyết",
            "Ngày kết thúc",
            "Trạng thái",
        )
    )
    assert len(rows) - header - 1 == 8
    assert any(isinstance(value, dt.datetime) for value in rows[header + 1])


def test_small_csv_export_streams(client, world):
    login(client, world.controller)
    response = client.post(
        reverse("reports-drilldown-export"),
        {"year": YEAR, "figure": "dossiers.in_process.overdue", "format": "csv"},
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Mã hồ sơ" and len(rows) == 3
    entry = AuditEntry.objects.get(action="records.export")  # issue #7, finding 9
    assert (entry.actor, entry.target_id, entry.data["rows"]) == (
        world.controller,
        "dossiers.in_process.overdue",
        2,
    )
    assert {row[4] for row in rows[1:]} == {"01/11/2023", "02/11/2024"}


def test_form06_xlsx_export(client, world):
    login(client, world.controller)
    response = client.get(reverse("reports-form06"), {"year": YEAR, "by": "level"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A3"].value == PERIOD.label
    values = [row for row in sheet.iter_rows(values_only=True) if row[1] == "Tổng cộng"]
    assert values[0][2] == form06(PERIOD)["received"]["total"]


@pytest.mark.storage
def test_large_export_runs_in_the_background_for_its_requester_only(client, world, settings):
    settings.MOTCUA_EXPORT_INLINE_MAX_ROWS = 2
    login(client, world.controller)
    response = client.post(
        reverse("reports-drilldown-export"),
        {"year": YEAR, "figure": "dossiers.received.total", "format": "csv"},
    )
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "reports-job", args=[job.pk]
    )
    assert (job.status, job.progress, job.requested_by) == (
        ExportStatus.PENDING,
        0,
        world.controller,
    )
    status = client.get(reverse("reports-job-status", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in status
    download = reverse("reports-job-download", args=[job.pk])
    assert client.get(download).status_code == 404  # not ready

    worker_run(once=True)
    job.refresh_from_db()
    assert (job.status, job.progress, job.error) == (ExportStatus.DONE, 100, "")
    status = client.get(reverse("reports-job-status", args=[job.pk])).content.decode()
    assert "hx-trigger" not in status and download in status
    response = client.get(download)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text)))) == 1 + 8
    entry = AuditEntry.objects.get(action="export.download")  # issue #7, finding 9
    assert (entry.actor, entry.target_id) == (world.controller, str(job.pk))

    other = make_user("kiemsoat2", Role.CONTROLLER, None)
    login(client, other)
    assert client.get(download).status_code == 404
    assert client.get(reverse("reports-job", args=[job.pk])).status_code == 404


@pytest.mark.storage
def test_failed_job_says_why(client, world):
    job = ExportJob.objects.create(
        kind="records",
        fmt="csv",
        params={"figure": "dossiers.nothing", "from": "2024-01-01", "to": "2024-01-31"},
        requested_by=world.controller,
    )
    export_job_run(export_id=job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED and "dossiers.nothing" in job.error
    page = login(client, world.controller).get(reverse("reports-job", args=[job.pk]))
    assert "dossiers.nothing" in page.content.decode()


@pytest.mark.storage
def test_an_export_whose_worker_was_killed_runs_again(world):
    export = export_job_request(
        user=world.controller,
        kind="records",
        fmt="xlsx",
        params={"figure": "dossiers.received.new", "from": "2024-01-01", "to": "2024-12-31"},
        title="Hồ sơ mới",
    )
    killed = job_claim(worker="killed", queues=["exports"])
    ExportJob.objects.filter(pk=export.pk).update(status=ExportStatus.RUNNING, attempts=1)
    assert job_claim(worker="other", queues=["exports"]) is None  # its lease still runs
    later = timezone.now() + EXPORT_LEASE + dt.timedelta(minutes=1)
    again = job_claim(worker="other", queues=["exports"], now=later)
    assert again.pk == killed.pk and job_run(again, worker="other")
    export.refresh_from_db()
    assert (export.status, export.attempts) == (ExportStatus.DONE, 2)


@pytest.mark.storage
def test_the_worker_runs_waiting_exports(world):
    job = export_job_request(
        user=world.controller,
        kind="records",
        fmt="csv",
        params={"figure": "feedback.received.total", "from": "2023-12-15", "to": "2024-12-14"},
        title="PAKN",
    )
    out = io.StringIO()
    call_command("worker", once=True, stdout=out)
    job.refresh_from_db()
    assert (job.status, job.progress) == (ExportStatus.DONE, 100)
    assert "Xuất dữ liệu lớn: 1 xong / done" in out.getvalue()
    assert job.file.read().decode("utf-8-sig").count("PAKN-") == 3


def test_annual_report_is_written_in_the_background(client, world):
    login(client, world.controller)
    response = client.post(reverse("reports-annual"), {"year": YEAR, "format": "docx"})
    job = ExportJob.objects.get()
    assert response["Location"] == reverse("reports-job", args=[job.pk])
    worker_run(once=True)
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE, job.error
    assert job.filename == "bao-cao-nam-2024.docx"
    response = client.get(reverse("reports-job-download", args=[job.pk]))
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    assert any("2024" in paragraph.text for paragraph in document.paragraphs)


# --- charts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("maximum", "ticks"),
    [
        (0, [0, 1]),
        (3, [0, 1, 2, 3]),
        (7, [0, 2, 4, 6, 8]),
        (1234, [0, 500, 1000, 1500]),
        (100, [0, 20, 40, 60, 80, 100]),
    ],
)
def test_nice_ticks(maximum, ticks):
    assert nice_ticks(maximum) == ticks


def test_bar_chart_has_vietnamese_axis_labels():
    svg = bar_chart(
        title="Hồ sơ theo tháng",
        categories=["T1", "T2", "T3"],
        series=[
            Series("Mới tiếp nhận", [1200, 1500, None]),
            Series("Đã giải quyết", [900, 0, None]),
        ],
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<title>Hồ sơ theo tháng</title>" in svg
    assert ">1.500</text>" in svg and ">T2</text>" in svg and ">Mới tiếp nhận</text>" in svg
    assert svg.count("<rect") == 4 + 2  # four bars (None drawn as nothing), two legend keys


def test_line_chart_breaks_at_missing_months_and_escapes_text():
    svg = line_chart(
        title="Tỷ lệ <đúng hạn>",
        categories=["T1", "T2", "T3", "T4"],
        series=[Series("Đúng hạn", [97.5, 98.25, None, 90])],
    )
    assert ">100%</text>" in svg and ">0%</text>" in svg
    assert "Tỷ lệ &lt;đúng hạn&gt;" in svg and "<đúng" not in svg
    assert svg.count("<polyline") == 1  # T1–T2; T4 stands alone
    assert "98,25%" in svg


# --- the public page -------------------------------------------------------------------------


def test_public_page_ranks_agencies_with_enough_dossiers(client, world, settings):
    settings.MOTCUA_PUBLIC_STATS_MIN_DOSSIERS = 2
    s = world.setting
    # The department: 3 resolved, 2 early or on time (66,67%). The district with its commune:
    # 2 resolved (the district's own and one more of the commune), both on time (100%).
    create_dossier(
        s,
        agency=s.commune,
        procedure=s.commune_level,
        received_at=local(2024, 2, 1, 9),
        due_at=local(2024, 2, 5, 17),
        ended_at=local(2024, 2, 2, 9),
        channel=Channel.ONLINE,
    )
    response = client.get(PUBLIC, {"year": YEAR})
    assert response.status_code == 200
    departments, districts = response.context["groups"]
    assert [row.agency for row in departments.rows] == [s.dept]
    assert [row.agency for row in districts.rows] == [s.district]
    assert districts.rows[0].resolved == 2 and districts.rows[0].rank == 1
    page = response.content.decode()
    assert vn_percent(200 / 3) in page and "100,00%" in page
    assert html.escape(response.context["definitions"]["on_time_rate"]) in page
    assert "Nguyễn Văn A" not in page and "Trần Thị" not in page

    settings.MOTCUA_PUBLIC_STATS_MIN_DOSSIERS = 3
    response = client.get(PUBLIC, {"year": YEAR, "period": "year"})
    departments, districts = response.context["groups"]
    assert departments.rows[0].rank == 1 and districts.rows[0].rank is None
    page = response.content.decode()
    district_row = re.search(rf'data-agency="{re.escape(s.district.code)}".*?</tr>', page, re.S)[0]
    assert "Chưa đủ số liệu" in district_row and "%" not in district_row


def test_public_ranking_order_and_ties(world):
    s = world.setting
    from motcua.agencies.models import Agency, AgencyKind

    others = [
        Agency.objects.create(
            code=f"000.00.{n}.T01", name=f"Sở số {n}", kind=AgencyKind.DEPARTMENT, parent=s.province
        )
        for n in (6, 7, 8)
    ]
    # Sở 6: 2/2 on time; Sở 7: 1/2; Sở 8: 2/2 (ties with Sở 6); Sở Tư pháp: 2/3; none below.
    plan = {others[0]: [True, True], others[1]: [True, False], others[2]: [True, True]}
    for agency, results in plan.items():
        for on_time in results:
            ended = local(2024, 3, 4, 9) if on_time else local(2024, 3, 9, 9)
            create_dossier(
                s,
                agency=agency,
                received_at=local(2024, 3, 1, 9),
                due_at=local(2024, 3, 5, 17),
                ended_at=ended,
            )
    departments, _districts = public_statistics(PERIOD, min_resolved=2)
    assert [(row.agency.name, row.rank) for row in departments.rows] == [
        ("Sở số 6", 1),
        ("Sở số 8", 1),
        ("Sở Tư pháp", 3),
        ("Sở số 7", 4),
    ]


def test_public_page_needs_no_account_and_defaults_to_this_year(client, world):
    response = client.get(PUBLIC)
    assert response.status_code == 200
    assert response.context["period"] == PERIOD
    assert "Chưa đủ số liệu" in response.content.decode()  # default minimum 30
    assert vn_number(30) in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"year": "9999"}, {"date_from": "2024-01-01", "date_to": "9999-12-31"}],
)
def test_a_period_in_year_9999_is_refused_not_computed(client, world, params):
    response = client.get(PUBLIC, params)
    assert response.status_code == 200
    assert response.context["period"].end.year < 9999


@pytest.mark.parametrize(
    ("today", "latest", "year"),
    [
        (dt.date(2026, 12, 6), None, 2026),  # no data: the current year
        (dt.date(2026, 12, 6), dt.date(2026, 3, 1), 2026),  # data this year
        (dt.date(2026, 12, 6), dt.date(2024, 12, 14), 2024),  # the data stop in 2024
        (dt.date(2026, 12, 6), dt.date(2024, 12, 15), 2025),  # …in the 2025 period
        (dt.date(2026, 12, 6), dt.date(2027, 1, 1), 2026),  # never a future period
    ],
)
def test_default_period_is_the_latest_with_data(today, latest, year):
    assert default_period(today, latest) == Period.for_year(year)
