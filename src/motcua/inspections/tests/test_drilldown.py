"""The §8 figures on the dashboard drill down to the inspections behind them, each row linking
to the inspection's page."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.inspections.models import Inspection
from motcua.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db

D = dt.date


def test_section_8_drills_down_to_the_inspections(client):
    province = AgencyFactory(name="UBND tỉnh", kind="province")
    controller = User.objects.create_user(
        username="ks", password="x", role=Role.CONTROLLER, agency=province
    )
    planned = [
        Inspection.objects.create(
            agency=AgencyFactory(name=f"Sở {n}"), planned=True, plan_year=2024,
            inspected_on=D(2024, 9, 10) if n != "C" else None,
        )
        for n in "ABC"
    ]  # fmt: skip
    la_gi = Inspection.objects.create(
        agency=AgencyFactory(name="UBND thị xã La Gi"), planned=False, inspected_on=D(2024, 11, 5)
    )
    bac_binh = Inspection.objects.create(
        agency=AgencyFactory(name="UBND huyện Bắc Bình"), planned=False, imported=True,
        inspected_on=D(2024, 10, 22),
    )  # fmt: skip
    client.force_login(controller)

    page = client.get(reverse("reports-dashboard"), {"year": 2024}).content.decode()
    values = dict(re.findall(r'data-figure="(inspections\.[a-z]+)" data-value="(\d+)"', page))
    assert values == {
        "inspections.planned": "3",
        "inspections.done": "2",
        "inspections.surprise": "2",
    }
    assert "66,67%" in page

    answer = client.get(
        reverse("reports-drilldown"), {"year": 2024, "figure": "inspections.surprise"}
    )
    body = answer.content.decode()
    links = re.findall(r'<a href="/can-bo/kiem-tra/(\d+)/">([^<]+)</a>', body)
    assert links == [
        (str(bac_binh.pk), "UBND huyện Bắc Bình"),
        (str(la_gi.pk), "UBND thị xã La Gi"),
    ]
    answer = client.get(reverse("reports-drilldown"), {"year": 2024, "figure": "inspections.done"})
    links = re.findall(r'<a href="/can-bo/kiem-tra/(\d+)/">', answer.content.decode())
    assert links == [str(planned[0].pk), str(planned[1].pk)]
    # Every row's page opens, imported history included.
    assert client.get(reverse("inspection-detail", args=[bac_binh.pk])).status_code == 200


def test_the_list_exports(client):
    controller = User.objects.create_user(username="ks", password="x", role=Role.CONTROLLER)
    Inspection.objects.create(
        agency=AgencyFactory(name="UBND huyện Tuy Phong"), planned=False,
        inspected_on=D(2024, 10, 22), plan_reference="7/QĐ-VP ngày 01/10/2024",
    )  # fmt: skip
    client.force_login(controller)

    answer = client.post(
        reverse("reports-drilldown-export"),
        {"year": 2024, "figure": "inspections.surprise", "format": "csv"},
    )

    lines = b"".join(answer.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[1] == "UBND huyện Tuy Phong,Đột xuất,,22/10/2024,7/QĐ-VP ngày 01/10/2024"
