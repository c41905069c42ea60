"""Vietnamese text helpers: collation."""

from motcua.utils.text import vn_sorted


def test_vietnamese_collation_orders_letters_then_tones():
    fields = [
        "Đất đai",
        "Xây dựng",
        "Dược phẩm",
        "Giáo dục",
        "Ăn uống",
        "An toàn",
        "Âm nhạc",
        "Bảo hiểm",
        "Ưu đãi",
        "Y tế",
        "Uỷ quyền",
        "Ơn",
        "Ô tô",
        "Oanh",
        "Hộ tịch",
    ]
    assert vn_sorted(fields) == [
        "An toàn",
        "Ăn uống",
        "Âm nhạc",
        "Bảo hiểm",
        "Dược phẩm",
        "Đất đai",
        "Giáo dục",
        "Hộ tịch",
        "Oanh",
        "Ô tô",
        "Ơn",
        "Uỷ quyền",
        "Ưu đãi",
        "Xây dựng",
        "Y tế",
    ]
    assert vn_sorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert vn_sorted(["Sở Y tế", "sở Tư pháp", "Sở Tài chính"]) == [
        "Sở Tài chính",
        "sở Tư pháp",
        "Sở Y tế",
    ]
