"""Services of the dossier lifecycle: one function per action of ``workflow.TRANSITIONS``.

Each service locks the dossier, checks the action against the transition table, the actor's
role and agency, changes the dossier, appends a history event and queues the side effects
(slips, notifications) in the same transaction, so either all of it happens or none of it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.agencies.models import Agency
from motcua.calendar.rules import (
    Unit,
    add_working_time,
    compute_deadline,
    extend_by_working_time,
    working_time_between,
)
from motcua.calendar.selectors import office_hours_for, work_calendar
from motcua.datastore.models import DocumentSource, StoredDocument
from motcua.datastore.services import stored_document_copy
from motcua.dossiers import authz
from motcua.dossiers.applicant import ApplicantData, applicant_clean
from motcua.dossiers.changes import dossier_changed
from motcua.dossiers.models import (
    Apology,
    CounterVisit,
    Dossier,
    DossierComponent,
    DossierEvent,
    DossierSequence,
    DossierStep,
    Evaluation,
    ProcessTemplate,
    ProcessTemplateStep,
    SupplementRequest,
    VisitOutcome,
)
from motcua.dossiers.workflow import (
    APPLICANT,
    TRANSITIONS,
    Action,
    Channel,
    Outcome,
    State,
)
from motcua.procedures.models import Level, Procedure, ProcedureStatus
from motcua.procedures.services import procedure_version_at
from motcua.utils.errors import DomainError
from motcua.utils.storage import file_save, files_atomic
from motcua.utils.uploads import check_uploads


class ApplicantActor:
    """The applicant acting on their own dossier (identity proven by the public lookup)."""

    role = APPLICANT
    is_authenticated = False
    pk = None

    def __repr__(self) -> str:
        return "ApplicantActor()"


APPLICANT_ACTOR = ApplicantActor()


@dataclass(frozen=True)
class ComponentData:
    name: str
    file: UploadedFile | None = None
    procedure_component_id: int | None = None
    originals: int = 0
    copies: int = 0
    digitized: bool = False
    reused_from: DossierComponent | None = None
    # A document of the applicant's electronic data store, reused instead of an upload.
    stored_document: StoredDocument | None = None
    # Scanned at the counter from the original shown: the intake officer certifies the
    # electronic copy (sealed by the agency in the job ``component_pdf``).
    certify: bool = False


@dataclass
class _Effects:
    slips: list[str] = field(default_factory=list)
    notify: list[str] = field(default_factory=list)
    # A state decided while applying (supplement: back to the state the request paused).
    target: State | None = None


def refuse(message_vi: str, message_en: str, code: str, status_code: int = 409) -> DomainError:
    return DomainError(message_vi, message_en, code=code, status_code=status_code)


# ---- checks -------------------------------------------------------------------------------


def _check(
    action: Action,
    dossier: Dossier | None,
    actor,
    *,
    receiving: Agency | None = None,
    now: dt.datetime | None = None,
):
    """Every guard of ``action`` (role, state, agency scope, the step's role and order, the law's
    limits at ``now``), answered by the authorisation module; the transition of the table when
    allowed."""
    authz.check(action, dossier, actor, receiving=receiving, now=now)
    return TRANSITIONS[action]


def _lock(dossier: Dossier) -> Dossier:
    return Dossier.objects.select_for_update().get(pk=dossier.pk)


def _event(
    dossier: Dossier,
    *,
    action: Action | str,
    actor,
    at: dt.datetime,
    from_state,
    note: str = "",
    step_due_at=None,
    data: dict[str, Any] | None = None,
) -> DossierEvent:
    user = actor if getattr(actor, "is_authenticated", False) else None
    return DossierEvent.objects.create(
        dossier=dossier,
        at=at,
        actor=user,
        actor_label=""
        if user
        else ("applicant" if isinstance(actor, ApplicantActor) else "system"),
        action=action,
        from_state=from_state,
        to_state=dossier.state,
        note=note,
        step_due_at=step_due_at,
        data=data or {},
    )


def _after(dossier: Dossier, effects: _Effects, actor) -> None:
    """Issue slips, queue notifications and tell the apps that follow dossiers (the portal
    exchange) of the change, inside the transaction (durable outbox). Every action of the
    lifecycle passes here: creation (``dossier_receive``, ``dossier_submit_online``) and each
    transition (``_transition``)."""
    from motcua.dossiers.slips import slip_issue
    from motcua.notifications.services import notification_enqueue

    user = actor if getattr(actor, "is_authenticated", False) else None
    for kind in effects.slips:
        slip_issue(dossier=dossier, kind=kind, actor=user)
    for event in effects.notify:
        notification_enqueue(dossier=dossier, event=event)
    dossier_changed(dossier)


# ---- codes and deadlines ------------------------------------------------------------------


def next_dossier_code(*, agency: Agency, day: dt.date) -> str:
    """``<agency code>-<yyMMdd>-<4-digit sequence>``; never repeats, also under concurrent
    intake: the per-agency-day counter row is locked while incremented."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                sequence, _created = DossierSequence.objects.select_for_update().get_or_create(
                    agency=agency,
                    day=day,
                )
                prefix = f"{agency.code}-{day:%y%m%d}-"
                if _created:
                    # Imported history may already hold codes of this day: continue after them.
                    sequence.last = _highest_sequence(prefix)
                number = sequence.last + 1
                sequence.last = number
                sequence.save(update_fields=["last"])
                return f"{prefix}{number:04d}"
        except IntegrityError:
            continue  # another intake created the day's row first; lock it now
    raise RuntimeError("could not allocate a dossier code")


def _highest_sequence(prefix: str) -> int:
    codes = Dossier.objects.filter(code__startswith=prefix).values_list("code", flat=True)
    return max((int(c[len(prefix) :]) for c in codes if c[len(prefix) :].isdigit()), default=0)


def _set_deadline(dossier: Dossier, received_at: dt.datetime) -> None:
    version = dossier.procedure_version
    limit = version.processing_days if version else dossier.procedure.processing_days
    unit = cast(Unit, version.day_unit if version else dossier.procedure.day_unit)
    deadline = compute_deadline(
        received_at,
        limit,
        unit,
        calendar=work_calendar(),
        hours=office_hours_for(dossier.agency),
    )
    dossier.due_at = deadline.due
    dossier.deadline = deadline.as_dict()


def _competent_agency(procedure: Procedure, agency: Agency | None) -> Agency:
    if procedure.status != ProcedureStatus.ACTIVE:
        raise refuse(
            "Thủ tục đã bãi bỏ.", "The procedure is abolished.", "procedure_abolished", 400
        )
    if procedure.level == Level.PROVINCE:
        if procedure.agency is None:
            raise refuse(
                "Thủ tục chưa có cơ quan thực hiện.",
                "The procedure has no agency.",
                "procedure_without_agency",
                400,
            )
        return procedure.agency
    if agency is None or agency.kind != procedure.level or not agency.is_active:
        raise refuse(
            "Vui lòng chọn đơn vị giải quyết đúng cấp của thủ tục.",
            "Choose an active agency of the procedure's level.",
            "invalid_agency",
            400,
        )
    return agency


def _check_files(components: Sequence[ComponentData]) -> None:
    """Every file of the request checked (content, size, count, total) before any is stored."""
    check_uploads(
        c.file
        for c in components
        if c.reused_from is None and c.stored_document is None and c.file is not None
    )


def reuse_refused() -> DomainError:
    return refuse(
        "Không thể dùng giấy tờ đã chọn từ kho dữ liệu điện tử (không thuộc người nộp, hết hiệu "
        "lực hoặc không đúng loại giấy tờ). Vui lòng tải tệp lên.",
        "The document chosen from the electronic data store cannot be used (not the "
        "applicant's, expired or of another kind). Please upload the file.",
        "invalid_reuse",
        400,
    )


def _check_reuse(
    *,
    procedure: Procedure,
    applicant: ApplicantData,
    components: Sequence[ComponentData],
    identifier: str | None,
    on: dt.date,
) -> None:
    """Every reused store document is the proven applicant's (``identifier``: signed in
    online, checked on the ID card at the counter), the applicant of the dossier, valid on
    ``on`` and of the kind the procedure's component asks for; else nothing is written."""
    reused = [c for c in components if c.stored_document is not None]
    if not reused:
        return
    if not identifier or identifier != applicant.id_number:
        raise reuse_refused()
    kinds: dict[int | None, str] = dict(procedure.components.values_list("pk", "document_kind"))
    for component in reused:
        document = component.stored_document
        assert document is not None
        kind = kinds.get(component.procedure_component_id)
        if (
            document.identifier != identifier
            or not document.valid_on(on)
            or not kind
            or document.kind != kind
        ):
            raise reuse_refused()


def _store_components(
    dossier: Dossier,
    components: Sequence[ComponentData],
    *,
    supplement=None,
    certifier=None,
) -> list[DossierComponent]:
    """Store the components of ``components``; ``certifier``: the intake officer who
    certifies the copies scanned at the counter that ask for it. Uploaded images and the
    copies to certify are queued for the job ``component_pdf``."""
    _check_files(components)
    rows = []
    for component in components:
        row = DossierComponent(
            dossier=dossier,
            name=component.name,
            supplement=supplement,
            procedure_component_id=component.procedure_component_id,
            originals=component.originals,
            copies=component.copies,
            digitized=component.digitized or component.file is not None,
        )
        if component.stored_document is not None:
            document = component.stored_document
            row.reused, row.stored_document, row.digitized = True, document, True
            row.file, row.sha256, row.size = document.file.name, document.sha256, document.size
            row.content_type = document.content_type
            row.original_name = document.original_name
        elif component.reused_from is not None:
            source = component.reused_from
            row.reused, row.reused_from, row.digitized = True, source, True
            row.file, row.sha256, row.size = source.file.name, source.sha256, source.size
            row.content_type, row.original_name = source.content_type, source.original_name
        elif component.file is not None:
            digest = hashlib.sha256()
            for chunk in component.file.chunks():
                digest.update(chunk)
            component.file.seek(0)
            row.sha256, row.size = digest.hexdigest(), component.file.size or 0
            row.content_type = getattr(component.file, "content_type", "") or ""
            row.original_name = (component.file.name or "")[:255]
            file_save(row.file, component.file.name or "", component.file)
            if component.certify and certifier is not None:
                row.certify_by = certifier
        rows.append(row)
    DossierComponent.objects.bulk_create(rows)
    if rows:
        dossier.components_digitized = all(r.digitized for r in dossier.components.all())
        dossier.reused_data = dossier.reused_data or any(r.reused for r in rows)
    _convert_later(rows)
    return rows


def _convert_later(rows: Sequence[DossierComponent]) -> None:
    """Queue the PDF/A conversion of uploaded images and the certification of the copies that
    ask for it, in the transaction that stores them."""
    from motcua.dossiers.tasks import component_pdf

    for row in rows:
        if (
            row.file
            and not row.reused
            and (row.content_type.startswith("image/") or row.certify_by_id)
        ):
            component_pdf.enqueue(pk=row.pk, key=f"component_pdf:{row.pk}")


def _digitized_into_store(dossier: Dossier, actor) -> None:
    """The components digitized at intake whose kind the procedure names go into the
    applicant's electronic data store (once each; the reused ones are there already)."""
    components = (
        dossier.components.filter(digitized=True, reused=False, procedure_component__isnull=False)
        .exclude(file="")
        .exclude(procedure_component__document_kind="")
        .select_related("procedure_component")
    )
    for c in components:
        assert c.procedure_component is not None
        stored_document_copy(
            identifier=dossier.applicant_id_number,
            kind=c.procedure_component.document_kind,
            source=DocumentSource.DIGITIZED,
            source_key=f"component:{c.pk}",
            stored_name=c.file.name or "",
            dossier_code=dossier.code,
            actor=actor,
            title=c.name,
            original_name=c.original_name,
            content_type=c.content_type,
            size=c.size,
            sha256=c.sha256,
        )


def _result_into_store(dossier: Dossier, actor, now: dt.datetime, upload: UploadedFile) -> None:
    """A result issued electronically goes into the applicant's electronic data store, with
    the name, type, size and digest of the file the approver uploaded."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    stored_document_copy(
        identifier=dossier.applicant_id_number,
        kind=dossier.procedure.result_kind,
        source=DocumentSource.RESULT,
        source_key=f"result:{dossier.pk}",
        stored_name=dossier.result_file.name or "",
        dossier_code=dossier.code,
        actor=actor,
        title=dossier.procedure.name,
        issuer=dossier.agency.name,
        issued_on=timezone.localtime(now).date(),
        original_name=(upload.name or "").rsplit("/", 1)[-1],
        content_type=getattr(upload, "content_type", "") or "",
        size=upload.size or 0,
        sha256=digest.hexdigest(),
    )


def _new_dossier(
    *,
    procedure: Procedure,
    agency: Agency,
    receiving: Agency,
    channel: str,
    applicant: ApplicantData,
    state: State,
    at: dt.datetime,
    sets: int = 1,
    note: str = "",
    idempotency_key: str | None = None,
    idempotency_hash: str = "",
) -> Dossier:
    dossier = Dossier(
        code=next_dossier_code(agency=receiving, day=timezone.localtime(at).date()),
        procedure=procedure,
        procedure_version=procedure_version_at(procedure=procedure, at=at),
        agency=agency,
        receiving_agency=receiving,
        current_agency=receiving,
        channel=channel,
        state=state,
        applicant_kind=applicant.kind,
        applicant_name=applicant.name,
        applicant_id_number=applicant.id_number,
        applicant_address=applicant.address,
        applicant_phone=applicant.phone,
        applicant_email=applicant.email,
        sets=sets,
        note=note,
        fee_vnd=procedure.fee_vnd,
        idempotency_key=idempotency_key,
        idempotency_hash=idempotency_hash,
    )
    if state == State.SUBMITTED:
        dossier.submitted_at = at
    else:
        dossier.received_at = at
        _set_deadline(dossier, at)
    dossier.save()
    return dossier


# ---- intake -------------------------------------------------------------------------------


def submission_fingerprint(
    *,
    procedure: Procedure,
    agency: Agency | None,
    applicant: ApplicantData,
    components: Sequence[ComponentData],
) -> str:
    """SHA-256 of what a submission asks for: the procedure, the agency chosen, the applicant's
    (normalised) data and every file's name, size and content."""
    files = []
    for component in components:
        digest = hashlib.sha256()
        if component.file is not None:
            for chunk in component.file.chunks():
                digest.update(chunk)
            component.file.seek(0)
        files.append(
            [
                component.name,
                component.procedure_component_id,
                component.file.name if component.file else "",
                component.file.size if component.file else 0,
                digest.hexdigest(),
            ]
        )
        if component.stored_document is not None:
            files[-1].append(str(component.stored_document.public_id))
    request = {
        "procedure": procedure.code,
        "agency": agency.pk if agency else None,
        "applicant": dataclasses.asdict(applicant),
        "files": files,
    }
    return hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()


def _replay(dossier: Dossier, fingerprint: str) -> Dossier:
    """The dossier of an earlier submission with the same key, if the request is the same."""
    stored = dossier.idempotency_hash
    if not (stored and hmac.compare_digest(stored, fingerprint)):
        raise refuse(
            "Khóa Idempotency-Key này đã được dùng cho một hồ sơ khác: mỗi lần nộp hồ sơ mới "
            "cần một khóa mới.",
            "This Idempotency-Key was used for another submission: use a new key for each "
            "new submission.",
            "idempotency_key_reused",
            422,
        )
    dossier.replayed = True
    return dossier


def dossier_submit_online(
    *,
    procedure: Procedure,
    applicant: ApplicantData,
    components: Sequence[ComponentData],
    now: dt.datetime,
    agency: Agency | None = None,
    idempotency_key: str | None = None,
    signed_in_identifier: str | None = None,
) -> Dossier:
    """An online submission (state 1), waiting for a desk to accept it.

    Components may reuse documents of the electronic data store of ``signed_in_identifier``
    (the applicant signed in with their national identity), who must be the applicant.

    Repeating the same submission (same request) with the same idempotency key returns the
    first dossier, marked ``replayed``: the caller must not treat it as a new proof of access.
    The same key with a different request is refused (422)."""
    applicant = applicant_clean(applicant)
    fingerprint = ""
    if idempotency_key:
        fingerprint = submission_fingerprint(
            procedure=procedure, agency=agency, applicant=applicant, components=components
        )
        existing = Dossier.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return _replay(existing, fingerprint)
    competent = _competent_agency(procedure, agency)
    _check(Action.SUBMIT, None, APPLICANT_ACTOR)
    _check_reuse(
        procedure=procedure,
        applicant=applicant,
        components=components,
        identifier=signed_in_identifier,
        on=timezone.localtime(now).date(),
    )
    try:
        with files_atomic(), transaction.atomic():
            dossier = _new_dossier(
                procedure=procedure,
                agency=competent,
                receiving=competent,
                channel=Channel.ONLINE,
                applicant=applicant,
                state=State.SUBMITTED,
                at=now,
                idempotency_key=idempotency_key or None,
                idempotency_hash=fingerprint,
            )
            _store_components(dossier, components)
            dossier.save(update_fields=["components_digitized", "reused_data"])
            _event(dossier, action=Action.SUBMIT, actor=APPLICANT_ACTOR, at=now, from_state=None)
            _after(dossier, _Effects(notify=["submitted"]), APPLICANT_ACTOR)
            return dossier
    except IntegrityError:
        if idempotency_key:  # a concurrent repeat of the same submission won the race
            return _replay(Dossier.objects.get(idempotency_key=idempotency_key), fingerprint)
        raise


def dossier_receive(
    *,
    actor,
    procedure: Procedure,
    applicant: ApplicantData,
    components: Sequence[ComponentData],
    now: dt.datetime,
    channel: str = Channel.DIRECT,
    agency: Agency | None = None,
    sets: int = 1,
    note: str = "",
) -> Dossier:
    """Counter or postal intake of a complete dossier: accepted at once, slip 01 issued."""
    applicant = applicant_clean(applicant)
    if channel not in (Channel.DIRECT, Channel.POSTAL):
        raise refuse("Kênh tiếp nhận không hợp lệ.", "Invalid channel.", "invalid_channel", 400)
    competent = _competent_agency(procedure, agency)
    receiving = actor.agency
    if receiving is None:
        raise refuse(
            "Tài khoản chưa gắn với cơ quan.",
            "Your account has no agency.",
            "agency_not_allowed",
            403,
        )
    _check(Action.RECEIVE, None, actor, receiving=receiving)
    # At the counter the officer checks the applicant's ID card: the identifier is proven.
    _check_reuse(
        procedure=procedure,
        applicant=applicant,
        components=components,
        identifier=applicant.id_number,
        on=timezone.localtime(now).date(),
    )
    with files_atomic(), transaction.atomic():
        dossier = _new_dossier(
            procedure=procedure,
            agency=competent,
            receiving=receiving,
            channel=channel,
            applicant=applicant,
            state=State.RECEIVED,
            at=now,
            sets=sets,
            note=note,
        )
        rows = _store_components(dossier, components, certifier=actor)
        dossier.save(update_fields=["components_digitized", "reused_data"])
        _digitized_into_store(dossier, actor)
        data: dict[str, Any] = {"due_at": dossier.due_at.isoformat() if dossier.due_at else None}
        if certified := [r.pk for r in rows if r.certify_by_id]:
            data["certify_components"] = certified
        _event(
            dossier,
            action=Action.RECEIVE,
            actor=actor,
            at=now,
            from_state=None,
            data=data,
        )
        _after(dossier, _Effects(slips=["receipt"], notify=["received"]), actor)
        return dossier


def counter_visit_record(
    *,
    actor,
    procedure: Procedure,
    applicant: ApplicantData,
    outcome: str,
    now: dt.datetime,
    items: str = "",
    reason: str = "",
    agency: Agency | None = None,
) -> CounterVisit:
    """A counter visit that ends without receiving the dossier: guidance to complete it (slip
    02 listing every missing item) or refusal (slip 03 with the reasons). The visit and its
    slip are recorded and audited; no dossier is created, so no statistic counts it."""
    from motcua.audit.services import audit_record
    from motcua.dossiers.slips.issue import visit_slip_issue

    applicant = applicant_clean(applicant)
    if outcome == VisitOutcome.GUIDANCE:
        _require(items, "nội dung cần bổ sung, hoàn thiện", "what is missing")
    elif outcome == VisitOutcome.REFUSAL:
        _require(reason, "lý do từ chối", "reason")
    else:
        raise refuse("Kết quả không hợp lệ.", "Invalid outcome.", "invalid", 400)
    desk = actor.agency
    if desk is None:
        raise refuse(
            "Tài khoản chưa gắn với cơ quan.",
            "Your account has no agency.",
            "agency_not_allowed",
            403,
        )
    # Guiding or refusing at the counter is the receiving desk's act, like receiving.
    _check(Action.RECEIVE, None, actor, receiving=desk)
    competent = _competent_agency(procedure, agency) if agency is not None else None
    with transaction.atomic():
        visit = CounterVisit.objects.create(
            desk=desk,
            agency=competent,
            procedure=procedure,
            outcome=outcome,
            applicant_kind=applicant.kind,
            applicant_name=applicant.name,
            applicant_id_number=applicant.id_number,
            applicant_address=applicant.address,
            applicant_phone=applicant.phone,
            applicant_email=applicant.email,
            items=items.strip(),
            reason=reason.strip(),
            at=now,
            officer=actor,
        )
        visit_slip_issue(visit=visit)
        visit.save(update_fields=["form_set", "form_number", "title", "content", "sha256"])
        audit_record(
            action=f"counter_visit.{outcome}",
            target=visit,
            actor=actor,
            data={"procedure": procedure.code, "desk": desk.code},
        )
        return visit


def _transition(
    dossier: Dossier,
    action: Action,
    actor,
    now: dt.datetime,
    apply: Callable[[Dossier, _Effects], dict[str, Any] | None],
    *,
    note: str = "",
) -> Dossier:
    # Files stored by ``apply`` (supplements, the result) go if the transition fails.
    with files_atomic(), transaction.atomic():
        dossier = _lock(dossier)
        transition = _check(action, dossier, actor, now=now)
        before = dossier.state
        effects = _Effects()
        data = apply(dossier, effects) or {}
        new_state = effects.target or transition.target
        if new_state is not None:
            dossier.state = new_state
        dossier.save()
        step = dossier.steps.filter(finished_at__isnull=True).order_by("order").first()
        _event(
            dossier,
            action=action,
            actor=actor,
            at=now,
            from_state=before,
            note=note,
            step_due_at=step.due_at if step else None,
            data=data,
        )
        _after(dossier, effects, actor)
        return dossier


def dossier_accept(*, actor, dossier: Dossier, now: dt.datetime) -> Dossier:
    """Accept an online submission: the clock starts now; slip 01 issued."""

    def apply(d: Dossier, effects: _Effects):
        d.received_at = now
        _set_deadline(d, now)
        _digitized_into_store(d, actor)
        effects.slips.append("receipt")
        effects.notify.append("received")
        return {"due_at": d.due_at.isoformat() if d.due_at else None}

    return _transition(dossier, Action.ACCEPT, actor, now, apply)


def dossier_refuse_intake(*, actor, dossier: Dossier, reason: str, now: dt.datetime) -> Dossier:
    """Refuse an online submission (slip 03). It never becomes a counted dossier."""
    _require(reason, "lý do từ chối", "reason")

    def apply(d: Dossier, effects: _Effects):
        d.result_note = reason
        effects.slips.append("refusal")
        effects.notify.append("refused_intake")

    return _transition(dossier, Action.REFUSE_INTAKE, actor, now, apply, note=reason)


def _require(value: str, name_vi: str, name_en: str) -> None:
    if not (value or "").strip():
        raise refuse(f"Vui lòng nhập {name_vi}.", f"{name_en} is required.", "invalid", 400)


# ---- processing ---------------------------------------------------------------------------


# One working day of a time limit, in the hours of the default office hours (lifecycle.md).
WORKING_DAY_HOURS = Decimal(8)


def process_template_check(
    *, procedure: Procedure, step_hours: Sequence[Decimal], transfer_hours: Decimal
) -> None:
    """Refuse a process template whose budgets do not add up to the procedure's time limit:
    the desk's transfer and every step, in working hours, equal the limit in working days × 8.
    A calendar-day limit holds at most that many working days, so there the budgets may not
    exceed it; a procedure without a limit is not checked. Raises ``DomainError`` (400)."""
    if procedure.processing_days is None:
        return
    total = sum(step_hours, Decimal(0)) + transfer_hours
    limit = Decimal(procedure.processing_days) * WORKING_DAY_HOURS
    if procedure.day_unit == "calendar":
        if total <= limit:
            return
        relation_vi, relation_en = "không được vượt quá", "must not exceed"
    elif total == limit:
        return
    else:
        relation_vi, relation_en = "phải bằng", "must equal"
    raise refuse(
        f"Tổng thời gian của các bước và của Bộ phận Một cửa ({_hours(total)} giờ làm việc) "
        f"{relation_vi} thời hạn giải quyết của thủ tục ({_hours(limit)} giờ làm việc).",
        f"The steps' and the desk's budgets ({_hours(total)} working hours) {relation_en} "
        f"the procedure's time limit ({_hours(limit)} working hours).",
        "budget_mismatch",
        400,
    )


def _hours(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _limit_hours(dossier: Dossier) -> Decimal:
    """The dossier's time limit in working hours (two working days when it has none)."""
    hours = office_hours_for(dossier.agency)
    day_hours = Decimal(hours.day_length.total_seconds()) / 3600
    version = dossier.procedure_version
    limit = version.processing_days if version else dossier.procedure.processing_days
    return Decimal(limit) * day_hours if limit is not None else day_hours * 2


def _default_transfer_hours(dossier: Dossier) -> Decimal:
    """The desk's handover budget without a process template: half a working day, at most an
    eighth of the time limit, so that the desk and the default steps add up to the limit."""
    return min(DEFAULT_TRANSFER_HOURS, (_limit_hours(dossier) / 8).quantize(Decimal("0.01")))


def _template_steps(dossier: Dossier) -> list[DossierStep]:
    """The dossier's steps from its procedure's process template, or the default one: after
    the desk's handover, the competent agency's handler examines (3/4 of the rest of the time
    limit), its leader approves (1/4); with the desk's budget they add up to the limit."""
    total = _limit_hours(dossier) - _default_transfer_hours(dossier)
    configured = list(
        ProcessTemplateStep.objects.filter(template__procedure=dossier.procedure).order_by("order")
    )
    if configured:
        return [
            DossierStep(
                dossier=dossier,
                order=i,
                name=s.name,
                role=s.role,
                agency_id=s.agency_id or dossier.agency_id,
                budget_hours=s.budget_hours,
            )
            for i, s in enumerate(configured, start=1)
        ]
    handler = (total * 3 / 4).quantize(Decimal("0.01"))
    return [
        DossierStep(
            dossier=dossier,
            order=1,
            name="Thẩm định hồ sơ",
            role=Role.HANDLER,
            agency_id=dossier.agency_id,
            budget_hours=handler,
        ),
        DossierStep(
            dossier=dossier,
            order=2,
            name="Phê duyệt kết quả",
            role=Role.APPROVER,
            agency_id=dossier.agency_id,
            budget_hours=total - handler,
        ),
    ]


def _start_step(step: DossierStep, now: dt.datetime) -> None:
    agency = Agency.objects.get(pk=step.agency_id)
    hours = office_hours_for(agency)
    step.started_at = now
    days = Decimal(step.budget_hours) / (Decimal(hours.day_length.total_seconds()) / 3600)
    step.due_at = add_working_time(now, days, calendar=work_calendar(), hours=hours)


def _current_step(dossier: Dossier) -> DossierStep | None:
    return dossier.steps.filter(finished_at__isnull=True).order_by("order").first()


# The desk's handover budget when the procedure has no process template of its own.
DEFAULT_TRANSFER_HOURS = Decimal(4)


def _transfer_timing(d: Dossier, now: dt.datetime) -> dict[str, Any]:
    """The desk's handover against its own budget (the template's, else the default one),
    from receipt to transfer: kept in the transfer's history entry, shown with the steps."""
    template = ProcessTemplate.objects.filter(procedure_id=d.procedure_id).first()
    budget = template.transfer_budget_hours if template else _default_transfer_hours(d)
    if d.received_at is None:
        return {}
    hours = office_hours_for(d.receiving_agency)
    day_hours = Decimal(hours.day_length.total_seconds()) / 3600
    due = add_working_time(
        d.received_at, Decimal(budget) / day_hours, calendar=work_calendar(), hours=hours
    )
    return {
        "transfer_budget_hours": str(budget),
        "transfer_due_at": due.isoformat(),
        "transfer_timing": DossierStep(due_at=due, finished_at=now).timing,
    }


def dossier_transfer(*, actor, dossier: Dossier, now: dt.datetime) -> Dossier:
    """Hand the dossier to the competent agency: its processing steps begin."""

    def apply(d: Dossier, effects: _Effects):
        steps = _template_steps(d)
        _start_step(steps[0], now)
        DossierStep.objects.bulk_create(steps)
        d.current_agency_id = steps[0].agency_id
        return {"steps": len(steps), "to_agency": d.current_agency_id, **_transfer_timing(d, now)}

    return _transition(dossier, Action.TRANSFER, actor, now, apply)


# The states of an imported dossier still in process (interchange.md: at the settling agency).
ADOPTED_STATES = (State.PROCESSING, State.AWAITING_SUPPLEMENT)


def dossiers_adopt_imported(*, batch: int = 2000) -> int:
    """Give the imported open dossiers that have no steps yet the process steps of their
    procedure, as a transfer would (interchange.md: an imported open dossier is at its settling
    agency, waiting for a handler there).

    The steps are those of the procedure's template (or the default handler + approver); the
    first one is started at the dossier's receipt (the dossier has been at that agency since),
    unassigned. The dossier's recorded ``due_at`` is kept. Idempotent: a dossier with steps is
    left alone. Written in bulk: one template per (procedure, version, agency), one calendar.
    Returns the number of dossiers adopted.
    """
    pending = (
        Dossier.objects.filter(
            imported=True,
            ended_at__isnull=True,
            state__in=ADOPTED_STATES,
            received_at__isnull=False,
        )
        .exclude(steps__isnull=False)
        .select_related("agency", "procedure", "procedure_version")
        .order_by("pk")
    )
    calendar = work_calendar()
    templates: dict[tuple[int, int | None, int], list[DossierStep]] = {}
    hours_of: dict[int, Any] = {}
    adopted = 0
    with transaction.atomic():
        dossiers = list(pending)
        for start in range(0, len(dossiers), batch):
            steps: list[DossierStep] = []
            moved: list[Dossier] = []
            for d in dossiers[start : start + batch]:
                key = (d.procedure_id, d.procedure_version_id, d.agency_id)
                if key not in templates:
                    templates[key] = _template_steps(d)
                for model in templates[key]:
                    steps.append(
                        DossierStep(
                            dossier=d,
                            order=model.order,
                            name=model.name,
                            role=model.role,
                            agency_id=model.agency_id,
                            budget_hours=model.budget_hours,
                        )
                    )
                first = steps[-len(templates[key])]
                if first.agency_id not in hours_of:
                    hours_of[first.agency_id] = office_hours_for(
                        Agency.objects.get(pk=first.agency_id)
                    )
                hours = hours_of[first.agency_id]
                received = cast(dt.datetime, d.received_at)
                day = Decimal(hours.day_length.total_seconds()) / 3600
                first.started_at = received
                first.due_at = add_working_time(
                    received, Decimal(first.budget_hours) / day, calendar=calendar, hours=hours
                )
                if d.current_agency_id != first.agency_id:
                    d.current_agency_id = first.agency_id
                    moved.append(d)
            DossierStep.objects.bulk_create(steps)
            Dossier.objects.bulk_update(moved, ["current_agency_id"])
            adopted += min(batch, len(dossiers) - start)
    return adopted


def dossier_assign(*, actor, dossier: Dossier, assignee, now: dt.datetime) -> Dossier:
    """Assign the current step to an officer of its agency with the step's role."""

    def apply(d: Dossier, effects: _Effects):
        step = _open_step(d)
        if not authz.eligible_assignees(d).filter(pk=assignee.pk).exists():
            raise refuse(
                "Người được phân công phải thuộc cơ quan và vai trò của bước xử lý.",
                "The assignee must belong to the step's agency and role.",
                "invalid_assignee",
                400,
            )
        step.assignee = assignee
        step.save(update_fields=["assignee"])
        return {"step": step.order, "assignee": assignee.username}

    return _transition(dossier, Action.ASSIGN, actor, now, apply)


def _open_step(d: Dossier) -> DossierStep:
    step = _current_step(d)
    # ``authz.check`` refuses every action that needs an open step when there is none.
    assert step is not None
    return step


def _finish_step(d: Dossier, actor, now: dt.datetime, note: str) -> DossierStep:
    # The open step exists and is the actor's role's: checked by ``authz.check`` before.
    step = _open_step(d)
    step.finished_at, step.finished_by, step.note = now, actor, note
    step.save(update_fields=["finished_at", "finished_by", "note"])
    return step


def dossier_forward(*, actor, dossier: Dossier, now: dt.datetime, note: str = "") -> Dossier:
    """Finish the current step and start the next one (possibly at another agency)."""

    def apply(d: Dossier, effects: _Effects):
        step = _finish_step(d, actor, now, note)
        # A following step exists: forwarding the last step is refused by ``authz.check``.
        following = d.steps.filter(order__gt=step.order).order_by("order").first()
        assert following is not None
        _start_step(following, now)
        following.save(update_fields=["started_at", "due_at"])
        d.current_agency_id = following.agency_id
        return {"finished_step": step.order, "timing": step.timing, "next_step": following.order}

    return _transition(dossier, Action.FORWARD, actor, now, apply, note=note)


def dossier_request_supplement(
    *,
    actor,
    dossier: Dossier,
    reason: str,
    items: str,
    now: dt.datetime,
) -> Dossier:
    """Ask the applicant to supplement (slip 02); the clock pauses until they do."""
    _require(items, "nội dung cần bổ sung", "items")

    def apply(d: Dossier, effects: _Effects):
        # A repeat is a second request after intake: the desk's check of an online submission
        # before receiving it (state submitted) is not a supplement of the received dossier.
        repeat = (
            d.state != State.SUBMITTED
            and d.supplements.exclude(paused_state=State.SUBMITTED).exists()
        )
        SupplementRequest.objects.create(
            dossier=d,
            requested_at=now,
            requested_by=actor,
            reason=reason,
            items=items,
            paused_state=d.state,
            is_repeat=repeat,
        )
        effects.slips.append("supplement")
        effects.notify.append("supplement_requested")
        return {"repeat": repeat}

    return _transition(dossier, Action.REQUEST_SUPPLEMENT, actor, now, apply, note=items)


def dossier_record_supplement(
    *,
    actor,
    dossier: Dossier,
    components: Sequence[ComponentData],
    now: dt.datetime,
    note: str = "",
) -> Dossier:
    """The applicant supplied what was asked: the clock resumes and the due date (and the
    current step's) moves later by the paused working time; a received dossier gets a new
    receipt (form 01) with the moved appointment."""

    def apply(d: Dossier, effects: _Effects):
        request = d.supplements.filter(supplied_at__isnull=True).order_by("-requested_at").first()
        assert request is not None  # the transition table allows this only while one is open
        request.supplied_at = now
        data: dict[str, Any] = {}
        if d.received_at is not None:
            calendar, hours = work_calendar(), office_hours_for(d.agency)
            paused = working_time_between(request.requested_at, now, calendar=calendar, hours=hours)
            request.paused_seconds = int(paused.total_seconds())
            if d.due_at:
                d.due_at = extend_by_working_time(d.due_at, paused, calendar=calendar, hours=hours)
                pauses = (d.deadline or {}).setdefault("pauses", [])
                pauses.append(
                    {
                        "from": request.requested_at.isoformat(),
                        "to": now.isoformat(),
                        "working_seconds": request.paused_seconds,
                    }
                )
            step = _current_step(d)
            if step and step.due_at:
                step.due_at = extend_by_working_time(
                    step.due_at, paused, calendar=calendar, hours=office_hours_for(step.agency)
                )
                step.save(update_fields=["due_at"])
            data = {"paused_seconds": request.paused_seconds}
        request.save(update_fields=["supplied_at", "paused_seconds"])
        _store_components(d, components, supplement=request)
        if d.received_at is not None:
            # A new receipt (form 01) with the appointment moved by the pause.
            effects.slips.append("receipt")
        assert request.paused_state is not None  # set when the supplement was requested
        effects.target = State(request.paused_state)
        return data

    return _transition(dossier, Action.RECORD_SUPPLEMENT, actor, now, apply, note=note)


def dossier_request_payment(*, actor, dossier: Dossier, fee_vnd: int, now: dt.datetime) -> Dossier:
    if fee_vnd <= 0:
        raise refuse("Số tiền phải lớn hơn 0.", "The amount must be positive.", "invalid", 400)

    def apply(d: Dossier, effects: _Effects):
        d.fee_vnd = fee_vnd
        effects.notify.append("payment_requested")
        return {"fee_vnd": fee_vnd}

    return _transition(dossier, Action.REQUEST_PAYMENT, actor, now, apply)


def _pause_clock(d: Dossier, start: dt.datetime, end: dt.datetime, kind: str) -> int:
    """Move the due date (and the current step's) later by the working time from ``start`` to
    ``end``, and record the pause in the deadline's explanation. The paused seconds."""
    calendar, hours = work_calendar(), office_hours_for(d.agency)
    paused = working_time_between(start, end, calendar=calendar, hours=hours)
    if d.due_at:
        d.due_at = extend_by_working_time(d.due_at, paused, calendar=calendar, hours=hours)
        pause: dict[str, Any] = {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "working_seconds": int(paused.total_seconds()),
        }
        if kind != "supplement":
            pause["kind"] = kind
        (d.deadline or {}).setdefault("pauses", []).append(pause)
    step = _current_step(d)
    if step and step.due_at:
        step.due_at = extend_by_working_time(
            step.due_at, paused, calendar=calendar, hours=office_hours_for(step.agency)
        )
        step.save(update_fields=["due_at"])
    return int(paused.total_seconds())


def dossier_record_payment(*, actor, dossier: Dossier, online: bool, now: dt.datetime) -> Dossier:
    """The applicant paid. When the procedure says so (``payment_pauses_clock``: land
    procedures), the wait since the payment was requested is not counted: the due date (and the
    current step's) moves later by that working time, like after a supplement."""

    def apply(d: Dossier, effects: _Effects):
        d.paid_at, d.paid_online = now, online
        data: dict[str, Any] = {"online": online}
        requested = (
            d.events.filter(action=Action.REQUEST_PAYMENT).order_by("-at", "-id").first()
            if d.procedure.payment_pauses_clock and d.received_at is not None
            else None
        )
        if requested is not None:
            data["paused_seconds"] = _pause_clock(d, requested.at, now, "payment")
        return data

    return _transition(dossier, Action.RECORD_PAYMENT, actor, now, apply)


def _end(d: Dossier, outcome: Outcome, now: dt.datetime, note: str = "") -> None:
    """Processing ends: steps not reached are closed as not needed."""
    d.outcome, d.ended_at = outcome, now
    d.steps.filter(finished_at__isnull=True).update(
        finished_at=now,
        note=note or "Không thực hiện (hồ sơ đã kết thúc xử lý)",
    )


def dossier_approve(
    *,
    actor,
    dossier: Dossier,
    now: dt.datetime,
    note: str = "",
    result_file: UploadedFile | None = None,
) -> Dossier:
    """Approve: the result is issued (outcome approved); processing ends. The job
    ``result_sign`` then makes it a signed PDF (the upload, or a generated result document)."""
    from motcua.dossiers.slips.issue import document_number
    from motcua.dossiers.slips.result import RESULT_SYMBOL
    from motcua.dossiers.tasks import result_sign

    if result_file is not None:
        check_uploads([result_file])

    def apply(d: Dossier, effects: _Effects):
        step = _finish_step(d, actor, now, note)
        _end(d, Outcome.APPROVED, now)
        d.result_note = note
        data: dict[str, Any] = {"finished_step": step.order, "timing": step.timing}
        if result_file is not None:
            file_save(d.result_file, result_file.name or "", result_file)
            d.result_digitized = True
            _result_into_store(d, actor, now, result_file)
        else:  # the job composes the result document: its number is taken now, once
            data["result_number"] = document_number(
                agency=d.agency, year=timezone.localtime(now).year, symbol=RESULT_SYMBOL
            )
        d.current_agency_id = d.receiving_agency_id
        effects.notify.append("resolved")
        # Signed by the approver, then sealed, outside this transaction.
        result_sign.enqueue(pk=d.pk, key=f"result_sign:{d.pk}")
        return data

    return _transition(dossier, Action.APPROVE, actor, now, apply, note=note)


def dossier_refuse(*, actor, dossier: Dossier, reason: str, now: dt.datetime) -> Dossier:
    """Refuse after examination, in writing with reasons (outcome refused)."""
    _require(reason, "lý do từ chối", "reason")

    def apply(d: Dossier, effects: _Effects):
        step = _finish_step(d, actor, now, reason)
        _end(d, Outcome.REFUSED, now)
        d.result_note = reason
        d.current_agency_id = d.receiving_agency_id
        effects.notify.append("resolved")
        return {"finished_step": step.order}

    return _transition(dossier, Action.REFUSE, actor, now, apply, note=reason)


def dossier_stop(*, actor, dossier: Dossier, reason: str, now: dt.datetime) -> Dossier:
    """Stop processing (notice of stopping)."""
    _require(reason, "lý do dừng xử lý", "reason")

    def apply(d: Dossier, effects: _Effects):
        _end(d, Outcome.STOPPED, now, reason)
        d.result_note = reason
        effects.slips.append("stop")
        effects.notify.append("stopped")

    return _transition(dossier, Action.STOP, actor, now, apply, note=reason)


def dossier_withdraw(*, actor, dossier: Dossier, reason: str, now: dt.datetime) -> Dossier:
    """The applicant withdraws the dossier; processing ends."""

    def apply(d: Dossier, effects: _Effects):
        _end(d, Outcome.WITHDRAWN, now, reason)
        d.result_note = reason
        effects.notify.append("withdrawn")

    return _transition(dossier, Action.WITHDRAW, actor, now, apply, note=reason)


# A new date promised in an apology: within a year (a later one is a typing error).
APOLOGY_HORIZON = dt.timedelta(days=366)


def dossier_apologise(
    *,
    actor,
    dossier: Dossier,
    reason: str,
    new_date: dt.datetime,
    now: dt.datetime,
) -> Dossier:
    """Apology slip (04) with a new date promised to the applicant. The deadline used by the
    statistics does not move: a late dossier stays late."""
    _require(reason, "lý do", "reason")
    if new_date <= now or (dossier.due_at and new_date <= dossier.due_at):
        raise refuse(
            "Ngày hẹn lại phải sau hạn giải quyết và sau thời điểm hiện tại.",
            "The new date must be after the due date and now.",
            "invalid",
            400,
        )

    def apply(d: Dossier, effects: _Effects):
        if new_date > now + APOLOGY_HORIZON:  # checked once the actor may apologise at all
            raise refuse(
                "Ngày hẹn lại không được quá một năm kể từ hôm nay.",
                "The new date must be within a year from today.",
                "invalid",
                400,
            )
        Apology.objects.create(
            dossier=d,
            issued_at=now,
            issued_by=actor,
            agency=actor.agency,
            reason=reason,
            new_date=new_date,
        )
        d.promised_at = new_date
        effects.slips.append("apology")
        effects.notify.append("apology")
        return {"new_date": new_date.isoformat()}

    return _transition(dossier, Action.APOLOGISE, actor, now, apply, note=reason)


def dossier_return_result(*, actor, dossier: Dossier, method: str, now: dt.datetime) -> Dossier:
    from motcua.dossiers.models import ReturnMethod

    if method not in ReturnMethod.values:
        raise refuse(
            "Hình thức trả kết quả không hợp lệ.", "Invalid return method.", "invalid", 400
        )

    def apply(d: Dossier, effects: _Effects):
        d.returned_at, d.return_method = now, method
        effects.notify.append("returned")
        return {"method": method}

    return _transition(dossier, Action.RETURN_RESULT, actor, now, apply)


def dossier_evaluate(
    *,
    actor,
    dossier: Dossier,
    scores: dict[str, int],
    now: dt.datetime,
    comment: str = "",
) -> Dossier:
    """Evaluate the settlement on the 9 official indicators, 0–2 points each.

    The five indicators the system knows are computed from the dossier's facts
    (``evaluation_rules``); ``scores`` holds only the four the applicant scores. The applicant's
    own evaluation and the desk's on their behalf are kept apart, at most one of each.
    """
    from motcua.dossiers.evaluation_rules import (
        APPLICANT_INDICATORS,
        computed_scores,
        explanations,
    )
    from motcua.dossiers.models import EvaluationSource
    from motcua.dossiers.selectors import evaluation_facts

    names = APPLICANT_INDICATORS
    if set(scores) != set(names) or any(scores[n] not in (0, 1, 2) for n in names):
        raise refuse(
            "Cần chấm đủ 4 chỉ số do người nộp đánh giá, mỗi chỉ số 0, 1 hoặc 2 điểm.",
            "The 4 indicators the applicant scores are required, each 0, 1 or 2.",
            "invalid",
            400,
        )
    officer = actor if getattr(actor, "is_authenticated", False) else None
    source = EvaluationSource.APPLICANT if officer is None else EvaluationSource.DESK_ON_BEHALF

    def apply(d: Dossier, effects: _Effects):
        facts = evaluation_facts(d)
        computed = computed_scores(facts)
        try:
            with transaction.atomic():
                Evaluation.objects.create(
                    dossier=d,
                    at=now,
                    source=source,
                    officer=officer,
                    comment=comment,
                    computed=explanations(facts),
                    **computed,
                    **scores,
                )
        except IntegrityError:
            raise refuse(
                "Hồ sơ đã được đánh giá.", "Already evaluated.", "already_evaluated"
            ) from None
        return {"total": sum(computed.values()) + sum(scores.values()), "source": source}

    return _transition(dossier, Action.EVALUATE, actor, now, apply)


# ---- calendar changes ---------------------------------------------------------------------


def dossier_recompute_deadlines(*, changed: frozenset[dt.date] | None = None) -> int:
    """Recompute the due dates of open dossiers after the working calendar changed.

    Closed dossiers never change, nor does imported history. The deadline is recomputed from
    the receipt with the dossier's own procedure version, then moved again by every finished
    supplement pause measured on the new calendar. Only dossiers whose counting window could
    contain a changed date are touched when ``changed`` is given. Returns how many moved.
    """
    from motcua.dossiers.workflow import OPEN_STATES

    calendar = work_calendar()
    open_dossiers = Dossier.objects.filter(
        state__in=OPEN_STATES,
        imported=False,
        received_at__isnull=False,
        due_at__isnull=False,
    ).select_related("agency", "procedure", "procedure_version")
    if changed:
        open_dossiers = open_dossiers.filter(received_on__lte=max(changed))
    moved = 0
    for dossier in open_dossiers.iterator(chunk_size=500):
        if changed and dossier.due_on and dossier.due_on < min(changed) - dt.timedelta(days=1):
            continue  # the change is after the whole counting window
        with transaction.atomic():
            locked = (
                Dossier.objects.select_for_update(of=("self",))
                .select_related(
                    "agency",
                    "procedure",
                    "procedure_version",
                )
                .get(pk=dossier.pk)
            )
            hours = office_hours_for(locked.agency)
            old_due, received_at = locked.due_at, locked.received_at
            old_deadline = locked.deadline
            assert old_due is not None and received_at is not None  # the filter above
            _set_deadline(locked, received_at)
            old_pauses = (old_deadline or {}).get("pauses") or []
            pauses = []
            # Supplements (from their requests) and the other pauses kept in the explanation
            # (waiting for fees or taxes), measured again with the new calendar.
            spans: list[tuple[dt.datetime, dt.datetime | None, dict[str, str]]] = [
                (request.requested_at, request.supplied_at, {})
                for request in locked.supplements.filter(supplied_at__isnull=False)
            ] + [
                (
                    dt.datetime.fromisoformat(p["from"]),
                    dt.datetime.fromisoformat(p["to"]),
                    {"kind": p["kind"]},
                )
                for p in old_pauses
                if p.get("kind")
            ]
            for begin, end, extra in spans:
                assert end is not None and locked.due_at is not None
                paused = working_time_between(begin, end, calendar=calendar, hours=hours)
                locked.due_at = extend_by_working_time(
                    locked.due_at, paused, calendar=calendar, hours=hours
                )
                pauses.append(
                    {
                        "from": begin.isoformat(),
                        "to": end.isoformat(),
                        "working_seconds": int(paused.total_seconds()),
                        **extra,
                    }
                )
            locked.deadline = {**(locked.deadline or {}), "pauses": pauses}
            if locked.due_at != old_due:
                locked.save(update_fields=["due_at", "deadline"])
                _event(
                    locked,
                    action="recompute_deadline",
                    actor=None,
                    at=timezone.now(),
                    from_state=locked.state,
                    data={
                        "old_due_at": old_due.isoformat(),
                        "due_at": locked.due_at and locked.due_at.isoformat(),
                        "calendar_version": calendar.version,
                    },
                )
                dossier_changed(locked)  # its due date (NgayHenTra) moved
                moved += 1
    return moved
