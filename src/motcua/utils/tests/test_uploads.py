"""The one upload check: by content, per file and per request."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.testing import files
from motcua.utils.errors import DomainError
from motcua.utils.uploads import check_upload, check_uploads


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.pdf", files.PDF),
        ("a.png", files.PNG),
        ("a.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20),
        ("a.docx", files.docx()),
        ("a.xlsx", files.xlsx()),
    ],
)
def test_genuine_files_pass(name, content):
    check_upload(upload(name, content))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.svg", files.SVG_WITH_SCRIPT),
        ("a.pdf", files.SVG_WITH_SCRIPT),
        ("a.html", b"<html><script>alert(1)</script></html>"),
        ("a.pdf", b"<html>%PDF-1.4</html>"),
        ("a.js", b"alert(1)"),
        ("a.docx", files.plain_zip()),  # a ZIP without [Content_Types].xml
        ("a.docx", b"PK\x03\x04" + b"\x00" * 100),  # not even a ZIP
        ("a.docx", files.xlsx()),  # a workbook named as a document
        ("a.docx", files.docx(extra={"word/vbaProject.bin": b"macro"})),
        ("a.xlsx", files.xlsx(extra={"xl/vbaProject.bin": b"macro"})),
        ("a.zip", files.plain_zip()),
        ("a", files.PDF),
    ],
)
def test_everything_else_is_refused(name, content):
    with pytest.raises(DomainError) as refused:
        check_upload(upload(name, content))
    assert refused.value.code == "file_type"


def test_macro_enabled_content_type_is_refused():
    macro = files.office_package(
        "word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"
    )
    with pytest.raises(DomainError):
        check_upload(upload("a.docx", macro))


def test_request_caps(settings):
    settings.MOTCUA_MAX_UPLOAD_FILES = 3
    settings.MOTCUA_MAX_UPLOAD_TOTAL_BYTES = 1000
    with pytest.raises(DomainError) as refused:
        check_uploads([upload(f"{i}.pdf", files.PDF) for i in range(4)])
    assert refused.value.code == "too_many_files"
    with pytest.raises(DomainError) as refused:
        check_uploads([upload(f"{i}.pdf", files.PDF + b"0" * 400) for i in range(3)])
    assert refused.value.code == "files_too_large"
    check_uploads([upload(f"{i}.pdf", files.PDF) for i in range(3)])
