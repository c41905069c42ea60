"""Services of the organisation tree."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from motcua.agencies.models import Agency, AgencyKind, Province, ProvinceName, ProvinceUnit
from motcua.audit.services import audit_record
from motcua.utils.errors import DomainError


def agency_deactivate(
    *, agency: Agency, on: dt.date, successor: Agency | None = None, actor=None
) -> Agency:
    """Deactivate ``agency`` from date ``on`` (a reorganisation), naming who takes over.

    Records that point at the agency keep pointing at it: history stays as it was.
    """
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        if not agency.is_active:
            raise DomainError(
                "Cơ quan đã ngừng hoạt động.",
                "The agency is already inactive.",
                code="agency_inactive",
            )
        if successor is not None:
            successor = Agency.objects.get(pk=successor.pk)
            if successor.pk == agency.pk:
                raise DomainError(
                    "Cơ quan không thể tự kế thừa.",
                    "An agency cannot succeed itself.",
                    code="invalid_successor",
                    status_code=400,
                )
            if not successor.is_active:
                raise DomainError(
                    "Đơn vị kế thừa đã ngừng hoạt động.",
                    "The successor is inactive.",
                    code="invalid_successor",
                    status_code=400,
                )
        agency.is_active = False
        agency.deactivated_on = on
        agency.successor = successor
        agency.save(update_fields=["is_active", "deactivated_on", "successor"])
        audit_record(
            action="agency.deactivate",
            target=agency,
            actor=actor,
            data={"on": on.isoformat(), "successor": successor.code if successor else None},
        )
        return agency


def agency_current(agency: Agency) -> Agency:
    """Follow the successor chain to the agency that does the work today."""
    seen = {agency.pk}
    while not agency.is_active and agency.successor_id and agency.successor_id not in seen:
        successor = agency.successor
        assert successor is not None  # successor_id is set
        agency = successor
        seen.add(agency.pk)
    return agency


@dataclass(frozen=True)
class MergeResult:
    into: ProvinceUnit
    merged: list[ProvinceUnit]
    # former agency code → successor agency code, for every agency deactivated by the merger
    successors: dict[str, str]


def _merge_error(vi: str, en: str) -> DomainError:
    return DomainError(vi, en, code="invalid_merge", status_code=400)


def _successor_rule(into_agencies: list[Agency], top: Agency) -> Callable[[Agency], Agency]:
    """Where a former agency's work goes (docs/merged-province.md): the merged province's
    People's Committee takes the former province's; a department, a commune or another body
    goes to the active agency of the merged province of the same kind and name, else to the
    People's Committee; districts were abolished on 1 July 2025, their work goes to the
    People's Committee too (a precise commune-by-commune mapping is imported beforehand as an
    agencies.csv with successor_code: the merger leaves agencies already inactive alone)."""
    same = {(a.kind, a.name): a for a in into_agencies if a.is_active and a.kind != "district"}

    def successor(agency: Agency) -> Agency:
        if agency.kind in (AgencyKind.PROVINCE, AgencyKind.DISTRICT):
            return top
        return same.get((agency.kind, agency.name), top)

    return successor


def province_merge(*, into: str, merged: list[str], on: dt.date, actor=None) -> MergeResult:
    """Merge the provinces coded ``merged`` into the province ``into`` from day ``on``: each
    active agency of a merged province is deactivated on ``on`` with its successor in ``into``
    (``_successor_rule``); the merged provinces record where and when they went; the
    instance's province becomes ``into`` (its former name kept in ``ProvinceName``). All or
    nothing."""
    codes = list(dict.fromkeys(merged))
    if not codes:
        raise _merge_error(
            "Cần ít nhất một tỉnh được sáp nhập.", "At least one province to merge is needed."
        )
    if into in codes:
        raise _merge_error(
            f"Tỉnh {into} không thể sáp nhập vào chính nó.",
            f"Province {into} cannot merge into itself.",
        )
    with transaction.atomic():
        units = {
            u.code: u
            for u in ProvinceUnit.objects.select_for_update().filter(code__in=[into, *codes])
        }
        missing = [code for code in [into, *codes] if code not in units]
        if missing:
            listed = ", ".join(missing)
            known = ", ".join(ProvinceUnit.objects.values_list("code", flat=True)) or "-"
            raise _merge_error(
                f"Không có tỉnh {listed} trong hệ thống (đã có: {known}); hãy nhập gói dữ liệu "
                "của tỉnh trước.",
                f"No province {listed} in this instance (known: {known}); import its data "
                "package first.",
            )
        target = units[into]
        if target.merged_into_id is not None:
            raise _merge_error(
                f"Tỉnh {into} đã sáp nhập vào tỉnh khác.",
                f"Province {into} has itself been merged.",
            )
        already = [code for code in codes if units[code].merged_into_id is not None]
        if already:
            listed = ", ".join(already)
            raise _merge_error(
                f"Tỉnh {listed} đã được sáp nhập trước đó.",
                f"Province {listed} was already merged.",
            )
        into_agencies = list(Agency.objects.filter(province_unit=target))
        top = next(
            (
                a
                for a in sorted(into_agencies, key=lambda a: a.code)
                if a.kind == AgencyKind.PROVINCE and a.parent_id is None and a.is_active
            ),
            None,
        )
        if top is None:
            raise _merge_error(
                f"Tỉnh {into} chưa có UBND tỉnh đang hoạt động (đơn vị loại province) để kế thừa.",
                f"Province {into} has no active People's Committee (kind province) to succeed.",
            )
        successor_of = _successor_rule(into_agencies, top)
        successors: dict[str, str] = {}
        for code in codes:
            unit = units[code]
            for agency in Agency.objects.filter(province_unit=unit, is_active=True).order_by(
                "code"
            ):
                successor = successor_of(agency)
                agency_deactivate(agency=agency, on=on, successor=successor, actor=actor)
                successors[agency.code] = successor.code
            unit.merged_into, unit.merged_on = target, on
            unit.save(update_fields=["merged_into", "merged_on"])
        province = Province.get()
        if province.code != target.code:
            if province.name:
                ProvinceName.objects.create(name=province.name, valid_to=on - dt.timedelta(days=1))
            province.name, province.code = target.name, target.code
            province.save(update_fields=["name", "code"])
        audit_record(
            action="province.merge",
            target=target,
            actor=actor,
            data={"into": into, "merged": codes, "on": on.isoformat(), "agencies": len(successors)},
        )
        return MergeResult(into=target, merged=[units[c] for c in codes], successors=successors)
