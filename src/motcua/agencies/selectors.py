"""Reads of the organisation tree."""

from django.db.models import QuerySet

from motcua.agencies.models import Agency


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
