"""Dates far in the future (year 9999) are refused wherever a date is typed (issue #7, 10)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.dossiers.api import ApologyIn
from motcua.dossiers.forms_officer import ApologyForm, RegisterForm
from motcua.reports.forms import PeriodForm
from motcua.utils.dates import EARLIEST, date_in_range, latest
from motcua.utils.periods import Period

DEFAULT = Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        (dt.date(1999, 12, 31), False),
        (EARLIEST, True),
        (dt.date(2024, 3, 5), True),
        (latest(), True),
        (latest() + dt.timedelta(days=1), False),
        (dt.date(9999, 12, 31), False),
        (dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC), False),  # no overflow converting
    ],
)
def test_the_range_of_dates(value, accepted):
    assert date_in_range(value) is accepted


def test_latest_on_29_february():
    assert latest(dt.date(2024, 2, 29)) == dt.date(2034, 2, 28)


@pytest.mark.parametrize("value", ["9999-12-31T00:00:00+07:00", "9999-12-31T23:59:59Z"])
def test_the_api_refuses_an_apology_date_in_year_9999(value):
    data = ApologyIn(data={"reason": "Chậm do thiếu hồ sơ", "new_date": value})
    assert not data.is_valid()
    assert "new_date" in data.errors


def test_the_apology_form_refuses_year_9999():
    form = ApologyForm({"reason": "Chậm", "new_date": "9999-12-31T08:00"})
    assert not form.is_valid()
    assert "2000" in str(form.errors["new_date"])


def test_the_register_form_refuses_year_9999():
    form = RegisterForm({"date_from": "01/01/2024", "date_to": "31/12/9999"})
    assert not form.is_valid() and "date_to" in form.errors


@pytest.mark.parametrize(
    "data",
    [
        {"year": "9999"},
        {"year": "1900"},
        {"date_from": "2024-01-01", "date_to": "9999-12-31"},
        {"date_from": "0001-01-01", "date_to": "2024-12-31"},
    ],
)
def test_the_dashboard_period_refuses_far_dates(data):
    form = PeriodForm(data, default=DEFAULT)
    assert not form.is_valid()
    assert form.chosen() == DEFAULT


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "2024-01-01", "--to", "9999-12-31"],
        ["--from", "1900-01-01", "--to", "2024-12-31"],
        ["--year", "9999"],
    ],
)
def test_the_report_command_refuses_far_dates(args):
    with pytest.raises(CommandError) as error:
        call_command("report", "catalog", *args, stdout=StringIO())
    assert "9999" in str(error.value) or "2000" in str(error.value) or "1900" in str(error.value)
