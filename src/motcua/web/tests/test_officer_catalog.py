"""Catalog management by officers: permissions, forms that keep versions, history, abolish."""

import pytest
from django.urls import reverse

from motcua.audit.models import AuditEntry
from motcua.procedures.models import Procedure, ProcedureStatus, ProcedureVersion

pytestmark = pytest.mark.django_db

OFFICER_PAGES = [
    ("officer-procedure-list", []),
    ("officer-procedure-create", []),
    ("officer-decision-list", []),
    ("officer-decision-create", []),
    ("officer-shortening-list", []),
]


def procedure_pages(catalog):
    code = catalog["land"].code
    return [
        ("officer-procedure-edit", [code]),
        ("officer-procedure-history", [code]),
        ("officer-procedure-abolish", [code]),
    ]


@pytest.mark.parametrize(("name", "args"), OFFICER_PAGES)
def test_anonymous_is_sent_to_login(client, db, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


def test_handler_is_refused(handler_client, catalog):
    for name, args in OFFICER_PAGES + procedure_pages(catalog):
        response = handler_client.get(reverse(name, args=args))
        assert response.status_code == 403, name
        assert "Bạn không có quyền thực hiện thao tác này." in response.content.decode()
    response = handler_client.post(
        reverse("officer-procedure-abolish", args=[catalog["land"].code])
    )
    assert response.status_code == 403
    assert Procedure.objects.get(code=catalog["land"].code).status == ProcedureStatus.ACTIVE


def test_controller_may_open_every_page(controller_client, catalog):
    for name, args in OFFICER_PAGES + procedure_pages(catalog):
        assert controller_client.get(reverse(name, args=args)).status_code == 200, name


def test_officer_list_includes_abolished_and_filters_status(controller_client, catalog):
    url = reverse("officer-procedure-list")
    everything = {p.code for p in controller_client.get(url).context["page"].object_list}
    assert catalog["abolished"].code in everything
    assert len(everything) == 4
    abolished = controller_client.get(url, {"status": "abolished", "q": "khai tu"})
    assert [p.code for p in abolished.context["page"].object_list] == [catalog["abolished"].code]


def form_data(**overrides) -> dict:
    data = {
        "code": "3.000111.000.00.00.H12",
        "name": "Cấp phép xây dựng nhà ở riêng lẻ",
        "level": "district",
        "field": "Xây dựng",
        "authority": "central",
        "agency": "",
        "processing_days": "15",
        "day_unit": "working",
        "fee_vnd": "75000",
        "online_level": "partial",
        "decision": "",
        "steps": "Nộp hồ sơ tại Bộ phận Một cửa.",
        "submission_methods": "Trực tiếp hoặc trực tuyến.",
        "requirements": "",
        "legal_basis": "Luật Xây dựng 2014.",
        "result": "Giấy phép xây dựng.",
        "valid_from": "",
        "components-TOTAL_FORMS": "3",
        "components-INITIAL_FORMS": "0",
        "components-MIN_NUM_FORMS": "0",
        "components-MAX_NUM_FORMS": "100",
        "components-0-name": "Đơn đề nghị cấp giấy phép xây dựng",
        "components-0-originals": "1",
        "components-0-copies": "0",
        "components-0-required": "on",
        "components-0-form_name": "Mẫu số 01",
        "components-1-name": "",
        "components-1-originals": "1",
        "components-1-copies": "0",
        "components-1-required": "on",
        "components-2-name": "",
        "components-2-originals": "1",
        "components-2-copies": "0",
        "components-2-required": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_create_then_edit_keeps_versions_and_history_shows_change(controller_client, controller):
    response = controller_client.post(reverse("officer-procedure-create"), form_data())
    code = "3.000111.000.00.00.H12"
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert response["Location"] == reverse("officer-procedure-history", args=[code])
    procedure = Procedure.objects.get(code=code)
    assert procedure.version == 1
    assert procedure.fee_vnd == 75_000
    assert [c.name for c in procedure.components.all()] == ["Đơn đề nghị cấp giấy phép xây dựng"]
    assert "cap phep xay dung" in procedure.search_text
    assert AuditEntry.objects.get(action="procedure.create").actor == controller

    # The edit form starts from the stored values, including the component rows.
    edit_url = reverse("officer-procedure-edit", args=[code])
    form_page = controller_client.get(edit_url)
    assert form_page.context["formset"].initial[0]["form_name"] == "Mẫu số 01"

    data = form_data(
        **{
            "code": None,
            "processing_days": "10",
            "components-INITIAL_FORMS": "1",
            "components-1-name": "Bản vẽ thiết kế",
            "components-1-originals": "2",
        }
    )
    response = controller_client.post(edit_url, data)
    assert response.status_code == 302
    procedure.refresh_from_db()
    assert procedure.version == 2
    assert str(procedure.processing_days) == "10.0"
    assert list(procedure.versions.values_list("number", flat=True).order_by("number")) == [1, 2]
    assert [c.name for c in procedure.components.all()] == [
        "Đơn đề nghị cấp giấy phép xây dựng",
        "Bản vẽ thiết kế",
    ]

    history = controller_client.get(response["Location"])
    html = history.content.decode()
    assert "Phiên bản 2" in html and "Phiên bản 1" in html
    entry = history.context["entries"][0]
    assert entry.version.number == 2
    rows = {row.label: (row.before, row.after) for row in entry.rows}
    assert rows["Thời hạn giải quyết"] == ("15", "10")
    assert "Bản vẽ thiết kế" in rows["Thành phần hồ sơ"][1]
    assert "Cấp phép xây dựng nhà ở riêng lẻ" not in rows  # unchanged fields are not listed


def test_saving_unchanged_form_adds_no_version(controller_client, catalog):
    birth = catalog["birth"]
    edit_url = reverse("officer-procedure-edit", args=[birth.code])
    page = controller_client.get(edit_url)
    form, formset = page.context["form"], page.context["formset"]
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and name != "code" and value is not None
    }
    data["national_portal"] = "on" if data.pop("national_portal") else None
    data = {k: v for k, v in data.items() if v is not None}
    data.update(
        {
            "components-TOTAL_FORMS": "0",
            "components-INITIAL_FORMS": "0",
            "components-MIN_NUM_FORMS": "0",
            "components-MAX_NUM_FORMS": "100",
        }
    )
    assert formset.initial == []
    response = controller_client.post(edit_url, data, follow=True)
    assert "Không có thay đổi nào" in response.content.decode()
    assert Procedure.objects.get(pk=birth.pk).version == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Vui lòng nhập thông tin này."),
        ({"level": "galaxy"}, "level", "Lựa chọn không hợp lệ."),
        ({"processing_days": "-1"}, "processing_days", "Thời hạn không được âm."),
        ({"fee_vnd": "abc"}, "fee_vnd", "Giá trị không hợp lệ."),
        ({"code": "có dấu/sai"}, "code", "Mã thủ tục chỉ gồm chữ"),
        ({"code": "1.001234.000.00.00.H12"}, "code", "Giá trị này đã tồn tại."),
    ],
)
def test_invalid_form_changes_nothing(controller_client, catalog, overrides, field, message):
    before = (Procedure.objects.count(), ProcedureVersion.objects.count())
    response = controller_client.post(reverse("officer-procedure-create"), form_data(**overrides))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert " / " not in errors  # the page's language only (issue #8 §5)
    assert "Chưa lưu được" in response.content.decode()
    assert (Procedure.objects.count(), ProcedureVersion.objects.count()) == before


def test_invalid_component_row_changes_nothing(controller_client, catalog):
    land = catalog["land"]
    data = form_data(
        **{
            "code": None,
            "name": "Tên mới",
            "components-0-originals": "-3",
        }
    )
    response = controller_client.post(reverse("officer-procedure-edit", args=[land.code]), data)
    assert response.status_code == 200
    assert "Giá trị tối thiểu là 0" in str(response.context["formset"].errors)
    land.refresh_from_db()
    assert land.version == 1
    assert land.name.startswith("Cấp giấy chứng nhận")


def test_abolish_through_post_keeps_a_version(controller_client, client, catalog):
    land = catalog["land"]
    url = reverse("officer-procedure-abolish", args=[land.code])
    assert "Xác nhận bãi bỏ" in controller_client.get(url).content.decode()
    response = controller_client.post(url)
    assert response.status_code == 302
    land.refresh_from_db()
    assert land.status == ProcedureStatus.ABOLISHED
    assert land.version == 2
    search = controller_client.get(reverse("catalog"), {"q": "quyen su dung dat"})
    assert list(search.context["page"].object_list) == []
    page = controller_client.get(reverse("procedure-detail", args=[land.code]))
    assert "Thủ tục này đã bị bãi bỏ." in page.content.decode()
