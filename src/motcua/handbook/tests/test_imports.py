"""Imports are all or nothing and name every bad row as file:line: column: message."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from motcua.accounts.roles import Role
from motcua.audit.models import AuditEntry
from motcua.handbook.imports import ImportInvalid, handbook_import
from motcua.handbook.models import (
    AgencyIndexResult,
    Document,
    IndexResult,
    Question,
    QuestionState,
    Target,
)
from motcua.handbook.tests.data import editor, make_agencies, make_user

pytestmark = pytest.mark.django_db

DOCUMENTS = (
    "number,issued_on,issuer,level,kind,title,summary,status\n"
    "76/NQ-CP,2021-07-15,Chính phủ,central,resolution,Chương trình tổng thể CCHC,,in_force\n"
    "61/2018/NĐ-CP,2018-04-23,Chính phủ,central,decree,Cơ chế một cửa,,\n"
)
BROKEN_DOCUMENTS = (
    "number,issued_on,issuer,level,kind,title,summary,status\n"
    "76/NQ-CP,2021-07-15,Chính phủ,central,resolution,Chương trình tổng thể CCHC,,in_force\n"
    "61/2018/NĐ-CP,2018-02-30,Chính phủ,central,decree,Cơ chế một cửa,,\n"
    "468/QĐ-TTg,2021-03-27,Thủ tướng Chính phủ,national,decision,Đề án một cửa,,\n"
    "107/2021/NĐ-CP,2021-12-06,Chính phủ,central,decree,,,\n"
    "76/NQ-CP,2021-07-15,Chính phủ,central,resolution,Trùng số,,\n"
)


def _import(kind: str, text: str, name: str = "file.csv"):
    return handbook_import(kind=kind, name=name, content=text.encode())


def test_documents_import_then_update():
    result = _import("documents", DOCUMENTS)
    assert (result.created, result.updated) == (2, 0)
    assert Document.objects.get(number="61/2018/NĐ-CP").status == "in_force"
    again = _import(
        "documents", DOCUMENTS.replace("Cơ chế một cửa", '"Một cửa, một cửa liên thông"')
    )
    assert (again.created, again.updated) == (0, 2)
    assert Document.objects.get(number="61/2018/NĐ-CP").search_text.endswith("mot cua lien thong")


def test_a_broken_file_changes_nothing_and_names_every_bad_row():
    _import("documents", DOCUMENTS.replace("Chương trình tổng thể CCHC", "Cũ"))
    entries = AuditEntry.objects.count()
    with pytest.raises(ImportInvalid) as caught:
        _import("documents", BROKEN_DOCUMENTS, name="van-ban.csv")
    assert caught.value.errors == [
        'van-ban.csv:3: issued_on: ngày không tồn tại "2018-02-30" / no such date "2018-02-30"',
        'van-ban.csv:4: level: giá trị không hợp lệ "national" (phải là central, province) / '
        'invalid value "national" (expected central, province)',
        "van-ban.csv:5: title: bắt buộc phải có giá trị / a value is required",
        "van-ban.csv:6: trùng với dòng 2 / duplicate of line 2",
    ]
    # The valid first row was not applied either.
    assert Document.objects.get(number="76/NQ-CP").title == "Cũ"
    assert Document.objects.count() == 2
    assert AuditEntry.objects.count() == entries


def test_empty_cells_past_the_last_column_are_ignored():
    text = DOCUMENTS.replace(",in_force\n", ",in_force,,\n")
    assert _import("documents", text).created == 2
    with pytest.raises(ImportInvalid) as caught:
        _import("documents", DOCUMENTS.replace(",in_force\n", ",in_force,x\n"), name="d.csv")
    assert caught.value.errors == ["d.csv:2: thừa ô / more cells than columns"]


def test_header_errors():
    with pytest.raises(ImportInvalid) as caught:
        _import("documents", "number,issued,issuer\n1,2,3\n", name="d.csv")
    assert caught.value.errors == [
        "d.csv:1: issued: cột không thuộc định dạng / unknown column",
        "d.csv:1: issued_on: thiếu cột / missing column",
        "d.csv:1: level: thiếu cột / missing column",
        "d.csv:1: kind: thiếu cột / missing column",
        "d.csv:1: title: thiếu cột / missing column",
    ]


def test_targets_import_checks_agencies():
    make_agencies()
    text = (
        "code,agency,year,phase,title,goal,unit,deadline\n"
        "T1,000.00.01.H99,2025,2021-2025,Đúng hạn,98,%,2025-12-15\n"
        "T2,000.00.99.H99,2025,2021-2025,Số hóa,80,%,2025-06-30\n"
        "T3,000.00.02.H99,1899,2021-2025,Rà soát,abc,,2025-06-30\n"
    )
    with pytest.raises(ImportInvalid) as caught:
        _import("targets", text, name="t.csv")
    assert caught.value.errors == [
        't.csv:3: agency: không có cơ quan mã "000.00.99.H99" / '
        'no agency with code "000.00.99.H99"',
        't.csv:4: year: năm không hợp lệ "1899" / invalid year "1899"',
        't.csv:4: goal: số không hợp lệ "abc" (ví dụ 65.23 hoặc 65,23) / '
        'invalid number "abc" (e.g. 65.23)',
    ]
    assert not Target.objects.exists()
    good = "\n".join(text.splitlines()[:2]) + "\n"
    assert _import("targets", good).created == 1
    assert Target.objects.get(code="T1").agency.name == "Sở Nội vụ"


def test_indices_import_with_components_and_the_total_row_required():
    text = (
        "index,year,component,score,maximum,rank,rank_of,source\n"
        "par,2023,,85.5,,20,63,Bộ Nội vụ\n"
        "par,2023,Cải cách thủ tục hành chính,11.2,13,,,\n"
        "sipas,2023,Tiếp cận dịch vụ,85,100,,,\n"
    )
    with pytest.raises(ImportInvalid) as caught:
        _import("indices", text, name="i.csv")
    assert caught.value.errors == [
        "i.csv:4: component: thiếu dòng tổng (component để trống) của sipas 2023 / "
        "no total row (empty component) for sipas 2023"
    ]
    assert not IndexResult.objects.exists()
    _import("indices", "\n".join(text.splitlines()[:3]) + "\n")
    result = IndexResult.objects.get(index="par", year=2023)
    assert (str(result.score), result.rank, result.components.get().name) == (
        "85.50",
        20,
        "Cải cách thủ tục hành chính",
    )


def test_agency_index_and_qa_imports():
    make_agencies()
    _import("agency-index", "agency,year,score\n000.00.01.H99,2024,88.5\n000.00.02.H99,2024,90\n")
    assert AgencyIndexResult.objects.count() == 2
    _import(
        "qa",
        "category,question,answer,asked_on,answered_on\n"
        "Thủ tục đất đai,Thủ tục đất đai nộp ở đâu?,Tại Bộ phận Một cửa.,2024-01-02,2024-01-05\n",
    )
    question = Question.objects.get()
    assert (question.state, question.category.name) == (QuestionState.PUBLISHED, "Thủ tục đất đai")
    with pytest.raises(ImportInvalid) as caught:
        _import(
            "qa",
            "category,question,answer,asked_on,answered_on\nA,Hỏi?,Đáp.,2024-02-02,2024-01-05\n",
            name="qa.csv",
        )
    assert caught.value.errors == [
        "qa.csv:2: answered_on: trả lời trước ngày hỏi / answered before it was asked"
    ]


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_import_reports_rows_by_their_sheet_row():
    import datetime as dt

    content = _xlsx(
        [
            ["number", "issued_on", "issuer", "level", "kind", "title"],
            ["76/NQ-CP", dt.datetime(2021, 7, 15), "Chính phủ", "central", "resolution", "CT"],
            ["61/2018/NĐ-CP", "hôm qua", "Chính phủ", "central", "decree", "Một cửa"],
        ]
    )
    with pytest.raises(ImportInvalid) as caught:
        handbook_import(kind="documents", name="vb.xlsx", content=content)
    assert caught.value.errors == [
        'vb.xlsx:3: issued_on: ngày không đúng định dạng YYYY-MM-DD "hôm qua" / '
        'invalid date format "hôm qua" (expected YYYY-MM-DD)'
    ]
    assert not Document.objects.exists()
    good = _xlsx(
        [
            ["number", "issued_on", "issuer", "level", "kind", "title"],
            ["76/NQ-CP", dt.datetime(2021, 7, 15), "Chính phủ", "central", "resolution", "CT"],
        ]
    )
    handbook_import(kind="documents", name="vb.xlsx", content=good)
    assert Document.objects.get().issued_on == dt.date(2021, 7, 15)


def test_not_a_workbook():
    with pytest.raises(ImportInvalid) as caught:
        handbook_import(kind="documents", name="vb.xlsx", content=b"not a zip")
    assert caught.value.errors[0].startswith("vb.xlsx: không đọc được tệp XLSX")


def test_the_import_page_needs_the_editor_role(client):
    upload = SimpleUploadedFile("vb.csv", DOCUMENTS.encode())
    client.force_login(make_user("kiemsoat", Role.CONTROLLER))
    response = client.post(
        reverse("handbook-officer-import"), {"kind": "documents", "file": upload}
    )
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_the_import_page_shows_every_error_and_imports_nothing(client):
    client.force_login(editor())
    upload = SimpleUploadedFile("van-ban.csv", BROKEN_DOCUMENTS.encode())
    response = client.post(
        reverse("handbook-officer-import"), {"kind": "documents", "file": upload}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "van-ban.csv:3: issued_on:" in html and "van-ban.csv:6: trùng với dòng 2" in html
    assert not Document.objects.exists()
    upload = SimpleUploadedFile("van-ban.csv", DOCUMENTS.encode())
    response = client.post(
        reverse("handbook-officer-import"), {"kind": "documents", "file": upload}
    )
    assert response.status_code == 302
    assert Document.objects.count() == 2


def test_the_command(tmp_path, capsys):
    path = tmp_path / "van-ban.csv"
    path.write_text(BROKEN_DOCUMENTS, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("handbook", "import", "documents", str(path))
    assert "van-ban.csv:3: issued_on:" in capsys.readouterr().err
    assert not Document.objects.exists()
    path.write_text(DOCUMENTS, encoding="utf-8")
    call_command("handbook", "import", "documents", str(path))
    assert Document.objects.count() == 2


def test_the_import_page_takes_a_workbook_and_refuses_a_fake_one(client):
    client.force_login(editor())
    content = _xlsx(
        [
            ["agency", "year", "score"],
            ["000.00.01.H99", 2024, 88.5],
        ]
    )
    make_agencies()
    upload = SimpleUploadedFile("chi-so.xlsx", content)
    response = client.post(
        reverse("handbook-officer-import"), {"kind": "agency-index", "file": upload}
    )
    assert response.status_code == 302
    assert AgencyIndexResult.objects.get().score == 88.5
    fake = SimpleUploadedFile("chi-so.xlsx", b"agency,year,score\n")
    response = client.post(
        reverse("handbook-officer-import"), {"kind": "agency-index", "file": fake}
    )
    assert response.status_code == 200
    assert AgencyIndexResult.objects.count() == 1
