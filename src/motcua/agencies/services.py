"""Services of the organisation tree."""

import datetime as dt

from django.db import transaction

from motcua.agencies.models import Agency
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
