"""Masking personal data before publication: Vietnamese names after a form of address and the
sender's own, 12- and 9-digit ID numbers, phone numbers in their usual spellings, e-mails and
the sender's address; amounts, dates and places are left alone."""

import pytest

from motcua.utils.masking import (
    ADDRESS,
    EMAIL,
    ID_NUMBER,
    NAME,
    PHONE,
    mask_personal_data,
)


@pytest.mark.parametrize(
    "phone",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84 912 345 678",
        "+84912345678",
        "84912345678",
        "(028) 3822 1234",
        "0252 3822 123",
    ],
)
def test_phone_numbers_in_their_usual_spellings(phone):
    assert mask_personal_data(f"Gọi số {phone} giúp tôi.") == f"Gọi số {PHONE} giúp tôi."


@pytest.mark.parametrize("number", ["060190001234", "079088012345", "123456789", "012345678"])
def test_id_numbers(number):
    assert mask_personal_data(f"CCCD số {number}, cấp ngày 01/01/2021") == (
        f"CCCD số {ID_NUMBER}, cấp ngày 01/01/2021"
    )


@pytest.mark.parametrize("email", ["hoa.nguyen@gmail.com", "an_le+pakn@binhthuan.gov.vn"])
def test_emails(email):
    assert mask_personal_data(f"Thư: {email}.") == f"Thư: {EMAIL}."


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Ông Trần Văn Bình làm việc", f"Ông {NAME} làm việc"),
        ("gặp bà Lê Thị Ánh Tuyết hôm qua", f"gặp bà {NAME} hôm qua"),
        ("chị Hoa ở bộ phận một cửa", f"chị {NAME} ở bộ phận một cửa"),
        ("đồng chí Đặng Quốc Đạt phụ trách", f"đồng chí {NAME} phụ trách"),
        ("anh Ưng Hoàng Phúc", f"anh {NAME}"),
        ("Tôi là Lê Thị Thu Hà, nộp hồ sơ", f"Tôi là {NAME}, nộp hồ sơ"),
        ("tên tôi là Nguyễn Văn Minh Hoàng Long.", f"tên tôi là {NAME}."),
        ("Họ và tên: Phạm Thị Kim Ngân; điện thoại", f"Họ và tên: {NAME}; điện thoại"),
        ("người nộp hồ sơ Võ Văn Tư không được", f"người nộp hồ sơ {NAME} không được"),
        # No capitalised word after the form of address: no name.
        ("ông ấy nói bà con phải chờ", "ông ấy nói bà con phải chờ"),
    ],
)
def test_names_after_a_form_of_address(text, masked):
    assert mask_personal_data(text) == masked


def test_the_senders_own_data_is_always_masked():
    text = (
        "Nguyễn Thị Hoa, ở 25 Nguyễn Tất Thành, Phan Thiết, gọi 0912 345 678; "
        "NGUYỄN THỊ HOA đề nghị. Thị Hoa cảm ơn."
    )
    masked = mask_personal_data(
        text,
        names=["Nguyễn Thị Hoa"],
        phones=["0912345678"],
        addresses=["25 Nguyễn Tất Thành, Phan Thiết"],
    )
    assert masked == f"{NAME}, ở {ADDRESS}, gọi {PHONE}; {NAME} đề nghị. {NAME} cảm ơn."


def test_amounts_dates_places_and_codes_are_kept():
    text = (
        "Lệ phí 10.000.000 đồng, hẹn ngày 15/02/2025 tại UBND tỉnh Bình Thuận, "
        "thủ tục 1.000001.H12, hồ sơ 000.00.05.H12-250301-0001, 2025 người."
    )
    assert mask_personal_data(text, names=["Trần Văn Bình"]) == text
