import pytest

from motcua.demo.datastore import document_kind_for, result_kind_for
from motcua.procedures.models import DocumentKind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Bản sao Căn cước công dân của người đề nghị", DocumentKind.ID_CARD),
        ("Giấy chứng nhận quyền sử dụng đất (bản gốc)", DocumentKind.LAND_USE_CERTIFICATE),
        ("Bản sao Giấy khai sinh của trẻ", DocumentKind.BIRTH_CERTIFICATE),
        ("Giấy chứng nhận đăng ký doanh nghiệp", DocumentKind.BUSINESS_REGISTRATION),
        ("Bản sao giấy tờ về quyền sử dụng đất", ""),  # not the certificate itself
        ("Tờ khai đăng ký khai sinh (theo mẫu)", ""),  # a form is filled in, not reused
        ("Đơn đề nghị (theo mẫu)", ""),
        ("Giấy đề nghị đăng ký doanh nghiệp (theo mẫu)", ""),
        ("Giấy tờ tùy thân có ảnh (Căn cước công dân, Căn cước hoặc Hộ chiếu)", "id_card"),
        ("Giấy xác nhận tình trạng hôn nhân", DocumentKind.MARITAL_STATUS),
    ],
)
def test_kind_by_name(name, kind):
    assert document_kind_for(name) == kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt", "construction_permit"),
        ("Đăng ký khai sinh", DocumentKind.BIRTH_CERTIFICATE),
        ("Đăng ký kết hôn có yếu tố nước ngoài", DocumentKind.MARRIAGE_CERTIFICATE),
        ("Cấp Giấy xác nhận tình trạng hôn nhân", DocumentKind.MARITAL_STATUS),
        ("Cấp đổi Giấy chứng nhận quyền sử dụng đất", DocumentKind.LAND_USE_CERTIFICATE),
        ("Đăng ký doanh nghiệp tư nhân", DocumentKind.BUSINESS_REGISTRATION),
        ("Thu hồi giấy phép xây dựng", ""),  # withdraws one, issues none
        ("Trả lại giấy phép khai thác tận thu khoáng sản", ""),
        ("Cấp phiếu lý lịch tư pháp", ""),  # a result, of no reusable kind yet
    ],
)
def test_result_kind_by_name(name, kind):
    assert result_kind_for(name) == kind
