"""Shortenings with their annual saving (statistics.md §6)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from motcua.procedures.models import Shortening

pytestmark = pytest.mark.django_db


def test_saving_per_row_and_total(controller_client, province, catalog, decision):
    # (15 − 10) × 8 h × 25.000 đ × 200 = 200.000.000 đ
    Shortening.objects.create(
        procedure=catalog["land"],
        decision=decision,
        days_before=Decimal("15"),
        days_after=Decimal("10"),
        annual_dossiers=200,
    )
    # (3 − 2,5) × 8 × 25.000 × 1.000 = 100.000.000 đ
    Shortening.objects.create(
        procedure=catalog["business"],
        decision=decision,
        days_before=Decimal("3"),
        days_after=Decimal("2.5"),
        annual_dossiers=1000,
    )
    response = controller_client.get(reverse("officer-shortening-list"))
    savings = {s.procedure.code: s.saving_vnd for s in response.context["shortenings"]}
    assert savings == {
        catalog["land"].code: Decimal("200000000"),
        catalog["business"].code: Decimal("100000000"),
    }
    html = response.content.decode()
    assert "200.000.000" in html
    assert "300.000.000 đồng" in html  # total
    assert "150.000.000 đồng" in html  # average per procedure
    assert "2,5" in html


def test_missing_hourly_cost_is_flagged(controller_client, catalog):
    html = controller_client.get(reverse("officer-shortening-list")).content.decode()
    assert "Chưa khai báo giá trị một giờ công" in html
