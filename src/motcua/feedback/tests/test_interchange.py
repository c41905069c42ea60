"""feedback.csv through the package importer and exporter (interchange.md): validation with
file:line errors, all or nothing, idempotent re-import, lossless export."""

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from motcua.agencies.models import Agency
from motcua.feedback.interchange import FeedbackHandler
from motcua.feedback.models import Feedback, FeedbackState
from motcua.feedback.services import feedback_record
from motcua.interchange import exporter
from motcua.interchange.importer import PackageInvalid, package_import
from motcua.interchange.parsing import LOCAL_TZ

pytestmark = pytest.mark.django_db

AGENCIES = """\
code,name,kind,parent_code
000.00.00.H12,UBND tỉnh Bình Thuận,province,
000.00.12.H12,Sở Tư pháp,department,000.00.00.H12
"""

FEEDBACK = """\
code,received_at,kind,agency_code,subject,processed_at,published_at
PAKN-001,2023-12-14T17:30:00Z,regulation,000.00.12.H12,Thành phần hồ sơ,2024-01-10T09:00:00+07:00,2024-01-11T09:00:00+07:00
PAKN-002,2024-03-05 08:15,behaviour,,,,
PAKN-003,2024-05-02T08:00:00+07:00,regulation,,"Phí, lệ phí",2024-05-20T10:00:00+07:00,
"""  # noqa: E501


def package(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / f"{name}.csv").write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


def errors_of(path: Path) -> list[str]:
    with pytest.raises(PackageInvalid) as error:
        package_import(path=path)
    return error.value.errors


def test_import_creates_feedback_with_local_dates(tmp_path):
    result = package_import(path=package(tmp_path / "p", agencies=AGENCIES, feedback=FEEDBACK))

    assert result.files["feedback.csv"].created == 3
    first = Feedback.objects.get(code="PAKN-001")
    assert first.agency == Agency.objects.get(code="000.00.12.H12")
    assert first.received_on == dt.date(2023, 12, 15)  # 00:30 local
    assert (first.processed_on, first.published_on) == (dt.date(2024, 1, 10), dt.date(2024, 1, 11))
    assert first.state == FeedbackState.PROCESSED and first.imported
    second = Feedback.objects.get(code="PAKN-002")
    assert second.received_at == dt.datetime(2024, 3, 5, 8, 15, tzinfo=LOCAL_TZ)
    assert (second.kind, second.agency, second.subject) == ("behaviour", None, "")
    assert second.state == FeedbackState.PROCESSING and second.processed_on is None
    assert Feedback.objects.get(code="PAKN-003").subject == "Phí, lệ phí"


def test_second_import_changes_nothing_and_a_changed_row_updates(tmp_path):
    path = package(tmp_path / "p", agencies=AGENCIES, feedback=FEEDBACK)
    package_import(path=path)
    before = {f.code: f.updated_at for f in Feedback.objects.all()}

    again = package_import(path=path).files["feedback.csv"]
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert {f.code: f.updated_at for f in Feedback.objects.all()} == before

    changed = FEEDBACK.replace(
        "PAKN-002,2024-03-05 08:15,behaviour,,,,",
        "PAKN-002,2024-03-05 08:15,behaviour,,,2024-12-14T17:00:00Z,",
    )
    counts = package_import(path=package(tmp_path / "q", feedback=changed)).files["feedback.csv"]
    assert (counts.created, counts.updated, counts.unchanged) == (0, 1, 2)
    second = Feedback.objects.get(code="PAKN-002")
    assert second.processed_on == dt.date(2024, 12, 15)
    assert second.state == FeedbackState.PROCESSED
    assert second.updated_at > before["PAKN-002"]


def test_every_error_is_reported_with_file_and_line_and_nothing_is_written(tmp_path):
    bad = """\
    code,received_at,kind,agency_code,subject,processed_at,published_at
    A,2024-03-05T08:00:00+07:00,regulation,,,2024-03-05T07:59:59+07:00,
    B,2024-03-05T08:00:00+07:00,behaviour,,,,2024-03-06T08:00:00+07:00
    C,2024-03-05T08:00:00+07:00,regulation,,,2024-03-07T08:00:00+07:00,2024-03-06T08:00:00+07:00
    D,2024-03-05,other,XYZ,,,
    A,2024-03-05T08:00:00+07:00,regulation,,,,
    ,2024-03-05T08:00:00+07:00,regulation,,,,
    """
    errors = errors_of(package(tmp_path / "p", agencies=AGENCIES, feedback=bad))

    assert errors == [
        "feedback.csv:2: processed_at: trước received_at / before received_at",
        "feedback.csv:3: published_at: cần có processed_at: chỉ công khai được kết quả đã xử lý"
        " / requires processed_at: only an answer can be published",
        "feedback.csv:4: published_at: trước processed_at / before processed_at",
        'feedback.csv:5: received_at: thời điểm không hợp lệ "2024-03-05" (ví dụ'
        " 2024-03-05T08:15:00+07:00) / invalid instant"
        ' "2024-03-05" (e.g. 2024-03-05T08:15:00+07:00)',
        'feedback.csv:5: kind: giá trị không hợp lệ "other" (phải là regulation, behaviour) /'
        ' invalid value "other" (expected regulation, behaviour)',
        'feedback.csv:5: agency_code: không tìm thấy "XYZ" trong agencies.csv hay trong cơ sở'
        ' dữ liệu / "XYZ" not found in agencies.csv or in the database',
        "feedback.csv:6: code: trùng với dòng 2 / duplicate of line 2",
        "feedback.csv:7: code: bắt buộc phải có giá trị / a value is required",
    ]
    assert not Feedback.objects.exists() and not Agency.objects.exists()


def test_unknown_column_is_an_error(tmp_path):
    text = "code,received_at,kind,answer\nA,2024-03-05T08:00:00Z,regulation,x\n"
    errors = errors_of(package(tmp_path / "p", feedback=text))
    assert len(errors) == 1 and errors[0].startswith("feedback.csv:1: answer: cột không xác định")


def test_live_feedback_may_appear_only_unchanged(tmp_path):
    live = feedback_record(
        kind="regulation", received_at=dt.datetime(2024, 3, 5, 8, 15, tzinfo=LOCAL_TZ)
    )
    same = f"code,received_at,kind\n{live.code},2024-03-05T01:15:00Z,regulation\n"
    counts = package_import(path=package(tmp_path / "p", feedback=same)).files["feedback.csv"]
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 1)

    other = f"code,received_at,kind\n{live.code},2024-03-05T01:15:00Z,behaviour\n"
    [error] = errors_of(package(tmp_path / "q", feedback=other))
    assert error.startswith("feedback.csv:2: code: là mã của một phản ánh tiếp nhận")
    live.refresh_from_db()
    assert live.kind == "regulation" and not live.imported


def test_export_then_import_gives_back_the_same_feedback(tmp_path):
    package_import(path=package(tmp_path / "p", agencies=AGENCIES, feedback=FEEDBACK))

    result = exporter.package_export(path=tmp_path / "out")

    assert result.files["feedback.csv"] == 3
    assert (tmp_path / "out" / "feedback.csv").read_text(encoding="utf-8").splitlines() == [
        "code,received_at,kind,agency_code,subject,processed_at,published_at",
        "PAKN-001,2023-12-15T00:30:00+07:00,regulation,000.00.12.H12,Thành phần hồ sơ,"
        "2024-01-10T09:00:00+07:00,2024-01-11T09:00:00+07:00",
        "PAKN-002,2024-03-05T08:15:00+07:00,behaviour,,,,",
        'PAKN-003,2024-05-02T08:00:00+07:00,regulation,,"Phí, lệ phí",2024-05-20T10:00:00+07:00,',
    ]
    again = package_import(path=tmp_path / "out").files["feedback.csv"]
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_handler_can_be_driven_directly():
    """The handler on its own, as the importer drives it: row rules, then apply."""
    handler = FeedbackHandler()
    record = {
        "code": "X-1",
        "received_at": dt.datetime(2024, 1, 2, 9, tzinfo=LOCAL_TZ),
        "kind": "behaviour",
        "agency_code": None,
        "subject": "",
        "processed_at": None,
        "published_at": None,
    }
    assert list(handler.check(record, 2)) == []
    counts = handler.apply(lambda: iter([(2, record)]))
    assert counts.created == 1
    assert Feedback.objects.get(code="X-1").received_on == dt.date(2024, 1, 2)
