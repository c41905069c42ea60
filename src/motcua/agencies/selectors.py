"""Reads of the organisation tree."""

from django.db.models import QuerySet

from motcua.agencies.models import Agency, AgencyKind, ProvinceUnit


def agency_descendant_ids(agency: Agency) -> set[int]:
    """The agency and every agency below it (one query per tree level; trees are shallow)."""
    ids = {agency.pk}
    frontier = [agency.pk]
    while frontier:
        frontier = list(
            Agency.objects.filter(parent_id__in=frontier)
            .exclude(pk__in=ids)
            .values_list("pk", flat=True)
        )
        ids.update(frontier)
    return ids


def agencies_visible_to(user) -> QuerySet[Agency]:
    """Agencies whose records ``user`` may see: the controller and administrators see the whole
    province; every other officer their own agency and the agencies below it."""
    from motcua.accounts.roles import can

    if can(user, "agency.view_all"):
        return Agency.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Agency.objects.none()
    if user.agency_id is None:
        return Agency.objects.none()
    return Agency.objects.filter(pk__in=agency_descendant_ids(user.agency))


def province_units_for_reports() -> list[ProvinceUnit]:
    """The provinces a report may be limited to: every province of a merged instance; none for
    an instance of one province (then there is nothing to choose)."""
    units = list(ProvinceUnit.objects.select_related("merged_into").order_by("code"))
    return units if len(units) > 1 else []


def province_unit_root(unit: ProvinceUnit) -> Agency | None:
    """The People's Committee of ``unit`` (its agency of kind province without a parent): the
    root of the tree of that province's agencies, so a former province's statistics are that
    agency's with everything below it."""
    return (
        Agency.objects.filter(province_unit=unit, kind=AgencyKind.PROVINCE, parent__isnull=True)
        .order_by("code")
        .first()
    )
