"""``generate_package``: a synthetic province data package (interchange.md), deterministic for
a seed. The catalog reproduces the seed report's 2024 figures (statistics.md §4–§6) exactly, and
so does the dossier history (§2, §7) at scale 1.0."""

import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path

from motcua.demo.generator import targets
from motcua.demo.generator.catalog import (
    assign_online_services,
    build_procedures,
    publication_topics,
)
from motcua.demo.generator.content import write_content
from motcua.demo.generator.data.places import PROVINCE_CODE, PROVINCE_NAME
from motcua.demo.generator.decisions import build_decisions
from motcua.demo.generator.files import PACKAGE_FILES, write_csv
from motcua.demo.generator.history import FiguresError, scaled_figures
from motcua.demo.generator.model import ProvinceData
from motcua.demo.generator.officers import build_officers
from motcua.demo.generator.organisation import build_agencies, department_codes
from motcua.demo.generator.province import rehome
from motcua.demo.generator.rng import stream as _rng
from motcua.demo.generator.shortening import build_shortenings


class GeneratorError(ValueError):
    """Unusable arguments; the message is bilingual."""


@dataclass(frozen=True)
class GenerationSummary:
    path: Path
    seed: int
    scale: float
    province: str
    rows: dict[str, int]  # file name → data rows (without the header)


def build_province(
    *,
    seed: int,
    scale: float,
    settle_until: dt.date | None = None,
    province_name: str = PROVINCE_NAME,
    province_code: str = PROVINCE_CODE,
) -> ProvinceData:
    """The province in memory; ``scale`` is carried for the builders of dossier volume,
    ``settle_until`` for the end of the history. Another province than the seed's gets the
    same organisation and volume under its own name and code (province.py)."""
    data = ProvinceData(
        seed=seed,
        scale=scale,
        settle_until=settle_until,
        name=province_name,
        code=province_code,
        hourly_cost_vnd=targets.HOURLY_COST_VND,
    )
    data.agencies = build_agencies(province_code)
    departments = department_codes(province_code)
    topics, weights = publication_topics()
    data.decisions = build_decisions(_rng(seed, "decisions"), topics, weights)
    data.procedures = build_procedures(
        _rng(seed, "procedures"),
        province_code=province_code,
        department_codes=departments,
        decisions=data.decisions,
    )
    assign_online_services(_rng(seed, "online"), data.procedures, departments)
    data.shortenings = build_shortenings(_rng(seed, "shortenings"), data.procedures, data.decisions)
    # Texts and officers last, from their own stream: the figures above stay as they were.
    write_content(data.procedures)
    data.officers = build_officers(_rng(seed, "officers"), data.agencies)
    if (province_name, province_code) != (PROVINCE_NAME, PROVINCE_CODE):
        rehome(data)
    return data


# The level-1 part of an agency identification code: a letter and two digits (H12, H36).
PROVINCE_CODE_PATTERN = re.compile(r"[A-Z][0-9]{2}")


def _check_province(name: str, code: str) -> None:
    if not PROVINCE_CODE_PATTERN.fullmatch(code):
        raise GeneratorError(
            f"Mã tỉnh phải là một chữ in hoa và hai chữ số (ví dụ H36), nhận được {code!r} / "
            f"The province code must be a capital letter and two digits (e.g. H36), got {code!r}"
        )
    if not name.strip():
        raise GeneratorError("Tên tỉnh không được để trống / The province name must not be empty")
    if (name == PROVINCE_NAME) != (code == PROVINCE_CODE):
        raise GeneratorError(
            f"Cần cả tên và mã của tỉnh khác tỉnh mẫu ({PROVINCE_NAME}, {PROVINCE_CODE}) / "
            f"Give both the name and the code of a province other than the seed's "
            f"({PROVINCE_NAME}, {PROVINCE_CODE})"
        )


def _check_arguments(path: Path, scale: float, force: bool) -> None:
    if not (math.isfinite(scale) and scale > 0):
        raise GeneratorError(
            f"Hệ số quy mô phải là số dương, nhận được {scale} / "
            f"Scale must be a positive number, got {scale}"
        )
    try:
        scaled_figures(scale)
    except FiguresError as exc:
        raise GeneratorError(str(exc)) from exc
    if path.exists() and not path.is_dir():
        raise GeneratorError(
            f"{path} đã tồn tại và không phải là thư mục / {path} exists and is not a folder"
        )
    if path.is_dir() and any(path.iterdir()) and not force:
        raise GeneratorError(
            f"Thư mục {path} không trống; dùng --force để ghi đè / "
            f"Folder {path} is not empty; use --force to overwrite"
        )


def generate_package(
    path: Path,
    *,
    seed: int = 1,
    scale: float = 1.0,
    force: bool = False,
    settle_until: dt.date | None = None,
    province_name: str = PROVINCE_NAME,
    province_code: str = PROVINCE_CODE,
) -> GenerationSummary:
    """Write the package files into ``path`` (created if missing; it must be empty unless
    ``force``, which overwrites the package's files and leaves other files alone). The same
    seed (and ``settle_until``) gives byte-identical files. ``settle_until``: the desks work
    through the history's open dossiers until that day (the demo: today), so only recent ones,
    and a few long-disputed ones, are still open; the 2024 figures do not change.
    ``province_name`` and ``province_code``: a package for another province (province.py)."""
    path = Path(path)
    _check_province(province_name, province_code)
    _check_arguments(path, scale, force)
    data = build_province(
        seed=seed,
        scale=scale,
        settle_until=settle_until,
        province_name=province_name,
        province_code=province_code,
    )
    path.mkdir(parents=True, exist_ok=True)
    rows = {f.name: write_csv(path / f.name, f.columns, f.rows(data)) for f in PACKAGE_FILES}
    return GenerationSummary(path=path, seed=seed, scale=scale, province=data.name, rows=rows)
