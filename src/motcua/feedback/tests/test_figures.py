"""Feedback figures: statistics.md §3 at its edges, the §9 shape, breakdowns, drill-down."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua.feedback.models import Feedback, FeedbackKind, FeedbackState
from motcua.feedback.selectors import (
    FIGURES,
    feedback_breakdown,
    feedback_figures,
    feedback_records,
)
from motcua.feedback.tests.factories import FeedbackFactory
from motcua.interchange.parsing import LOCAL_TZ
from motcua.testing.factories import AgencyFactory
from motcua.utils.periods import Period

pytestmark = pytest.mark.django_db

YEAR_2024 = Period.for_year(2024)  # 15/12/2023 – 14/12/2024
UTC = dt.UTC


def local(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=LOCAL_TZ)


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


def flat(figures: dict) -> dict[str, int]:
    """The §9 object as {key path: count}."""
    return {
        "received.total": figures["received"]["total"],
        "received.new": figures["received"]["new"],
        "received.carried_over": figures["received"]["carried_over"],
        "received.regulation": figures["received"]["regulation"],
        "received.behaviour": figures["received"]["behaviour"],
        "processed.total": figures["processed"]["total"],
        "processed.published": figures["processed"]["published"],
        "in_process": figures["in_process"],
    }


NEW = {"received.total", "received.new", "received.regulation"}
CARRIED = {"received.total", "received.carried_over", "received.regulation"}
NOTHING: set[str] = set()


@pytest.mark.parametrize(
    ("received", "processed", "published", "counted_in"),
    [
        # new / carried over at F, local dates of UTC instants
        (local(2023, 12, 15, 0, 0), None, None, NEW | {"in_process"}),
        (utc(2023, 12, 14, 17, 0), None, None, NEW | {"in_process"}),  # 00:00 15/12 local
        (utc(2023, 12, 14, 16, 59, 59), None, None, CARRIED | {"in_process"}),  # 23:59:59 14/12
        (local(2023, 6, 1, 9), None, None, CARRIED | {"in_process"}),
        # carried over only when not processed before F
        (local(2023, 12, 1, 9), local(2023, 12, 14, 16), None, NOTHING),
        (local(2023, 12, 1, 9), utc(2023, 12, 14, 16, 59), None, NOTHING),  # 23:59 14/12 local
        (local(2023, 12, 1, 9), utc(2023, 12, 14, 17, 0), None, CARRIED | {"processed.total"}),
        (local(2023, 12, 1, 9), local(2024, 1, 10, 9), None, CARRIED | {"processed.total"}),
        # processed at T versus after T
        (local(2024, 3, 1, 9), utc(2024, 12, 14, 16, 59, 59), None, NEW | {"processed.total"}),
        (local(2024, 3, 1, 9), utc(2024, 12, 14, 17, 0), None, NEW | {"in_process"}),
        (local(2023, 12, 1, 9), local(2025, 1, 5, 9), None, CARRIED | {"in_process"}),
        # published at T versus after T (still processed)
        (
            local(2024, 3, 1, 9),
            local(2024, 4, 1, 9),
            utc(2024, 12, 14, 16, 59, 59),
            NEW | {"processed.total", "processed.published"},
        ),
        (
            local(2024, 3, 1, 9),
            local(2024, 4, 1, 9),
            utc(2024, 12, 14, 17, 0),
            NEW | {"processed.total"},
        ),
        (
            local(2023, 11, 1, 9),
            local(2024, 1, 10, 9),
            local(2024, 1, 11, 9),
            CARRIED | {"processed.total", "processed.published"},
        ),
        # processed before F, published in the period: not received in the period at all
        (local(2023, 11, 1, 9), local(2023, 12, 10, 9), local(2024, 1, 5, 9), NOTHING),
        # received after T (local 15/12/2024)
        (utc(2024, 12, 14, 17, 0), None, None, NOTHING),
        (local(2024, 12, 14, 23, 59), None, None, NEW | {"in_process"}),
    ],
)
def test_figures_at_the_edges(received, processed, published, counted_in):
    feedback = FeedbackFactory(received_at=received, processed_at=processed, published_at=published)

    figures = flat(feedback_figures(YEAR_2024))

    assert figures == {key: int(key in counted_in) for key in FIGURES}
    for key in FIGURES:
        records = feedback_records(f"feedback.{key}", YEAR_2024)
        assert list(records) == ([feedback] if key in counted_in else [])


def test_local_dates_follow_the_instants_on_save():
    feedback = FeedbackFactory(received_at=utc(2023, 12, 14, 17, 30))
    assert feedback.received_on == dt.date(2023, 12, 15)
    feedback.processed_at = utc(2024, 12, 14, 17, 0)
    feedback.state = FeedbackState.PROCESSED
    feedback.save(update_fields=["processed_at", "state"])
    feedback.refresh_from_db()
    assert (feedback.processed_on, feedback.published_on) == (dt.date(2024, 12, 15), None)


def test_kinds_split_every_received_item():
    FeedbackFactory.create_batch(3, kind=FeedbackKind.REGULATION)
    FeedbackFactory.create_batch(2, kind=FeedbackKind.BEHAVIOUR, received_at=local(2023, 1, 5))
    FeedbackFactory(kind=FeedbackKind.BEHAVIOUR, processed=True)
    # Not received in the period: counted in neither kind.
    FeedbackFactory(kind=FeedbackKind.BEHAVIOUR, received_at=local(2025, 1, 1))

    received = feedback_figures(YEAR_2024)["received"]

    assert (received["regulation"], received["behaviour"]) == (3, 3)
    assert received["regulation"] + received["behaviour"] == received["total"] == 6
    assert received["new"] + received["carried_over"] == received["total"]


def test_shape_is_the_section_9_object():
    assert feedback_figures(YEAR_2024) == {
        "received": {"total": 0, "new": 0, "carried_over": 0, "regulation": 0, "behaviour": 0},
        "processed": {"total": 0, "published": 0},
        "in_process": 0,
    }


def test_seed_report_figures():
    """The 2024 report: 231 received (211 new, 20 carried over; 189 regulation, 42 behaviour),
    205 processed (204 published), 26 in process."""
    rows = []
    # 20 carried over: 18 processed in 2024 (all published), 2 still open.
    rows += [(local(2023, 11, 20, 9), local(2024, 1, 10, 9), local(2024, 1, 12, 9))] * 18
    rows += [(local(2023, 12, 1, 9), None, None)] * 2
    # 211 new: 187 processed (186 published, one published after T), 24 open.
    rows += [(local(2024, 5, 2, 9), local(2024, 6, 3, 9), local(2024, 6, 4, 9))] * 186
    rows += [(local(2024, 11, 2, 9), local(2024, 12, 10, 9), local(2024, 12, 16, 9))]
    rows += [(local(2024, 12, 1, 9), None, None)] * 24
    # Outside: processed before the period, received after it.
    rows += [(local(2023, 10, 1, 9), local(2023, 12, 1, 9), local(2023, 12, 2, 9))] * 7
    rows += [(local(2024, 12, 20, 9), None, None)] * 3
    feedback = [
        Feedback(
            code=f"PAKN-{i:04d}",
            kind=FeedbackKind.REGULATION if i < 189 else FeedbackKind.BEHAVIOUR,
            received_at=received,
            processed_at=processed,
            published_at=published,
            state=FeedbackState.PROCESSED if processed else FeedbackState.PROCESSING,
            imported=True,
        )
        for i, (received, processed, published) in enumerate(rows)
    ]
    for item in feedback:
        item.sync_local_dates()
    Feedback.objects.bulk_create(feedback)

    assert feedback_figures(YEAR_2024) == {
        "received": {
            "total": 231,
            "new": 211,
            "carried_over": 20,
            "regulation": 189,
            "behaviour": 42,
        },
        "processed": {"total": 205, "published": 204},
        "in_process": 26,
    }


def test_agency_scope_includes_the_agencies_below():
    district = AgencyFactory(kind="district")
    commune = AgencyFactory(kind="commune", parent=district)
    other = AgencyFactory()
    FeedbackFactory(agency=district)
    FeedbackFactory(agency=commune, processed=True)
    FeedbackFactory(agency=other)
    FeedbackFactory(agency=None)

    figures = feedback_figures(YEAR_2024, agency=district)

    assert figures["received"]["total"] == 2
    assert figures["processed"]["total"] == 1
    assert feedback_records("received.total", YEAR_2024, agency=district).count() == 2
    assert feedback_records("in_process", YEAR_2024, agency=commune).count() == 0


def test_breakdowns_add_up_to_the_whole():
    first, second = AgencyFactory(code="A.1"), AgencyFactory(code="B.2")
    FeedbackFactory.create_batch(2, agency=first, published=True)
    FeedbackFactory(agency=second, kind=FeedbackKind.BEHAVIOUR)
    FeedbackFactory(agency=None, received_at=local(2023, 10, 1))
    FeedbackFactory(agency=second, received_at=local(2022, 1, 1), processed=True)  # outside

    whole = flat(feedback_figures(YEAR_2024))
    by_agency = feedback_breakdown(YEAR_2024, by="agency")
    by_kind = feedback_breakdown(YEAR_2024, by="kind")

    assert [(row["key"], row["figures"]["received"]["total"]) for row in by_agency] == [
        ("A.1", 2),
        ("B.2", 1),
        (None, 1),
    ]
    assert by_agency[0]["label"] == first.name
    assert [(row["key"], row["figures"]["received"]["total"]) for row in by_kind] == [
        ("regulation", 3),
        ("behaviour", 1),
    ]
    for rows in (by_agency, by_kind):
        for key in FIGURES:
            assert sum(flat(row["figures"])[key] for row in rows) == whole[key], key


def test_breakdown_by_kind_lists_both_kinds_even_when_empty():
    rows = feedback_breakdown(YEAR_2024, by="kind")
    assert [row["key"] for row in rows] == ["regulation", "behaviour"]
    assert all(row["figures"]["received"]["total"] == 0 for row in rows)


def test_unknown_figure_and_breakdown_are_refused():
    with pytest.raises(KeyError, match="feedback.received.total"):
        feedback_records("feedback.received.later", YEAR_2024)
    with pytest.raises(ValueError, match="level"):
        feedback_breakdown(YEAR_2024, by="level")


@pytest.mark.parametrize(
    ("processed", "published"),
    [
        (local(2024, 2, 29, 23), None),  # processed before received
        (None, local(2024, 3, 6)),  # published without an answer
        (local(2024, 3, 10), local(2024, 3, 9)),  # published before processed
    ],
)
def test_database_refuses_instants_out_of_order(processed, published):
    with pytest.raises(IntegrityError), transaction.atomic():
        Feedback.objects.create(
            code="X",
            kind=FeedbackKind.REGULATION,
            received_at=local(2024, 3, 1, 8),
            processed_at=processed,
            published_at=published,
            state=FeedbackState.PROCESSED if processed else FeedbackState.RECEIVED,
        )


# --- property: the identities of §3 and a direct computation, on random data ----------------

BASE = dt.date(2023, 10, 1)
days = st.integers(min_value=0, max_value=500)
item = st.tuples(
    days,  # received, days after BASE
    st.integers(min_value=0, max_value=23),  # local hour of receipt
    st.one_of(st.none(), st.integers(min_value=0, max_value=200)),  # processed, days after
    st.one_of(st.none(), st.integers(min_value=0, max_value=30)),  # published, days after
    st.sampled_from(FeedbackKind.values),
)


def expected(items, period: Period) -> dict[str, int]:
    """§3 computed directly, in Python, from each item's local dates."""
    start, end = period.start, period.end
    counts = dict.fromkeys(FIGURES, 0)
    for received, processed, published, kind in items:
        new = start <= received <= end
        carried = received < start and (processed is None or processed >= start)
        if not (new or carried):
            continue
        counts["received.total"] += 1
        counts["received.new"] += new
        counts["received.carried_over"] += carried
        counts[f"received.{kind}"] += 1
        if processed is not None and start <= processed <= end:
            counts["processed.total"] += 1
            counts["processed.published"] += published is not None and published <= end
        else:
            counts["in_process"] += 1
    return counts


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    items=st.lists(item, max_size=25),
    start=days,
    length=st.integers(min_value=0, max_value=400),
)
def test_identities_hold_on_random_data(items, start, length):
    Feedback.objects.all().delete()
    period = Period(BASE + dt.timedelta(days=start), BASE + dt.timedelta(days=start + length))
    records, dates = [], []
    for i, (received_day, hour, processed_after, published_after, kind) in enumerate(items):
        # Instants written in UTC: a local hour before 7 falls on the day before in UTC.
        received_at = dt.datetime.combine(
            BASE + dt.timedelta(days=received_day), dt.time(hour), tzinfo=LOCAL_TZ
        ).astimezone(UTC)
        processed_at = (
            None if processed_after is None else received_at + dt.timedelta(days=processed_after)
        )
        published_at = (
            None
            if processed_at is None or published_after is None
            else processed_at + dt.timedelta(days=published_after)
        )
        feedback = Feedback(
            code=f"P{i}",
            kind=kind,
            received_at=received_at,
            processed_at=processed_at,
            published_at=published_at,
            state=FeedbackState.PROCESSED if processed_at else FeedbackState.RECEIVED,
        )
        feedback.sync_local_dates()
        records.append(feedback)
        dates.append((feedback.received_on, feedback.processed_on, feedback.published_on, kind))
    Feedback.objects.bulk_create(records)

    figures = flat(feedback_figures(period))

    assert figures == expected(dates, period)
    assert figures["received.total"] == figures["received.new"] + figures["received.carried_over"]
    assert figures["received.total"] == figures["processed.total"] + figures["in_process"]
    assert figures["received.total"] == (
        figures["received.regulation"] + figures["received.behaviour"]
    )
    assert figures["processed.published"] <= figures["processed.total"]
    for key in ("received.total", "processed.published", "in_process"):
        assert feedback_records(key, period).count() == figures[key]
