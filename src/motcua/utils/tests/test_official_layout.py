"""Documents are written whatever the text: characters XML cannot hold are left out."""

import io

from docx import Document

from motcua.utils.official_layout import Sheet, xml_text


def test_control_characters_are_left_out_of_the_document():
    sheet = Sheet()
    sheet.para("Bản sao\x05 CCCD\x11\x0c\x00 và \ud800sổ hộ khẩu")
    sheet.field("Nội dung", "Giấy\x1f khai sinh")
    text = "\n".join(p.text for p in Document(io.BytesIO(sheet.to_bytes())).paragraphs)
    assert "Bản sao CCCD và sổ hộ khẩu" in text
    assert "Nội dung: Giấy khai sinh" in text


def test_text_a_document_can_hold_is_kept():
    kept = "Tab\tnew line\ncarriage\r Tiếng Việt 𝔸 €"
    assert xml_text(kept) == kept
