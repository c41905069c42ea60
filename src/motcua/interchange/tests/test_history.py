"""Import and export of dossier history: dossiers.csv and supplements.csv."""

import csv
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from motcua.agencies.models import Agency
from motcua.audit.models import AuditEntry
from motcua.dossiers.models import Dossier, SupplementRequest
from motcua.dossiers.workflow import State
from motcua.interchange import history, keys
from motcua.interchange.exporter import package_export
from motcua.interchange.history import HISTORY_APPLICANT, history_state
from motcua.interchange.importer import PackageInvalid, package_import
from motcua.interchange.tests.packages import DOSSIERS, HISTORY, SUPPLEMENTS, VALID, write_package
from motcua.procedures.models import Procedure, ProcedureVersion

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")
HEADER = DOSSIERS.splitlines()[0]
S_HEADER = "dossier_code,requested_at,received_at"
FIRST = "000.00.12.H12-240305-0001"
OPEN = "000.01.00.H12-240307-0001"
IN_PROCESS = "000.01.00.H12-240307-0002"
LLTP = "1.001612.000.00.00.H12"


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VN)


@pytest.fixture(params=["native", "batches"])
def write_path(request, monkeypatch):
    """Both ways of writing dossiers: COPY + merge on PostgreSQL (batches elsewhere), and the
    batch path forced, so that PostgreSQL runs both."""
    if request.param == "batches":
        monkeypatch.setattr(history, "_merge_by_copy", history._merge_in_batches)
    return request.param


def import_errors(path) -> list[str]:
    with pytest.raises(PackageInvalid) as error:
        package_import(path=path)
    return error.value.errors


def dossier_records() -> list[tuple]:
    """Every field the history sets, by natural keys (ids differ between databases)."""
    return list(
        Dossier.objects.order_by("code").values_list(
            "code",
            "procedure__code",
            "procedure_version__number",
            "receiving_agency__code",
            "agency__code",
            "current_agency__code",
            "channel",
            "state",
            "outcome",
            "received_at",
            "due_at",
            "ended_at",
            "returned_at",
            "received_on",
            "due_on",
            "ended_on",
            "components_digitized",
            "result_digitized",
            "reused_data",
            "paid_online",
            "fee_vnd",
            "imported",
            "applicant_name",
        )
    )


def supplement_records() -> list[tuple]:
    return list(
        SupplementRequest.objects.order_by("dossier__code", "requested_at").values_list(
            "dossier__code",
            "requested_at",
            "supplied_at",
            "paused_state",
            "paused_seconds",
            "is_repeat",
        )
    )


def test_history_imports_with_derived_states_and_local_dates(tmp_path, write_path):
    result = package_import(path=write_package(tmp_path / "pkg", HISTORY))

    assert result.files["dossiers.csv"].created == 6
    assert result.files["supplements.csv"].created == 4
    states = dict(Dossier.objects.values_list("code", "state"))
    assert states == {
        FIRST: State.RETURNED,
        "000.00.12.H12-240305-0002": State.RESOLVED,
        "000.00.12.H12-240305-0003": State.STOPPED,
        "000.01.00.H12-240306-0001": State.WITHDRAWN,
        OPEN: State.AWAITING_SUPPLEMENT,
        IN_PROCESS: State.PROCESSING,
    }
    first = Dossier.objects.get(code=FIRST)
    # 18:30 UTC on the 4th is 01:30 on the 5th in Vietnam: the local date counts.
    assert first.received_at == at(2024, 3, 5, 1, 30)
    assert (first.received_on, first.due_on, first.ended_on) == (
        dt.date(2024, 3, 5),
        dt.date(2024, 3, 18),
        dt.date(2024, 3, 15),
    )
    justice = Agency.objects.get(code="000.00.12.H12")
    assert first.receiving_agency == first.agency == first.current_agency == justice
    assert (first.channel, first.outcome, first.returned_at) == (
        "online",
        "approved",
        at(2024, 3, 16, 9),
    )
    assert first.components_digitized and first.result_digitized
    assert first.reused_data and first.paid_online
    assert first.imported and first.applicant_name == HISTORY_APPLICANT
    assert first.idempotency_key is None and first.deadline is None
    # The catalog was imported just now: no version was in force in 2024.
    assert first.procedure_version is None and first.fee_vnd == 200000
    stopped = Dossier.objects.get(code="000.00.12.H12-240305-0003")
    # No offset: local time.
    assert stopped.received_at == at(2024, 3, 5, 9)
    assert stopped.due_at is None and stopped.due_on is None
    assert not stopped.components_digitized
    opened = Dossier.objects.get(code=OPEN)
    assert opened.ended_at is None and opened.outcome == "" and opened.ended_on is None

    assert supplement_records() == [
        (FIRST, at(2024, 3, 6, 9), at(2024, 3, 7, 10), State.PROCESSING, None, False),
        (FIRST, at(2024, 3, 8, 9), at(2024, 3, 11, 10), State.PROCESSING, None, True),
        (OPEN, at(2024, 3, 8, 9), None, State.PROCESSING, None, False),
        (IN_PROCESS, at(2024, 3, 8, 9), at(2024, 3, 9, 9), State.PROCESSING, None, False),
    ]
    entry = AuditEntry.objects.get(action="package.import")
    assert entry.data["dossiers.csv"]["created"] == 6


@pytest.mark.parametrize(
    ("outcome", "returned", "awaiting", "expected"),
    [
        (None, False, False, State.PROCESSING),
        (None, False, True, State.AWAITING_SUPPLEMENT),
        ("approved", False, False, State.RESOLVED),
        ("refused", False, True, State.RESOLVED),
        ("approved", True, False, State.RETURNED),
        ("refused", True, False, State.RETURNED),
        ("stopped", False, False, State.STOPPED),
        ("stopped", True, False, State.STOPPED),
        ("withdrawn", True, True, State.WITHDRAWN),
    ],
)
def test_history_state(outcome, returned, awaiting, expected):
    assert (
        history_state(outcome=outcome, returned=returned, awaiting_supplement=awaiting) == expected
    )


def test_procedure_version_in_force_at_receipt_gives_version_and_fee(tmp_path):
    package_import(path=write_package(tmp_path / "catalog", VALID))
    procedure = Procedure.objects.get(code=LLTP)
    version = procedure.versions.get()
    ProcedureVersion.objects.filter(pk=version.pk).update(
        valid_from=at(2024, 3, 5, 0, 0), fee_vnd=150000
    )
    package_import(path=write_package(tmp_path / "pkg", HISTORY))
    # Received at 01:30 on the 5th, after the version's start: it applies, with its fee.
    first = Dossier.objects.get(code=FIRST)
    assert (first.procedure_version, first.fee_vnd) == (version, 150000)
    # Received before the first version of the other procedure: none.
    assert Dossier.objects.get(code=OPEN).procedure_version is None


def row(**cells: str) -> str:
    values = {
        "code": "000.00.12.H12-240310-0001",
        "procedure_code": LLTP,
        "agency_code": "000.00.12.H12",
        "channel": "direct",
        "received_at": "2024-03-10T08:00:00+07:00",
        "due_at": "",
        "ended_at": "",
        "outcome": "",
        "returned_at": "",
        "components_digitized": "",
        "result_digitized": "",
        "reused_data": "",
        "paid_online": "",
        **cells,
    }
    return ",".join(values[name] for name in HEADER.split(","))


ENDED = {"ended_at": "2024-03-12T08:00:00+07:00", "outcome": "approved"}


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"code": ""}, "code: bắt buộc phải có giá trị / a value is required"),
        (
            {"channel": "fax"},
            'channel: giá trị không hợp lệ "fax" (phải là direct, online, postal)',
        ),
        ({"received_at": ""}, "received_at: bắt buộc phải có giá trị / a value is required"),
        ({"received_at": "10/03/2024 08:00"}, 'received_at: thời điểm không hợp lệ "10/03/2024'),
        ({"received_at": "2024-03-10T08:00:00+25:00"}, "received_at: độ lệch múi giờ không hợp lệ"),
        ({"due_at": "2024-02-30T08:00:00+07:00"}, "due_at: thời điểm không hợp lệ"),
        (
            {"ended_at": "2024-03-09T08:00:00+07:00", "outcome": "approved"},
            "ended_at: trước received_at / before received_at",
        ),
        (
            {"outcome": "approved"},
            "ended_at: bắt buộc khi có outcome / required when outcome is given",
        ),
        (
            {"ended_at": "2024-03-12T08:00:00+07:00"},
            "outcome: bắt buộc khi có ended_at / required when ended_at is given",
        ),
        (
            {"outcome": "lost", **{"ended_at": ENDED["ended_at"]}},
            'outcome: giá trị không hợp lệ "lost"',
        ),
        (
            {"returned_at": "2024-03-12T09:00:00+07:00"},
            "returned_at: cần có ended_at / requires ended_at",
        ),
        (
            {**ENDED, "returned_at": "2024-03-12T07:59:59+07:00"},
            "returned_at: trước ended_at / before ended_at",
        ),
        (
            {"procedure_code": "9.999999"},
            'procedure_code: không tìm thấy "9.999999" trong procedures.csv hay trong cơ sở dữ '
            'liệu / "9.999999" not found in procedures.csv or in the database',
        ),
        ({"agency_code": "000.99.99.H12"}, 'agency_code: không tìm thấy "000.99.99.H12"'),
        ({"paid_online": "yes"}, 'paid_online: giá trị đúng/sai không hợp lệ "yes"'),
    ],
)
def test_invalid_dossier_rows_are_named_and_nothing_is_written(tmp_path, cells, expected):
    dossiers = "\n".join([HEADER, row(code="000.00.12.H12-240310-0009"), row(**cells)]) + "\n"
    files = {**VALID, "dossiers.csv": dossiers}
    errors = import_errors(write_package(tmp_path / "pkg", files))
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"dossiers.csv:3: {expected}"), errors
    assert " / " in errors[0]  # Vietnamese and English
    assert Dossier.objects.count() == 0 and Agency.objects.count() == 0


def test_duplicate_codes_and_supplement_errors(tmp_path):
    dossiers = "\n".join([HEADER, row(), row(channel="online"), row(code="X-2")]) + "\n"
    supplements = "\n".join(
        [
            S_HEADER,
            "000.00.12.H12-240310-0001,2024-03-10T09:00:00+07:00,",
            # The same instant written in UTC: the same request.
            "000.00.12.H12-240310-0001,2024-03-10T02:00:00Z,2024-03-11T09:00:00+07:00",
            "X-2,2024-03-10T09:00:00+07:00,2024-03-10T08:59:00+07:00",
            "NO-SUCH,2024-03-10T09:00:00+07:00,",
            ",2024-03-10T09:00:00+07:00,",
        ]
    )
    files = {**VALID, "dossiers.csv": dossiers + "\n", "supplements.csv": supplements + "\n"}
    errors = import_errors(write_package(tmp_path / "pkg", files))
    assert errors == [
        "dossiers.csv:3: code: trùng với dòng 2 / duplicate of line 2",
        "supplements.csv:3: dossier_code, requested_at: trùng với dòng 2 / duplicate of line 2",
        "supplements.csv:4: received_at: trước requested_at / before requested_at",
        'supplements.csv:5: dossier_code: không tìm thấy "NO-SUCH" trong dossiers.csv hay trong '
        'cơ sở dữ liệu / "NO-SUCH" not found in dossiers.csv or in the database',
        "supplements.csv:6: dossier_code: bắt buộc phải có giá trị / a value is required",
    ]
    assert Dossier.objects.count() == 0


def test_duplicates_are_found_beyond_the_memory_of_the_key_index(tmp_path, monkeypatch):
    """Past SPILL_AT keys the index moves to a scratch file; duplicates still name both lines."""
    monkeypatch.setattr(keys, "SPILL_AT", 3)
    lines = [row(code=f"C-{n}") for n in range(1, 9)]
    lines.insert(6, row(code="C-2"))  # line 8 repeats line 3
    lines.append(row(code="C-7"))  # line 11 repeats line 9 (both written after a spill)
    dossiers = "\n".join([HEADER, *lines]) + "\n"
    supplements = f"{S_HEADER}\nC-1,2024-03-10T09:00:00+07:00,\nC-404,2024-03-10T09:00:00Z,\n"
    files = {**VALID, "dossiers.csv": dossiers, "supplements.csv": supplements}
    errors = import_errors(write_package(tmp_path / "pkg", files))
    assert errors == [
        "dossiers.csv:8: code: trùng với dòng 3 / duplicate of line 3",
        "dossiers.csv:11: code: trùng với dòng 9 / duplicate of line 9",
        'supplements.csv:3: dossier_code: không tìm thấy "C-404" trong dossiers.csv hay trong '
        'cơ sở dữ liệu / "C-404" not found in dossiers.csv or in the database',
    ]


def test_supplements_refer_to_dossiers_already_in_the_database(tmp_path, monkeypatch):
    monkeypatch.setattr(keys, "SPILL_AT", 2)
    package_import(path=write_package(tmp_path / "first", HISTORY))
    supplements = f"{S_HEADER}\n{IN_PROCESS},2024-03-20T09:00:00+07:00,\n"
    result = package_import(
        path=write_package(tmp_path / "later", {"supplements.csv": supplements})
    )
    assert result.files["supplements.csv"].created == 1
    # A request opened by a later package: the dossier now awaits it, and it is a repeat.
    assert Dossier.objects.get(code=IN_PROCESS).state == State.AWAITING_SUPPLEMENT
    latest = SupplementRequest.objects.filter(dossier__code=IN_PROCESS).latest("requested_at")
    assert latest.is_repeat


def test_second_import_changes_nothing(tmp_path, write_path):
    package = write_package(tmp_path / "pkg", HISTORY)
    package_import(path=package)
    before = (dossier_records(), supplement_records())
    stamps = dict(Dossier.objects.values_list("code", "updated_at"))
    result = package_import(path=package)
    assert result.files["dossiers.csv"].unchanged == 6
    assert result.files["supplements.csv"].unchanged == 4
    assert all(c.created == c.updated == 0 for c in result.files.values())
    assert (dossier_records(), supplement_records()) == before
    assert dict(Dossier.objects.values_list("code", "updated_at")) == stamps
    assert AuditEntry.objects.filter(action="package.import").count() == 1


def test_changed_rows_update_their_records(tmp_path, write_path):
    package_import(path=write_package(tmp_path / "pkg", HISTORY))
    dossiers = DOSSIERS.replace(
        f"{IN_PROCESS},1.004227.000.00.00.H12,000.01.00.H12,direct,2024-03-07T09:00:00+07:00,"
        "2024-04-18T17:00:00+07:00,,,,0,0,0,0",
        f"{IN_PROCESS},1.004227.000.00.00.H12,000.01.00.H12,direct,2024-03-07T09:00:00+07:00,"
        "2024-04-18T17:00:00+07:00,2024-04-01T10:00:00+07:00,approved,,0,1,0,0",
    )
    # The open request is answered: the dossier no longer waits.
    supplements = SUPPLEMENTS.replace(
        f"{OPEN},2024-03-08T09:00:00+07:00,", f"{OPEN},2024-03-08T09:00:00+07:00,2024-03-12T08:00"
    )
    changed = {"dossiers.csv": dossiers, "supplements.csv": supplements}
    result = package_import(path=write_package(tmp_path / "again", changed))
    assert (result.files["dossiers.csv"].updated, result.files["dossiers.csv"].unchanged) == (2, 4)
    assert (result.files["supplements.csv"].updated, result.files["supplements.csv"].created) == (
        1,
        0,
    )
    resolved = Dossier.objects.get(code=IN_PROCESS)
    assert (resolved.state, resolved.outcome, resolved.ended_on) == (
        State.RESOLVED,
        "approved",
        dt.date(2024, 4, 1),
    )
    assert resolved.result_digitized
    assert Dossier.objects.get(code=OPEN).state == State.PROCESSING
    assert SupplementRequest.objects.get(dossier__code=OPEN).supplied_at == at(2024, 3, 12, 8)


def test_history_never_overwrites_a_dossier_received_in_this_system(tmp_path):
    package_import(path=write_package(tmp_path / "catalog", VALID))
    justice = Agency.objects.get(code="000.00.12.H12")
    Dossier.objects.create(
        code=FIRST,
        procedure=Procedure.objects.get(code=LLTP),
        receiving_agency=justice,
        agency=justice,
        current_agency=justice,
        channel="direct",
        state=State.PROCESSING,
        applicant_name="Nguyễn Văn A",
        received_at=at(2024, 3, 5, 8),
    )
    errors = import_errors(write_package(tmp_path / "pkg", HISTORY))
    live = "là mã của một hồ sơ tiếp nhận trên hệ thống này, không phải dữ liệu lịch sử"
    assert errors == [
        f"dossiers.csv:2: code: {live} / is the code of a dossier received in this system, "
        "not history",
        f"supplements.csv:2: dossier_code: {live} / is the code of a dossier received in this "
        "system, not history",
        f"supplements.csv:3: dossier_code: {live} / is the code of a dossier received in this "
        "system, not history",
    ]
    assert Dossier.objects.get(code=FIRST).applicant_name == "Nguyễn Văn A"


def read(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def test_export_then_import_into_an_empty_database_gives_the_same_records(tmp_path, write_path):
    package_import(path=write_package(tmp_path / "pkg", HISTORY))
    expected = (dossier_records(), supplement_records())
    result = package_export(path=tmp_path / "out")
    assert (result.files["dossiers.csv"], result.files["supplements.csv"]) == (6, 4)
    exported = read(tmp_path / "out" / "dossiers.csv")
    assert exported[0] == HEADER.split(",")
    assert [r[0] for r in exported[1:]] == sorted(r[0] for r in exported[1:])
    assert exported[1] == [
        FIRST,
        LLTP,
        "000.00.12.H12",
        "online",
        "2024-03-05T01:30:00+07:00",
        "2024-03-18T17:00:00+07:00",
        "2024-03-15T10:00:00+07:00",
        "approved",
        "2024-03-16T09:00:00+07:00",
        "1",
        "1",
        "1",
        "1",
    ]
    assert read(tmp_path / "out" / "supplements.csv")[1:3] == [
        [FIRST, "2024-03-06T09:00:00+07:00", "2024-03-07T10:00:00+07:00"],
        [FIRST, "2024-03-08T09:00:00+07:00", "2024-03-11T10:00:00+07:00"],
    ]

    SupplementRequest.objects.all().delete()
    Dossier.objects.all().delete()
    package_import(path=tmp_path / "out")
    assert (dossier_records(), supplement_records()) == expected
    package_export(path=tmp_path / "again")
    for name in ("dossiers.csv", "supplements.csv"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "again" / name).read_bytes()


def test_submissions_never_accepted_are_not_exported(tmp_path):
    package_import(path=write_package(tmp_path / "pkg", HISTORY))
    justice = Agency.objects.get(code="000.00.12.H12")
    procedure = Procedure.objects.get(code=LLTP)
    for code, state in (("ONLINE-1", State.SUBMITTED), ("REFUSED-1", State.REJECTED)):
        dossier = Dossier.objects.create(
            code=code,
            procedure=procedure,
            receiving_agency=justice,
            agency=justice,
            current_agency=justice,
            channel="online",
            state=state,
            applicant_name="Trần Thị B",
            submitted_at=at(2024, 3, 9, 8),
        )
        SupplementRequest.objects.create(dossier=dossier, requested_at=at(2024, 3, 9, 9))
    package_export(path=tmp_path / "out")
    codes = [r[0] for r in read(tmp_path / "out" / "dossiers.csv")[1:]]
    assert len(codes) == 6 and not {"ONLINE-1", "REFUSED-1"} & set(codes)
    supplements = [r[0] for r in read(tmp_path / "out" / "supplements.csv")[1:]]
    assert len(supplements) == 4 and "ONLINE-1" not in supplements


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY and bulk load: PostgreSQL")
def test_bulk_loads_rebuild_every_index_and_foreign_key(tmp_path, monkeypatch):
    def structure() -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_get_indexdef(indexrelid) FROM pg_index "
                "WHERE indrelid = 'dossiers_dossier'::regclass ORDER BY 1"
            )
            indexes = cursor.fetchall()
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = 'dossiers_dossier'::regclass ORDER BY 1"
            )
            return indexes + cursor.fetchall()

    before = structure()
    # Into the empty table: straight COPY.
    result = package_import(path=write_package(tmp_path / "pkg", HISTORY))
    assert result.files["dossiers.csv"].created == 6
    assert structure() == before
    assert Dossier.objects.get(code=OPEN).state == State.AWAITING_SUPPLEMENT
    # Many new rows for the table's size: staged, merged with the indexes rebuilt around.
    monkeypatch.setattr(history, "BULK_MIN_ROWS", 1)
    more = "\n".join([HEADER, row(code="NEW-1"), row(code="NEW-2"), row(code=FIRST)]) + "\n"
    result = package_import(path=write_package(tmp_path / "more", {"dossiers.csv": more}))
    assert (result.files["dossiers.csv"].created, result.files["dossiers.csv"].updated) == (2, 1)
    assert structure() == before
    assert Dossier.objects.get(code=FIRST).state == State.PROCESSING
