"""The snapshot of a dossier as the national portal receives it: ``hoSo`` and
``tienTrinhDongBo`` (``../shared/domain/portal.md``, "What is sent"; the choices made where the
contract leaves room are in docs/portal.md).

Values are strings, instants local time ``yyyyMMddHHmmss``, empty ``""``. Only what the
contract lists leaves the province: no address, no internal notes, no evaluation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone, translation

from motcua.dossiers.models import (
    ApplicantKind,
    Dossier,
    DossierEvent,
    DossierStep,
    ReturnMethod,
)
from motcua.dossiers.workflow import ACTION_LABELS, PORTAL_CHANNEL, Action, Outcome, State

RETURN_METHOD: dict[str, str] = {
    ReturnMethod.DESK: "0",
    ReturnMethod.POSTAL: "1",
    ReturnMethod.ONLINE: "2",
}
CHANNEL: dict[str, str] = {channel: str(code) for channel, code in PORTAL_CHANNEL.items()}
# History entries that are no step or state change of the processing (portal.md: one entry
# per step or state change) and are not sent: the recomputation of a deadline after the
# working calendar changed (its effect, the due date, is in ``hoSo.NgayHenTra``).
NOT_SENT = frozenset({"recompute_deadline"})
RESULT_NAMES = {
    Outcome.APPROVED: "Kết quả giải quyết thủ tục hành chính",
    Outcome.REFUSED: "Văn bản trả lời từ chối giải quyết",
}


def instant(value: dt.datetime | None) -> str:
    """``yyyyMMddHHmmss`` in local time; ``""`` for none."""
    return timezone.localtime(value).strftime("%Y%m%d%H%M%S") if value else ""


def _flag(value: bool) -> str:
    return "1" if value else "0"


def portal_snapshot(*, dossier: Dossier) -> dict[str, Any]:
    """``{"hoSo": {...}, "tienTrinhDongBo": [...]}`` of ``dossier`` as it is now (a handful
    of queries, whatever the length of its history)."""
    d = (
        Dossier.objects.select_related("procedure", "agency", "receiving_agency")
        .prefetch_related("components")
        .get(pk=dossier.pk)
    )
    events = list(
        DossierEvent.objects.filter(dossier=d)
        .exclude(action__in=NOT_SENT)
        .select_related("actor__agency")
        .order_by("at", "id")
    )
    steps = list(DossierStep.objects.filter(dossier=d).select_related("agency").order_by("order"))
    with translation.override("vi"):
        return {"hoSo": _record(d, events), "tienTrinhDongBo": _history(d, events, steps)}


def _record(d: Dossier, events: list[DossierEvent]) -> dict[str, Any]:
    refused_intake = next((e.at for e in events if e.action == Action.REFUSE_INTAKE), None)
    return {
        "MaHoSo": d.code,
        "MaTTHC": d.procedure.code,
        "TenTTHC": d.procedure.name,
        # The catalog knows a procedure's field by its name only (procedures.csv `field`).
        "MaLinhVuc": "",
        "TenLinhVuc": d.procedure.field,
        "KenhThucHien": CHANNEL.get(d.channel, ""),
        "ChuHoSo": d.applicant_name,
        "LoaiDoiTuong": "2" if d.applicant_kind == ApplicantKind.ORGANISATION else "1",
        "MaDoiTuong": d.applicant_id_number,
        "SoGiayToChuHoSo": d.applicant_id_number,
        "SoDienThoai": d.applicant_phone,
        "Email": d.applicant_email,
        "TrichYeuHoSo": d.procedure.name,
        "NgayNopHoSo": instant(d.submitted_at or d.received_at),
        "NgayTiepNhan": instant(d.received_at),
        "NgayHenTra": instant(d.due_at),
        "NgayKetThucXuLy": instant(d.ended_at),
        "NgayTra": instant(d.returned_at),
        "NgayTuChoi": instant(refused_intake),
        "TrangThaiHoSo": str(d.state),
        "DonViXuLy": d.agency.code,
        "NoiNopHoSo": d.receiving_agency.code,
        "HinhThuc": RETURN_METHOD.get(d.return_method, ""),
        "HoSoCoThanhPhanSoHoa": _flag(d.components_digitized),
        "DuocThanhToanTrucTuyen": _flag(d.paid_online),
        # Applicants do not sign in with the national e-ID here (yet).
        "TaiKhoanDuocXacThucVoiVNeID": "0",
        "TaiLieuNop": [
            {
                "MaThanhPhanHoSo": str(c.procedure_component_id or ""),
                "TenTepDinhKem": c.original_name or c.name,
                "DuongDanTaiTepTin": c.file.name or "",
                "DuocSoHoa": _flag(c.digitized),
                "DuocTaiSuDung": _flag(c.reused),
            }
            for c in d.components.all()
        ],
        "DanhSachLePhi": _fees(d),
        "DanhSachHoSoBoSung": [
            {
                "NguoiYeuCauBoSung": _name(s.requested_by),
                "NoiDungBoSung": "\n".join(part for part in (s.reason, s.items) if part),
                "NgayBoSung": instant(s.requested_at),
                "NgayTiepNhanBoSung": instant(s.supplied_at),
            }
            for s in d.supplements.select_related("requested_by").order_by("requested_at", "id")
        ],
        "DanhSachGiayToKetQua": _results(d),
    }


def _fees(d: Dossier) -> list[dict[str, str]]:
    if not d.fee_vnd:
        return []
    collected = "2" if d.paid_online else ("1" if d.paid_at else "")
    return [
        {
            "TenPhiLePhi": "Phí, lệ phí",
            "MaPhiLePhi": "",
            "Gia": str(d.fee_vnd),
            "HinhThucThu": collected,
        }
    ]


def _results(d: Dossier) -> list[dict[str, str]]:
    if d.state not in (State.RESOLVED, State.RETURNED) or d.outcome not in RESULT_NAMES:
        return []
    return [
        {
            "TenGiayTo": RESULT_NAMES[Outcome(d.outcome)],
            "MaGiayToKetQua": d.code,
            "DuongDanTepTinKetQua": d.result_file.name or "",
        }
    ]


def _name(user) -> str:
    return user.get_full_name() if user is not None else ""


def _history(
    d: Dossier, events: list[DossierEvent], steps: list[DossierStep]
) -> list[dict[str, str]]:
    by_order = {step.order: step for step in steps}
    entries = []
    for event in events:
        step = _step_of(event, steps, by_order)
        began: dt.datetime | None = event.at
        due: dt.datetime | None = None
        if "transfer_due_at" in event.data:  # the desk's handover, against its own budget
            began = d.received_at
            due = dt.datetime.fromisoformat(event.data["transfer_due_at"])
        elif step is not None:
            began, due = step.started_at, step.due_at
        actor = event.actor
        if actor is not None:
            person, title = actor.get_full_name(), actor.title
            # The officer's own unit: a desk officer recording a supplement acts for the desk,
            # whichever agency's step is open.
            unit = actor.agency.name if actor.agency else (step.agency.name if step else "")
        elif event.actor_label == "applicant":
            person, title, unit = d.applicant_name, "", ""
        else:
            person, title, unit = "Hệ thống", "", ""
        entries.append(
            {
                "MaHoSo": d.code,
                "NguoiXuLy": person,
                "ChucDanh": title,
                "PhongBanXuLy": unit,
                "ThoiDiemXuLy": instant(event.at),
                "NoiDungXuLy": _content(event),
                "TrangThai": str(event.to_state),
                "NgayBatDau": instant(began),
                "NgayKetThucTheoQuyDinh": instant(due),
            }
        )
    return entries


def _step_of(
    event: DossierEvent, steps: list[DossierStep], by_order: dict[int, DossierStep]
) -> DossierStep | None:
    """The processing step an entry belongs to: the one it finished, else the one open when
    it happened (none at the desk before the transfer and after the result)."""
    finished = event.data.get("finished_step")
    if finished is not None:
        return by_order.get(int(finished))
    for step in steps:
        if step.started_at is None or step.started_at > event.at:
            continue
        if step.finished_at is None or step.finished_at >= event.at:
            return step
    return None


def _content(event: DossierEvent) -> str:
    try:
        label = str(ACTION_LABELS[Action(event.action)])
    except ValueError:
        label = event.action
    return f"{label}: {event.note}" if event.note else label
