"""Services of inspections: put one on record (planned or surprise), record that it took place;
the yearly plan, surprise inspections with their decision, attachments, recommendations and
their follow-up. Each locks what it changes, validates, and writes an audit entry in the same
transaction."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agency_descendant_ids
from motcua.audit.services import audit_record
from motcua.inspections import authz
from motcua.inspections.models import (
    ATTACHMENT_FILES,
    PLAN_FILES,
    AttachmentKind,
    Inspection,
    InspectionAttachment,
    InspectionPlan,
    Recommendation,
    RecommendationReport,
    RecommendationState,
    TeamMember,
)
from motcua.inspections.rules import quarter_of
from motcua.utils import dates as dt_dates
from motcua.utils.errors import DomainError
from motcua.utils.formatting import vn_date
from motcua.utils.storage import file_save, files_atomic
from motcua.utils.uploads import check_uploads


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


# ---- the yearly plan and the follow-up of recommendations (issue #11) -------------------------
#
# Each service takes the acting user (``actor``) and ``today`` (no clock inside), checks the
# permission through ``authz.check``, validates, locks what it changes, saves, audits, and
# stores its files inside ``files_atomic`` so that a refusal leaves no file behind.


@dataclass(frozen=True)
class Member:
    full_name: str
    title: str
    is_head: bool = False


def _text(value: str, *, vi: str, en: str, code: str) -> str:
    value = (value or "").strip()
    if not value:
        raise _invalid(f"Chưa nhập {vi}.", f"{en} is required.", code)
    return value


def _year_in_range(year: int) -> None:
    if not dt_dates.EARLIEST.year <= year <= dt_dates.latest().year:
        raise _invalid(
            "Năm kế hoạch không hợp lệ.", "The plan year is out of range.", "invalid_year"
        )


def _date_in_range(value: dt.date, today: dt.date) -> None:
    if not dt_dates.date_in_range(value, today=today):
        vi, en = dt_dates.out_of_range_message(today).split(" / ")
        raise _invalid(vi, en, "date_out_of_range")


def _not_future(value: dt.date, today: dt.date, what_vi: str, what_en: str) -> None:
    if value > today:
        raise _invalid(
            f"{what_vi} không được sau ngày hôm nay.",
            f"The {what_en} cannot be later than today.",
            "date_in_future",
        )


def _clean_team(members: Sequence[Member]) -> list[Member]:
    cleaned = [
        Member(" ".join(m.full_name.split()), " ".join(m.title.split()), m.is_head)
        for m in members
        if m.full_name.strip() or m.title.strip()
    ]
    if not cleaned:
        raise _invalid(
            "Đoàn kiểm tra cần ít nhất trưởng đoàn.",
            "The team needs at least its head.",
            "team_required",
        )
    if any(not m.full_name or not m.title for m in cleaned):
        raise _invalid(
            "Mỗi thành viên đoàn cần họ tên đầy đủ và chức vụ.",
            "Every team member needs a full name and a title.",
            "team_member_incomplete",
        )
    if sum(m.is_head for m in cleaned) != 1:
        raise _invalid(
            "Đoàn kiểm tra có đúng một trưởng đoàn.",
            "The team has exactly one head.",
            "team_head",
        )
    return cleaned


def _save_team(inspection: Inspection, members: list[Member]) -> None:
    TeamMember.objects.bulk_create(
        TeamMember(
            inspection=inspection,
            full_name=m.full_name,
            title=m.title,
            is_head=m.is_head,
            order=n,
        )
        for n, m in enumerate(members)
    )
    # The text column keeps the team readable where only it is shown (export, admin).
    inspection.team = "\n".join(f"{m.full_name}, {m.title}" for m in members)


def _check_quarter(quarter: int) -> None:
    if quarter not in (1, 2, 3, 4):
        raise _invalid("Quý phải từ 1 đến 4.", "The quarter must be 1 to 4.", "invalid_quarter")


def inspection_plan_create(
    *,
    year: int,
    decision_number: str,
    decision_date: dt.date,
    decision_signer: str,
    decision_file: UploadedFile | None = None,
    today: dt.date,
    actor,
) -> InspectionPlan:
    """Put the approved inspection plan of ``year`` on record with its decision."""
    authz.check(actor, authz.Act.PLAN)
    _year_in_range(year)
    number = _text(decision_number, vi="số quyết định", en="The decision number", code="number")
    signer = _text(decision_signer, vi="người ký", en="The signer", code="signer_required")
    _date_in_range(decision_date, today)
    _not_future(decision_date, today, "Ngày quyết định", "decision date")
    if decision_date.year not in (year - 1, year):
        raise _invalid(
            f"Quyết định phê duyệt kế hoạch năm {year} phải ban hành trong năm {year - 1} "
            f"hoặc {year}.",
            f"The decision approving the {year} plan must date from {year - 1} or {year}.",
            "decision_date_outside_year",
        )
    if decision_file is not None:
        check_uploads([decision_file], extensions=PLAN_FILES)
    with files_atomic(), transaction.atomic():
        if InspectionPlan.objects.select_for_update().filter(year=year).exists():
            raise DomainError(
                f"Đã có kế hoạch kiểm tra năm {year}.",
                f"The {year} inspection plan is already on record.",
                code="duplicate_plan",
            )
        plan = InspectionPlan(
            year=year,
            decision_number=number,
            decision_date=decision_date,
            decision_signer=signer,
        )
        if decision_file is not None:
            file_save(plan.decision_file, decision_file.name or "", decision_file)
        plan.save()
        audit_record(
            action="inspection_plan.create",
            target=plan,
            actor=actor,
            data={"year": year, "decision": number, "file": plan.decision_file.name or None},
        )
        return plan


def inspection_plan_add(
    *,
    plan: InspectionPlan,
    agency: Agency,
    quarter: int,
    team: Sequence[Member],
    notes: str = "",
    actor,
) -> Inspection:
    """Add an agency to the plan: a planned inspection of the plan's year in ``quarter``."""
    authz.check(actor, authz.Act.PLAN)
    _check_quarter(quarter)
    members = _clean_team(team)
    with transaction.atomic():
        plan = InspectionPlan.objects.select_for_update().get(pk=plan.pk)
        if Inspection.objects.filter(agency=agency, planned=True, plan_year=plan.year).exists():
            raise _duplicate(True)
        inspection = Inspection.objects.create(
            agency=agency,
            planned=True,
            plan=plan,
            plan_year=plan.year,
            quarter=quarter,
            plan_reference=f"{plan.decision_number} ngày {vn_date(plan.decision_date)}",
            notes=notes.strip(),
        )
        _save_team(inspection, members)
        inspection.save(update_fields=["team", "updated_at"])
        audit_record(
            action="inspection.plan_add",
            target=inspection,
            actor=actor,
            data={"agency": agency.code, "plan_year": plan.year, "quarter": quarter},
        )
        return inspection


def inspection_surprise_record(
    *,
    agency: Agency,
    inspected_on: dt.date,
    decision_number: str,
    decision_date: dt.date,
    decision_file: UploadedFile | None = None,
    team: Sequence[Member],
    findings: str = "",
    today: dt.date,
    actor,
) -> Inspection:
    """Record a surprise inspection with the decision that ordered it."""
    authz.check(actor, authz.Act.PLAN)
    number = _text(decision_number, vi="số quyết định", en="The decision number", code="number")
    for day in (inspected_on, decision_date):
        _date_in_range(day, today)
    _not_future(inspected_on, today, "Ngày kiểm tra", "inspection date")
    if decision_date > inspected_on:
        raise _invalid(
            "Ngày quyết định kiểm tra không được sau ngày kiểm tra.",
            "The decision cannot date from after the inspection.",
            "decision_after_inspection",
        )
    members = _clean_team(team)
    if decision_file is not None:
        check_uploads([decision_file], extensions=PLAN_FILES)
    with files_atomic(), transaction.atomic():
        if Inspection.objects.filter(
            agency=agency, planned=False, inspected_on=inspected_on
        ).exists():
            raise _duplicate(False)
        inspection = Inspection(
            agency=agency,
            planned=False,
            inspected_on=inspected_on,
            quarter=quarter_of(inspected_on),
            decision_number=number,
            decision_date=decision_date,
            plan_reference=f"{number} ngày {vn_date(decision_date)}",
            findings=findings.strip(),
        )
        if decision_file is not None:
            file_save(inspection.decision_file, decision_file.name or "", decision_file)
        inspection.save()
        _save_team(inspection, members)
        inspection.save(update_fields=["team", "updated_at"])
        audit_record(
            action="inspection.surprise_record",
            target=inspection,
            actor=actor,
            data={
                "agency": agency.code,
                "inspected_on": inspected_on.isoformat(),
                "decision": number,
            },
        )
        return inspection


def inspection_hold(
    *, inspection: Inspection, inspected_on: dt.date, findings: str, today: dt.date, actor
) -> Inspection:
    """Record that a planned inspection took place on ``inspected_on`` (within its plan's
    year, not in the future), with its findings."""
    with transaction.atomic():
        inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
        authz.check(actor, authz.Act.HOLD, inspection)
        _date_in_range(inspected_on, today)
        if inspected_on.year != inspection.plan_year:
            raise _invalid(
                f"Ngày kiểm tra phải trong năm kế hoạch {inspection.plan_year}.",
                f"The inspection date must fall in the plan year {inspection.plan_year}.",
                "date_outside_plan_year",
            )
        _not_future(inspected_on, today, "Ngày kiểm tra", "inspection date")
        inspection.inspected_on = inspected_on
        inspection.findings = findings.strip()
        inspection.save(update_fields=["inspected_on", "findings", "updated_at"])
        audit_record(
            action="inspection.hold",
            target=inspection,
            actor=actor,
            data={"inspected_on": inspected_on.isoformat()},
        )
        return inspection


def inspection_attach(
    *, inspection: Inspection, kind: str, file: UploadedFile, actor
) -> InspectionAttachment:
    """Attach the minutes, the report or another document to an inspection."""
    if kind not in AttachmentKind.values:
        raise _invalid("Loại tài liệu không hợp lệ.", "Unknown document kind.", "invalid_kind")
    check_uploads([file], extensions=ATTACHMENT_FILES)
    with files_atomic(), transaction.atomic():
        inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
        authz.check(actor, authz.Act.ATTACH, inspection)
        attachment = InspectionAttachment(inspection=inspection, kind=kind, uploaded_by=actor)
        file_save(attachment.file, file.name or "", file)
        attachment.save()
        audit_record(
            action="inspection.attach",
            target=inspection,
            actor=actor,
            data={"kind": kind, "file": attachment.file.name},
        )
        return attachment


def recommendation_add(
    *, inspection: Inspection, text: str, owner: Agency, due_on: dt.date, today: dt.date, actor
) -> Recommendation:
    """A recommendation of a held inspection to its agency or a unit below it, due after the
    inspection."""
    text = _text(text, vi="nội dung kiến nghị", en="The recommendation", code="text_required")
    _date_in_range(due_on, today)
    with transaction.atomic():
        inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
        authz.check(actor, authz.Act.RECOMMEND, inspection)
        assert inspection.inspected_on is not None  # authz: held
        if due_on <= inspection.inspected_on:
            raise _invalid(
                "Hạn thực hiện kiến nghị phải sau ngày kiểm tra "
                f"({vn_date(inspection.inspected_on)}).",
                "The due date must be after the inspection "
                f"({inspection.inspected_on.isoformat()}).",
                "due_before_inspection",
            )
        if owner.pk not in agency_descendant_ids(inspection.agency):
            raise _invalid(
                "Đơn vị thực hiện phải là cơ quan được kiểm tra hoặc đơn vị trực thuộc.",
                "The owner must be the inspected agency or a unit of it.",
                "owner_outside_agency",
            )
        recommendation = Recommendation.objects.create(
            inspection=inspection, text=text, owner=owner, due_on=due_on
        )
        audit_record(
            action="recommendation.add",
            target=recommendation,
            actor=actor,
            data={
                "inspection": inspection.pk,
                "owner": owner.code,
                "due_on": due_on.isoformat(),
            },
        )
        return recommendation


def recommendation_report(
    *,
    recommendation: Recommendation,
    text: str,
    done_on: dt.date,
    evidence: UploadedFile | None = None,
    today: dt.date,
    actor,
) -> RecommendationReport:
    """The owner reports what was done and when; the office then accepts or reopens it."""
    text = _text(text, vi="kết quả thực hiện", en="What was done", code="text_required")
    _date_in_range(done_on, today)
    _not_future(done_on, today, "Ngày hoàn thành", "completion date")
    if evidence is not None:
        check_uploads([evidence], extensions=ATTACHMENT_FILES)
    with files_atomic(), transaction.atomic():
        recommendation = (
            Recommendation.objects.select_for_update()
            .select_related("inspection")
            .get(pk=recommendation.pk)
        )
        authz.check(actor, authz.Act.REPORT, recommendation)
        held = recommendation.inspection.inspected_on
        if held is not None and done_on < held:
            raise _invalid(
                "Ngày hoàn thành không được trước ngày kiểm tra.",
                "The completion date cannot precede the inspection.",
                "done_before_inspection",
            )
        report = RecommendationReport(
            recommendation=recommendation, text=text, done_on=done_on, reported_by=actor
        )
        if evidence is not None:
            file_save(report.evidence, evidence.name or "", evidence)
        report.save()
        recommendation.state = RecommendationState.REPORTED
        recommendation.completed_on = done_on
        recommendation.save(update_fields=["state", "completed_on", "updated_at"])
        audit_record(
            action="recommendation.report",
            target=recommendation,
            actor=actor,
            data={"done_on": done_on.isoformat(), "evidence": report.evidence.name or None},
        )
        return report


def _answer(
    *, recommendation: Recommendation, accept: bool, answer: str, now: dt.datetime, actor
) -> Recommendation:
    with transaction.atomic():
        recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        authz.check(actor, authz.Act.ACCEPT if accept else authz.Act.REOPEN, recommendation)
        report = recommendation.reports.select_for_update().order_by("-reported_at", "-pk")[0]
        report.accepted = accept
        report.answer = answer
        report.answered_by = actor
        report.answered_at = now
        report.save(update_fields=["accepted", "answer", "answered_by", "answered_at"])
        if accept:
            recommendation.state = RecommendationState.DONE
        else:
            recommendation.state = RecommendationState.OPEN
            recommendation.completed_on = None
        recommendation.save(update_fields=["state", "completed_on", "updated_at"])
        audit_record(
            action="recommendation.accept" if accept else "recommendation.reopen",
            target=recommendation,
            actor=actor,
            data={"report": report.pk, **({"reason": answer} if not accept else {})},
        )
        return recommendation


def recommendation_accept(
    *, recommendation: Recommendation, answer: str = "", now: dt.datetime, actor
) -> Recommendation:
    """The office accepts the owner's report: the recommendation is done (closed)."""
    return _answer(
        recommendation=recommendation, accept=True, answer=answer.strip(), now=now, actor=actor
    )


def recommendation_reopen(
    *, recommendation: Recommendation, reason: str, now: dt.datetime, actor
) -> Recommendation:
    """The office does not accept the report: the recommendation is open again (a reason is
    required, for the agency to read)."""
    reason = _text(reason, vi="lý do", en="The reason", code="reason_required")
    return _answer(recommendation=recommendation, accept=False, answer=reason, now=now, actor=actor)
