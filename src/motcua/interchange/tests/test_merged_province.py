"""A merged province (docs/merged-province.md): three provinces' packages imported into one
instance; each former province's statistics are those of its package imported alone; dossier
codes stay unique; ``motcua province merge`` gives every former agency a successor."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse

from motcua.accounts.models import User
from motcua.agencies.models import Agency, Province, ProvinceName, ProvinceUnit
from motcua.agencies.selectors import agency_descendant_ids, province_unit_root
from motcua.agencies.services import agency_current, province_merge
from motcua.demo.generator import generate_package
from motcua.dossiers.models import Dossier
from motcua.interchange.importer import PackageInvalid, package_import
from motcua.reports.selectors.digitization import digitization_counts
from motcua.reports.selectors.dossiers import (
    BREAKDOWNS,
    FIGURES,
    form06,
    form06_breakdown,
    form06_records,
)
from motcua.utils.errors import DomainError
from motcua.utils.periods import Period

pytestmark = pytest.mark.django_db
SCALE = 0.001
# Lâm Đồng and Đắk Nông codes: plausible, not checked against the national list.
PROVINCES = {"H36": ("Lâm Đồng", 2), "H12": ("Bình Thuận", 1), "H17": ("Đắk Nông", 3)}
PERIODS = (Period.for_year(2024), Period.for_year(2023))
# What the statistics need; the catalog's components and the officers only slow the test.
LEFT_OUT = ("components.csv", "users.csv", "feedback.csv", "inspections.csv")


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("merged")
    folders = {}
    for code, (name, seed) in PROVINCES.items():
        folder = root / code
        generate_package(folder, seed=seed, scale=SCALE, province_name=name, province_code=code)
        for file in LEFT_OUT:
            (folder / file).unlink()
        folders[code] = folder
    return folders


def statistics(root: Agency | None) -> dict:
    """Every dossier figure of form 06 (whole, breakdowns, drill-down counts) and the
    digitization counts, for ``root`` with everything below it (None: the whole instance)."""
    result = {}
    for period in PERIODS:
        whole = form06(period, agency=root)
        result[period, "whole"] = whole
        result[period, "digitization"] = digitization_counts(period, agency=root)
        for by in BREAKDOWNS:
            result[period, by] = form06_breakdown(period, by, agency=root)
        result[period, "records"] = {
            figure: form06_records(figure, period, agency=root).count() for figure in FIGURES
        }
        for figure, count in result[period, "records"].items():
            group, key = figure.split(".")
            assert count == whole[group][key], figure
    return result


def top(code: str) -> Agency:
    return Agency.objects.get(code=f"000.00.00.{code}")


def test_three_packages_in_one_instance(packages, client):
    alone = {}
    for code, folder in packages.items():
        with transaction.atomic():
            package_import(path=folder)
            alone[code] = statistics(None)
            alone[code, "dossiers"] = Dossier.objects.count()
            transaction.set_rollback(True)
    assert not Dossier.objects.exists()

    for folder in packages.values():
        package_import(path=folder)

    # The first package named the instance's province; the others are former provinces.
    province = Province.get()
    assert (province.code, province.name) == ("H36", "Lâm Đồng")
    assert dict(ProvinceUnit.objects.values_list("code", "name")) == {
        code: name for code, (name, _seed) in PROVINCES.items()
    }
    # Dossier codes embed the agency's code, which embeds the province's: no collision.
    assert Dossier.objects.count() == sum(alone[code, "dossiers"] for code in PROVINCES)
    for code in PROVINCES:
        unit = ProvinceUnit.objects.get(code=code)
        tagged = set(Agency.objects.filter(province_unit=unit).values_list("pk", flat=True))
        assert len(tagged) == 151
        # The province's tree is exactly its agencies: the scope by its People's Committee
        # is the scope by province.
        assert province_unit_root(unit) == top(code)
        assert agency_descendant_ids(top(code)) == tagged
        assert statistics(top(code)) == alone[code]

    whole = form06(PERIODS[0])
    parts = [form06(PERIODS[0], agency=top(code)) for code in PROVINCES]
    assert whole == {
        group: {key: sum(p[group][key] for p in parts) for key in keys}
        for group, keys in whole.items()
    }

    # The dashboard offers the provinces, and its figures and drill-down follow the choice.
    controller = User.objects.create_user(
        "kiemsoat", password="pw-123456", role="controller", agency=top("H36")
    )
    client.force_login(controller)
    page = client.get(reverse("reports-dashboard"), {"year": 2024})
    assert page.status_code == 200 and 'name="province"' in page.content.decode()
    page = client.get(reverse("reports-dashboard"), {"year": 2024, "province": "H12"})
    text = page.content.decode()
    assert page.status_code == 200 and "Tỉnh Bình Thuận (trước sáp nhập)" in text
    assert page.context["board"].form06 == alone["H12"][PERIODS[0], "whole"]
    drill = client.get(
        reverse("reports-drilldown"),
        {"year": 2024, "province": "H12", "figure": "dossiers.resolved.late"},
    )
    assert drill.status_code == 200
    assert (
        drill.context["page"].paginator.count
        == alone["H12"][PERIODS[0], "whole"]["resolved"]["late"]
    )
    assert client.get(reverse("reports-dashboard"), {"province": "H99"}).status_code == 404

    # `motcua report form06 --province` gives a former province's figures, as the pages do.
    out = StringIO()
    call_command(
        "report", "form06", "--year", "2024", "--province", "h12", "--format", "json", stdout=out
    )
    assert json.loads(out.getvalue()) == alone["H12"][PERIODS[0], "whole"]
    with pytest.raises(CommandError, match="No province 'H99' to choose"):
        call_command("report", "form06", "--year", "2024", "--province", "H99")
    with pytest.raises(CommandError, match="not both"):
        call_command("report", "feedback", "--year", "2024", "--province", "H12", "--agency", "x")

    # The merger: former agencies inactive from 1/7/2025, each with a successor in Lâm Đồng.
    call_command(
        "province", "merge", "--into", "H36", "--from", "H12", "--from", "H17", "--on", "2025-07-01"
    )
    for code in ("H12", "H17"):
        unit = ProvinceUnit.objects.get(code=code)
        assert unit.merged_into.code == "H36" and str(unit.merged_on) == "2025-07-01"
        former = Agency.objects.filter(province_unit=unit)
        assert not former.filter(is_active=True).exists()
        assert all(agency_current(a).province_unit.code == "H36" for a in former)
        department = former.get(code=f"000.00.03.{code}")
        assert department.successor.code == "000.00.03.H36"
        assert department.successor.name == department.name
        assert former.get(code=f"000.00.21.{code}").successor == top("H36")
    # History stays: the merger changes no figure.
    for code in PROVINCES:
        assert statistics(top(code)) == alone[code]
    # The public statistics page tells the three provinces' departments of one name apart,
    # the former ones marked as such.
    public = client.get(reverse("public-statistics"), {"year": 2024}).content.decode()
    assert public.count(">Sở Tư pháp<span") == 3
    assert "Tỉnh Bình Thuận (trước sáp nhập)" in public and "Tỉnh Lâm Đồng<" in public

    # A package of before the merger does not bring its agencies back.
    package_import(path=packages["H12"])
    assert not Agency.objects.filter(province_unit__code="H12", is_active=True).exists()
    with pytest.raises(DomainError, match="already merged"):
        province_merge(into="H36", merged=["H12"], on=PERIODS[0].end)


def test_a_package_cannot_overwrite_another_provinces_agency(packages, tmp_path):
    package_import(path=packages["H36"])
    intruder = tmp_path / "intruder"
    intruder.mkdir()
    shutil.copy(packages["H12"] / "settings.csv", intruder / "settings.csv")
    (intruder / "agencies.csv").write_text(
        "code,name,kind,parent_code\n000.00.03.H36,Sở Kế hoạch và Đầu tư Bình Thuận,department,\n",
        encoding="utf-8",
    )
    with pytest.raises(PackageInvalid) as error:
        package_import(path=intruder)
    assert error.value.errors == [
        "agencies.csv:2: code: đơn vị thuộc tỉnh H36, không thuộc tỉnh H12 của gói dữ liệu "
        "này / the agency belongs to province H36, not to this package's province H12"
    ]
    assert not ProvinceUnit.objects.filter(code="H12").exists()
    assert Agency.objects.get(code="000.00.03.H36").name == "Sở Kế hoạch và Đầu tư"


def test_one_province_shows_no_choice_and_merge_errors(packages, client):
    package_import(path=packages["H12"])
    controller = User.objects.create_user(
        "kiemsoat", password="pw-123456", role="controller", agency=top("H12")
    )
    client.force_login(controller)
    page = client.get(reverse("reports-dashboard"), {"year": 2024})
    assert page.status_code == 200 and 'name="province"' not in page.content.decode()
    # Without a second province, ?province= is no scope.
    assert client.get(reverse("reports-dashboard"), {"province": "H12"}).status_code == 404
    with pytest.raises(CommandError, match="No province 'H12' to choose"):
        call_command("report", "form06", "--year", "2024", "--province", "H12")
    with pytest.raises(CommandError, match="No province H17 in this instance"):
        call_command("province", "merge", "--into", "H12", "--from", "H17", "--on", "2025-07-01")
    with pytest.raises(CommandError, match="cannot merge into itself"):
        call_command("province", "merge", "--into", "H12", "--from", "H12", "--on", "2025-07-01")
    assert Agency.objects.filter(is_active=True).count() == 151
    assert not ProvinceName.objects.exists()
