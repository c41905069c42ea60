"""Administrator exceptions: services, the cached calendar and the change signal."""

import datetime as dt

import pytest
from django.contrib import admin

from motcua.agencies.models import Agency, AgencyKind
from motcua.calendar.models import CalendarException
from motcua.calendar.rules import VN_TZ, DayKind, OfficeHours, compute_deadline
from motcua.calendar.selectors import office_hours_for, work_calendar
from motcua.calendar.services import calendar_exception_delete, calendar_exception_set
from motcua.calendar.signals import calendar_changed
from motcua.utils.errors import DomainError

WEDNESDAY = dt.date(2024, 3, 6)
SATURDAY = dt.date(2024, 3, 9)


@pytest.fixture
def announced():
    """Dates announced by ``calendar_changed``."""
    dates: list[dt.date] = []

    def receiver(sender, **kwargs):
        dates.extend(kwargs["dates"])

    calendar_changed.connect(receiver, weak=False)
    yield dates
    calendar_changed.disconnect(receiver)


def due(calendar) -> dt.datetime:
    start = dt.datetime(2024, 3, 4, 8, 15, tzinfo=VN_TZ)
    return compute_deadline(start, 3, "working", calendar=calendar, hours=OfficeHours()).due


@pytest.mark.django_db
def test_day_off_changes_the_calendar_and_deadlines(django_capture_on_commit_callbacks, announced):
    before = work_calendar()
    assert due(before) == dt.datetime(2024, 3, 7, 8, 15, tzinfo=VN_TZ)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        exception = calendar_exception_set(date=WEDNESDAY, kind="day_off", note="  Bão số 3 ")
    assert len(callbacks) == 1
    assert (exception.kind, exception.note) == ("day_off", "Bão số 3")
    assert announced == [WEDNESDAY]
    after = work_calendar()
    assert after.version != before.version
    assert after.day(WEDNESDAY).kind == DayKind.ADMIN_DAY_OFF
    assert due(after) == dt.datetime(2024, 3, 8, 8, 15, tzinfo=VN_TZ)


@pytest.mark.django_db
def test_change_and_delete(django_capture_on_commit_callbacks, announced):
    with django_capture_on_commit_callbacks(execute=True):
        calendar_exception_set(date=SATURDAY, kind="day_off")
        calendar_exception_set(date=SATURDAY, kind="working_day", note="Làm bù")
    assert CalendarException.objects.get(date=SATURDAY).kind == "working_day"
    assert work_calendar().is_working(SATURDAY)
    with django_capture_on_commit_callbacks(execute=True):
        assert calendar_exception_delete(date=SATURDAY) is True
        assert calendar_exception_delete(date=SATURDAY) is False
    assert not CalendarException.objects.exists()
    assert not work_calendar().is_working(SATURDAY)
    assert announced == [SATURDAY, SATURDAY, SATURDAY]


@pytest.mark.django_db
def test_setting_the_same_values_announces_nothing(django_capture_on_commit_callbacks, announced):
    with django_capture_on_commit_callbacks(execute=True):
        calendar_exception_set(date=WEDNESDAY, kind="day_off", note="Bão")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        calendar_exception_set(date=WEDNESDAY, kind="day_off", note="Bão")
    assert callbacks == []
    assert announced == [WEDNESDAY]


@pytest.mark.django_db
def test_a_rolled_back_change_queues_no_recomputation(announced):
    """The change is announced in its transaction, where the dossiers queue the recomputation
    as a job: when the change is rolled back, so is the job."""
    from django.db import transaction

    from motcua.jobs.models import Job

    with pytest.raises(RuntimeError), transaction.atomic():
        calendar_exception_set(date=WEDNESDAY, kind="day_off")
        assert Job.objects.filter(name__endswith="deadlines_recompute").count() == 1
        raise RuntimeError("the administrator's request failed")
    assert announced == [WEDNESDAY]
    assert not Job.objects.exists() and not CalendarException.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "note"),
    [("holiday", ""), ("day_off", "x" * 256)],
)
def test_invalid_exceptions_are_refused(kind, note):
    with pytest.raises(DomainError) as error:
        calendar_exception_set(date=WEDNESDAY, kind=kind, note=note)
    assert error.value.code == "invalid_calendar_exception"
    assert not CalendarException.objects.exists()


@pytest.mark.django_db
def test_cached_calendar_costs_one_query(django_assert_num_queries):
    calendar = work_calendar()
    with django_assert_num_queries(1):
        assert work_calendar() is calendar


@pytest.mark.django_db
def test_changes_outside_the_services_are_seen():
    # Another process (or the raw ORM) changed the table: the fingerprint notices.
    work_calendar()
    CalendarException.objects.create(date=WEDNESDAY, kind="day_off", note="")
    assert not work_calendar().is_working(WEDNESDAY)
    CalendarException.objects.filter(date=WEDNESDAY).delete()
    assert work_calendar().is_working(WEDNESDAY)


@pytest.mark.django_db
def test_office_hours_for_agency():
    agency = Agency.objects.create(
        code="000.00.20.H12",
        name="UBND huyện",
        kind=AgencyKind.DISTRICT,
        morning_start=dt.time(7, 30),
        afternoon_start=dt.time(13, 0),
    )
    assert office_hours_for(agency) == OfficeHours(
        dt.time(7, 30), dt.time(11, 30), dt.time(13, 0), dt.time(17, 0)
    )
    assert office_hours_for(None) == OfficeHours()


@pytest.mark.django_db
def test_admin_goes_through_the_services(django_capture_on_commit_callbacks, announced):
    model_admin = admin.site._registry[CalendarException]
    with django_capture_on_commit_callbacks(execute=True):
        obj = CalendarException(date=WEDNESDAY, kind="day_off", note="Bão")
        model_admin.save_model(None, obj, None, change=False)
        assert obj.pk == CalendarException.objects.get(date=WEDNESDAY).pk
        CalendarException.objects.create(date=SATURDAY, kind="working_day")
        model_admin.delete_queryset(None, CalendarException.objects.all())
    assert not CalendarException.objects.exists()
    assert announced == [WEDNESDAY, WEDNESDAY, SATURDAY]
    assert model_admin.get_readonly_fields(None, obj) == ["date"]
