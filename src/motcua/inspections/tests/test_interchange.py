"""inspections.csv through the package importer and exporter (interchange.md): validation with
file:line errors, all or nothing, idempotent re-import keyed by the natural key, lossless export."""

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from django.db.models import F

from motcua.agencies.models import Agency
from motcua.inspections.models import Inspection
from motcua.inspections.services import inspection_record
from motcua.interchange import exporter
from motcua.interchange.importer import PackageInvalid, package_import

pytestmark = pytest.mark.django_db

AGENCIES = """\
code,name,kind,parent_code
000.00.00.H12,UBND tỉnh Bình Thuận,province,
000.00.12.H12,Sở Tư pháp,department,000.00.00.H12
000.03.00.H12,UBND huyện Bắc Bình,district,000.00.00.H12
"""

INSPECTIONS = """\
agency_code,plan_year,planned,inspected_on,notes
000.00.12.H12,2024,1,2024-09-20,Thông báo số 95/TB-VP
000.00.12.H12,2025,1,,
000.03.00.H12,,0,2024-10-22,"Đột xuất, có biên bản"
000.03.00.H12,2024,không,2024-11-05,
"""


def package(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / f"{name}.csv").write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


def errors_of(path: Path) -> list[str]:
    with pytest.raises(PackageInvalid) as error:
        package_import(path=path)
    return error.value.errors


def rows() -> list[tuple]:
    return list(
        Inspection.objects.order_by(
            "agency__code", "-planned", F("plan_year").asc(nulls_first=True), "inspected_on"
        ).values_list("agency__code", "planned", "plan_year", "inspected_on", "notes", "imported")
    )


def test_import_creates_inspections(tmp_path):
    result = package_import(
        path=package(tmp_path / "p", agencies=AGENCIES, inspections=INSPECTIONS)
    )

    assert result.files["inspections.csv"].created == 4
    assert rows() == [
        ("000.00.12.H12", True, 2024, dt.date(2024, 9, 20), "Thông báo số 95/TB-VP", True),
        ("000.00.12.H12", True, 2025, None, "", True),
        ("000.03.00.H12", False, None, dt.date(2024, 10, 22), "Đột xuất, có biên bản", True),
        ("000.03.00.H12", False, 2024, dt.date(2024, 11, 5), "", True),
    ]


def test_second_import_changes_nothing_and_a_plan_carried_out_updates(tmp_path):
    path = package(tmp_path / "p", agencies=AGENCIES, inspections=INSPECTIONS)
    package_import(path=path)

    again = package_import(path=path).files["inspections.csv"]
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)

    # The 2025 plan's inspection took place: same record, not a second planned one.
    later = INSPECTIONS.replace("000.00.12.H12,2025,1,,", "000.00.12.H12,2025,1,2025-03-02,Xong")
    counts = package_import(path=package(tmp_path / "q", inspections=later)).files[
        "inspections.csv"
    ]
    assert (counts.created, counts.updated, counts.unchanged) == (0, 1, 3)
    assert Inspection.objects.filter(planned=True, plan_year=2025).count() == 1
    planned_2025 = Inspection.objects.get(planned=True, plan_year=2025)
    assert (planned_2025.inspected_on, planned_2025.notes) == (dt.date(2025, 3, 2), "Xong")


def test_every_error_is_reported_with_file_and_line_and_nothing_is_written(tmp_path):
    bad = """\
    agency_code,plan_year,planned,inspected_on,notes
    000.00.12.H12,,1,2024-09-20,
    000.03.00.H12,,0,,
    000.00.12.H12,2024,1,2024-09-21,
    000.00.12.H12,2024,1,,
    000.03.00.H12,,0,2024-10-22,
    000.03.00.H12,2024,0,2024-10-22,
    XYZ,24,2,2024-13-01,
    ,2024,1,,
    """
    errors = errors_of(package(tmp_path / "p", agencies=AGENCIES, inspections=bad))

    key = "agency_code, planned, plan_year, inspected_on"
    assert errors == [
        "inspections.csv:2: plan_year: bắt buộc với kiểm tra theo kế hoạch / required for"
        " planned inspections",
        "inspections.csv:3: inspected_on: bắt buộc với kiểm tra đột xuất / required for"
        " surprise inspections",
        f"inspections.csv:5: {key}: trùng với dòng 4 / duplicate of line 4",
        f"inspections.csv:7: {key}: trùng với dòng 6 / duplicate of line 6",
        'inspections.csv:8: plan_year: năm không hợp lệ "24" (4 chữ số) / invalid year "24"'
        " (4 digits)",
        'inspections.csv:8: planned: giá trị đúng/sai không hợp lệ "2" (phải là 0/1, true/false,'
        ' có/không) / invalid boolean "2" (expected 0/1, true/false, có/không)',
        'inspections.csv:8: inspected_on: ngày không tồn tại "2024-13-01" / no such date'
        ' "2024-13-01"',
        'inspections.csv:8: agency_code: không tìm thấy "XYZ" trong agencies.csv hay trong cơ'
        ' sở dữ liệu / "XYZ" not found in agencies.csv or in the database',
        "inspections.csv:9: agency_code: bắt buộc phải có giá trị / a value is required",
    ]
    assert not Inspection.objects.exists() and not Agency.objects.exists()


def test_live_inspection_may_appear_only_unchanged(tmp_path):
    package_import(path=package(tmp_path / "a", agencies=AGENCIES))
    live = inspection_record(
        agency=Agency.objects.get(code="000.00.12.H12"), planned=True, plan_year=2024
    )
    header = "agency_code,plan_year,planned,inspected_on,notes\n"

    same = header + "000.00.12.H12,2024,1,,\n"
    counts = package_import(path=package(tmp_path / "b", inspections=same)).files["inspections.csv"]
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 1)

    changed = header + "000.00.12.H12,2024,1,2024-09-20,\n"
    [error] = errors_of(package(tmp_path / "c", inspections=changed))
    assert error.startswith("inspections.csv:2: agency_code: trùng một cuộc kiểm tra ghi nhận")
    live.refresh_from_db()
    assert live.inspected_on is None and not live.imported


def test_export_then_import_gives_back_the_same_inspections(tmp_path):
    package_import(path=package(tmp_path / "p", agencies=AGENCIES, inspections=INSPECTIONS))

    result = exporter.package_export(path=tmp_path / "out")

    assert result.files["inspections.csv"] == 4
    assert (tmp_path / "out" / "inspections.csv").read_text(encoding="utf-8").splitlines() == [
        "agency_code,plan_year,planned,inspected_on,notes",
        "000.00.12.H12,2024,1,2024-09-20,Thông báo số 95/TB-VP",
        "000.00.12.H12,2025,1,,",
        '000.03.00.H12,,0,2024-10-22,"Đột xuất, có biên bản"',
        "000.03.00.H12,2024,0,2024-11-05,",
    ]
    before = rows()
    again = package_import(path=tmp_path / "out").files["inspections.csv"]
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert rows() == before
