"""The public catalog: search without diacritics, filters, the procedure page."""

import pytest
from django.urls import reverse

from motcua.procedures.models import Procedure
from motcua.web.tests.conftest import make_procedure

pytestmark = pytest.mark.django_db


def codes(response) -> set[str]:
    return {p.code for p in response.context["page"].object_list}


def test_catalog_renders_with_province_name(client, province, catalog):
    response = client.get(reverse("catalog"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hệ thống giải quyết TTHC tỉnh Bình Thuận" in html
    assert "Tìm thấy 3 thủ tục" in html
    assert 'href="#main"' in html  # skip link
    assert "vendor/htmx/htmx.min.js" in html


def test_site_name_falls_back_without_province(client, db):
    html = client.get(reverse("catalog")).content.decode()
    assert "Hệ thống giải quyết thủ tục hành chính" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cap giay chung nhan quyen su dung dat", {"land"}),
        ("Cấp giấy chứng nhận quyền sử dụng đất", {"land"}),
        ("CAP GIAY   chung NHAN", {"land"}),
        ("đăng ký khai sinh", {"birth"}),
        ("dang ky khai sinh", {"birth"}),
        ("khai sinh dang ky", {"birth"}),  # every word, in any order
        ("dang ky", {"birth", "business"}),
        ("1.001193", {"birth"}),
        ("ho tich", {"birth"}),  # the field is searched too
        ("khai tu", set()),  # abolished: hidden by default
        ("khai sinh xyz", set()),
        ("", {"land", "birth", "business"}),
    ],
)
def test_search_ignores_diacritics_and_case(client, catalog, query, expected):
    response = client.get(reverse("catalog"), {"q": query})
    assert codes(response) == {catalog[key].code for key in expected}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"level": "commune"}, {"birth"}),
        ({"level": "district"}, {"business"}),
        ({"field": "Hộ tịch"}, {"birth"}),
        ({"online_level": "full"}, {"birth"}),
        ({"online_level": "partial", "q": "dat"}, {"land"}),
        ({"level": "nonsense"}, {"land", "birth", "business"}),  # invalid filter: ignored
    ],
)
def test_filters(client, catalog, params, expected):
    response = client.get(reverse("catalog"), params)
    assert codes(response) == {catalog[key].code for key in expected}


def test_agency_filter(client, catalog, department, justice):
    response = client.get(reverse("catalog"), {"agency": department.pk})
    assert codes(response) == {catalog["land"].code}
    # Only departments with an active procedure are offered.
    choices = dict(response.context["form"].fields["agency"].choices)
    assert str(department.pk) in choices
    assert str(justice.pk) not in choices


def test_field_filter_offers_fields_of_active_procedures(client, catalog):
    response = client.get(reverse("catalog"))
    fields = [value for value, _label in response.context["form"].fields["field"].choices]
    # The abolished procedure's field is also "Hộ tịch"; each field is offered once.
    assert fields[0] == ""
    assert sorted(fields[1:]) == sorted(
        ["Hộ tịch", "Thành lập và hoạt động của hộ kinh doanh", "Đất đai"]
    )


def test_pagination_25_per_page(client, db):
    for i in range(30):
        make_procedure(f"9.{i:06d}", f"Thủ tục thử {i}")
    response = client.get(reverse("catalog"))
    assert len(response.context["page"].object_list) == 25
    assert response.context["page"].paginator.num_pages == 2
    page2 = client.get(reverse("catalog"), {"page": 2, "q": "thu tuc"})
    assert len(page2.context["page"].object_list) == 5
    assert "Trang 2 / 2" in page2.content.decode()
    assert "q=thu+tuc" in page2.content.decode()  # the previous-page link keeps the query


def test_result_count_uses_vietnamese_thousands(client, db, monkeypatch):
    from motcua.web.views import public

    monkeypatch.setattr(public, "PAGE_SIZE", 2000)
    # Counting needs no versions, so plain rows are enough (and fast).
    Procedure.objects.bulk_create(
        Procedure(code=f"8.{i:06d}", name=f"Thủ tục {i}", level="province", authority="local")
        for i in range(1001)
    )
    assert "Tìm thấy 1.001 thủ tục" in client.get(reverse("catalog")).content.decode()


def test_htmx_request_gets_only_the_results(client, catalog):
    response = client.get(reverse("catalog"), {"q": "khai sinh"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "Đăng ký khai sinh" in html
    assert "HX-Request" in response["Vary"]


def test_procedure_page_shows_formatted_details(client, province, catalog):
    response = client.get(reverse("procedure-detail", args=[catalog["land"].code]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        catalog["land"].name,
        "Sở Tài nguyên và Môi trường",
        "15 ngày làm việc",
        "50.000 đồng",
        "Một phần",
        "Đơn đăng ký cấp giấy chứng nhận",
        "Mẫu số 04/ĐK",
        "Giấy tờ về quyền sử dụng đất",
        "Bước 1: Nộp hồ sơ.",
        "Luật Đất đai 2024.",
        "Quyết định số 123/QĐ-UBND ngày 05/03/2024",
        "Trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh.",
    ]:
        assert text in html, text
    assert "đã bị bãi bỏ" not in html


@pytest.mark.parametrize(
    ("key", "texts"),
    [
        ("birth", ["0,5 ngày làm việc", "Không thu phí", "UBND cấp xã", "Toàn trình"]),
        ("business", ["3 ngày làm việc", "100.000 đồng", "UBND cấp huyện"]),
        ("abolished", ["Không quy định", "Thủ tục này đã bị bãi bỏ."]),
    ],
)
def test_procedure_page_formats(client, catalog, key, texts):
    html = client.get(reverse("procedure-detail", args=[catalog[key].code])).content.decode()
    for text in texts:
        assert text in html, text


def test_unknown_code_is_404(client, catalog):
    response = client.get(reverse("procedure-detail", args=["khong-ton-tai"]))
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


@pytest.mark.storage
def test_component_form_file_download(client, catalog):
    from django.core.files.base import ContentFile

    component = catalog["land"].components.first()
    url = reverse("component-form-file", args=[catalog["land"].code, component.pk])
    assert client.get(url).status_code == 404  # no file attached yet
    component.form_file.save("mau-04.docx", ContentFile(b"PK\x03\x04form"))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK\x03\x04form"
    html = client.get(reverse("procedure-detail", args=[catalog["land"].code])).content.decode()
    assert url in html
    # A component of another procedure is not reachable through this one's code.
    other = reverse("component-form-file", args=[catalog["birth"].code, component.pk])
    assert client.get(other).status_code == 404
