"""Concurrent intake at one desk never repeats a dossier code (lifecycle.md, "Dossier code")."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from motcua.accounts.roles import Role
from motcua.dossiers import services as s
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.conftest import at

INTAKES = 50


@pytest.mark.django_db(transaction=True)
def test_concurrent_intakes_get_distinct_consecutive_codes(world):
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent connections to one database: PostgreSQL (CI runs it there)")
    officer = world.user(Role.INTAKE_OFFICER)
    applicant = s.ApplicantData(name="Trần Thị Bình", phone="0987654321")

    def intake(i: int) -> str:
        try:
            return s.dossier_receive(
                actor=officer,
                procedure=world.procedure,
                applicant=applicant,
                components=[],
                now=at(2024, 3, 5, 8, 15),
            ).code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = list(pool.map(intake, range(INTAKES)))
    assert len(set(codes)) == INTAKES
    sequences = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert sequences == list(range(1, INTAKES + 1))
    assert Dossier.objects.count() == INTAKES
    assert all(code.startswith("000.00.05.H12-240305-") for code in codes)


@pytest.mark.django_db(transaction=True)
def test_concurrent_repeats_of_one_submission_create_one_dossier(world):
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent connections to one database: PostgreSQL (CI runs it there)")
    applicant = s.ApplicantData(name="Lê Văn Cường", phone="0911111111")

    def submit(_i: int) -> int:
        try:
            return s.dossier_submit_online(
                procedure=world.procedure,
                applicant=applicant,
                components=[],
                now=at(2024, 3, 5, 8, 15),
                idempotency_key="double-click",
            ).pk
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = set(pool.map(submit, range(16)))
    assert len(ids) == 1
    assert Dossier.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_attempts_are_all_counted():
    """Parallel guesses must not slip through by reading the same count (issue #7, finding 1)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent connections to one database: PostgreSQL (CI runs it there)")
    from motcua.utils import ratelimit

    now = time.time()

    def attempt(_i: int) -> int:
        try:
            return ratelimit.hit("lookup_code", "000.00.05.H12-240305-0001", now=now)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        counts = list(pool.map(attempt, range(40)))
    assert sorted(counts) == list(range(1, 41))
