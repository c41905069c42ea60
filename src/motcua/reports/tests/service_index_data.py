"""A small province for the service-index tests, small enough to score by hand (the hand
computation is in ``test_service_index.py``).

Province → department (Sở Tư pháp), a second department without anything (Sở Nội vụ), district
→ commune. Procedures: p1 provincial of the department, online, with a fee and complete public
content; p2 district-level, online partial, no fee; p3 commune-level, not online; p4 provincial
of the department, with a fee, not online, content incomplete; p5 abolished (never counted).
"""

from dataclasses import dataclass

from motcua.agencies.models import Agency, AgencyKind
from motcua.dossiers.models import INDICATORS, Dossier, Evaluation
from motcua.dossiers.workflow import Channel, State
from motcua.feedback.models import FeedbackKind
from motcua.procedures.models import Level, OnlineLevel, Procedure, ProcedureComponent
from motcua.reports.tests.dashboard_data import feedback
from motcua.reports.tests.form06_data import Setting, create_dossier, local, make_setting
from motcua.testing.factories import ProcedureFactory
from motcua.utils.periods import Period

YEAR = 2024
PERIOD = Period.for_year(YEAR)  # 15/12/2023 – 14/12/2024
NAMES = [name for name, _label in INDICATORS]


@dataclass
class Province:
    setting: Setting
    empty_department: Agency
    p4: Procedure
    dossiers: dict[str, Dossier]


def _evaluate(dossier: Dossier, points: list[int], source: str = "applicant") -> None:
    Evaluation.objects.create(
        dossier=dossier,
        at=dossier.returned_at,
        source=source,
        **dict(zip(NAMES, points, strict=True)),
    )


def make_province() -> Province:
    s = make_setting()
    empty = Agency.objects.create(
        code="000.00.09.T01", name="Sở Nội vụ", kind=AgencyKind.DEPARTMENT, parent=s.province
    )
    p1 = s.provincial
    p1.agency = s.dept
    p1.online_level = OnlineLevel.FULL
    p1.fee_vnd = 50_000
    p1.steps = "Bước 1: nộp hồ sơ."
    p1.submission_methods = "Trực tiếp; trực tuyến."
    p1.legal_basis = "Luật Lý lịch tư pháp 2009."
    p1.result = "Phiếu lý lịch tư pháp."
    p1.save()
    ProcedureComponent.objects.create(procedure=p1, name="Tờ khai yêu cầu cấp phiếu")
    s.district_level.online_level = OnlineLevel.PARTIAL
    s.district_level.save()
    p4 = ProcedureFactory(
        code="4.T01",
        name="Cấp giấy phép hoạt động",
        level=Level.PROVINCE,
        agency=s.dept,
        fee_vnd=100_000,
        steps="Bước 1.",
    )
    ProcedureFactory(code="5.T01", agency=s.dept, online_full=True, abolished=True)

    d: dict[str, Dossier] = {}
    # Department: early (online, paid online, everything digitized, returned, evaluated 18/18),
    # late (direct, fee not paid online), on time without a due date (p4), carried over in
    # process.
    d["d1"] = create_dossier(
        s,
        received_at=local(2024, 3, 1, 9),
        due_at=local(2024, 3, 10, 17),
        ended_at=local(2024, 3, 5, 9),
        channel=Channel.ONLINE,
        state=State.RETURNED,
        returned_at=local(2024, 3, 6, 9),
        fee_vnd=50_000,
        paid_online=True,
        components_digitized=True,
        result_digitized=True,
        reused_data=True,
    )
    d["d2"] = create_dossier(
        s,
        received_at=local(2024, 4, 1, 9),
        due_at=local(2024, 4, 5, 17),
        ended_at=local(2024, 4, 9, 9),
        fee_vnd=50_000,
        components_digitized=True,
    )
    d["d3"] = create_dossier(
        s,
        procedure=p4,
        received_at=local(2024, 5, 2, 9),
        ended_at=local(2024, 5, 20, 9),
        fee_vnd=100_000,
    )
    d["d4"] = create_dossier(
        s, received_at=local(2023, 11, 1, 9), due_at=local(2023, 12, 1, 17), fee_vnd=50_000
    )
    # District: on time by post (digitized, returned, evaluated 10/18; the desk's 18/18 on the
    # applicant's behalf is not counted), in process online.
    d["d5"] = create_dossier(
        s,
        agency=s.district,
        procedure=s.district_level,
        received_at=local(2024, 6, 3, 9),
        due_at=local(2024, 6, 10, 17),
        ended_at=local(2024, 6, 10, 9),
        channel=Channel.POSTAL,
        state=State.RETURNED,
        returned_at=local(2024, 6, 11, 9),
        components_digitized=True,
        result_digitized=True,
    )
    d["d6"] = create_dossier(
        s,
        agency=s.district,
        procedure=s.district_level,
        received_at=local(2024, 12, 10, 9),
        due_at=local(2024, 12, 20, 17),
        channel=Channel.ONLINE,
    )
    # Commune: in process, submitted online (p3 is not an online service), digitized.
    d["d7"] = create_dossier(
        s,
        agency=s.commune,
        procedure=s.commune_level,
        received_at=local(2024, 11, 2, 9),
        due_at=local(2024, 11, 12, 17),
        channel=Channel.ONLINE,
        components_digitized=True,
    )
    # Outside the period: ended before it, and received after it.
    create_dossier(
        s,
        received_at=local(2023, 10, 1, 9),
        due_at=local(2023, 10, 9, 17),
        ended_at=local(2023, 10, 5, 9),
        channel=Channel.ONLINE,
    )
    create_dossier(s, received_at=local(2024, 12, 15, 9), channel=Channel.ONLINE)

    _evaluate(d["d1"], [2] * 9)  # 18: satisfied
    _evaluate(d["d5"], [2] * 5 + [0] * 4)  # 10: not satisfied
    _evaluate(d["d5"], [2] * 9, source="desk_on_behalf")  # not counted

    # Feedback about the department only: the district and the empty department have none.
    feedback(s.dept, FeedbackKind.REGULATION, local(2024, 2, 1, 9), local(2024, 2, 10, 9))
    return Province(s, empty, p4, d)
