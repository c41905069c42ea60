"""The synthetic province generator: format, integrity, determinism and the seed report's 2024
catalog figures (statistics.md §4–§6), recomputed here from the CSV files alone."""

import csv
import datetime as dt
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from motcua.demo.generator import GeneratorError, generate_package

# interchange.md, column for column.
COLUMNS = {
    "settings.csv": {"key", "value"},
    "agencies.csv": {"code", "name", "kind", "parent_code"},
    "procedures.csv": {
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
        "payment_pauses_clock",
        "fee_vnd",
        "status",
        "decision_number",
        "steps",
        "submission_methods",
        "requirements",
        "legal_basis",
        "result",
    },
    "components.csv": {
        "procedure_code",
        "order",
        "name",
        "originals",
        "copies",
        "required",
        "form_name",
    },
    "users.csv": {"username", "full_name", "title", "agency_code", "role", "email", "is_active"},
    "decisions.csv": {"number", "date", "kind", "title"},
    "shortenings.csv": {
        "procedure_code",
        "decision_number",
        "days_before",
        "days_after",
        "annual_dossiers",
    },
    # The dossier history has its own tests (test_history.py).
    "dossiers.csv": {
        "code",
        "procedure_code",
        "agency_code",
        "channel",
        "received_at",
        "due_at",
        "ended_at",
        "outcome",
        "returned_at",
        "components_digitized",
        "result_digitized",
        "reused_data",
        "paid_online",
    },
    "supplements.csv": {"dossier_code", "requested_at", "received_at"},
    "feedback.csv": {
        "code",
        "received_at",
        "kind",
        "agency_code",
        "subject",
        "processed_at",
        "published_at",
    },
    "inspections.csv": {"agency_code", "plan_year", "planned", "inspected_on", "notes"},
}
# The catalog does not depend on the scale; a small one keeps the dossier history quick.
SMALL = 0.001
PERIOD = (dt.date(2023, 12, 15), dt.date(2024, 12, 14))  # year 2024, statistics.md §1
TRUE = {"1", "true", "có"}


def read(folder: Path, name: str) -> list[dict[str, str]]:
    """A package file as dicts, the way an importer reads it (BOM tolerated)."""
    with (folder / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def millions(amount: Decimal) -> int:
    """Half up to the nearest million VND (statistics.md §6, §9)."""
    return int((amount / 1_000_000).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * 1_000_000


def in_period(date: str) -> bool:
    return PERIOD[0] <= dt.date.fromisoformat(date) <= PERIOD[1]


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("package") / "binh-thuan"
    generate_package(folder, seed=1, scale=SMALL)
    return folder


@pytest.fixture(scope="module")
def tables(package) -> dict[str, list[dict[str, str]]]:
    return {name: read(package, name) for name in COLUMNS}


@pytest.fixture(scope="module")
def active(tables) -> list[dict[str, str]]:
    return [p for p in tables["procedures.csv"] if p["status"] in ("", "active")]


# --- format and integrity -------------------------------------------------------------------


def test_files_have_exactly_the_interchange_columns(package):
    assert {p.name for p in package.iterdir()} == set(COLUMNS)
    for name, columns in COLUMNS.items():
        with (package / name).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert len(header) == len(set(header)) and set(header) == columns, name


def test_files_are_utf8_with_crlf_rows(package):
    raw = (package / "agencies.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.startswith(b"code,name,kind,parent_code\r\n")
    assert "UBND tỉnh Bình Thuận".encode() in raw


def test_settings(tables):
    settings = {row["key"]: row["value"] for row in tables["settings.csv"]}
    assert settings == {
        "province_name": "Bình Thuận",
        "province_code": "H12",
        "hourly_cost_vnd": "25000",
    }


def test_agencies(tables):
    agencies = tables["agencies.csv"]
    kinds = Counter(a["kind"] for a in agencies)
    assert kinds == {"province": 1, "department": 19, "district": 10, "commune": 121}
    by_code = {a["code"]: a for a in agencies}
    assert len(by_code) == len(agencies) == 151
    assert len({a["name"] for a in agencies}) == 151
    parent_kind = {
        "province": None,
        "department": "province",
        "district": "province",
        "commune": "district",
    }
    for a in agencies:
        expected = parent_kind[a["kind"]]
        if expected is None:
            assert a["parent_code"] == "" and a["code"] == "000.00.00.H12"
        else:
            assert by_code[a["parent_code"]]["kind"] == expected, a
    names = {a["name"] for a in agencies}
    assert {
        "Thanh tra tỉnh",
        "Văn phòng UBND tỉnh",
        "Sở Tài nguyên và Môi trường",
        "UBND thành phố Phan Thiết",
        "UBND huyện Phú Quý",
    } <= names


def test_codes_are_unique(tables):
    for name, key in (("procedures.csv", "code"), ("decisions.csv", "number")):
        codes = [row[key] for row in tables[name]]
        assert len(codes) == len(set(codes)), name
    pairs = [(s["procedure_code"], s["decision_number"]) for s in tables["shortenings.csv"]]
    assert len(pairs) == len(set(pairs))


def test_references_resolve(tables):
    agencies = {a["code"]: a["kind"] for a in tables["agencies.csv"]}
    decisions = {d["number"]: d for d in tables["decisions.csv"]}
    procedures = {p["code"]: p for p in tables["procedures.csv"]}
    for p in procedures.values():
        if p["level"] == "province":
            assert agencies[p["agency_code"]] == "department", p
        else:
            assert p["agency_code"] == "", p
        assert decisions[p["decision_number"]]["kind"] == "publication", p
    for s in tables["shortenings.csv"]:
        assert s["procedure_code"] in procedures
        assert s["decision_number"] in decisions


def test_values_are_valid(tables):
    for p in tables["procedures.csv"]:
        assert p["level"] in {"province", "district", "commune"}
        assert p["authority"] in {"central", "local"}
        assert p["online_level"] in {"full", "partial", "none"}
        assert p["national_portal"] in {"0", "1"}
        # Land procedures: waiting for fees and taxes pauses the clock.
        assert p["payment_pauses_clock"] == ("1" if p["field"] == "Đất đai" else "0")
        assert p["status"] in {"active", "abolished"}
        assert p["day_unit"] in ({""} if p["processing_days"] == "" else {"working", "calendar"})
        assert int(p["fee_vnd"]) >= 0
        if p["processing_days"]:
            assert 0 < Decimal(p["processing_days"]) <= 45
    for d in tables["decisions.csv"]:
        dt.date.fromisoformat(d["date"])
        assert d["kind"] in {"publication", "regulation", "other"}
    for s in tables["shortenings.csv"]:
        assert 0 < int(s["days_after"]) < int(s["days_before"])
        assert int(s["annual_dossiers"]) > 0


def test_catalog_is_mostly_whole_days_with_some_edges(active):
    days = [p["processing_days"] for p in active]
    whole = [d for d in days if d and Decimal(d) == Decimal(d).to_integral_value()]
    assert len(whole) > 0.9 * len(days)
    assert "" in days  # some procedures have no time limit
    assert any(p["day_unit"] == "calendar" for p in active)


def test_land_use_certificate_procedures_exist(active):
    names = [p for p in active if p["name"].startswith("Cấp giấy chứng nhận quyền sử dụng đất")]
    assert len(names) >= 4
    assert {p["level"] for p in names} == {"province", "district"}


# --- the seed report's 2024 figures ---------------------------------------------------------


def test_catalog_figures(tables, active):
    """§4: 1.970 procedures under local authority, 1.949 central and 21 local."""
    assert len(active) == 1970
    assert Counter(p["authority"] for p in active) == {"central": 1949, "local": 21}
    by_level = Counter(p["level"] for p in active)
    assert sum(by_level.values()) == 1970
    assert by_level["province"] > by_level["district"] > by_level["commune"] > 0
    assert len(tables["procedures.csv"]) - len(active) >= 30  # abolished ones do not count


def test_decisions_in_the_period(tables):
    """§4: 111 publication decisions and 01 legal document, with decisions on both sides of
    each period boundary."""
    dated = Counter((d["kind"], in_period(d["date"])) for d in tables["decisions.csv"])
    assert dated[("publication", True)] == 111
    assert dated[("regulation", True)] == 1
    assert dated[("publication", False)] > 0 and dated[("regulation", False)] > 0
    dates = {d["date"] for d in tables["decisions.csv"] if d["kind"] == "publication"}
    assert {"2023-12-14", "2023-12-15", "2024-12-14", "2024-12-15"} <= dates
    assert any("2024-12-15" <= d <= "2024-12-31" for d in dates)
    assert any(d.startswith("2025-") for d in dates)
    approving = {d["number"]: d for d in tables["decisions.csv"]}["1970/QĐ-UBND"]
    assert approving["date"] == "2024-11-12" and approving["kind"] == "other"
    assert "rút ngắn thời gian giải quyết" in approving["title"]


def test_shortening_figures(tables):
    """§6: 49 procedures shortened (23 province, 19 district, 07 commune), saving about 980
    million VND a year, about 20 million per procedure."""
    settings = {row["key"]: row["value"] for row in tables["settings.csv"]}
    hourly = int(settings["hourly_cost_vnd"])
    dates = {d["number"]: d["date"] for d in tables["decisions.csv"]}
    levels = {p["code"]: p["level"] for p in tables["procedures.csv"]}
    rows = [s for s in tables["shortenings.csv"] if in_period(dates[s["decision_number"]])]
    shortened = {s["procedure_code"] for s in rows}
    assert len(shortened) == 49
    assert Counter(levels[code] for code in shortened) == {
        "province": 23,
        "district": 19,
        "commune": 7,
    }
    assert {s["decision_number"] for s in rows} == {"1970/QĐ-UBND"}
    saving = sum(
        (Decimal(s["days_before"]) - Decimal(s["days_after"]))
        * 8
        * hourly
        * int(s["annual_dossiers"])
        for s in rows
    )
    assert millions(saving) == 980_000_000
    assert millions(saving / len(shortened)) == 20_000_000
    # Shortenings approved outside the period exist and are left out.
    assert len(tables["shortenings.csv"]) > len(rows)


def test_online_service_figures(tables, active):
    """§5: 859 online services (668 full, 191 partial), 740 integrated (86,15%), 17 of 19
    departments, 10/10 districts, 121/121 communes."""
    online = [p for p in active if p["online_level"] in ("full", "partial")]
    assert len(online) == 859
    assert Counter(p["online_level"] for p in online) == {"full": 668, "partial": 191}
    integrated = [p for p in online if p["national_portal"] in TRUE]
    assert len(integrated) == 740
    rate = (Decimal(740 * 100) / 859).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert rate == Decimal("86.15")

    agencies = tables["agencies.csv"]
    departments = {a["code"]: a["name"] for a in agencies if a["kind"] == "department"}
    covered = {p["agency_code"] for p in online} & set(departments)
    assert (len(covered), len(departments)) == (17, 19)
    assert {departments[c] for c in set(departments) - covered} == {
        "Thanh tra tỉnh",
        "Văn phòng UBND tỉnh",
    }
    assert any(p["level"] == "district" for p in online)
    assert any(p["level"] == "commune" for p in online)
    # Abolished procedures that were online must not be counted.
    assert any(
        p["status"] == "abolished" and p["online_level"] != "none" for p in tables["procedures.csv"]
    )


# --- determinism and arguments --------------------------------------------------------------


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes_and_scale_leaves_the_catalog_alone(package, tmp_path):
    generate_package(tmp_path / "again", seed=1, scale=SMALL)
    assert _bytes(tmp_path / "again") == _bytes(package)
    bigger = generate_package(tmp_path / "bigger", seed=1, scale=0.002)
    assert bigger.scale == 0.002 and bigger.seed == 1
    catalog, history = _bytes(tmp_path / "bigger"), _bytes(package)
    for name in ("settings.csv", "agencies.csv", "procedures.csv", "decisions.csv"):
        assert catalog[name] == history[name], name
    assert catalog["shortenings.csv"] == history["shortenings.csv"]
    assert catalog["dossiers.csv"] != history["dossiers.csv"]


@pytest.mark.parametrize("seed", [2, 2024])
def test_other_seed_other_package_same_figures(package, tmp_path, seed):
    other = tmp_path / "other"
    generate_package(other, seed=seed, scale=SMALL)
    assert _bytes(other)["procedures.csv"] != _bytes(package)["procedures.csv"]
    procedures = read(other, "procedures.csv")
    active = [p for p in procedures if p["status"] == "active"]
    assert len(active) == 1970
    assert sum(p["online_level"] != "none" for p in active) == 859


def test_summary_counts_rows(tmp_path):
    summary = generate_package(tmp_path / "p", seed=7, scale=SMALL)
    assert summary.rows["agencies.csv"] == 151
    assert summary.rows["settings.csv"] == 3
    assert summary.rows["procedures.csv"] == len(read(tmp_path / "p", "procedures.csv"))


@pytest.mark.parametrize("scale", [0, -1, float("nan"), float("inf")])
def test_scale_must_be_positive(tmp_path, scale):
    with pytest.raises(GeneratorError, match="Scale must be a positive number"):
        generate_package(tmp_path / "p", scale=scale)
    assert not (tmp_path / "p").exists()


def test_refuses_a_non_empty_folder_unless_forced(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(GeneratorError, match="không trống"):
        generate_package(tmp_path, scale=SMALL)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    generate_package(tmp_path, force=True, scale=SMALL)
    assert (tmp_path / "notes.txt").read_text() == "keep me"
    assert (tmp_path / "procedures.csv").exists()


def test_refuses_a_file_as_folder(tmp_path):
    target = tmp_path / "file.csv"
    target.write_text("x")
    with pytest.raises(GeneratorError, match="is not a folder"):
        generate_package(target, force=True)


def test_an_empty_existing_folder_is_fine(tmp_path):
    generate_package(tmp_path, scale=SMALL)
    assert (tmp_path / "settings.csv").exists()


# --- the command ----------------------------------------------------------------------------


def test_command_writes_the_package_and_prints_a_summary(tmp_path, capsys):
    call_command("generate", str(tmp_path / "pkg"), "--seed", "3", "--scale", "0.005")
    out = capsys.readouterr().out
    assert "Bình Thuận" in out
    assert "agencies.csv" in out and "151" in out
    assert "procedures.csv" in out
    assert "0,005" in out  # the scale, in Vietnamese number format
    assert "dossiers.csv" in out and "supplements.csv" in out
    assert sorted(p.name for p in (tmp_path / "pkg").iterdir()) == sorted(COLUMNS)


def test_command_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "old.csv").write_text("x")
    with pytest.raises(CommandError, match="use --force to overwrite"):
        call_command("generate", str(tmp_path))
    call_command("generate", str(tmp_path), "--force", "--scale", "0.001")
    assert (tmp_path / "shortenings.csv").exists()


def test_command_rejects_a_bad_scale(tmp_path):
    with pytest.raises(CommandError, match="Hệ số quy mô"):
        call_command("generate", str(tmp_path / "p"), "--scale", "0")


# --- catalog content and officers -------------------------------------------------------------


def test_every_procedure_has_content_and_two_to_eight_components(tables):
    components = Counter(c["procedure_code"] for c in tables["components.csv"])
    for p in tables["procedures.csv"]:
        assert all(p[name] for name in ("steps", "submission_methods", "legal_basis", "result"))
        assert p["steps"].startswith("Bước 1:"), p["code"]
        assert 2 <= components[p["code"]] <= 8, p["code"]
    orders: dict[str, list[int]] = {}
    for c in tables["components.csv"]:
        orders.setdefault(c["procedure_code"], []).append(int(c["order"]))
    assert all(o == list(range(1, len(o) + 1)) for o in orders.values())


@pytest.mark.parametrize(
    ("words", "law", "form"),
    [
        ("Đăng ký đất đai, tài sản gắn liền với đất lần đầu", "Luật Đất đai số 31/2024", "04/ĐK"),
        ("Đăng ký khai sinh", "Nghị định số 123/2015/NĐ-CP", "Tờ khai đăng ký khai sinh"),
        ("Chứng thực bản sao", "Nghị định số 23/2015/NĐ-CP", ""),
        ("Cấp giấy phép xây dựng mới", "Luật Xây dựng số 50/2014/QH13", "Mẫu số 01 Phụ lục II"),
        ("Đăng ký thành lập hộ kinh doanh", "Nghị định số 168/2025/NĐ-CP", "Giấy đề nghị"),
        ("Cấp phiếu lý lịch tư pháp", "Luật Lý lịch tư pháp", "Mẫu số 03/2013/TT-LLTP"),
    ],
)
def test_the_most_used_procedures_are_written_from_the_law(tables, words, law, form):
    procedures = [p for p in tables["procedures.csv"] if p["name"].startswith(words)]
    assert procedures, words
    forms = {
        c["procedure_code"]: c["form_name"] for c in tables["components.csv"] if c["order"] == "1"
    }
    for p in procedures:
        assert law in p["legal_basis"], p["name"]
        assert form in forms[p["code"]], p["name"]


def test_officers_for_every_agency(tables):
    users = tables["users.csv"]
    assert len({u["username"] for u in users}) == len(users)
    roles: dict[str, set[str]] = {}
    for u in users:
        assert len(u["full_name"].split()) >= 3 and u["title"] and u["email"] == ""
        roles.setdefault(u["agency_code"], set()).add(u["role"])
    for agency in tables["agencies.csv"]:
        assert "approver" in roles[agency["code"]], agency["name"]
        if agency["kind"] in ("department", "district", "commune"):
            assert {"intake_officer", "handler"} <= roles[agency["code"]], agency["name"]
    by_name = {u["username"]: u for u in users}
    for username in ("motcua", "chuyenvien", "lanhdao", "kiemsoat", "quantri", "bientap"):
        assert username in by_name
    assert by_name["lanhdao"]["title"] == "Phó Giám đốc"
    assert {u["title"] for u in users if u["role"] == "approver"} >= {"Phó Chủ tịch", "Chủ tịch"}
