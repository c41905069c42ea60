"""Rows for the form 06 and digitization tests: a small agency tree, three procedures, and
dossiers built directly (not through the services) so that any instant can be set."""

import datetime as dt
import itertools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from motcua.agencies.models import Agency, AgencyKind
from motcua.dossiers.models import Dossier, SupplementRequest
from motcua.dossiers.workflow import Channel, Outcome, State
from motcua.procedures.models import Level, Procedure
from motcua.testing.factories import ProcedureFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")
UTC = dt.UTC

_codes = itertools.count(1)


def local(*args: int) -> dt.datetime:
    """A local instant: local(2024, 3, 5, 8, 15)."""
    return dt.datetime(*args, tzinfo=VN)


def utc(*args: int) -> dt.datetime:
    """An instant written in UTC: utc(2023, 12, 14, 17, 30) is 00:30 of 15/12/2023 locally."""
    return dt.datetime(*args, tzinfo=UTC)


@dataclass
class Setting:
    """Province → department; province → district → commune. One procedure per level."""

    province: Agency
    dept: Agency
    district: Agency
    commune: Agency
    provincial: Procedure
    district_level: Procedure
    commune_level: Procedure

    @property
    def agencies(self) -> list[Agency]:
        return [self.province, self.dept, self.district, self.commune]

    @property
    def procedures(self) -> list[Procedure]:
        return [self.provincial, self.district_level, self.commune_level]


def make_setting() -> Setting:
    province = Agency.objects.create(
        code="000.00.00.T01", name="UBND tỉnh Thử", kind=AgencyKind.PROVINCE
    )
    dept = Agency.objects.create(
        code="000.00.05.T01", name="Sở Tư pháp", kind=AgencyKind.DEPARTMENT, parent=province
    )
    district = Agency.objects.create(
        code="000.00.21.T01", name="UBND huyện Một", kind=AgencyKind.DISTRICT, parent=province
    )
    commune = Agency.objects.create(
        code="000.01.21.T01", name="UBND xã Một", kind=AgencyKind.COMMUNE, parent=district
    )
    return Setting(
        province,
        dept,
        district,
        commune,
        ProcedureFactory(
            code="1.T01", name="Cấp phiếu lý lịch tư pháp", level=Level.PROVINCE, field="Tư pháp"
        ),
        ProcedureFactory(
            code="2.T01", name="Cấp giấy phép xây dựng", level=Level.DISTRICT, field="Xây dựng"
        ),
        ProcedureFactory(code="3.T01", name="Chứng thực bản sao", level=Level.COMMUNE, field=""),
    )


def build_dossier(
    setting: Setting,
    *,
    received_at: dt.datetime | None,
    due_at: dt.datetime | None = None,
    ended_at: dt.datetime | None = None,
    outcome: str = "",
    channel: str = Channel.DIRECT,
    agency: Agency | None = None,
    procedure: Procedure | None = None,
    state: int | None = None,
    **flags: bool,
) -> Dossier:
    """An unsaved dossier with its local dates filled (ready for ``bulk_create``)."""
    if ended_at is not None and not outcome:
        outcome = Outcome.APPROVED
    if state is None:
        state = State.RESOLVED if ended_at else State.PROCESSING
    agency = agency or setting.dept
    dossier = Dossier(
        code=f"T-{next(_codes):07d}",
        procedure=procedure or setting.provincial,
        receiving_agency=agency,
        agency=agency,
        current_agency=agency,
        channel=channel,
        state=state,
        outcome=outcome,
        applicant_name="Nguyễn Văn A",
        submitted_at=received_at,
        received_at=received_at,
        due_at=due_at,
        ended_at=ended_at,
        **flags,
    )
    dossier.sync_local_dates()
    return dossier


def create_dossier(
    setting: Setting,
    *,
    supplements: tuple[tuple[dt.datetime, dt.datetime | None], ...] = (),
    **kwargs,
) -> Dossier:
    """A saved dossier (``save()`` fills the local dates) with its supplement requests, given as
    (requested_at, supplied_at) pairs."""
    dossier = build_dossier(setting, **kwargs)
    dossier.save()
    SupplementRequest.objects.bulk_create(
        SupplementRequest(dossier=dossier, requested_at=requested, supplied_at=supplied)
        for requested, supplied in supplements
    )
    return dossier
