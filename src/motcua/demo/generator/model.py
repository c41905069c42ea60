"""The generated province, in memory, one record type per package file (interchange.md)."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    kind: str  # province, department, district, commune
    parent_code: str = ""


@dataclass(frozen=True)
class Decision:
    number: str
    date: dt.date
    kind: str  # publication, regulation, other
    title: str


@dataclass(frozen=True)
class Component:
    """A document a procedure requires (components.csv)."""

    name: str
    originals: int = 1
    copies: int = 0
    required: bool = True
    form_name: str = ""


@dataclass(frozen=True)
class Officer:
    """users.csv: an officer of an agency (never a password)."""

    username: str
    full_name: str
    title: str
    agency_code: str
    role: str


@dataclass
class Procedure:
    code: str
    name: str
    level: str  # province, district, commune
    field: str
    authority: str  # central, local
    agency_code: str  # the department for province level, else empty
    processing_days: Decimal | None
    day_unit: str  # working, calendar
    fee_vnd: int
    status: str  # active, abolished
    decision_number: str
    online_level: str = "none"  # full, partial, none
    national_portal: bool = False
    # What the catalog says (content.py).
    steps: str = ""
    submission_methods: str = ""
    requirements: str = ""
    legal_basis: str = ""
    result: str = ""
    components: list[Component] = field(default_factory=list)

    @property
    def payment_pauses_clock(self) -> bool:
        """Land procedures: waiting for the applicant's fees and taxes pauses the clock."""
        return self.field == "Đất đai"

    @property
    def is_active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class Shortening:
    procedure_code: str
    decision_number: str
    days_before: int
    days_after: int
    annual_dossiers: int


@dataclass
class ProvinceData:
    """Everything the package files are written from. ``seed`` and ``scale`` travel with it so
    that builders of later files (dossier history) draw from the same run."""

    seed: int
    scale: float
    name: str
    code: str
    hourly_cost_vnd: int
    agencies: list[Agency] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    shortenings: list[Shortening] = field(default_factory=list)
    officers: list[Officer] = field(default_factory=list)
    # Until when the desks work through the history's open dossiers (None: its last day).
    settle_until: dt.date | None = None
    # supplements.csv rows, collected while dossiers.csv is written (one pass makes both).
    supplement_rows: list[tuple[str, ...]] | None = None
    # Put before the province's own keys that are not unique across provinces (feedback
    # codes): empty for the seed's province, "H36-" for another (province.py).
    local_prefix: str = ""
