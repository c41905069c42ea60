"""feedback.csv of the province data package (interchange.md): feedback history.

Rows are keyed by ``code``: a second import of the same file changes nothing, a changed row
updates its record. Rules beyond each cell's type:

- ``processed_at`` before ``received_at`` is an error;
- ``published_at`` without ``processed_at``, or before it, is an error: an answer is published
  once there is one (interchange.md does not say; the database refuses it too);
- a code of feedback recorded in this system (not imported) may appear only unchanged: history
  never overwrites live records (export → import into the same database still works).

Imported feedback is in state ``processed`` when it has ``processed_at``, else ``processing``.
"""

from collections.abc import Hashable, Iterable, Iterator
from typing import Any

from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.feedback.models import Feedback, FeedbackKind, FeedbackState
from motcua.interchange.parsing import format_instant, parse_instant
from motcua.interchange.spec import (
    Column,
    FileCounts,
    FileHandler,
    Problem,
    Read,
    Record,
    batched,
    choice,
    text,
)

# The Feedback fields a row determines (besides code and the derived local dates and state).
FIELDS = ("kind", "agency_id", "subject", "received_at", "processed_at", "published_at")

LIVE_FEEDBACK = (
    "là mã của một phản ánh tiếp nhận trên hệ thống này; dữ liệu lịch sử không được sửa nó / "
    "is the code of feedback received in this system; history cannot change it"
)


class FeedbackHandler(FileHandler):
    name = "feedback.csv"
    key_columns = ("code",)
    columns = (
        Column("code", text(Feedback, "code"), required=True),
        Column("received_at", parse_instant, required=True),
        Column("kind", choice(FeedbackKind), required=True),
        Column("agency_code", text(Agency, "code"), ref="agencies.csv"),
        Column("subject", text(Feedback, "subject"), default=""),
        Column("processed_at", parse_instant),
        Column("published_at", parse_instant),
    )

    def __init__(self) -> None:
        # code → (agency code, values) of the feedback recorded in this system; loaded on first
        # use. Live feedback is a few hundred items a year.
        self._live: dict[str, tuple[Any, ...]] | None = None

    def live(self) -> dict[str, tuple[Any, ...]]:
        if self._live is None:
            rows = Feedback.objects.filter(imported=False).values_list(
                "code",
                "agency__code",
                "kind",
                "subject",
                "received_at",
                "processed_at",
                "published_at",
            )
            self._live = {code: tuple(values) for code, *values in rows}
        return self._live

    def check(self, record: Record, line: int) -> Iterable[Problem]:
        received, processed, published = (
            record["received_at"],
            record["processed_at"],
            record["published_at"],
        )
        if processed is not None and received is not None and processed < received:
            yield "processed_at", "trước received_at / before received_at"
        if published is not None:
            if processed is None:
                yield (
                    "published_at",
                    "cần có processed_at: chỉ công khai được kết quả đã xử lý / "
                    "requires processed_at: only an answer can be published",
                )
            elif published < processed:
                yield "published_at", "trước processed_at / before processed_at"
        code = record["code"]
        if code is not None and code in self.live():
            row = (
                record["agency_code"],
                record["kind"],
                record["subject"],
                received,
                processed,
                published,
            )
            if row != self.live()[code]:
                yield "code", LIVE_FEEDBACK

    def db_keys(self) -> set[Hashable]:
        return set()  # no file refers to feedback

    def apply(self, read: Read) -> FileCounts:
        counts = FileCounts()
        now = timezone.now()
        agencies = dict(Agency.objects.values_list("code", "id"))
        for batch in batched(record for _line, record in read()):
            existing = Feedback.objects.in_bulk([r["code"] for r in batch], field_name="code")
            new, changed = [], []
            for record in batch:
                values = _values(record, agencies)
                feedback = existing.get(record["code"])
                if feedback is None:
                    feedback = Feedback(code=record["code"], imported=True, **values)
                    feedback.sync_local_dates()
                    new.append(feedback)
                elif feedback.imported and _differs(feedback, values):
                    for name, value in values.items():
                        setattr(feedback, name, value)
                    feedback.sync_local_dates()
                    feedback.updated_at = now
                    changed.append(feedback)
                else:
                    # Unchanged, or live feedback that validation found identical.
                    counts.unchanged += 1
            Feedback.objects.bulk_create(new)
            Feedback.objects.bulk_update(
                changed,
                [*FIELDS, "state", "received_on", "processed_on", "published_on", "updated_at"],
            )
            counts.created += len(new)
            counts.updated += len(changed)
        return counts

    def export(self) -> Iterator[list[str]]:
        yield from feedback_export_rows()


def _values(record: Record, agencies: dict[str, int]) -> dict[str, Any]:
    processed = record["processed_at"]
    return {
        "kind": record["kind"],
        "agency_id": agencies.get(record["agency_code"]),
        "subject": record["subject"],
        "received_at": record["received_at"],
        "processed_at": processed,
        "published_at": record["published_at"],
        "state": FeedbackState.PROCESSED if processed is not None else FeedbackState.PROCESSING,
    }


def _differs(feedback: Feedback, values: dict[str, Any]) -> bool:
    return any(getattr(feedback, name) != value for name, value in values.items())


def feedback_export_rows() -> Iterator[list[str]]:
    """Every feedback item as a feedback.csv row (cells in column order), ordered by code."""
    rows = Feedback.objects.order_by("code").values_list(
        "code", "received_at", "kind", "agency__code", "subject", "processed_at", "published_at"
    )
    for code, received, kind, agency, subject, processed, published in rows.iterator():
        yield [
            code,
            format_instant(received),
            kind,
            agency or "",
            subject,
            format_instant(processed),
            format_instant(published),
        ]
