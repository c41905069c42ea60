"""The files of the province data package this version imports and exports (interchange.md),
one handler each. ``REGISTRY`` lists them in dependency order: a file may refer only to files
before it (or to itself). The files of the apps above this one (feedback, inspections) are
registered by those apps in their ``ready()`` through ``handler_register``: this layer never
imports them."""

from collections.abc import Callable, Hashable, Iterable, Iterator
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from motcua.accounts.models import User
from motcua.accounts.officers import OfficerData, officers_import
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, Province, ProvinceUnit
from motcua.interchange.history import DossiersHandler, SupplementsHandler
from motcua.interchange.parsing import (
    CellError,
    format_bool,
    format_date,
    format_decimal,
    parse_bool,
    parse_choice,
    parse_date,
    parse_days,
    parse_int,
    parse_money,
    parse_text,
)
from motcua.interchange.spec import (
    MAX_POSITIVE_INT,
    REQUIRED,
    Column,
    FileCounts,
    FileHandler,
    Problem,
    Read,
    Record,
    assign,
    batched,
    choice,
    differs,
    text,
)
from motcua.procedures.models import (
    Authority,
    DayUnit,
    Decision,
    DecisionKind,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureComponent,
    ProcedureStatus,
    Shortening,
)
from motcua.procedures.services import procedure_save, procedures_save_many


class SettingsHandler(FileHandler):
    """The province the package belongs to. The first package with a ``province_code`` names
    the instance's province; a later one naming another code is a former (or merged-in)
    province: it becomes a ``ProvinceUnit`` and leaves the instance's name, code and hourly
    cost as they are (docs/merged-province.md)."""

    name = "settings.csv"
    key_columns = ("key",)
    # key → (Province field, parser, whether an empty value is allowed)
    KEYS: dict[str, tuple[str, Callable[[str], Any], bool]] = {
        "province_name": ("name", text(Province, "name"), True),
        "province_code": ("code", text(Province, "code"), True),
        "hourly_cost_vnd": (
            "hourly_cost_vnd",
            partial(parse_int, max_value=MAX_POSITIVE_INT),
            False,
        ),
    }
    columns = (
        Column("key", partial(parse_choice, choices=tuple(KEYS)), required=True),
        Column("value", parse_text),
    )

    def __init__(self) -> None:
        # The package's province code, once its settings are read (validation, then apply).
        self.province_code: str | None = None

    def check(self, record: Record, line: int) -> Iterable[Problem]:
        if record["key"] is None:
            return
        _field, parse, may_be_empty = self.KEYS[record["key"]]
        if record["value"] is None:
            if not may_be_empty:
                yield "value", REQUIRED
            return
        try:
            value = parse(record["value"])
        except CellError as error:
            yield "value", error.message
            return
        if record["key"] == "province_code":
            self.province_code = value

    def db_keys(self) -> set[Hashable]:
        return set()

    def apply(self, read: Read) -> FileCounts:
        values: dict[str, Any] = {}
        for _line, record in read():
            field, parse, _ = self.KEYS[record["key"]]
            values[field] = parse(record["value"]) if record["value"] is not None else ""
        self.province_code = values.get("code") or None
        province = Province.objects.filter(pk=1).first()
        if (
            province is not None
            and province.code
            and self.province_code
            not in (
                None,
                province.code,
            )
        ):
            return self._apply_other(values)
        counts = FileCounts()
        created = province is None
        province = province or Province(pk=1)
        for field, value in values.items():
            if created:
                counts.created += 1
            elif getattr(province, field) != value:
                counts.updated += 1
            else:
                counts.unchanged += 1
            setattr(province, field, value)
        if created or counts.updated:
            province.save()
        if province.code:
            unit, _created = ProvinceUnit.objects.get_or_create(
                code=province.code, defaults={"name": province.name}
            )
            if unit.name != province.name:
                unit.name = province.name
                unit.save(update_fields=["name"])
        return counts

    @staticmethod
    def _apply_other(values: dict[str, Any]) -> FileCounts:
        """Settings of another province than the instance's: its ``ProvinceUnit``. Its hourly
        cost is not the instance's: it counts as unchanged."""
        counts = FileCounts(unchanged=len(values))
        unit = ProvinceUnit.objects.filter(code=values["code"]).first()
        name = values.get("name") or (unit.name if unit else values["code"])
        if unit is None:
            ProvinceUnit.objects.create(code=values["code"], name=name)
            counts = FileCounts(created=len(values))
        elif unit.name != name:
            unit.name = name
            unit.save(update_fields=["name"])
            counts = FileCounts(updated=1, unchanged=len(values) - 1)
        return counts

    def export(self) -> Iterator[list[str]]:
        province = Province.objects.filter(pk=1).first()
        if province is None:
            return
        for key, (field, _parse, _) in self.KEYS.items():
            yield [key, str(getattr(province, field))]


def code_province(agency_code: str) -> str:
    """The level-1 part of an agency identification code (``000.00.12.H12`` → ``H12``): the
    province (QĐ 20/2020/QĐ-TTg)."""
    return agency_code.rsplit(".", 1)[-1]


class AgenciesHandler(FileHandler):
    name = "agencies.csv"
    key_columns = ("code",)
    # successor_code, is_active and deactivated_on carry reorganisations (Agency's docstring);
    # without them export → import would not give back the same agencies.
    columns = (
        Column("code", text(Agency, "code"), required=True),
        Column("name", text(Agency, "name"), required=True),
        Column("kind", choice(AgencyKind), required=True),
        Column("parent_code", text(Agency, "code"), ref="agencies.csv"),
        Column("is_active", parse_bool, default=True),
        Column("successor_code", text(Agency, "code"), ref="agencies.csv"),
        Column("deactivated_on", parse_date),
    )

    def __init__(self) -> None:
        # Every agency of the file with its parent code and line, to find cycles. Agencies
        # number in the hundreds, so this stays small.
        self.parents: dict[str, tuple[str | None, int]] = {}
        self._units: dict[str, tuple[int, str | None]] | None = None
        self._instance_code: str | None = None

    def units(self) -> dict[str, tuple[int, str | None]]:
        """Province code → (unit id, code of the province it merged into)."""
        if self._units is None:
            self._units = {
                code: (pk, into)
                for pk, code, into in ProvinceUnit.objects.values_list(
                    "pk", "code", "merged_into__code"
                )
            }
        return self._units

    def package_province(self) -> str | None:
        settings = self.siblings.get(SettingsHandler.name)
        return settings.province_code if isinstance(settings, SettingsHandler) else None

    def check(self, record: Record, line: int) -> Iterable[Problem]:
        code = record["code"]
        if code is None:
            return
        package = self.package_province()
        owner = code_province(code)
        units = self.units()
        if (
            package is not None
            and owner != package
            and owner in units
            and units[owner][1] != package
        ):
            yield (
                "code",
                (
                    f"đơn vị thuộc tỉnh {owner}, không thuộc tỉnh {package} của gói dữ liệu "
                    f"này / the agency belongs to province {owner}, not to this package's "
                    f"province {package}"
                ),
            )
        for column in ("parent_code", "successor_code"):
            if record[column] == code:
                yield column, "không thể là chính đơn vị này / cannot be the agency itself"
        if record["parent_code"] != code:
            self.parents.setdefault(code, (record["parent_code"], line))

    def finish(self) -> Iterable[tuple[int, str | None, str]]:
        database = dict(
            Agency.objects.filter(parent__isnull=False).values_list("code", "parent__code")
        )

        def parent_of(code: str) -> str | None:
            return self.parents[code][0] if code in self.parents else database.get(code)

        for code, (_parent, line) in self.parents.items():
            chain = [code]
            current = parent_of(code)
            while current is not None and current not in chain:
                chain.append(current)
                current = parent_of(current)
            if current == code:
                path = " → ".join([*chain, code])
                yield (
                    line,
                    "parent_code",
                    (f"quan hệ trực thuộc khép vòng: {path} / parent chain is a cycle: {path}"),
                )

    def db_keys(self) -> set[Hashable]:
        return set(Agency.objects.values_list("code", flat=True))

    def _unit_id(self, code: str, current: int | None) -> int | None:
        """The province an agency belongs to: the one its code names, else the package's,
        else the one it already had, else the instance's."""
        units = self.units()
        for candidate in (code_province(code), self.package_province()):
            if candidate in units:
                return units[candidate][0]
        if current is not None:
            return current
        if self._instance_code is None:
            self._instance_code = (
                Province.objects.filter(pk=1).values_list("code", flat=True).first() or ""
            )
        return units[self._instance_code][0] if self._instance_code in units else None

    def _merged(self, unit: int | None) -> bool:
        return any(pk == unit and into is not None for pk, into in self.units().values())

    def _fields(
        self, record: Record, ids: dict[str, int], unit: int | None = None
    ) -> dict[str, Any]:
        return {
            "name": record["name"],
            "kind": record["kind"],
            "parent_id": ids.get(record["parent_code"]),
            "is_active": record["is_active"],
            "successor_id": ids.get(record["successor_code"]),
            "deactivated_on": record["deactivated_on"],
            "province_unit_id": self._unit_id(record["code"], unit),
        }

    def apply(self, read: Read) -> FileCounts:
        counts = FileCounts()
        # The settings of this package may just have added its province, or set the instance's.
        self._units = self._instance_code = None
        # First pass: create the new agencies, so that the second can point parents and
        # successors at agencies that come later in the file.
        created: set[str] = set()
        for batch in batched(record for _line, record in read()):
            existing = set(
                Agency.objects.filter(code__in=[r["code"] for r in batch]).values_list(
                    "code", flat=True
                )
            )
            new = [
                Agency(code=r["code"], **self._fields(r, {}))
                for r in batch
                if r["code"] not in existing
            ]
            Agency.objects.bulk_create(new)
            created.update(agency.code for agency in new)
        ids = dict(Agency.objects.values_list("code", "id"))
        for batch in batched(record for _line, record in read()):
            agencies = Agency.objects.in_bulk([r["code"] for r in batch], field_name="code")
            changed = []
            for record in batch:
                agency = agencies[record["code"]]
                values = self._fields(record, ids, agency.province_unit_id)
                if values["is_active"] and self._merged(values["province_unit_id"]):
                    # A package from before its province's merger: the merger's deactivation
                    # and successor stay (docs/merged-province.md).
                    for name in ("is_active", "successor_id", "deactivated_on"):
                        values[name] = getattr(agency, name)
                is_changed = differs(agency, values)
                if is_changed:
                    assign(agency, values)
                    changed.append(agency)
                if record["code"] in created:
                    counts.created += 1
                elif is_changed:
                    counts.updated += 1
                else:
                    counts.unchanged += 1
            Agency.objects.bulk_update(
                changed,
                [
                    "name",
                    "kind",
                    "parent",
                    "is_active",
                    "successor",
                    "deactivated_on",
                    "province_unit",
                ],
            )
        return counts

    def export(self) -> Iterator[list[str]]:
        rows = Agency.objects.order_by("code").values_list(
            "code",
            "name",
            "kind",
            "parent__code",
            "is_active",
            "successor__code",
            "deactivated_on",
        )
        for code, name, kind, parent, is_active, successor, deactivated_on in rows.iterator():
            yield [
                code,
                name,
                kind,
                parent or "",
                format_bool(is_active),
                successor or "",
                format_date(deactivated_on),
            ]


class DecisionsHandler(FileHandler):
    name = "decisions.csv"
    key_columns = ("number",)
    columns = (
        Column("number", text(Decision, "number"), required=True),
        Column("date", parse_date, required=True),
        Column("kind", choice(DecisionKind), required=True),
        Column("title", text(Decision, "title"), default=""),
    )

    def db_keys(self) -> set[Hashable]:
        return set(Decision.objects.values_list("number", flat=True))

    def apply(self, read: Read) -> FileCounts:
        counts = FileCounts()
        for batch in batched(record for _line, record in read()):
            decisions = Decision.objects.in_bulk([r["number"] for r in batch], field_name="number")
            new, changed = [], []
            for record in batch:
                values = {"date": record["date"], "kind": record["kind"], "title": record["title"]}
                decision = decisions.get(record["number"])
                if decision is None:
                    new.append(Decision(number=record["number"], **values))
                elif differs(decision, values):
                    assign(decision, values)
                    changed.append(decision)
                else:
                    counts.unchanged += 1
            Decision.objects.bulk_create(new)
            Decision.objects.bulk_update(changed, ["date", "kind", "title"])
            counts.created += len(new)
            counts.updated += len(changed)
        return counts

    def export(self) -> Iterator[list[str]]:
        rows = Decision.objects.order_by("number").values_list("number", "date", "kind", "title")
        for number, date, kind, title in rows.iterator():
            yield [number, format_date(date), kind, title]


# The procedure's texts (interchange.md): free text, line breaks kept.
TEXT_FIELDS = ("steps", "submission_methods", "requirements", "legal_basis", "result")


class ProceduresHandler(FileHandler):
    name = "procedures.csv"
    key_columns = ("code",)
    columns = (
        Column("code", text(Procedure, "code"), required=True),
        Column("name", text(Procedure, "name"), required=True),
        Column("level", choice(Level), required=True),
        Column("field", text(Procedure, "field"), default=""),
        Column("authority", choice(Authority), required=True),
        Column("agency_code", text(Agency, "code"), ref="agencies.csv"),
        Column("processing_days", parse_days),
        Column("day_unit", choice(DayUnit), default=DayUnit.WORKING.value),
        Column("online_level", choice(OnlineLevel), default=OnlineLevel.NONE.value),
        Column("national_portal", parse_bool, default=False),
        Column("fee_vnd", parse_money, default=0),
        Column("status", choice(ProcedureStatus), default=ProcedureStatus.ACTIVE.value),
        Column("decision_number", text(Decision, "number"), ref="decisions.csv"),
        *(Column(name, parse_text, default="") for name in TEXT_FIELDS),
        # After the texts: packages written before it existed stay valid as they are.
        Column("payment_pauses_clock", parse_bool, default=False),
    )

    def check(self, record: Record, line: int) -> Iterable[Problem]:
        if record["level"] == Level.PROVINCE and record["agency_code"] is None:
            yield (
                "agency_code",
                ("bắt buộc với thủ tục cấp tỉnh / required for province-level procedures"),
            )

    def db_keys(self) -> set[Hashable]:
        return set(Procedure.objects.values_list("code", flat=True))

    def apply(self, read: Read) -> FileCounts:
        counts = FileCounts()
        for batch in batched(read()):
            records = [record for _line, record in batch]
            procedures = Procedure.objects.in_bulk([r["code"] for r in records], field_name="code")
            agencies = dict(
                Agency.objects.filter(code__in={r["agency_code"] for r in records}).values_list(
                    "code", "id"
                )
            )
            decisions = dict(
                Decision.objects.filter(
                    number__in={r["decision_number"] for r in records}
                ).values_list("number", "id")
            )
            to_save: list[tuple[str, dict[str, Any]]] = []
            for record in records:
                values = {
                    "name": record["name"],
                    "level": record["level"],
                    "field": record["field"],
                    "authority": record["authority"],
                    "agency_id": agencies.get(record["agency_code"]),
                    "processing_days": record["processing_days"],
                    "day_unit": record["day_unit"],
                    "online_level": record["online_level"],
                    "national_portal": record["national_portal"],
                    "payment_pauses_clock": record["payment_pauses_clock"],
                    "fee_vnd": record["fee_vnd"],
                    "status": record["status"],
                    "decision_id": decisions.get(record["decision_number"]),
                    **{name: record[name] for name in TEXT_FIELDS},
                }
                procedure = procedures.get(record["code"])
                # Comparing here first spares locking and snapshots for the (usual) unchanged
                # rows of a re-import.
                if procedure is not None and not differs(procedure, values):
                    counts.unchanged += 1
                else:
                    to_save.append((record["code"], values))
            for outcome in procedures_save_many(items=to_save, actor_label="import"):
                setattr(counts, outcome.value, getattr(counts, outcome.value) + 1)
        return counts

    def export(self) -> Iterator[list[str]]:
        rows = Procedure.objects.order_by("code").values_list(
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
            *TEXT_FIELDS,
            "payment_pauses_clock",
        )
        for row in rows.iterator():
            (
                code,
                name,
                level,
                field,
                authority,
                agency,
                days,
                day_unit,
                online_level,
                national_portal,
                fee,
                status,
                decision,
                *texts,
                payment_pauses_clock,
            ) = row
            yield [
                code,
                name,
                level,
                field,
                authority,
                agency or "",
                format_decimal(days),
                day_unit,
                online_level,
                format_bool(national_portal),
                str(fee),
                status,
                decision or "",
                *texts,
                format_bool(payment_pauses_clock),
            ]


class ShorteningsHandler(FileHandler):
    name = "shortenings.csv"
    key_columns = ("procedure_code", "decision_number")
    columns = (
        Column("procedure_code", text(Procedure, "code"), required=True, ref="procedures.csv"),
        Column("decision_number", text(Decision, "number"), required=True, ref="decisions.csv"),
        Column("days_before", parse_days, required=True),
        Column("days_after", parse_days, required=True),
        Column("annual_dossiers", partial(parse_int, max_value=MAX_POSITIVE_INT), required=True),
    )

    def check(self, record: Record, line: int) -> Iterable[Problem]:
        before, after = record["days_before"], record["days_after"]
        if before is not None and after is not None and not after < before:
            yield (
                "days_after",
                (
                    f"phải nhỏ hơn days_before ({format_decimal(before)}) / "
                    f"must be smaller than days_before ({format_decimal(before)})"
                ),
            )

    def db_keys(self) -> set[Hashable]:
        return set(Shortening.objects.values_list("procedure__code", "decision__number"))

    def apply(self, read: Read) -> FileCounts:
        counts = FileCounts()
        fields = ["days_before", "days_after", "annual_dossiers"]
        for batch in batched(record for _line, record in read()):
            procedures = dict(
                Procedure.objects.filter(code__in={r["procedure_code"] for r in batch}).values_list(
                    "code", "id"
                )
            )
            decisions = dict(
                Decision.objects.filter(
                    number__in={r["decision_number"] for r in batch}
                ).values_list("number", "id")
            )
            existing = {
                (s.procedure_id, s.decision_id): s
                for s in Shortening.objects.filter(
                    procedure_id__in=procedures.values(), decision_id__in=decisions.values()
                )
            }
            new, changed = [], []
            for record in batch:
                pair = (procedures[record["procedure_code"]], decisions[record["decision_number"]])
                values = {name: record[name] for name in fields}
                shortening = existing.get(pair)
                if shortening is None:
                    new.append(Shortening(procedure_id=pair[0], decision_id=pair[1], **values))
                elif differs(shortening, values):
                    assign(shortening, values)
                    changed.append(shortening)
                else:
                    counts.unchanged += 1
            Shortening.objects.bulk_create(new)
            Shortening.objects.bulk_update(changed, fields)
            counts.created += len(new)
            counts.updated += len(changed)
        return counts

    def export(self) -> Iterator[list[str]]:
        rows = Shortening.objects.order_by("procedure__code", "decision__number").values_list(
            "procedure__code",
            "decision__number",
            "days_before",
            "days_after",
            "annual_dossiers",
        )
        for procedure, decision, before, after, annual in rows.iterator():
            yield [procedure, decision, format_decimal(before), format_decimal(after), str(annual)]


# PositiveSmallIntegerField's bound.
MAX_SMALL_INT = 32_767
COMPONENT_FIELDS = ("name", "originals", "copies", "required", "form_name")


class ComponentsHandler(FileHandler):
    """The documents a procedure requires. The components a package lists for a procedure
    replace all of that procedure's components (a new version of the procedure when they
    differ). Rows are ordered by ``order`` within their procedure; the export numbers them
    1, 2, 3… in that order."""

    name = "components.csv"
    key_columns = ("procedure_code", "order")
    columns = (
        Column("procedure_code", text(Procedure, "code"), required=True, ref="procedures.csv"),
        Column("order", partial(parse_int, max_value=MAX_SMALL_INT), required=True),
        Column("name", text(ProcedureComponent, "name"), required=True),
        Column("originals", partial(parse_int, max_value=MAX_SMALL_INT), default=1),
        Column("copies", partial(parse_int, max_value=MAX_SMALL_INT), default=0),
        Column("required", parse_bool, default=True),
        Column("form_name", text(ProcedureComponent, "form_name"), default=""),
    )

    def check(self, record: Record, line: int) -> Iterable[Problem]:
        if record["order"] == 0:
            yield "order", "phải từ 1 trở lên / must be 1 or more"
        if record["originals"] == 0 and record["copies"] == 0:
            yield (
                "copies",
                "cần ít nhất một bản chính hoặc bản sao / at least one original or copy",
            )

    def db_keys(self) -> set[Hashable]:
        return set()

    @staticmethod
    def _existing(codes: list[str]) -> dict[str, list[tuple]]:
        lists: dict[str, list[tuple]] = {}
        rows = (
            ProcedureComponent.objects.filter(procedure__code__in=codes)
            .order_by("procedure__code", "order", "id")
            .values_list("procedure__code", *COMPONENT_FIELDS)
        )
        for code, *values in rows:
            lists.setdefault(code, []).append(tuple(values))
        return lists

    def apply(self, read: Read) -> FileCounts:
        counts = FileCounts()
        # Components number a few per procedure: the whole file fits in memory.
        wanted: dict[str, list[tuple[int, tuple]]] = {}
        for _line, record in read():
            values = tuple(record[name] for name in COMPONENT_FIELDS)
            wanted.setdefault(record["procedure_code"], []).append((record["order"], values))
        for codes in batched(sorted(wanted)):
            existing = self._existing(codes)
            for code in codes:
                rows = [values for _order, values in sorted(wanted[code], key=lambda r: r[0])]
                before = existing.get(code, [])
                if rows == before:
                    counts.unchanged += len(rows)
                    continue
                procedure_save(
                    code=code,
                    values={},
                    components=[dict(zip(COMPONENT_FIELDS, row, strict=True)) for row in rows],
                    actor_label="import",
                )
                if before:
                    counts.updated += len(rows)
                else:
                    counts.created += len(rows)
        return counts

    def export(self) -> Iterator[list[str]]:
        rows = ProcedureComponent.objects.order_by("procedure__code", "order", "id").values_list(
            "procedure__code", *COMPONENT_FIELDS
        )
        previous, rank = None, 0
        for code, name, originals, copies, required, form_name in rows.iterator():
            rank = rank + 1 if code == previous else 1
            previous = code
            cells = [str(originals), str(copies), format_bool(required), form_name]
            yield [code, str(rank), name, *cells]


def parse_email(text: str) -> str:
    value = parse_text(text, max_length=User._meta.get_field("email").max_length)
    try:
        validate_email(value)
    except ValidationError:
        raise CellError(
            f'địa chỉ thư điện tử không hợp lệ "{text}" / invalid e-mail address "{text}"'
        ) from None
    return value


def parse_username(text: str) -> str:
    value = parse_text(text, max_length=User._meta.get_field("username").max_length)
    try:
        for validator in User._meta.get_field("username").validators:
            validator(value)
    except ValidationError:
        raise CellError(
            f'tên đăng nhập không hợp lệ "{text}" (chữ, số và @ . + - _) / '
            f'invalid username "{text}" (letters, digits and @ . + - _)'
        ) from None
    return value


class UsersHandler(FileHandler):
    """The officers (interchange.md, users.csv), through ``officers_import``: never a
    password; a new officer is e-mailed a password-reset link once the import commits."""

    name = "users.csv"
    key_columns = ("username",)
    columns = (
        Column("username", parse_username, required=True),
        Column("full_name", text(User, "full_name"), required=True),
        Column("title", text(User, "title"), default=""),
        Column("agency_code", text(Agency, "code"), required=True, ref="agencies.csv"),
        Column("role", choice(Role), required=True),
        Column("email", parse_email, default=""),
        Column("is_active", parse_bool, default=True),
    )

    def db_keys(self) -> set[Hashable]:
        return set(User.objects.values_list("username", flat=True))

    def apply(self, read: Read) -> FileCounts:
        counts = FileCounts()
        for batch in batched(record for _line, record in read()):
            agencies = dict(
                Agency.objects.filter(code__in={r["agency_code"] for r in batch}).values_list(
                    "code", "id"
                )
            )
            items = [
                OfficerData(
                    username=r["username"],
                    values={
                        "full_name": r["full_name"],
                        "title": r["title"],
                        "agency_id": agencies[r["agency_code"]],
                        "role": r["role"],
                        "email": r["email"],
                        "is_active": r["is_active"],
                    },
                )
                for r in batch
            ]
            for outcome in officers_import(items=items, actor_label="import"):
                setattr(counts, outcome.value, getattr(counts, outcome.value) + 1)
        return counts

    def export(self) -> Iterator[list[str]]:
        rows = (
            User.objects.exclude(role="")
            .filter(agency__isnull=False)
            .order_by("username")
            .values_list(
                "username", "full_name", "title", "agency__code", "role", "email", "is_active"
            )
        )
        for username, full_name, title, agency, role, email, is_active in rows.iterator():
            yield [username, full_name, title, agency, role, email, format_bool(is_active)]


REGISTRY: dict[str, type[FileHandler]] = {
    handler.name: handler
    for handler in (
        SettingsHandler,
        AgenciesHandler,
        DecisionsHandler,
        ProceduresHandler,
        ComponentsHandler,
        ShorteningsHandler,
        UsersHandler,
        DossiersHandler,
        SupplementsHandler,
    )
}


def handler_register(handler: type[FileHandler]) -> None:
    """Add the file ``handler`` reads and writes after the files already registered (apps are
    ready in the order of ``INSTALLED_APPS``, so that order is the dependency order)."""
    REGISTRY.setdefault(handler.name, handler)
