import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from motcua.agencies.models import Agency, Province
from motcua.audit.models import AuditEntry
from motcua.interchange.handlers import REGISTRY
from motcua.interchange.importer import PackageInvalid, package_import
from motcua.interchange.tests.packages import VALID, write_package, zip_package
from motcua.procedures.models import Decision, Procedure, ProcedureVersion, Shortening
from motcua.procedures.services import procedure_save

pytestmark = pytest.mark.django_db


def import_errors(path) -> list[str]:
    with pytest.raises(PackageInvalid) as error:
        package_import(path=path)
    return error.value.errors


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Province,
            Agency,
            Decision,
            Procedure,
            ProcedureVersion,
            Shortening,
            AuditEntry,
        )
    }


def test_valid_package_imports(tmp_path):
    result = package_import(path=write_package(tmp_path / "pkg", VALID))

    assert {name: c.created for name, c in result.files.items()} == {
        "settings.csv": 3,
        "agencies.csv": 4,
        "decisions.csv": 2,
        "procedures.csv": 3,
        "shortenings.csv": 1,
    }
    assert list(result.files) == [
        "settings.csv",
        "agencies.csv",
        "decisions.csv",
        "procedures.csv",
        "shortenings.csv",
    ]
    province = Province.get()
    assert (province.name, province.code, province.hourly_cost_vnd) == ("Bình Thuận", "H12", 25000)
    justice = Agency.objects.get(code="000.00.12.H12")
    assert justice.parent.code == "000.00.00.H12"
    assert justice.kind == "department" and justice.is_active

    lltp = Procedure.objects.get(code="1.001612.000.00.00.H12")
    assert lltp.agency == justice
    assert lltp.decision.number == "1970/QĐ-UBND"
    assert (lltp.level, lltp.field, lltp.authority) == ("province", "Lý lịch tư pháp", "central")
    assert (lltp.processing_days, lltp.day_unit, lltp.online_level) == (10, "working", "full")
    assert lltp.national_portal is True and lltp.fee_vnd == 200000 and lltp.status == "active"
    assert "cap phieu ly lich tu phap" in lltp.search_text
    # Empty cells take the format's defaults.
    land = Procedure.objects.get(code="1.004227.000.00.00.H12")
    assert land.agency is None and land.decision is None
    assert (land.day_unit, land.fee_vnd, land.status, land.national_portal) == (
        "working",
        0,
        "active",
        False,
    )
    copy = Procedure.objects.get(code="2.000001.000.00.00.H12")
    assert copy.processing_days == Decimal("0.5") and copy.day_unit == "calendar"
    assert copy.online_level == "none" and copy.status == "abolished"

    version = lltp.versions.get()
    assert version.number == 1 and version.processing_days == 10 and version.fee_vnd == 200000
    assert version.decision == lltp.decision
    assert ProcedureVersion.objects.count() == 3
    entry = AuditEntry.objects.get(action="procedure.create", target_id=str(lltp.pk))
    assert (entry.actor_label, entry.data) == ("import", {"code": lltp.code, "version": 1})
    assert AuditEntry.objects.filter(action="procedure.create").count() == 3

    shortening = Shortening.objects.get()
    assert shortening.procedure == lltp and shortening.decision.number == "25/2024/QĐ-UBND"
    assert (shortening.days_before, shortening.days_after, shortening.annual_dossiers) == (
        10,
        7,
        1200,
    )


def test_imported_procedure_saved_again_unchanged_makes_no_version(tmp_path):
    """The bulk path leaves the same snapshot procedure_save would, so nothing looks amended."""
    package_import(path=write_package(tmp_path / "pkg", VALID))
    for procedure in Procedure.objects.all():
        values = {
            "name": procedure.name,
            "processing_days": procedure.processing_days,
            "agency_id": procedure.agency_id,
            "decision_id": procedure.decision_id,
        }
        _saved, changed = procedure_save(code=procedure.code, values=values)
        assert changed is False
    assert ProcedureVersion.objects.count() == 3


BROKEN = {
    "agencies.csv": """\
        code,name,kind,parent_code
        000.00.00.H12,UBND tỉnh,province,
        000.00.12.H12,Sở Tư pháp,department,000.00.00.H12
        000.00.12.H12,Sở Tư pháp (lặp),department,000.00.00.H12
        000.00.14.H12,Sở Xây dựng,department,000.00.99.H12
        """,
    "decisions.csv": """\
        number,date,kind,title
        1970/QĐ-UBND,2024-05-02,publication,
        12/QĐ-UBND,2024-02-30,publication,Ngày sai
        """,
    "procedures.csv": """\
        code,name,level,authority,agency_code,decision_number
        1.001,Thủ tục đúng,province,central,000.00.12.H12,1970/QĐ-UBND
        1.002,Cấp sai,tinh,central,,
        1.003,Cơ quan lạ,province,local,000.00.77.H12,
        1.004,Quyết định lạ,commune,local,,999/QĐ-UBND
        1.001,Mã lặp,commune,local,,
        1.005,Thiếu cơ quan,province,central,,
        """,
    "shortenings.csv": """\
        procedure_code,decision_number,days_before,days_after,annual_dossiers
        1.001,1970/QĐ-UBND,10,7,100
        9.999,1970/QĐ-UBND,10,7,100
        1.001,1970/QĐ-UBND,10,12,100
        """,
}


def test_broken_package_lists_every_error_and_writes_nothing(tmp_path):
    Agency.objects.create(code="OLD", name="Cơ quan cũ", kind="other")
    before = counts()

    errors = import_errors(write_package(tmp_path / "pkg", BROKEN))

    assert errors == [
        "agencies.csv:4: code: trùng với dòng 3 / duplicate of line 3",
        'agencies.csv:5: parent_code: không tìm thấy "000.00.99.H12" trong agencies.csv hay '
        'trong cơ sở dữ liệu / "000.00.99.H12" not found in agencies.csv or in the database',
        'decisions.csv:3: date: ngày không tồn tại "2024-02-30" / no such date "2024-02-30"',
        'procedures.csv:3: level: giá trị không hợp lệ "tinh" (phải là province, district, '
        'commune) / invalid value "tinh" (expected province, district, commune)',
        'procedures.csv:4: agency_code: không tìm thấy "000.00.77.H12" trong agencies.csv hay '
        'trong cơ sở dữ liệu / "000.00.77.H12" not found in agencies.csv or in the database',
        'procedures.csv:5: decision_number: không tìm thấy "999/QĐ-UBND" trong decisions.csv '
        'hay trong cơ sở dữ liệu / "999/QĐ-UBND" not found in decisions.csv or in the database',
        "procedures.csv:6: code: trùng với dòng 2 / duplicate of line 2",
        "procedures.csv:7: agency_code: bắt buộc với thủ tục cấp tỉnh / "
        "required for province-level procedures",
        'shortenings.csv:3: procedure_code: không tìm thấy "9.999" trong procedures.csv hay '
        'trong cơ sở dữ liệu / "9.999" not found in procedures.csv or in the database',
        "shortenings.csv:4: days_after: phải nhỏ hơn days_before (10) / "
        "must be smaller than days_before (10)",
        "shortenings.csv:4: procedure_code, decision_number: trùng với dòng 2 / "
        "duplicate of line 2",
    ]
    assert counts() == before
    old = Agency.objects.get(code="OLD")
    assert (old.name, old.kind, old.parent) == ("Cơ quan cũ", "other", None)


def test_command_exits_non_zero_and_prints_every_error(tmp_path):
    stderr = StringIO()
    with pytest.raises(CommandError, match="11 lỗi"):
        call_command("import", str(write_package(tmp_path / "pkg", BROKEN)), stderr=stderr)
    lines = stderr.getvalue().splitlines()
    assert len(lines) == 11
    assert lines[0].startswith("agencies.csv:4: code:")
    assert Procedure.objects.count() == 0


def test_command_prints_a_summary(tmp_path):
    stdout = StringIO()
    call_command("import", str(write_package(tmp_path / "pkg", VALID)), stdout=stdout)
    assert "procedures.csv: tạo mới 3, cập nhật 0, không đổi 0 / created 3" in stdout.getvalue()


def test_references_resolve_against_the_database(tmp_path):
    package_import(path=write_package(tmp_path / "first", VALID))
    result = package_import(
        path=write_package(
            tmp_path / "second",
            {
                "procedures.csv": """\
        code,name,level,authority,agency_code,decision_number
        1.009,Thủ tục mới,province,local,000.00.13.H12,1970/QĐ-UBND
        """
            },
        )
    )
    assert result.files["procedures.csv"].created == 1
    assert Procedure.objects.get(code="1.009").agency.code == "000.00.13.H12"


def test_unknown_file_name_and_unknown_column_are_errors(tmp_path):
    errors = import_errors(
        write_package(
            tmp_path / "pkg",
            {
                "agency.csv": "code,name,kind\n",
                "decisions.csv": "number,date,kind,titel\n1/QĐ,2024-01-02,other,x\n",
                "procedures.csv": "code,name,level\n1.001,X,commune\n",
            },
        )
    )
    assert errors[0].startswith("agency.csv: tên tệp không thuộc định dạng gói dữ liệu")
    assert "/ file name not part of the package format" in errors[0]
    assert errors[1].startswith("decisions.csv:1: titel: cột không xác định")
    assert errors[2] == (
        "procedures.csv:1: authority: thiếu cột bắt buộc / required column missing"
    )
    assert len(errors) == 3
    assert Decision.objects.count() == 0


def test_second_import_changes_nothing(tmp_path):
    package = write_package(tmp_path / "pkg", VALID)
    package_import(path=package)
    stamps = dict(Procedure.objects.values_list("code", "updated_at"))
    before = counts()

    result = package_import(path=package)

    assert all(c.created == c.updated == 0 for c in result.files.values())
    assert result.files["procedures.csv"].unchanged == 3
    assert result.files["agencies.csv"].unchanged == 4
    assert result.files["settings.csv"].unchanged == 3
    assert counts() == before
    assert dict(Procedure.objects.values_list("code", "updated_at")) == stamps


def test_changed_rows_update_records_and_add_a_procedure_version(tmp_path):
    package_import(path=write_package(tmp_path / "v1", VALID))
    files = {
        **VALID,
        "procedures.csv": VALID["procedures.csv"].replace(
            "central,000.00.12.H12,10,working", "central,000.00.13.H12,7,working"
        ),
        "decisions.csv": VALID["decisions.csv"].replace("Công bố danh mục TTHC", "Công bố mới"),
        "agencies.csv": VALID["agencies.csv"].replace(
            "000.00.13.H12,Sở Tài nguyên và Môi trường,department,000.00.00.H12",
            "000.00.13.H12,Sở Nông nghiệp và Môi trường,department,000.00.12.H12",
        ),
        "settings.csv": VALID["settings.csv"].replace("25000", "30000"),
    }
    result = package_import(path=write_package(tmp_path / "v2", files))

    assert (result.files["procedures.csv"].updated, result.files["procedures.csv"].unchanged) == (
        1,
        2,
    )
    assert result.files["decisions.csv"].updated == 1
    assert result.files["agencies.csv"].updated == 1
    assert result.files["settings.csv"].updated == 1
    procedure = Procedure.objects.get(code="1.001612.000.00.00.H12")
    assert procedure.processing_days == 7 and procedure.version == 2
    assert procedure.agency.code == "000.00.13.H12"
    assert list(procedure.versions.values_list("number", "processing_days")) == [
        (2, Decimal("7.0")),
        (1, Decimal("10.0")),
    ]
    assert ProcedureVersion.objects.count() == 4
    assert Decision.objects.get(number="1970/QĐ-UBND").title == "Công bố mới"
    agency = Agency.objects.get(code="000.00.13.H12")
    assert agency.name == "Sở Nông nghiệp và Môi trường" and agency.parent.code == "000.00.12.H12"
    assert Province.get().hourly_cost_vnd == 30000


def test_bom_and_quoted_fields(tmp_path):
    agencies = (
        "\ufeffcode,name,kind,parent_code\r\n"
        '000.00.00.H12,"UBND tỉnh, Bình Thuận",province,\r\n'
        '000.00.12.H12,"Sở ""Tư pháp""\r\ndòng hai",department,000.00.00.H12\r\n'
        "000.00.13.H12,Sở TN&MT,department,\r\n"
    ).encode()
    decisions = 'number,date,kind,title\n"1/QĐ",2024-01-02,other,"a, b\nc"\n2/QĐ,bad,other,\n'
    errors = import_errors(
        write_package(
            tmp_path / "bad",
            {
                "agencies.csv": agencies,
                "decisions.csv": decisions,
            },
        )
    )
    # Lines are physical lines: the quoted newline makes record 2 of decisions.csv start on 4.
    assert errors == [
        'decisions.csv:4: date: ngày không đúng định dạng YYYY-MM-DD "bad" / '
        'invalid date format "bad" (expected YYYY-MM-DD)'
    ]

    package_import(
        path=write_package(
            tmp_path / "good",
            {
                "agencies.csv": agencies,
                "decisions.csv": decisions.replace("bad", "2024-01-03"),
            },
        )
    )
    assert Agency.objects.get(code="000.00.00.H12").name == "UBND tỉnh, Bình Thuận"
    assert Agency.objects.get(code="000.00.12.H12").name == 'Sở "Tư pháp"\r\ndòng hai'
    assert Decision.objects.get(number="1/QĐ").title == "a, b\nc"


def test_line_numbers_after_multiline_records(tmp_path):
    errors = import_errors(
        write_package(
            tmp_path / "pkg",
            {
                "decisions.csv": (
                    'number,date,kind,title\n1/QĐ,2024-01-02,other,"x\ny\nz"\n2/QĐ,2024-01-02,rule,\n'
                )
            },
        )
    )
    assert errors[0].startswith("decisions.csv:5: kind:")


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("1", True),
        ("0", False),
        ("true", True),
        ("FALSE", False),
        ("có", True),
        ("Có", True),
        ("không", False),
        ("KHÔNG", False),
        ("", False),
    ],
)
def test_boolean_spellings(tmp_path, spelling, expected):
    package_import(
        path=write_package(
            tmp_path / "pkg",
            {
                "procedures.csv": (
                    f"code,name,level,authority,national_portal\n1.001,X,commune,local,{spelling}\n"
                )
            },
        )
    )
    assert Procedure.objects.get().national_portal is expected


def test_bad_boolean_is_an_error(tmp_path):
    errors = import_errors(
        write_package(
            tmp_path / "pkg", {"agencies.csv": ("code,name,kind,is_active\nA,An,other,yes\n")}
        )
    )
    assert errors[0].startswith('agencies.csv:2: is_active: giá trị đúng/sai không hợp lệ "yes"')


@pytest.mark.parametrize("inside", [None, "goi-du-lieu"])
def test_zip_package(tmp_path, inside):
    folder = write_package(tmp_path / "pkg", VALID)
    archive = zip_package(folder, tmp_path / "pkg.zip", inside=inside)
    result = package_import(path=archive)
    assert result.files["procedures.csv"].created == 3
    assert Shortening.objects.count() == 1


def test_zip_with_errors_reports_them(tmp_path):
    folder = write_package(tmp_path / "pkg", {"decisions.csv": "number,date,kind\n1,x,other\n"})
    errors = import_errors(zip_package(folder, tmp_path / "pkg.zip"))
    assert errors[0].startswith("decisions.csv:2: date:")


def test_invalid_utf8_is_reported_with_its_line(tmp_path):
    data = "number,date,kind,title\n1/QĐ,2024-01-02,other,ok\n".encode()
    data += b"2/Q\xc4,2024-01-02,other,latin\n3/QD,2024-01-02,other,\xff\n"
    errors = import_errors(write_package(tmp_path / "pkg", {"decisions.csv": data}))
    assert errors == [
        "decisions.csv:3: không phải UTF-8 hợp lệ (byte 4 của dòng) / "
        "invalid UTF-8 (byte 4 of the line)",
        "decisions.csv:4: không phải UTF-8 hợp lệ (byte 23 của dòng) / "
        "invalid UTF-8 (byte 23 of the line)",
    ]


def test_header_only_files_are_fine_and_empty_files_are_not(tmp_path):
    result = package_import(
        path=write_package(
            tmp_path / "ok",
            {
                "agencies.csv": "code,name,kind,parent_code\n",
                "shortenings.csv": (
                    "procedure_code,decision_number,days_before,days_after,annual_dossiers\n"
                ),
            },
        )
    )
    assert result.files["agencies.csv"].total == 0
    errors = import_errors(write_package(tmp_path / "empty", {"agencies.csv": ""}))
    assert errors == ["agencies.csv: tệp rỗng, thiếu dòng tiêu đề / empty file, no header row"]


def test_rows_with_the_wrong_number_of_cells(tmp_path):
    errors = import_errors(
        write_package(
            tmp_path / "pkg",
            {
                "decisions.csv": (
                    "number,date,kind\n1/QĐ,2024-01-02,other,extra\n2/QĐ,2024-01-02\n\n3/QĐ,2024-01-02,other\n"
                )
            },
        )
    )
    assert errors == [
        "decisions.csv:2: dòng có 4 ô, tiêu đề có 3 / row has 4 cells, header has 3",
        "decisions.csv:3: dòng có 2 ô, tiêu đề có 3 / row has 2 cells, header has 3",
        "decisions.csv:3: kind: bắt buộc phải có giá trị / a value is required",
    ]


def test_required_cells_and_settings_keys(tmp_path):
    errors = import_errors(
        write_package(
            tmp_path / "pkg",
            {
                "settings.csv": "key,value\nprovince_nam,X\nhourly_cost_vnd,1.000\n",
                "agencies.csv": "code,name,kind\n,Không mã,other\n",
            },
        )
    )
    assert errors[0].startswith('settings.csv:2: key: giá trị không hợp lệ "province_nam"')
    assert errors[1].startswith('settings.csv:3: value: số nguyên không âm không hợp lệ "1.000"')
    assert errors[2] == "agencies.csv:2: code: bắt buộc phải có giá trị / a value is required"


def test_agency_tree_successor_and_cycles(tmp_path):
    # A child before its parent, and a successor, resolve inside the file.
    package_import(
        path=write_package(
            tmp_path / "ok",
            {
                "agencies.csv": """\
        code,name,kind,parent_code,is_active,successor_code,deactivated_on
        B,Sở B,department,A,0,C,2024-07-01
        A,UBND tỉnh,province,,1,,
        C,Sở C,department,A,,,
        """
            },
        )
    )
    b = Agency.objects.get(code="B")
    assert (b.parent.code, b.is_active, b.successor.code, b.deactivated_on) == (
        "A",
        False,
        "C",
        dt.date(2024, 7, 1),
    )
    assert Agency.objects.get(code="C").is_active is True

    errors = import_errors(
        write_package(
            tmp_path / "cycle",
            {
                "agencies.csv": """\
        code,name,kind,parent_code,successor_code
        A,UBND tỉnh,province,B,
        X,Tự trực thuộc,other,X,X
        """
            },
        )
    )
    assert errors == [
        "agencies.csv:2: parent_code: quan hệ trực thuộc khép vòng: A → B → A / "
        "parent chain is a cycle: A → B → A",
        "agencies.csv:3: parent_code: không thể là chính đơn vị này / cannot be the agency itself",
        "agencies.csv:3: successor_code: không thể là chính đơn vị này / "
        "cannot be the agency itself",
    ]


def test_cell_too_long_for_the_database(tmp_path):
    errors = import_errors(
        write_package(
            tmp_path / "pkg",
            {"decisions.csv": (f"number,date,kind\n{'9' * 65},2024-01-02,other\n")},
        )
    )
    assert errors == [
        "decisions.csv:2: number: dài 65 ký tự, tối đa 64 / 65 characters long, at most 64"
    ]


def test_missing_path_is_an_error(tmp_path):
    assert import_errors(tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}: không tồn tại / does not exist"
    ]


def test_amended_procedures_agree_with_procedure_save(tmp_path):
    package_import(path=write_package(tmp_path / "v1", VALID))
    stamp = Procedure.objects.get(code="1.004227.000.00.00.H12").updated_at
    files = {**VALID, "procedures.csv": VALID["procedures.csv"].replace("Đất đai", "Đất đai mới")}
    result = package_import(path=write_package(tmp_path / "v2", files))
    assert result.files["procedures.csv"].updated == 1

    land = Procedure.objects.get(code="1.004227.000.00.00.H12")
    assert (land.field, land.version, land.updated_at > stamp) == ("Đất đai mới", 2, True)
    assert "dat dai moi" in land.search_text
    assert land.versions.get(number=2).snapshot["field"] == "Đất đai mới"
    entry = AuditEntry.objects.get(action="procedure.amend")
    assert (entry.target_id, entry.actor_label, entry.data["version"]) == (
        str(land.pk),
        "import",
        2,
    )
    # Saving the same values through the service finds nothing to amend.
    _saved, changed = procedure_save(code=land.code, values={"field": "Đất đai mới"})
    assert changed is False
    _saved, changed = procedure_save(code=land.code, values={"field": "Đất đai"})
    assert changed is True and land.versions.count() == 3


def test_large_catalog_spans_several_batches(tmp_path):
    rows = "".join(f"1.{i:06d},Thủ tục {i},commune,local,{i % 30}\n" for i in range(1200))
    package = write_package(
        tmp_path / "pkg",
        {"procedures.csv": "code,name,level,authority,processing_days\n" + rows},
    )
    assert package_import(path=package).files["procedures.csv"].created == 1200
    assert ProcedureVersion.objects.count() == 1200
    changed = rows.replace("Thủ tục 1", "Thủ tục một")  # 1, 10-19, 100-199, 1000-1199
    package = write_package(
        tmp_path / "v2",
        {"procedures.csv": "code,name,level,authority,processing_days\n" + changed},
    )
    counts_ = package_import(path=package).files["procedures.csv"]
    assert (counts_.created, counts_.updated, counts_.unchanged) == (0, 311, 889)
    assert ProcedureVersion.objects.count() == 1511


def test_progress_bars_go_to_stderr(tmp_path, capsys):
    package_import(path=write_package(tmp_path / "pkg", VALID), progress=True)
    err = capsys.readouterr().err
    assert "procedures.csv (kiểm tra / validate)" in err
    assert "procedures.csv (ghi / write)" in err


def test_registry_lists_files_after_the_files_they_refer_to():
    order = list(REGISTRY)
    for position, (name, handler) in enumerate(REGISTRY.items()):
        for column in handler.columns:
            if column.ref:
                assert column.ref in order[: position + 1], (name, column.name)


@pytest.mark.django_db
def test_an_import_that_changes_something_is_audited_once(tmp_path):
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "agencies.csv").write_text(
        "code,name,kind,parent_code\n000.00.00.H12,UBND tỉnh,province,\n", encoding="utf-8"
    )
    package_import(path=folder)
    package_import(path=folder)
    entry = AuditEntry.objects.get(action="package.import")
    assert entry.data["agencies.csv"]["created"] == 1
