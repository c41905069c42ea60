"""Live dossiers for the demo: a few dozen dossiers of the demo department in every state, made
through the real services at past instants in office hours, so that the desk's work list, the
slips and the processing history look like a working one-stop desk.

Meant for an imported demo database (``motcua import`` of a generated package) whose department
of natural resources ("Tài nguyên") has an intake officer, a handler and an approver.
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind
from motcua.calendar.rules import (
    VN_TZ,
    OfficeHours,
    WorkCalendar,
    add_working_time,
    compute_deadline,
    to_local,
    working_time_between,
)
from motcua.calendar.selectors import office_hours_for, work_calendar
from motcua.demo.generator.data.places import DISTRICTS
from motcua.dossiers import services as s
from motcua.dossiers.evaluation_rules import APPLICANT_INDICATORS
from motcua.dossiers.models import INDICATORS, Dossier, ReturnMethod
from motcua.dossiers.workflow import Channel
from motcua.procedures.models import Level, OnlineLevel, Procedure, ProcedureStatus

# Online submissions of the live set carry this idempotency key prefix: it marks the set.
KEY_PREFIX = "demo-live-"
DEPARTMENT_WORDS = "Tài nguyên"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi"]
FAMILY += ["Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh"]
MIDDLE_MEN = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Tấn", "Xuân"]
MIDDLE_WOMEN = ["Thị", "Ngọc", "Thu", "Thanh", "Hoài", "Mỹ", "Kim", "Bích"]
GIVEN_MEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc"]
GIVEN_MEN += ["Quân", "Sơn", "Tài", "Thắng", "Toàn", "Tuấn", "Vinh"]
GIVEN_WOMEN = ["Anh", "Duyên", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung"]
GIVEN_WOMEN += ["Phương", "Tâm", "Thảo", "Trang", "Vân", "Vy", "Yến"]
ORGANISATIONS = [
    "Công ty TNHH Thủy sản Phan Thiết",
    "Công ty Cổ phần Du lịch Mũi Né",
    "Hợp tác xã Thanh long Hàm Thuận Nam",
    "Công ty TNHH Năng lượng Tuy Phong",
    "Công ty Cổ phần Khoáng sản Bắc Bình",
    "Công ty TNHH Nước mắm Phan Thiết",
    "Doanh nghiệp tư nhân Vật liệu xây dựng Đức Linh",
]
STREETS = ["Trần Hưng Đạo", "Nguyễn Tất Thành", "Tôn Đức Thắng", "Thủ Khoa Huân", "Lê Lợi"]
STREETS += ["Hải Thượng Lãn Ông", "Võ Văn Kiệt", "Nguyễn Đình Chiểu", "Trưng Trắc", "Lê Duẩn"]
PHONE_PREFIXES = ["090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035"]
PHONE_PREFIXES += ["036", "037", "038", "039"]
COMPONENTS = [
    ("Đơn đề nghị (theo mẫu)", 1, 0),
    ("Bản sao Căn cước công dân của người đề nghị", 0, 1),
    ("Bản sao giấy tờ về quyền sử dụng đất", 0, 1),
    ("Sơ đồ, bản vẽ vị trí thửa đất", 1, 0),
]
SUPPLEMENT_ITEMS = [
    "Bản vẽ sơ đồ thửa đất có xác nhận của UBND cấp xã",
    "Bản sao hợp đồng chuyển nhượng quyền sử dụng đất có công chứng",
    "Văn bản ủy quyền nộp hồ sơ",
]

# Stories, in the order they are created: the first ones cover every state and the work
# list's highlights even for a small ``count``; larger counts go round again.
STORIES = [
    "submitted",  # 1
    "received",  # 2
    "processing",  # 4
    "supplement",  # 5
    "payment",  # 6
    "withdrawn",  # 7
    "stopped",  # 8
    "approved",  # 9
    "returned",  # 10, evaluated
    "overdue",  # 4, past its due date, apology issued
    "due_soon",  # 4, due within the next working day
    "refused",  # 9
    "overdue",
    "due_soon",
    "supplied",  # supplemented, then settled and returned
    "processing_approver",
    "returned",
    "received",
    "submitted",
    "returned",
]


class DemoSetupError(LookupError):
    """The database lacks what the live dossiers need; the message is bilingual."""


@dataclass
class _Cast:
    department: Agency
    intake: User
    handler: User
    approver: User
    procedures: list[Procedure]  # with a time limit
    online: list[Procedure]  # of those, offered online


def _cast() -> _Cast:
    department = (
        Agency.objects.filter(kind=AgencyKind.DEPARTMENT, name__icontains=DEPARTMENT_WORDS)
        .order_by("code")
        .first()
    )
    if department is None:
        raise DemoSetupError(
            f"Không có sở nào tên chứa «{DEPARTMENT_WORDS}» / "
            f"No department whose name contains {DEPARTMENT_WORDS!r}"
        )
    officers = {}
    for role in (Role.INTAKE_OFFICER, Role.HANDLER, Role.APPROVER):
        officers[role] = (
            User.objects.filter(agency=department, role=role, is_active=True).order_by("pk").first()
        )
        if officers[role] is None:
            raise DemoSetupError(
                f"{department.name} chưa có cán bộ vai trò {role} / "
                f"{department.name} has no active officer with role {role}"
            )
    procedures = list(
        Procedure.objects.filter(
            agency=department,
            level=Level.PROVINCE,
            status=ProcedureStatus.ACTIVE,
            processing_days__isnull=False,
        ).order_by("code")
    )
    online = [p for p in procedures if p.online_level in (OnlineLevel.FULL, OnlineLevel.PARTIAL)]
    if not online:
        raise DemoSetupError(
            f"{department.name} không có thủ tục trực tuyến có thời hạn / "
            f"{department.name} has no online procedure with a time limit"
        )
    return _Cast(
        department,
        officers[Role.INTAKE_OFFICER],
        officers[Role.HANDLER],
        officers[Role.APPROVER],
        procedures,
        online,
    )


def live_dossiers_exist() -> bool:
    return Dossier.objects.filter(idempotency_key__startswith=KEY_PREFIX).exists()


class _Clock:
    """Working instants before ``now`` (office hours of the department's calendar)."""

    def __init__(self, now: dt.datetime, calendar: WorkCalendar, hours: OfficeHours):
        self.now, self.calendar, self.hours = to_local(now), calendar, hours

    def working_day_before(self, days: int) -> dt.date:
        """The working day ``days`` working days before today (0: today, or the last working
        day when today is not one)."""
        day = self.now.date()
        while not self.calendar.is_working(day):
            day -= dt.timedelta(days=1)
        while days > 0:
            day -= dt.timedelta(days=1)
            days -= self.calendar.is_working(day)
        return day

    def working_day_after(self, days: int) -> dt.date:
        day = self.now.date()
        while days > 0:
            day += dt.timedelta(days=1)
            days -= self.calendar.is_working(day)
        return day

    def at(self, day: dt.date, minutes: int) -> dt.datetime:
        """``minutes`` of office time into ``day`` (0 = opening)."""
        opening = dt.datetime.combine(day, self.hours.morning_start, tzinfo=VN_TZ)
        day_minutes = Decimal(self.hours.day_length.total_seconds()) / 60
        return add_working_time(
            opening, Decimal(minutes) / day_minutes, calendar=self.calendar, hours=self.hours
        )

    def between(self, start: dt.datetime, share: float) -> dt.datetime:
        """The instant ``share`` of the office time from ``start`` to now (never after now)."""
        span = working_time_between(start, self.now, calendar=self.calendar, hours=self.hours)
        day_seconds = Decimal(self.hours.day_length.total_seconds())
        days = Decimal(int(span.total_seconds() * share)) / day_seconds
        instant = add_working_time(start, days, calendar=self.calendar, hours=self.hours)
        return max(to_local(start), min(instant, self.now))

    def due(self, procedure: Procedure, received: dt.datetime) -> dt.datetime | None:
        return compute_deadline(
            received,
            procedure.processing_days,
            procedure.day_unit,
            calendar=self.calendar,
            hours=self.hours,
        ).due


class _Applicants:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.places = [
            (district.removeprefix("UBND "), kind, name)
            for district, communes in DISTRICTS
            for kind, name in communes
        ]

    def person(self) -> s.ApplicantData:
        rng = self.rng
        woman = rng.random() < 0.5
        name = " ".join(
            (
                rng.choice(FAMILY),
                rng.choice(MIDDLE_WOMEN if woman else MIDDLE_MEN),
                rng.choice(GIVEN_WOMEN if woman else GIVEN_MEN),
            )
        )
        born = rng.randint(1955, 2003)
        century = (0 if born < 2000 else 2) + woman
        id_number = f"060{century}{born % 100:02d}{rng.randrange(10**6):06d}"
        return s.ApplicantData(
            name=name,
            id_number=id_number,
            address=self.address(),
            phone=self.phone(),
        )

    def organisation(self) -> s.ApplicantData:
        rng = self.rng
        return s.ApplicantData(
            name=rng.choice(ORGANISATIONS),
            kind="organisation",
            id_number=f"3400{rng.randrange(10**6):06d}",
            address=self.address(),
            phone=self.phone(),
            email=f"lienhe{rng.randrange(100, 999)}@example.vn",
        )

    def address(self) -> str:
        rng = self.rng
        district, kind, commune = rng.choice(self.places)
        if kind == "xã":
            return f"Thôn {rng.randint(1, 6)}, xã {commune}, {district}, tỉnh Bình Thuận"
        street = rng.choice(STREETS)
        return f"{rng.randint(1, 320)} {street}, {kind} {commune}, {district}, tỉnh Bình Thuận"

    def phone(self) -> str:
        return self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10**7):07d}"


def _components(rng: random.Random) -> list[s.ComponentData]:
    chosen = [COMPONENTS[0], *rng.sample(COMPONENTS[1:], 2)]
    return [
        s.ComponentData(name=name, originals=originals, copies=copies, digitized=True)
        for name, originals, copies in chosen
    ]


def _scores(rng: random.Random) -> dict[str, int]:
    """The applicant's scores of the four indicators they score. Nine draws are made, as
    before the others were computed, so that the stream of the stories does not change."""
    draws = {name: rng.choices((2, 1, 0), (8, 2, 0.3))[0] for name, _label in INDICATORS}
    return {name: draws[name] for name in APPLICANT_INDICATORS}


class _Stories:
    """One method per story: receive the dossier at a past instant and act on it."""

    def __init__(self, cast: _Cast, clock: _Clock, rng: random.Random, seed: int):
        self.cast, self.clock, self.rng, self.seed = cast, clock, rng, seed
        self.applicants = _Applicants(rng)
        self.number = 0

    # ---- intake ---------------------------------------------------------------------------

    def _receive(self, procedure: Procedure, received: dt.datetime, *, online: bool) -> Dossier:
        rng = self.rng
        applicant = (
            self.applicants.organisation() if rng.random() < 0.2 else self.applicants.person()
        )
        if online:
            submitted = received - dt.timedelta(hours=rng.randint(2, 40))
            dossier = s.dossier_submit_online(
                procedure=procedure,
                applicant=applicant,
                components=_components(rng),
                now=submitted,
                idempotency_key=f"{KEY_PREFIX}{self.seed}-{self.number}",
            )
            return s.dossier_accept(actor=self.cast.intake, dossier=dossier, now=received)
        channel = Channel.POSTAL if rng.random() < 0.1 else Channel.DIRECT
        return s.dossier_receive(
            actor=self.cast.intake,
            procedure=procedure,
            applicant=applicant,
            components=_components(rng),
            now=received,
            channel=channel,
        )

    def _start(self, *, days_back: tuple[int, int], online: bool | None = None) -> Dossier:
        """A dossier received some working days ago whose due date is still ahead."""
        rng, clock = self.rng, self.clock
        online = rng.random() < 0.6 if online is None else online
        for _attempt in range(50):
            procedure = rng.choice(self.cast.online if online else self.cast.procedures)
            day = clock.working_day_before(rng.randint(*days_back))
            received = clock.at(day, rng.randint(20, 440))
            due = clock.due(procedure, received)
            if received < clock.now and due is not None and due > clock.now:
                return self._receive(procedure, received, online=online)
        return self._receive(procedure, received, online=online)

    def _transfer(self, dossier: Dossier, share: float) -> Dossier:
        return s.dossier_transfer(
            actor=self.cast.intake,
            dossier=dossier,
            now=self.clock.between(dossier.received_at, share),
        )

    def _to_approver(self, dossier: Dossier, share: float) -> Dossier:
        dossier = self._transfer(dossier, share / 3)
        return s.dossier_forward(
            actor=self.cast.handler,
            dossier=dossier,
            now=self.clock.between(dossier.received_at, share),
            note="Hồ sơ đủ điều kiện, trình lãnh đạo phê duyệt.",
        )

    # ---- stories --------------------------------------------------------------------------

    def submitted(self) -> Dossier:
        procedure = self.rng.choice(self.cast.online)
        submitted = self.clock.between(self.clock.at(self.clock.working_day_before(1), 0), 0.7)
        return s.dossier_submit_online(
            procedure=procedure,
            applicant=self.applicants.person(),
            components=_components(self.rng),
            now=submitted,
            idempotency_key=f"{KEY_PREFIX}{self.seed}-{self.number}",
        )

    def received(self) -> Dossier:
        return self._start(days_back=(0, 1))

    def processing(self) -> Dossier:
        return self._transfer(self._start(days_back=(1, 6)), 0.2)

    def processing_approver(self) -> Dossier:
        return self._to_approver(self._start(days_back=(2, 8)), 0.7)

    def supplement(self) -> Dossier:
        dossier = self._transfer(self._start(days_back=(2, 10)), 0.2)
        return s.dossier_request_supplement(
            actor=self.cast.handler,
            dossier=dossier,
            reason="Hồ sơ chưa đủ thành phần theo quy định.",
            items=self.rng.choice(SUPPLEMENT_ITEMS),
            now=self.clock.between(dossier.received_at, 0.5),
        )

    def payment(self) -> Dossier:
        dossier = self._transfer(self._start(days_back=(2, 10)), 0.3)
        fee = dossier.procedure.fee_vnd or 500_000
        return s.dossier_request_payment(
            actor=self.cast.handler,
            dossier=dossier,
            fee_vnd=fee,
            now=self.clock.between(dossier.received_at, 0.6),
        )

    def withdrawn(self) -> Dossier:
        dossier = self._transfer(self._start(days_back=(3, 12)), 0.2)
        return s.dossier_withdraw(
            actor=self.cast.intake,
            dossier=dossier,
            reason="Công dân có đơn xin rút hồ sơ để bổ sung giấy tờ.",
            now=self.clock.between(dossier.received_at, 0.5),
        )

    def stopped(self) -> Dossier:
        dossier = self._transfer(self._start(days_back=(3, 12)), 0.2)
        return s.dossier_stop(
            actor=self.cast.approver,
            dossier=dossier,
            reason="Thửa đất đang có tranh chấp, phải dừng xử lý theo quy định.",
            now=self.clock.between(dossier.received_at, 0.6),
        )

    def approved(self) -> Dossier:
        dossier = self._to_approver(self._start(days_back=(3, 12)), 0.6)
        return s.dossier_approve(
            actor=self.cast.approver,
            dossier=dossier,
            now=self.clock.between(dossier.received_at, 0.8),
            note="Đồng ý cấp kết quả theo đề nghị.",
        )

    def refused(self) -> Dossier:
        dossier = self._to_approver(self._start(days_back=(3, 12)), 0.6)
        return s.dossier_refuse(
            actor=self.cast.approver,
            dossier=dossier,
            reason="Không đủ điều kiện theo quy định của Luật Đất đai.",
            now=self.clock.between(dossier.received_at, 0.8),
        )

    def returned(self) -> Dossier:
        dossier = self.approved()
        dossier = s.dossier_return_result(
            actor=self.cast.intake,
            dossier=dossier,
            method=self.rng.choice([ReturnMethod.DESK, ReturnMethod.DESK, ReturnMethod.POSTAL]),
            now=self.clock.between(dossier.ended_at, 0.5),
        )
        if self.rng.random() < 0.7:
            # Most applicants rate on the portal; the desk records some on their behalf (every
            # third dossier), so both kinds show, kept apart.
            dossier = s.dossier_evaluate(
                actor=self.cast.intake if dossier.pk % 3 == 0 else s.APPLICANT_ACTOR,
                dossier=dossier,
                scores=_scores(self.rng),
                now=self.clock.between(dossier.returned_at, 0.1),
            )
        return dossier

    def supplied(self) -> Dossier:
        dossier = self.supplement()
        dossier = s.dossier_record_supplement(
            actor=self.cast.intake,
            dossier=dossier,
            components=[s.ComponentData(name=dossier.supplements.get().items, digitized=True)],
            now=self.clock.between(dossier.supplements.get().requested_at, 0.3),
        )
        dossier = s.dossier_forward(
            actor=self.cast.handler,
            dossier=dossier,
            now=self.clock.between(dossier.supplements.get().supplied_at, 0.3),
        )
        dossier = s.dossier_approve(
            actor=self.cast.approver,
            dossier=dossier,
            now=self.clock.between(dossier.supplements.get().supplied_at, 0.6),
        )
        return s.dossier_return_result(
            actor=self.cast.intake,
            dossier=dossier,
            method=ReturnMethod.ONLINE,
            now=self.clock.between(dossier.ended_at, 0.5),
        )

    def overdue(self) -> Dossier:
        """Still in process days after its due date; an apology was issued before it."""
        rng, clock = self.rng, self.clock
        procedure = min(self.cast.procedures, key=lambda p: (p.processing_days, p.code))
        day = clock.working_day_before(int(procedure.processing_days) + rng.randint(3, 6))
        dossier = self._transfer(self._receive(procedure, clock.at(day, 60), online=False), 0.1)
        transferred = dossier.steps.order_by("order").first().started_at
        return s.dossier_apologise(
            actor=self.cast.handler,
            dossier=dossier,
            reason="Cần xác minh thực địa ranh giới thửa đất.",
            new_date=clock.at(clock.working_day_after(rng.randint(2, 4)), 300),
            now=max(dossier.due_at - dt.timedelta(hours=2), transferred),
        )

    def due_soon(self) -> Dossier:
        """In process and due within 24 hours (before the end of the next working day when
        no office time falls in the next 24 hours, as on a Friday evening)."""
        rng, clock = self.rng, self.clock
        next_day = clock.working_day_after(1)
        horizons = (
            clock.now + dt.timedelta(hours=24),
            dt.datetime.combine(next_day, clock.hours.afternoon_end, tzinfo=VN_TZ),
        )
        shortest = sorted(self.cast.procedures, key=lambda p: (p.processing_days, p.code))[:10]
        procedures = rng.sample(shortest, len(shortest))
        minutes = rng.sample(range(15, 470, 5), 12)
        for horizon in horizons:
            for procedure in procedures:
                for back in range(0, 60):
                    day = clock.working_day_before(back)
                    for minute in minutes:
                        received = clock.at(day, minute)
                        due = clock.due(procedure, received)
                        if received < clock.now and due and clock.now < due <= horizon:
                            dossier = self._receive(procedure, received, online=False)
                            return self._transfer(dossier, 0.3)
        return self.processing()


def demo_live_dossiers(*, now: dt.datetime, count: int = 40, seed: int = 2024) -> int:
    """Create ``count`` live dossiers of the demo department in every state (submitted,
    received, processing, awaiting supplement or payment, withdrawn, stopped, resolved,
    returned), with a few overdue and a few due within the next working day, through the
    services at instants before ``now``. Does nothing when they exist already. Returns how many
    were created. Prints nothing."""
    if live_dossiers_exist():
        return 0
    cast = _cast()
    rng = random.Random(f"motcua-demo/{seed}/live")
    clock = _Clock(now, work_calendar(), office_hours_for(cast.department))
    stories = _Stories(cast, clock, rng, seed)
    with transaction.atomic():
        for number in range(count):
            stories.number = number
            story: Callable[[], Dossier] = getattr(stories, STORIES[number % len(STORIES)])
            story()
    return count
