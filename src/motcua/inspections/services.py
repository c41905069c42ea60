"""Services of inspections: put one on record (planned or surprise), record that it took place.
Each locks what it changes, validates, and writes an audit entry in the same transaction."""

import datetime as dt

from django.db import transaction

from motcua.agencies.models import Agency
from motcua.audit.services import audit_record
from motcua.inspections.models import Inspection
from motcua.utils.errors import DomainError


def _invalid(message_vi: str, message_en: str, code: str) -> DomainError:
    return DomainError(message_vi, message_en, code=code, status_code=400)


def _duplicate(planned: bool) -> DomainError:
    if planned:
        return DomainError(
            "Cơ quan này đã có trong kế hoạch kiểm tra năm đó.",
            "This agency is already in that year's inspection plan.",
            code="duplicate_inspection",
        )
    return DomainError(
        "Đã có cuộc kiểm tra đột xuất cơ quan này trong ngày đó.",
        "This agency already has a surprise inspection on that date.",
        code="duplicate_inspection",
    )


def inspection_record(
    *,
    agency: Agency,
    planned: bool,
    plan_year: int | None = None,
    inspected_on: dt.date | None = None,
    plan_reference: str = "",
    team: str = "",
    notes: str = "",
    actor=None,
) -> Inspection:
    """Put an inspection on record: a planned one (``plan_year`` required, ``inspected_on``
    once it has taken place) or a surprise one (``inspected_on`` required)."""
    if planned and plan_year is None:
        raise _invalid(
            "Kiểm tra theo kế hoạch cần năm kế hoạch.",
            "A planned inspection needs its plan year.",
            "plan_year_required",
        )
    if not planned and inspected_on is None:
        raise _invalid(
            "Kiểm tra đột xuất cần ngày kiểm tra.",
            "A surprise inspection needs its date.",
            "inspected_on_required",
        )
    with transaction.atomic():
        # The natural key (models docstring); the unique constraints catch a concurrent twin.
        key = {"plan_year": plan_year} if planned else {"inspected_on": inspected_on}
        if Inspection.objects.filter(agency=agency, planned=planned, **key).exists():
            raise _duplicate(planned)
        inspection = Inspection.objects.create(
            agency=agency,
            planned=planned,
            plan_year=plan_year,
            inspected_on=inspected_on,
            plan_reference=plan_reference.strip(),
            team=team.strip(),
            notes=notes.strip(),
        )
        audit_record(
            action="inspection.record",
            target=inspection,
            actor=actor,
            data={
                "agency": agency.code,
                "planned": planned,
                "plan_year": plan_year,
                "inspected_on": inspected_on.isoformat() if inspected_on else None,
            },
        )
        return inspection


def inspection_complete(
    *, inspection: Inspection, inspected_on: dt.date, findings: str = "", actor=None
) -> Inspection:
    """Record that a planned inspection took place on ``inspected_on``, with its findings."""
    with transaction.atomic():
        inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
        if inspection.inspected_on is not None:
            raise DomainError(
                "Cuộc kiểm tra đã được ghi nhận là đã thực hiện.",
                "The inspection is already recorded as done.",
                code="already_done",
            )
        inspection.inspected_on = inspected_on
        inspection.findings = findings.strip()
        inspection.save(update_fields=["inspected_on", "findings", "updated_at"])
        audit_record(
            action="inspection.complete",
            target=inspection,
            actor=actor,
            data={"inspected_on": inspected_on.isoformat()},
        )
        return inspection
