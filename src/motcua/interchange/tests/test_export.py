import csv
import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from motcua.agencies.models import Agency, Province
from motcua.dossiers.models import Dossier, SupplementRequest
from motcua.interchange.exporter import ExportRefused, package_export
from motcua.interchange.importer import package_import
from motcua.interchange.tests.packages import VALID, write_package
from motcua.procedures.models import Decision, Procedure, ProcedureVersion, Shortening

pytestmark = pytest.mark.django_db

FILES = [
    "settings.csv",
    "agencies.csv",
    "decisions.csv",
    "procedures.csv",
    "components.csv",
    "shortenings.csv",
    "users.csv",
    "dossiers.csv",
    "supplements.csv",
    "feedback.csv",
    "inspections.csv",
]


def records() -> dict[str, list[tuple]]:
    """Every record the package carries, by natural keys (ids differ between databases)."""
    return {
        "province": list(Province.objects.values_list("name", "code", "hourly_cost_vnd")),
        "agencies": list(
            Agency.objects.order_by("code").values_list(
                "code",
                "name",
                "kind",
                "parent__code",
                "is_active",
                "successor__code",
                "deactivated_on",
            )
        ),
        "decisions": list(
            Decision.objects.order_by("number").values_list(
                "number",
                "date",
                "kind",
                "title",
            )
        ),
        "procedures": list(
            Procedure.objects.order_by("code").values_list(
                "code",
                "name",
                "level",
                "field",
                "authority",
                "agency__code",
                "processing_days",
                "day_unit",
                "online_level",
                "national_portal",
                "fee_vnd",
                "status",
                "decision__number",
                "search_text",
            )
        ),
        "shortenings": list(
            Shortening.objects.order_by("procedure__code").values_list(
                "procedure__code",
                "decision__number",
                "days_before",
                "days_after",
                "annual_dossiers",
            )
        ),
    }


def wipe() -> None:
    for model in (SupplementRequest, Dossier, Shortening, ProcedureVersion, Procedure, Decision):
        model.objects.all().delete()
    Agency.objects.update(parent=None, successor=None)
    Agency.objects.all().delete()
    Province.objects.all().delete()


def read(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


@pytest.fixture
def populated(tmp_path):
    package_import(path=write_package(tmp_path / "source", VALID))
    Agency.objects.filter(code="000.01.00.H12").update(
        is_active=False,
        deactivated_on=dt.date(2024, 7, 1),
        successor=Agency.objects.get(code="000.00.13.H12"),
    )
    Decision.objects.filter(number="1970/QĐ-UBND").update(title='Công bố, "mới"\nhai dòng')


def test_export_then_import_into_an_empty_database_gives_the_same_records(tmp_path, populated):
    expected = records()
    result = package_export(path=tmp_path / "out")
    assert list(result.files) == FILES
    assert result.files["procedures.csv"] == 3

    wipe()
    assert records()["procedures"] == []
    package_import(path=tmp_path / "out")

    assert records() == expected
    assert ProcedureVersion.objects.count() == 3


def test_export_then_reimport_into_the_same_database_changes_nothing(tmp_path, populated):
    before = (records(), ProcedureVersion.objects.count())
    package_export(path=tmp_path / "out")
    result = package_import(path=tmp_path / "out")
    assert all(c.created == c.updated == 0 for c in result.files.values())
    assert (records(), ProcedureVersion.objects.count()) == before


def test_exported_files_are_ordered_and_normalised(tmp_path, populated):
    package_export(path=tmp_path / "out")
    procedures = read(tmp_path / "out" / "procedures.csv")
    assert procedures[0] == [
        "code",
        "name",
        "level",
        "field",
        "authority",
        "agency_code",
        "processing_days",
        "day_unit",
        "online_level",
        "national_portal",
        "fee_vnd",
        "status",
        "decision_number",
        "steps",
        "submission_methods",
        "requirements",
        "legal_basis",
        "result",
        "payment_pauses_clock",
    ]
    assert [row[0] for row in procedures[1:]] == sorted(row[0] for row in procedures[1:])
    assert [row[6] for row in procedures[1:]] == ["10", "30", "0.5"]
    assert procedures[1][9:11] == ["1", "200000"]
    assert [row[-1] for row in procedures[1:]] == ["0", "0", "0"]
    agencies = read(tmp_path / "out" / "agencies.csv")
    assert agencies[-1] == [
        "000.01.00.H12",
        "UBND thành phố Phan Thiết",
        "district",
        "000.00.00.H12",
        "0",
        "000.00.13.H12",
        "2024-07-01",
    ]
    assert read(tmp_path / "out" / "settings.csv") == [
        ["key", "value"],
        ["province_name", "Bình Thuận"],
        ["province_code", "H12"],
        ["hourly_cost_vnd", "25000"],
    ]
    shortenings = read(tmp_path / "out" / "shortenings.csv")
    assert shortenings[1] == ["1.001612.000.00.00.H12", "25/2024/QĐ-UBND", "10", "7", "1200"]
    # Two exports of the same data are byte for byte the same.
    package_export(path=tmp_path / "again")
    for name in FILES:
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "again" / name).read_bytes()


def test_export_of_an_empty_database_writes_headers_only(tmp_path):
    result = package_export(path=tmp_path / "out")
    assert result.files == dict.fromkeys(FILES, 0)
    assert read(tmp_path / "out" / "decisions.csv") == [["number", "date", "kind", "title"]]
    assert package_import(path=tmp_path / "out").files["decisions.csv"].total == 0


def test_export_refuses_a_non_empty_folder_unless_forced(tmp_path, populated):
    target = tmp_path / "out"
    target.mkdir()
    (target / "notes.txt").write_text("giữ lại")
    with pytest.raises(ExportRefused, match="--force"):
        package_export(path=target)
    with pytest.raises(CommandError, match="không rỗng"):
        call_command("export", str(target))
    assert not (target / "procedures.csv").exists()

    stdout = StringIO()
    call_command("export", str(target), "--force", stdout=stdout)
    assert "procedures.csv: 3 dòng / rows" in stdout.getvalue()
    assert (target / "notes.txt").read_text() == "giữ lại"
    assert len(read(target / "procedures.csv")) == 4


def test_export_to_zip_and_import_it(tmp_path, populated):
    expected = records()
    package_export(path=tmp_path / "package.zip")
    with pytest.raises(ExportRefused):
        package_export(path=tmp_path / "package.zip")
    wipe()
    package_import(path=tmp_path / "package.zip")
    assert records() == expected


def test_processing_days_keep_their_half_days(tmp_path):
    package_import(
        path=write_package(
            tmp_path / "pkg",
            {
                "procedures.csv": (
                    "code,name,level,authority,processing_days\n1,A,commune,local,15.0\n"
                    "2,B,commune,local,0.5\n3,C,commune,local,\n4,D,commune,local,100\n"
                )
            },
        )
    )
    package_export(path=tmp_path / "out")
    assert [row[6] for row in read(tmp_path / "out" / "procedures.csv")[1:]] == [
        "15",
        "0.5",
        "",
        "100",
    ]
    assert Procedure.objects.get(code="2").processing_days == Decimal("0.5")
