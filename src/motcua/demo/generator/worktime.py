"""Working time as integer seconds, to compute the deadlines of a year of dossiers quickly.

Agrees with ``motcua.calendar.rules`` (``compute_deadline``, ``working_time_between``,
``extend_by_working_time``) for the default office hours and the calendar without administrator
exceptions, which is what an imported demo database uses; the tests compare the two.

Instants here are naive local (Asia/Ho_Chi_Minh) datetimes, whole seconds. Office time is laid
out on one line: working day number ``i`` (counted from ``first``) covers the positions
``[i * DAY, (i + 1) * DAY]``, so the closing time of a day and the opening of the next working
day are the same position.
"""

import datetime as dt
from bisect import bisect_left
from decimal import Decimal

from motcua.calendar.rules import OfficeHours, WorkCalendar


def _seconds(t: dt.time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


HOURS = OfficeHours()
OPEN = _seconds(HOURS.morning_start)
MORNING_END = _seconds(HOURS.morning_end)
AFTERNOON = _seconds(HOURS.afternoon_start)
CLOSE = _seconds(HOURS.afternoon_end)
MORNING = MORNING_END - OPEN  # office seconds in the morning
DAY = MORNING + CLOSE - AFTERNOON  # office seconds in a working day (8 hours)


class WorkTime:
    """The working days from ``first`` to ``last`` and arithmetic on office time."""

    def __init__(self, first: dt.date, last: dt.date, calendar: WorkCalendar | None = None):
        calendar = calendar or WorkCalendar()
        self.first = first
        self.first_ordinal = first.toordinal()
        self.days: list[dt.date] = []  # the working days, in order
        self.midnights: list[dt.datetime] = []
        self.working: list[bool] = []  # per date from ``first``
        self.next_index: list[int] = []  # per date: number of the first working day on or after
        day = first
        dates = []
        while day <= last:
            dates.append(day)
            day += dt.timedelta(days=1)
        for day in dates:
            if calendar.is_working(day):
                self.days.append(day)
                self.midnights.append(dt.datetime.combine(day, dt.time()))
        for day in dates:
            self.working.append(calendar.is_working(day))
            self.next_index.append(bisect_left(self.days, day))

    def is_working(self, day: dt.date) -> bool:
        return self.working[day.toordinal() - self.first_ordinal]

    def index(self, day: dt.date) -> int:
        """Number of the first working day on or after ``day``."""
        return self.next_index[day.toordinal() - self.first_ordinal]

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """How many working days fall in ``(a, b]``."""
        return max(0, self.index(b + dt.timedelta(days=1)) - self.index(a + dt.timedelta(days=1)))

    def position(self, instant: dt.datetime) -> int:
        """Office time from the start of ``first`` to the effective start of ``instant``."""
        i = instant.toordinal() - self.first_ordinal
        index = self.next_index[i]
        if not self.working[i]:
            return index * DAY
        s = instant.hour * 3600 + instant.minute * 60 + instant.second
        if s < OPEN:
            return index * DAY
        if s <= MORNING_END:
            return index * DAY + s - OPEN
        if s < AFTERNOON:
            return index * DAY + MORNING
        if s <= CLOSE:
            return index * DAY + MORNING + s - AFTERNOON
        return (index + 1) * DAY

    def _at(self, index: int, offset: int, *, end: bool) -> dt.datetime:
        # A period used up exactly ends at its closing time ("end"), a start at the opening.
        if offset < MORNING or (end and offset == MORNING):
            seconds = OPEN + offset
        else:
            seconds = AFTERNOON + offset - MORNING
        return self.midnights[index] + dt.timedelta(seconds=seconds)

    def start_instant(self, position: int) -> dt.datetime:
        """The instant where office time ``position`` begins (an opening, not a closing)."""
        index, offset = divmod(position, DAY)
        return self._at(index, offset, end=False)

    def end_instant(self, position: int) -> dt.datetime:
        """The instant where office time ``position`` is used up (a closing, not an opening)."""
        index, offset = divmod(position, DAY)
        if offset == 0:
            index, offset = index - 1, DAY
        return self._at(index, offset, end=True)

    def due(self, received: dt.datetime, limit: Decimal | None, unit: str) -> dt.datetime | None:
        """``compute_deadline(received, limit, unit).due``."""
        if limit is None:
            return None
        if unit == "calendar":  # from the day after receipt, whatever the hour (art. 147)
            last = received.date() + dt.timedelta(days=int(limit))
            return self.midnights[self.index(last)] + dt.timedelta(seconds=CLOSE)
        begin = self.position(received)
        return self.end_instant(begin + round(DAY * limit))

    def between(self, a: dt.datetime, b: dt.datetime) -> int:
        """``working_time_between(a, b)`` in seconds."""
        return max(0, self.position(b) - self.position(a))

    def extend(self, due: dt.datetime, paused: int) -> dt.datetime:
        """``extend_by_working_time(due, paused)``."""
        return due if paused == 0 else self.end_instant(self.position(due) + paused)

    def working_day_in(self, rng_value: float, a: dt.date, b: dt.date) -> dt.date | None:
        """A working day in ``[a, b]`` chosen by ``rng_value`` in [0, 1); None if there is none."""
        lo, hi = self.index(a), self.index(b + dt.timedelta(days=1))
        if hi <= lo:
            return None
        return self.days[lo + int(rng_value * (hi - lo))]
