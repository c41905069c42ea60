"""``generate_package``: a synthetic province data package (interchange.md), deterministic for
a seed. The catalog reproduces the seed report's 2024 figures (statistics.md §4–§6) exactly, and
so does the dossier history (§2, §7) at scale 1.0."""

import datetime as dt
import math
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


def build_province(*, seed: int, scale: float, settle_until: dt.date | None = None) -> ProvinceData:
    """The province in memory; ``scale`` is carried for the builders of dossier volume,
    ``settle_until`` for the end of the history."""
    data = ProvinceData(
        seed=seed,
        scale=scale,
        settle_until=settle_until,
        name=PROVINCE_NAME,
        code=PROVINCE_CODE,
        hourly_cost_vnd=targets.HOURLY_COST_VND,
    )
    data.agencies = build_agencies(PROVINCE_CODE)
    departments = department_codes(PROVINCE_CODE)
    topics, weights = publication_topics()
    data.decisions = build_decisions(_rng(seed, "decisions"), topics, weights)
    data.procedures = build_procedures(
        _rng(seed, "procedures"),
        province_code=PROVINCE_CODE,
        department_codes=departments,
        decisions=data.decisions,
    )
    assign_online_services(_rng(seed, "online"), data.procedures, departments)
    data.shortenings = build_shortenings(_rng(seed, "shortenings"), data.procedures, data.decisions)
    # Texts and officers last, from their own stream: the figures above stay as they were.
    write_content(data.procedures)
    data.officers = build_officers(_rng(seed, "officers"), data.agencies)
    return data


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
) -> GenerationSummary:
    """Write the package files into ``path`` (created if missing; it must be empty unless
    ``force``, which overwrites the package's files and leaves other files alone). The same
    seed (and ``settle_until``) gives byte-identical files. ``settle_until``: the desks work
    through the history's open dossiers until that day (the demo: today), so only recent ones,
    and a few long-disputed ones, are still open; the 2024 figures do not change."""
    path = Path(path)
    _check_arguments(path, scale, force)
    data = build_province(seed=seed, scale=scale, settle_until=settle_until)
    path.mkdir(parents=True, exist_ok=True)
    rows = {f.name: write_csv(path / f.name, f.columns, f.rows(data)) for f in PACKAGE_FILES}
    return GenerationSummary(path=path, seed=seed, scale=scale, province=data.name, rows=rows)
