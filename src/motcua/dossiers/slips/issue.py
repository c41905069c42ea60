"""Issuing a slip: the DOCX of the form in force for the dossier, stored with it as issued.

``slip_issue`` runs inside the service transaction that changed the dossier, so it only
composes a document in memory and writes one file: no conversion, no subprocess.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.dossiers.models import (
    Apology,
    CounterVisit,
    DocumentSequence,
    Dossier,
    DossierDocument,
    DossierEvent,
)
from motcua.dossiers.slips.common import (
    addressee,
    clock,
    collection_place,
    leader_signature,
    local,
    person,
    start,
    time_limit,
)
from motcua.dossiers.slips.forms import Form, FormSet, form_set_for
from motcua.utils.formatting import vn_date, vn_number
from motcua.utils.official_layout import Sheet
from motcua.utils.storage import file_read

SLIP_KINDS = ("receipt", "supplement", "refusal", "apology", "stop")


def dossier_form_set(dossier: Dossier) -> FormSet:
    """The set in force on the day the dossier was received (submitted, when it never was)."""
    instant = dossier.received_at or dossier.submitted_at or timezone.now()
    return form_set_for(local(instant).date())


class _Slip:
    """What every slip needs: the dossier, its form, the issuing unit and the issue instant."""

    def __init__(
        self,
        *,
        dossier: Dossier,
        form: Form,
        unit: Agency,
        issued_at: dt.datetime,
        officer: str,
        actor=None,
        form_set: FormSet | None = None,
    ):
        self.dossier = dossier
        self.form = form
        self.unit = unit
        self.issued_at = issued_at
        self.officer = officer
        self.actor = actor
        self.form_set = form_set
        self.number = ""
        self.sheet = Sheet()
        # The unit's name on the day of the slip (before the 2025 merger, the old name).
        self.unit_name = unit.name_on(local(issued_at).date())

    def start(self, *, title: str = "", subtitle: str = "") -> None:
        start(
            self.sheet,
            form=self.form,
            unit=self.unit,
            day=local(self.issued_at).date(),
            title=title,
            subtitle=subtitle,
            number=self.number,
        )
        code = getattr(self.dossier, "code", "")
        if code:  # a counter visit is no dossier and has no code
            self.sheet.centered("Mã hồ sơ: ", (code, True, False))

    def applicant(self) -> None:
        d, sheet = self.dossier, self.sheet
        sheet.field("Họ và tên người nộp / Tên tổ chức", d.applicant_name)
        sheet.field("Địa chỉ", d.applicant_address)
        sheet.field("Số điện thoại", d.applicant_phone)
        sheet.field("Thư điện tử", d.applicant_email)
        sheet.field("Nội dung yêu cầu giải quyết", d.procedure.name)

    def received_line(self) -> None:
        d = self.dossier
        if d.received_at:
            self.sheet.field("Thời gian nhận hồ sơ", clock(d.received_at))
        elif d.submitted_at:
            self.sheet.field("Thời gian nộp hồ sơ", clock(d.submitted_at))


def register_line(dossier: Dossier) -> str:
    """Where the receipt is entered in the desk's register (Sổ theo dõi hồ sơ, one book a
    year): ``Quyển số: 2024 - Số thứ tự: 125``, the order of the dossier among those the desk
    received that year."""
    if dossier.received_at is None:
        return ""
    year = local(dossier.received_at).year
    before = (
        Dossier.objects.filter(
            receiving_agency_id=dossier.receiving_agency_id,
            received_on__year=year,
            received_at__lte=dossier.received_at,
        )
        .exclude(received_at=dossier.received_at, id__gt=dossier.id)
        .count()
    )
    return f"Quyển số: {year} - Số thứ tự: {vn_number(before)}"


def _receipt(slip: _Slip) -> None:
    d, sheet = slip.dossier, slip.sheet
    slip.start()
    register = register_line(d)
    if register:
        sheet.centered((register, False, True))
    sheet.para(f"{slip.unit_name} đã tiếp nhận hồ sơ của:", indent=False)
    slip.applicant()
    sheet.para(("1. Thành phần hồ sơ nộp gồm:", True, False), indent=False)
    components = list(d.components.order_by("id"))
    if components:
        sheet.grid(
            ["STT", "Tên giấy tờ", "Bản chính", "Bản sao"],
            [
                [str(i), c.name, vn_number(c.originals), vn_number(c.copies)]
                for i, c in enumerate(components, start=1)
            ],
            widths=[0.08, 0.62, 0.15, 0.15],
            centered=(0, 2, 3),
        )
    else:
        sheet.para("(Không có thành phần hồ sơ kèm theo)", indent=False)
    sheet.field("2. Số lượng hồ sơ", f"{vn_number(d.sets)} bộ")
    sheet.field("3. Thời gian giải quyết hồ sơ theo quy định", time_limit(d))
    sheet.field("4. Thời gian nhận hồ sơ", clock(d.received_at or d.submitted_at))
    sheet.field(
        "5. Thời gian trả kết quả giải quyết hồ sơ",
        clock(d.due_at) if d.due_at else "Theo thông báo của cơ quan giải quyết",
    )
    sheet.field("6. Đăng ký nhận kết quả tại", collection_place(d))
    if d.fee_vnd:
        sheet.field("7. Phí, lệ phí", f"{vn_number(d.fee_vnd)} đồng")
    sheet.signatures(
        [
            ("Người nộp hồ sơ", "(Ký và ghi rõ họ tên)", d.applicant_name),
            ("Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", slip.officer),
        ]
    )


def _supplement(slip: _Slip) -> None:
    d = slip.dossier
    request = d.supplements.order_by("-requested_at", "-id").first()
    slip.start()
    slip.sheet.para(f"{slip.unit_name} đã tiếp nhận hồ sơ của:", indent=False)
    slip.applicant()
    slip.received_line()
    contact = person(request.requested_by) if request and request.requested_by else slip.officer
    _missing_items(
        slip,
        items=request.items if request else "",
        reason=request.reason if request else "",
        contact=contact,
        desk=d.receiving_agency,
    )


def _missing_items(slip: _Slip, *, items: str, reason: str, contact: str, desk: Agency) -> None:
    """Body of form 02: every missing item at once, the reason, whom to ask."""
    d, sheet = slip.dossier, slip.sheet
    sheet.para(
        f"Sau khi xem xét, hồ sơ của {addressee(d)} cần được bổ sung, hoàn thiện các nội dung "
        "sau (đề nghị bổ sung một lần, đầy đủ các nội dung):",
    )
    lines = [line.strip(" -•\t") for line in items.splitlines()]
    sheet.items([line for line in lines if line] or ["(không ghi nội dung)"])
    if reason:
        sheet.field("Lý do", reason)
    sheet.para(
        f"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, {addressee(d)} liên hệ "
        f"{contact + ', ' if contact else ''}Bộ phận Một cửa - {desk.name} để "
        "được hướng dẫn. Thời gian bổ sung hồ sơ không tính vào thời hạn giải quyết.",
    )
    sheet.signatures([("Người hướng dẫn", "(Ký và ghi rõ họ tên)", contact)])


def _refusal(slip: _Slip) -> None:
    slip.start()
    slip.sheet.para(f"{slip.unit_name} đã nhận hồ sơ của:", indent=False)
    slip.applicant()
    slip.received_line()
    _refusal_reasons(slip, slip.dossier.result_note)


def _refusal_reasons(slip: _Slip, reasons: str) -> None:
    """Body of form 03: the reasons, one a line, and the officer's signature."""
    d, sheet = slip.dossier, slip.sheet
    sheet.para(
        f"Sau khi nghiên cứu, đối chiếu với quy định, hồ sơ của {addressee(d)} không đủ điều "
        "kiện tiếp nhận, giải quyết với lý do cụ thể như sau:",
    )
    lines = [line.strip() for line in reasons.splitlines() if line.strip()]
    sheet.items(lines or ["(không ghi lý do)"])
    sheet.para(f"Xin thông báo để {addressee(d)} được biết và thực hiện.")
    sheet.signatures([("Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", slip.officer)])


def _apology(slip: _Slip) -> None:
    d, sheet = slip.dossier, slip.sheet
    apology: Apology | None = d.apologies.order_by("-issued_at", "-id").first()
    slip.start()
    sheet.centered("Kính gửi: ", (d.applicant_name, True, False))
    received = clock(d.received_at or d.submitted_at)
    sheet.para(
        f"Vào lúc {received}, {d.receiving_agency.name} đã tiếp nhận hồ sơ đề nghị giải quyết "
        f"thủ tục {d.procedure.name} của {addressee(d)} (mã hồ sơ {d.code}). Thời hạn trả kết "
        f"quả theo giấy hẹn là {clock(d.due_at) or 'không quy định'}.",
    )
    sheet.para(
        f"Tuy nhiên, đến nay {slip.unit_name} chưa trả kết quả giải quyết hồ sơ cho "
        f"{addressee(d)} đúng hẹn. Lý do: ",
        ((apology.reason if apology else "") or "…", True, False),
    )
    new_date = clock(apology.new_date) if apology else clock(d.promised_at) or "…"
    if slip.form.symbol == "XL":
        # Circular 03/2025, form 04: a letter of apology that asks the applicant to agree to an
        # extension of the time for settling the dossier, as its title says.
        sheet.para(
            f"Sự chậm trễ này đã gây phiền hà cho {addressee(d)}. {slip.unit_name} xin lỗi "
            f"{addressee(d)} và đề nghị {addressee(d)} đồng ý gia hạn thời gian giải quyết hồ "
            "sơ đến ",
            (new_date, True, False),
            ".",
        )
        sheet.para(
            f"{slip.unit_name} cam kết trả kết quả giải quyết hồ sơ cho {addressee(d)} trong "
            "thời gian được gia hạn. Rất mong nhận được sự thông cảm và đồng ý của "
            f"{addressee(d)}.",
        )
    else:
        sheet.para(
            f"Sự chậm trễ này đã gây phiền hà cho {addressee(d)}. {slip.unit_name} xin lỗi "
            f"{addressee(d)} và hẹn lại thời gian trả kết quả vào lúc ",
            (new_date, True, False),
            ".",
        )
        sheet.para(f"Rất mong nhận được sự thông cảm của {addressee(d)}.")
    sheet.signatures([leader_signature(slip.unit, slip.actor)], recipients=_recipients(slip))


def _recipients(slip: _Slip) -> list[str]:
    """Nơi nhận (Decree 30) of the apology and the stop notice: the applicant, the desk that
    keeps the dossier, the file copy."""
    desk = slip.dossier.receiving_agency.name_on(local(slip.issued_at).date())
    recipients = ["Như trên"]
    if slip.dossier.receiving_agency_id != slip.unit.pk:
        recipients.append(f"Bộ phận Một cửa - {desk}")
    recipients.append("Lưu: VT")
    return recipients


def _stop(slip: _Slip) -> None:
    d, sheet = slip.dossier, slip.sheet
    if slip.form.number:
        slip.start()
    else:
        slip.start(title="Thông báo", subtitle="Về việc dừng giải quyết hồ sơ")
    sheet.centered("Kính gửi: ", (d.applicant_name, True, False))
    received = d.received_at or d.submitted_at
    sheet.para(
        f"Ngày {vn_date(local(received)) if received else '…'}, "
        f"{d.receiving_agency.name} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục "
        f"{d.procedure.name} của {addressee(d)} (mã hồ sơ {d.code}).",
    )
    sheet.para(
        f"{slip.unit_name} thông báo dừng giải quyết hồ sơ nêu trên. Lý do: ",
        (d.result_note or "…", True, False),
    )
    sheet.para(f"Xin thông báo để {addressee(d)} được biết.")
    sheet.signatures([leader_signature(slip.unit, slip.actor)], recipients=_recipients(slip))


_BUILDERS: dict[str, Callable[[_Slip], None]] = {
    "receipt": _receipt,
    "supplement": _supplement,
    "refusal": _refusal,
    "apology": _apology,
    "stop": _stop,
}


def _issuing_unit(dossier: Dossier, kind: str) -> Agency:
    """Intake slips come from the receiving desk; apology and stop from the agency at fault
    (the apology records it) or where processing is."""
    if kind == "apology":
        apology = dossier.apologies.select_related("agency").order_by("-issued_at", "-id").first()
        if apology:
            return apology.agency
    if kind in ("apology", "stop"):
        return dossier.current_agency
    return dossier.receiving_agency


def _issued_at(dossier: Dossier) -> dt.datetime:
    """The instant of the event that caused the slip (the latest one: services append it
    before issuing), so the slip carries the date of the act, not of the printing."""
    at = (
        DossierEvent.objects.filter(dossier=dossier)
        .order_by("-at", "-id")
        .values_list(
            "at",
            flat=True,
        )
        .first()
    )
    return at or timezone.now()


def slip_issue(*, dossier: Dossier, kind: str, actor=None) -> DossierDocument:
    """Compose the slip ``kind`` (receipt, supplement, refusal, apology, stop) for ``dossier`` in
    the form set in force on its receipt date and store it as a new document row."""
    if kind not in _BUILDERS:
        raise ValueError(f"unknown slip kind {kind!r}")
    form_set = dossier_form_set(dossier)
    form = form_set.form(kind)
    user = actor if getattr(actor, "is_authenticated", False) else None
    slip = _Slip(
        dossier=dossier,
        form=form,
        unit=_issuing_unit(dossier, kind),
        issued_at=_issued_at(dossier),
        officer=person(user),
        actor=user,
        form_set=form_set,
    )
    if form.symbol:
        slip.number = document_number(
            agency=slip.unit, year=local(slip.issued_at).year, symbol=form.symbol
        )
    _BUILDERS[kind](slip)
    data = slip.sheet.to_bytes()
    document = DossierDocument(
        dossier=dossier,
        kind=kind,
        form_set=form_set.code,
        form_number=form.number,
        title=form.title,
        number=slip.number,
        sha256=hashlib.sha256(data).hexdigest(),
        created_by=user,
        agency=slip.unit,
    )
    document.content = data
    document.save()
    _store_later(document)
    return document


def _store_later(row: DossierDocument | CounterVisit) -> None:
    """Queue the job that puts the composed DOCX in the file storage, in the transaction of
    the act: if the act is rolled back, neither the slip nor a file remains. The job that
    seals its PDF is queued with it."""
    from motcua.dossiers.tasks import slip_sign, slip_store

    label = row._meta.label_lower
    slip_store.enqueue(model=label, pk=row.pk, key=f"slip:{label}:{row.pk}")
    # Queued after the storing job; it reads the DOCX wherever it is at that moment.
    slip_sign.enqueue(model=label, pk=row.pk, key=f"slip_sign:{label}:{row.pk}")


def slip_bytes(row: DossierDocument | CounterVisit) -> bytes:
    """The DOCX of a slip, stored or still waiting to be stored."""
    if row.content is not None:
        return bytes(row.content)
    return file_read(row.docx)


def slip_file_name(row: DossierDocument | CounterVisit, fmt: str = "docx") -> str:
    """The name a person downloads: ``<dossier code>-receipt.docx``, ``luot-241206-12-refusal``."""
    if isinstance(row, CounterVisit):
        return f"luot-{local(row.at):%y%m%d}-{row.pk}-{row.kind}.{fmt}"
    return f"{file_stem(row.dossier.code)}-{row.kind}.{fmt}"


def document_number(*, agency: Agency, year: int, symbol: str) -> str:
    """The next number and symbol of the agency's documents in ``year``: ``12/TB-STNMT``
    (Decree 30: numbers run from 01 each year; the agency's abbreviation, else its code). The
    per-agency-year counter row is locked while incremented, so no number repeats."""
    abbreviation = agency.symbol or agency.code
    for _attempt in range(5):
        try:
            with transaction.atomic():
                sequence, _created = DocumentSequence.objects.select_for_update().get_or_create(
                    agency=agency, year=year
                )
                sequence.last += 1
                sequence.save(update_fields=["last"])
                return f"{sequence.last:02d}/{symbol}-{abbreviation}"
        except IntegrityError:
            continue  # another slip created the year's row first; lock it now
    raise RuntimeError("could not allocate a document number")


def file_stem(code: str) -> str:
    """Dossier codes contain dots; keep file names to a safe alphabet."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", code)


def visit_slip_issue(*, visit: CounterVisit) -> None:
    """Compose the slip of a counter visit (form 02 listing what is missing, or form 03 with
    the reasons) in the set in force on the day of the visit, and store it on the visit."""
    form_set = form_set_for(local(visit.at).date())
    form = form_set.form(visit.kind)
    slip = _Slip(
        dossier=visit,  # type: ignore[arg-type]  # the applicant fields are the same
        form=form,
        unit=visit.desk,
        issued_at=visit.at,
        officer=person(visit.officer),
        actor=visit.officer,
        form_set=form_set,
    )
    slip.start()
    slip.sheet.para(f"{slip.unit_name} đã nhận hồ sơ của:", indent=False)
    slip.applicant()
    slip.sheet.field("Thời gian nhận hồ sơ", clock(visit.at))
    if visit.kind == "supplement":
        _missing_items(
            slip, items=visit.items, reason=visit.reason, contact=slip.officer, desk=visit.desk
        )
    else:
        _refusal_reasons(slip, visit.reason)
    data = slip.sheet.to_bytes()
    visit.form_set, visit.form_number, visit.title = form_set.code, form.number, form.title
    visit.sha256 = hashlib.sha256(data).hexdigest()
    visit.content = data
    _store_later(visit)
