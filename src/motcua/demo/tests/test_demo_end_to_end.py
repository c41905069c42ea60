"""The demo province goes through the real import and reproduces the 2024 report's figures:
the catalog (§4–§6) at any scale, the dossier figures (§2) scaled."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from motcua.demo.generator import generate_package

SCALE = 0.002


@pytest.fixture
def imported(tmp_path, db):
    package = tmp_path / "province"
    generate_package(package, seed=2024, scale=SCALE)
    call_command("import", str(package), quiet=True, stdout=StringIO())
    return package


def report(*args) -> dict:
    out = StringIO()
    call_command("report", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_catalog_report_reproduces_the_2024_figures(imported):
    figures = report("catalog", "--year", "2024")
    assert figures["period"] == {"from": "2023-12-15", "to": "2024-12-14"}
    assert figures["catalog"] == {
        "total": 1970,
        "central": 1949,
        "local": 21,
        "by_level": {"province": 1505, "district": 320, "commune": 145},
        "publication_decisions": 111,
        "regulation_documents": 1,
    }
    assert figures["shortening"] == {
        "total": 49,
        "by_level": {"province": 23, "district": 19, "commune": 7},
        "saving_vnd": 980_000_000,
        "saving_per_procedure_vnd": 20_000_000,
    }
    online = figures["online_services"]
    assert (online["total"], online["full"], online["partial"]) == (859, 668, 191)
    assert (online["national_portal"], online["national_portal_rate"]) == (740, 86.15)
    assert online["departments"] == {"covered": 17, "total": 19}
    assert online["districts"] == {"covered": 10, "total": 10}
    assert online["communes"] == {"covered": 121, "total": 121}


def test_dossier_figures_are_the_2024_figures_scaled(imported):
    figures = report("form06", "--year", "2024")
    received, resolved = figures["received"], figures["resolved"]
    in_process = figures["in_process"]
    assert received["total"] == round(660_557 * SCALE)
    assert received["new"] == round(634_760 * SCALE)
    assert received["new_online"] == round(375_008 * SCALE)
    assert resolved["early"] == round(478_588 * SCALE)
    assert resolved["late"] == round(6_736 * SCALE)
    assert in_process["overdue"] == round(98 * SCALE)
    assert received["total"] == received["new"] + received["carried_over"]
    assert received["total"] == resolved["total"] + in_process["total"]


def test_annual_report_has_the_2024_feedback_and_inspections(imported):
    figures = report("annual", "--year", "2024")
    assert figures["feedback"] == {
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
    inspections = figures["inspections"]
    assert (inspections["planned"], inspections["done"]) == (5, 5)
    assert [s["agency"] for s in inspections["surprise"]] == [
        "UBND huyện Bắc Bình",
        "UBND huyện Tuy Phong",
        "UBND thị xã La Gi",
    ]
    assert figures["digitization"]["rate"] == 73.1


def test_demo_accounts_are_the_imported_officers_with_the_demo_password(tmp_path, db, settings):
    from motcua.accounts.models import User
    from motcua.demo.management.commands.demo import DEMO_PASSWORD

    settings.DATA_DIR = tmp_path
    out = StringIO()
    call_command("demo", "--no-serve", "--scale", str(SCALE), stdout=out)
    approver = User.objects.get(username="lanhdao")
    assert approver.title == "Phó Giám đốc" and len(approver.full_name.split()) >= 3
    assert approver.agency.name == "Sở Tài nguyên và Môi trường"
    assert approver.check_password(DEMO_PASSWORD)
    # The other imported officers have no password until they set one through a reset link.
    assert not User.objects.get(username="tnmt.thutruong").has_usable_password()
    assert User.objects.get(username="quantri").is_superuser
    assert f"mật khẩu / password: {DEMO_PASSWORD}" in out.getvalue()


def test_demo_loads_the_handbook(tmp_path, db, settings, client):
    from django.urls import reverse

    from motcua.handbook.models import AgencyIndexResult, IndexResult, Target
    from motcua.handbook.selectors import question_search

    settings.DATA_DIR = tmp_path
    out = StringIO()
    call_command("demo", "--no-serve", "--scale", str(SCALE), stdout=out)
    assert "sổ tay cải cách hành chính mẫu" in out.getvalue()
    titles = [q.title for q in question_search(query="thu tuc dat dai")]
    assert len(titles) == 3 and all("thủ tục đất đai" in t.lower() for t in titles)
    for index in ("par", "sipas", "papi", "pci"):
        assert IndexResult.objects.filter(index=index).count() == 5
        assert IndexResult.objects.filter(index=index, source__contains="minh họa").count() == 5
    # Every department and district of the province has targets and its reform index.
    assert Target.objects.values("agency").distinct().count() == 29
    assert AgencyIndexResult.objects.values("agency").distinct().count() == 29
    html = client.get(reverse("handbook-indices")).content.decode()
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 4 + 2
    # Loaded once: the demo run again leaves the handbook as it is.
    call_command("demo", "--no-serve", "--scale", str(SCALE), stdout=StringIO())
    assert IndexResult.objects.count() == 20
