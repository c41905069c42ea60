"""The service-index page: the selectors' figures with their formulas and records, the trend,
the ranking, in Vietnamese and in English, for whom may see reports."""

import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.reports.selectors.service_index import service_index
from motcua.reports.tests.dashboard_data import make_user
from motcua.reports.tests.service_index_data import PERIOD, YEAR, make_province
from motcua.utils.periods import Period

PAGE = reverse("reports-service-index")
FIGURE_LINK = re.compile(
    r'<a class="figure-link" href="([^"]+)" data-figure="([^"]+)" data-value="(\d+)"'
)
COUNT = re.compile(r'id="record-count" data-count="(\d+)"')


@pytest.fixture
def world(db, time_machine):
    time_machine.move_to(dt.datetime(2024, 10, 20, 10, 0, tzinfo=dt.UTC), tick=False)
    province = make_province()
    province.controller = make_user("kiemsoat", Role.CONTROLLER, province.setting.province)
    return province


def test_province_page_in_vietnamese(client, world):
    client.force_login(world.controller)
    response = client.get(PAGE, {"year": YEAR})
    assert response.status_code == 200
    assert response.context["result"] == service_index(PERIOD)
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert "Kỳ báo cáo: từ 15/12/2023 đến 14/12/2024" in page
    assert '<strong id="index-total">35,05</strong>/100' in page
    assert "tính được trên 62,00 điểm" in page
    assert "8,57" in page and "42,86%" in page  # progress: 3/7
    assert "Quyết định số 766/QĐ-TTg" in page
    assert page.count('<details class="definition">') >= 21
    assert "Không tính được: cần ngày công bố" in page  # published on time: with its reason
    assert "hạn xử lý của phản ánh" in page  # there was feedback: not computed
    # Ranked: the department first, the district, the department without anything.
    ranking = [row.row.agency.name for row in response.context["ranking"]]
    assert ranking == ["Sở Tư pháp", "UBND huyện Một", "Sở Nội vụ"]
    # The trend comes in a second request (htmx, when the page has loaded): months begun by
    # 20/10 (November began on 15/10), December not yet.
    assert response.context["trend"] is None and 'hx-trigger="load"' in page
    partial = client.get(PAGE, {"year": YEAR, "part": "trend"}, HTTP_HX_REQUEST="true")
    trend = partial.context["trend"]
    assert [p.index is not None for p in trend] == [True] * 11 + [False]
    assert "<html" not in partial.content.decode() and "Tháng 11" in partial.content.decode()
    # Without JavaScript, the link shows the whole page with the trend.
    whole = client.get(PAGE, {"year": YEAR, "part": "trend"})
    assert whole.context["trend"] == trend and '<html lang="vi">' in whole.content.decode()
    for english in ("Service index", "Numerator", "Not computed"):
        assert english not in page


def test_page_in_english(client, world):
    client.force_login(world.controller)
    page = client.get(PAGE, {"year": YEAR}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in page
    assert '<strong id="index-total">35,05</strong>/100' in page  # Vietnamese number format
    for english in ("Service index", "Numerator", "Decision No. 766/QĐ-TTg", "Not computed"):
        assert english in page
    for vietnamese in ("Chỉ tiêu", "Tử số", "Mẫu số", "Cách tính", "Không tính được", "Tháng"):
        assert vietnamese not in page


def test_every_numerator_and_denominator_lists_its_records(client, world):
    client.force_login(world.controller)
    for agency in ("", world.setting.district.code):
        page = client.get(PAGE, {"year": YEAR, "agency": agency}).content.decode()
        links = FIGURE_LINK.findall(page)
        assert len(links) == 2 * 12  # twelve indicators computed from counts
        for href, figure, value in links:
            response = client.get(html.unescape(href))
            assert response.status_code == 200, figure
            assert int(COUNT.search(response.content.decode())[1]) == int(value), figure


def test_drilldown_names_the_count(client, world):
    client.force_login(world.controller)
    response = client.get(
        reverse("reports-drilldown"),
        {"year": YEAR, "figure": "service_index.dossiers.settled_on_time"},
    )
    page = response.content.decode()
    assert "Hồ sơ giải quyết trước hạn và đúng hạn" in page
    assert 'data-count="3"' in page


def test_dashboard_links_to_the_page(client, world):
    client.force_login(world.controller)
    page = client.get(reverse("reports-dashboard"), {"year": YEAR}).content.decode()
    assert f'href="{PAGE}?' in page


def test_default_period_is_the_latest_with_data(client, world, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC), tick=False)
    client.force_login(world.controller)
    response = client.get(PAGE)
    # The last dossier was received on 15/12/2024: reporting year 2025 had begun.
    assert response.context["scope"].period == Period.for_year(YEAR + 1)


def test_an_agencys_officer_sees_their_agency(client, world):
    handler = make_user("xuly-huyen", Role.HANDLER, world.setting.district)
    client.force_login(handler)
    response = client.get(PAGE, {"year": YEAR})
    assert response.status_code == 200
    assert response.context["scope"].agency == world.setting.district
    assert [r.row.agency for r in response.context["ranking"]] == [world.setting.commune]
    assert client.get(PAGE, {"agency": world.setting.dept.code}).status_code == 404


def test_who_may_not_see_reports(client, world):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(make_user("bientap", Role.EDITOR, world.setting.dept))
    assert client.get(PAGE).status_code == 403
