"""The rate-limit counters in the database: one upsert an attempt (utils/ratelimit.py)."""

import pytest

from motcua.utils import ratelimit
from motcua.utils.models import RateCounter

pytestmark = pytest.mark.django_db

HOUR = 3600.0
# A moment at the very start of an hour window (the limit "lookup_code" is 5 an hour).
START = 1_800_000_000.0 - (1_800_000_000.0 % HOUR)


def test_each_hit_adds_one_in_one_row(settings):
    settings.MOTCUA_RATE_LIMITS = {**settings.MOTCUA_RATE_LIMITS, "lookup_code": "5/3600"}
    counts = [ratelimit.hit("lookup_code", "A-1", now=START + i) for i in range(6)]
    assert counts == [1, 2, 3, 4, 5, 6]
    assert RateCounter.objects.count() == 1
    assert ratelimit.hit_over("lookup_code", "A-1", now=START + 10)
    assert not ratelimit.hit_over("lookup_code", "B-2", now=START + 10)  # another identifier


def test_undo_takes_back_one_attempt_and_never_goes_below_zero():
    ratelimit.hit("lookup_code", "A-1", now=START)
    ratelimit.undo("lookup_code", "A-1", now=START + 1)
    ratelimit.undo("lookup_code", "A-1", now=START + 2)
    assert ratelimit.count("lookup_code", "A-1", now=START + 3) == 0


def test_the_previous_window_weighs_as_much_as_it_still_overlaps():
    for i in range(4):
        ratelimit.hit("lookup_code", "A-1", now=START + i)
    # Three quarters into the next window a quarter of the last one still counts: ceil(4/4).
    assert ratelimit.count("lookup_code", "A-1", now=START + HOUR * 1.75) == 1
    assert ratelimit.hit("lookup_code", "A-1", now=START + HOUR * 1.75) == 2
    # Two windows later nothing is left.
    assert ratelimit.count("lookup_code", "A-1", now=START + HOUR * 3.5) == 0


def test_an_expired_row_starts_again_from_one(monkeypatch):
    """A window's row outlives its window by one (it is the next one's "previous"); a hit that
    meets it after that starts the count again, whatever the row held."""
    ratelimit.hit("lookup_code", "A-1", now=START)
    key = RateCounter.objects.get().key
    RateCounter.objects.filter(key=key).update(count=40)
    assert ratelimit.hit("lookup_code", "A-1", now=START + 2 * HOUR + 1) == 1  # a new window
    # The same key after its expiry (a clock that went back, a reused window index).
    assert ratelimit._database_hit(key, "none", 7200, START + 3 * HOUR) == (1, 0)


def test_expired_rows_are_purged_by_the_hits(monkeypatch):
    ratelimit.hit("lookup_code", "old", now=START)
    monkeypatch.setattr(ratelimit, "_PURGE_EVERY", 1)
    ratelimit.hit("lookup_code", "new", now=START + 3 * HOUR)
    assert list(RateCounter.objects.values_list("count", flat=True)) == [1]
