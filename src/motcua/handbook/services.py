"""Services of the handbook: every change an editor (or an import, or a visitor asking a
question) makes goes through one of these, in a transaction, with its audit entry."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction

from motcua.agencies.models import Agency
from motcua.audit.services import audit_record
from motcua.handbook.models import (
    EVIDENCE_FILES,
    AgencyIndexResult,
    Document,
    IndexComponent,
    IndexResult,
    Question,
    QuestionCategory,
    QuestionState,
    Target,
    TargetProgress,
)
from motcua.utils.errors import DomainError
from motcua.utils.storage import file_save, files_atomic
from motcua.utils.text import fold
from motcua.utils.uploads import DOCUMENTS, check_uploads

DOCUMENT_FIELDS = ("number", "issued_on", "issuer", "level", "kind", "title", "summary", "status")
TARGET_FIELDS = ("code", "agency", "year", "phase", "title", "goal", "unit", "deadline")
INDEX_FIELDS = ("index", "year", "score", "rank", "rank_of", "source")


def _invalid(message_vi: str, message_en: str, code: str = "invalid") -> DomainError:
    return DomainError(message_vi, message_en, code=code, status_code=400)


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dt.date | Decimal):
        return str(value)
    return value


def _assign(instance: models.Model, values: dict[str, Any], allowed: tuple[str, ...]) -> dict:
    """Set ``values`` on ``instance``; the ones that changed, as JSON for the audit trail."""
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    changed = {}
    for name, value in values.items():
        # A new row has no related object yet (RelatedObjectDoesNotExist is an AttributeError).
        if getattr(instance, name, None) != value:
            changed[name] = _jsonable(value)
        setattr(instance, name, value)
    return changed


def _full_clean(instance: models.Model, exclude: list[str] | None = None) -> None:
    """Model validation as a domain error (pages, imports and the admin call services)."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        messages = "; ".join(error.messages)
        raise DomainError(messages, messages, code="invalid", status_code=400) from error


def document_search_text(document: Document) -> str:
    return fold(" ".join([document.number, document.issuer, document.title, document.summary]))


def question_search_text(question: Question) -> str:
    return fold(" ".join([question.title, question.body, question.answer]))


# --- documents ----------------------------------------------------------------------------


def document_save(
    *,
    document: Document | None = None,
    values: dict[str, Any],
    file: UploadedFile | None = None,
    clear_file: bool = False,
    actor=None,
) -> Document:
    """Create (``document`` None) or change a directive document; ``file`` replaces its text
    after the upload check, ``clear_file`` removes it."""
    if file is not None:
        check_uploads([file], extensions=DOCUMENTS)
    with files_atomic(), transaction.atomic():
        created = document is None
        document = (
            Document()
            if document is None
            else Document.objects.select_for_update().get(pk=document.pk)
        )
        changed = _assign(document, values, DOCUMENT_FIELDS)
        if clear_file and document.file:
            document.file = ""
            changed["file"] = None
        _full_clean(document, exclude=["file"])
        if file is not None:
            file_save(document.file, file.name or "", file)
            changed["file"] = document.file.name
        if not created and not changed:
            return document
        document.search_text = document_search_text(document)
        document.save()
        audit_record(
            action="handbook.document.create" if created else "handbook.document.update",
            target=document,
            actor=actor,
            data={"number": document.number, **({} if created else {"changed": changed})},
        )
        return document


# --- targets ------------------------------------------------------------------------------


def target_save(*, target: Target | None = None, values: dict[str, Any], actor=None) -> Target:
    """Create (``target`` None) or change a target or task."""
    with transaction.atomic():
        created = target is None
        target = (
            Target() if target is None else Target.objects.select_for_update().get(pk=target.pk)
        )
        changed = _assign(target, values, TARGET_FIELDS)
        if not created and not changed:
            return target
        _full_clean(target)
        target.save()
        audit_record(
            action="handbook.target.create" if created else "handbook.target.update",
            target=target,
            actor=actor,
            data={"code": target.code, **({} if created else {"changed": changed})},
        )
        return target


def target_progress_report(
    *,
    target: Target,
    reported_on: dt.date,
    percent: int,
    note: str = "",
    achieved: Decimal | None = None,
    evidence: UploadedFile | None = None,
    actor=None,
) -> TargetProgress:
    """Append a progress report (with its evidence); 100% marks the target done on
    ``reported_on``. Reports are appended, never edited; a report dated before the latest one
    is refused (the history reads in order)."""
    if not 0 <= percent <= 100:
        raise _invalid("Tiến độ phải từ 0 đến 100%.", "Progress must be 0 to 100%.")
    if evidence is not None:
        check_uploads([evidence], extensions=EVIDENCE_FILES)
    with files_atomic(), transaction.atomic():
        target = Target.objects.select_for_update().get(pk=target.pk)
        latest = target.progress.order_by("-reported_on").first()
        if latest is not None and reported_on < latest.reported_on:
            raise _invalid(
                "Ngày báo cáo trước ngày của báo cáo tiến độ gần nhất.",
                "The report is dated before the latest progress report.",
                "report_before_latest",
            )
        if target.done_on is not None:
            raise DomainError(
                "Chỉ tiêu, nhiệm vụ đã hoàn thành.",
                "The target is already done.",
                code="target_done",
            )
        progress = TargetProgress(
            target=target,
            reported_on=reported_on,
            percent=percent,
            achieved=achieved,
            note=note.strip(),
            reported_by=actor if getattr(actor, "pk", None) else None,
        )
        if evidence is not None:
            file_save(progress.evidence, evidence.name or "", evidence)
        progress.save()
        if percent == 100:
            target.done_on = reported_on
            target.save(update_fields=["done_on", "updated_at"])
        audit_record(
            action="handbook.target.progress",
            target=target,
            actor=actor,
            data={
                "code": target.code,
                "reported_on": reported_on.isoformat(),
                "percent": percent,
                "evidence": progress.evidence.name or None,
            },
        )
        return progress


# --- indices ------------------------------------------------------------------------------


def index_result_save(
    *,
    values: dict[str, Any],
    components: list[tuple[str, Decimal, Decimal | None]],
    actor=None,
) -> IndexResult:
    """Record (or replace) the province's result in one index for one year, with its
    components in the order given."""
    with transaction.atomic():
        result = (
            IndexResult.objects.select_for_update()
            .filter(index=values["index"], year=values["year"])
            .first()
        )
        created = result is None
        result = result or IndexResult()
        changed = _assign(result, values, INDEX_FIELDS)
        _full_clean(result, exclude=[] if created else ["index", "year"])
        result.save()
        before = list(result.components.values_list("name", "score", "maximum"))
        if before != components:
            result.components.all().delete()
            IndexComponent.objects.bulk_create(
                IndexComponent(result=result, position=i, name=name, score=score, maximum=top)
                for i, (name, score, top) in enumerate(components)
            )
            changed["components"] = len(components)
        if created or changed:
            audit_record(
                action="handbook.index.create" if created else "handbook.index.update",
                target=result,
                actor=actor,
                data={"index": result.index, "year": result.year, "changed": changed},
            )
        return result


def agency_index_save(
    *, agency: Agency, year: int, score: Decimal, actor=None
) -> AgencyIndexResult:
    """Record (or correct) an agency's score in the province's reform index of ``year``."""
    with transaction.atomic():
        row = AgencyIndexResult.objects.select_for_update().filter(agency=agency, year=year).first()
        created = row is None
        if row is None:
            row = AgencyIndexResult(agency=agency, year=year, score=score)
        elif row.score == score:
            return row
        before = None if created else str(row.score)
        row.score = score
        _full_clean(row, exclude=["agency", "year"])
        row.save()
        audit_record(
            action="handbook.agency_index.save",
            target=row,
            actor=actor,
            data={"agency": agency.code, "year": year, "score": str(score), "before": before},
        )
        return row


# --- questions ----------------------------------------------------------------------------


def question_category_ensure(*, name: str, actor=None) -> QuestionCategory:
    """The category named ``name``, created if there is none."""
    name = " ".join(name.split())
    if not name:
        raise _invalid("Cần nhập tên chuyên mục.", "The category name is required.")
    with transaction.atomic():
        category, created = QuestionCategory.objects.get_or_create(name=name)
        if created:
            audit_record(
                action="handbook.category.create", target=category, actor=actor, data={"name": name}
            )
        return category


def question_ask(
    *,
    title: str,
    body: str = "",
    asker_name: str = "",
    asker_email: str = "",
    category: QuestionCategory | None = None,
    asked_at: dt.datetime,
    actor_label: str = "",
) -> Question:
    """A visitor's question: kept out of sight until an editor answers it."""
    title = " ".join(title.split())
    if not title:
        raise _invalid("Cần nhập câu hỏi.", "The question is required.", "question_required")
    with transaction.atomic():
        question = Question(
            title=title,
            body=body.strip(),
            asker_name=" ".join(asker_name.split()),
            asker_email=asker_email.strip(),
            category=category,
            asked_at=asked_at,
            state=QuestionState.PENDING,
        )
        _full_clean(question)
        question.search_text = question_search_text(question)
        question.save()
        audit_record(
            action="handbook.question.ask",
            target=question,
            actor_label=actor_label or "public",
            data={"category": category.name if category else None},
        )
        return question


def question_answer(
    *,
    question: Question,
    answer: str,
    answered_at: dt.datetime,
    category: QuestionCategory | None = None,
    title: str | None = None,
    actor=None,
) -> Question:
    """Answer (or correct the answer to) a question; the answer makes it public."""
    if not answer.strip():
        raise _invalid("Cần nhập câu trả lời.", "The answer is required.", "answer_required")
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        before = question.state
        question.answer = answer.strip()
        question.answered_at = answered_at
        question.answered_by = actor if getattr(actor, "pk", None) else None
        question.category = category
        if title is not None and title.strip():
            question.title = " ".join(title.split())
        question.state = QuestionState.PUBLISHED
        _full_clean(question)
        question.search_text = question_search_text(question)
        question.save()
        audit_record(
            action="handbook.question.answer",
            target=question,
            actor=actor,
            data={"before": before, "category": category.name if category else None},
        )
        return question


def question_reject(*, question: Question, actor=None) -> Question:
    """Moderation: keep a question off the site (spam, abuse, not a question)."""
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.state == QuestionState.REJECTED:
            return question
        before = question.state
        question.state = QuestionState.REJECTED
        question.save(update_fields=["state"])
        audit_record(
            action="handbook.question.reject", target=question, actor=actor, data={"before": before}
        )
        return question
