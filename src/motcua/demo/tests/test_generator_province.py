"""``motcua generate --province-name --province-code``: a package for another province, whose
keys cannot collide with the seed's province in one merged instance; the default unchanged."""

import csv
import hashlib
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from motcua.demo.generator import GeneratorError, generate_package

SMALL = 0.001
# sha256 over "sha256sum <files>" of the default package (seed 1, scale 0,001), recorded with
# the generator before the province options existed: the default output stays byte-identical.
# Update it only when the demo data change on purpose.
DEFAULT_DIGEST = "8a05596280b81804f9253727972737b2ce40fb53c0cd7dc9275c53969d59599d"


def _digest(folder: Path) -> str:
    lines = "".join(
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n"
        for path in sorted(folder.iterdir())
    )
    return hashlib.sha256(lines.encode()).hexdigest()


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def lam_dong(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("lam-dong")
    generate_package(folder, seed=2, scale=SMALL, province_name="Lâm Đồng", province_code="H36")
    return folder


def test_default_is_the_seed_province_byte_for_byte(tmp_path):
    generate_package(tmp_path / "default", seed=1, scale=SMALL)
    generate_package(
        tmp_path / "explicit",
        seed=1,
        scale=SMALL,
        province_name="Bình Thuận",
        province_code="H12",
    )
    assert _digest(tmp_path / "default") == DEFAULT_DIGEST
    assert _digest(tmp_path / "explicit") == DEFAULT_DIGEST


def test_another_province_has_its_name_and_its_own_keys(lam_dong):
    assert _rows(lam_dong, "settings.csv")[:2] == [
        {"key": "province_name", "value": "Lâm Đồng"},
        {"key": "province_code", "value": "H36"},
    ]
    agencies = _rows(lam_dong, "agencies.csv")
    assert agencies[0] == {
        "code": "000.00.00.H36",
        "name": "UBND tỉnh Lâm Đồng",
        "kind": "province",
        "parent_code": "",
    }
    assert all(a["code"].endswith(".H36") for a in agencies)
    assert all(a["name"].endswith("(Lâm Đồng)") for a in agencies if a["kind"] == "commune")
    assert all(p["code"].endswith(".H36") for p in _rows(lam_dong, "procedures.csv"))
    dossiers = _rows(lam_dong, "dossiers.csv")
    assert dossiers and all(".H36-" in d["code"] for d in dossiers)
    decisions = {d["number"] for d in _rows(lam_dong, "decisions.csv")}
    assert all(number.endswith(" (H36)") for number in decisions)
    used = {p["decision_number"] for p in _rows(lam_dong, "procedures.csv")} - {""}
    used |= {s["decision_number"] for s in _rows(lam_dong, "shortenings.csv")}
    assert used <= decisions
    assert all(u["username"].startswith("h36.") for u in _rows(lam_dong, "users.csv"))
    assert all(f["code"].startswith("PAKN-H36-") for f in _rows(lam_dong, "feedback.csv"))
    for path in lam_dong.iterdir():
        assert "Bình Thuận" not in path.read_text(encoding="utf-8"), path.name


def test_same_volume_as_the_seed_province(lam_dong, tmp_path):
    generate_package(tmp_path / "seed2", seed=2, scale=SMALL)
    for name in ("agencies.csv", "procedures.csv", "dossiers.csv", "supplements.csv"):
        assert len(_rows(lam_dong, name)) == len(_rows(tmp_path / "seed2", name)), name


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("Lâm Đồng", "h36", "capital letter and two digits"),
        ("Lâm Đồng", "H12", "Give both the name and the code"),
        ("Bình Thuận", "H36", "Give both the name and the code"),
        (" ", "H36", "must not be empty"),
    ],
)
def test_bad_province_arguments_are_refused(tmp_path, name, code, message):
    with pytest.raises(GeneratorError, match=message):
        generate_package(tmp_path / "p", scale=SMALL, province_name=name, province_code=code)
    assert not (tmp_path / "p").exists()


def test_command_line_options(tmp_path, capsys):
    call_command(
        "generate",
        str(tmp_path / "dn"),
        "--scale",
        "0.001",
        "--province-name",
        "Đắk Nông",
        "--province-code",
        "H17",
    )
    assert "Gói dữ liệu tỉnh Đắk Nông" in capsys.readouterr().out
    with pytest.raises(CommandError, match="capital letter"):
        call_command("generate", str(tmp_path / "x"), "--province-code", "17")
