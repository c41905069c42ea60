"""The current year's inspection plan for the demo, made through the services: four
departments in the plan (two inspected, with recommendations in every state, one of them
overdue), a surprise inspection of a district, so that the inspection pages are not empty.
The imported history (inspections.csv: the 2024 plan and its surprise inspections) is left
as it is.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from motcua.accounts.models import User
from motcua.accounts.roles import can
from motcua.agencies.models import Agency, AgencyKind
from motcua.inspections import services as s
from motcua.inspections.models import Inspection, InspectionPlan

TEAM = [
    s.Member("Nguyễn Thị Thanh Hương", "Phó Chánh Văn phòng UBND tỉnh", True),
    s.Member("Trần Quốc Bảo", "Trưởng phòng Kiểm soát thủ tục hành chính"),
    s.Member("Lê Thị Mỹ Duyên", "Chuyên viên Phòng Kiểm soát thủ tục hành chính"),
]
# The demo department first: its officers (the demo users) report on its recommendations.
DEPARTMENTS = ("Tài nguyên", "Tư pháp", "Y tế", "Giáo dục")


def _agencies(kind: str, words: tuple[str, ...], year: int) -> list[Agency]:
    """Active agencies of ``kind`` named by ``words``, without a planned inspection in
    ``year`` already (the imported history keeps its own)."""
    taken = Inspection.objects.filter(planned=True, plan_year=year).values("agency")
    found = []
    for word in words:
        agency = (
            Agency.objects.filter(kind=kind, is_active=True, name__icontains=word)
            .exclude(pk__in=taken)
            .order_by("code")
            .first()
        )
        if agency is not None:
            found.append(agency)
    return found


def _reporter(agency: Agency) -> User | None:
    """An officer of ``agency`` who may report on its recommendations (the demo's handler)."""
    for officer in User.objects.filter(agency=agency, is_active=True).order_by("pk"):
        if can(officer, "inspection.respond"):
            return officer
    return None


def demo_inspections(*, today: dt.date, actor: User) -> int:
    """Create the plan of ``today``'s year (if it does not exist yet) with its inspections and
    recommendations; return how many inspections were created."""
    year = today.year
    if InspectionPlan.objects.filter(year=year).exists():
        return 0
    departments = _agencies(AgencyKind.DEPARTMENT, DEPARTMENTS, year)
    districts = _agencies(AgencyKind.DISTRICT, ("",), year)
    day = dt.timedelta(days=1)

    def in_year(value: dt.date) -> dt.date:
        return min(today, max(dt.date(year, 1, 1), value))

    with transaction.atomic():
        plan = s.inspection_plan_create(
            year=year,
            decision_number="15/QĐ-UBND",
            decision_date=in_year(dt.date(year, 1, 10)),
            decision_signer="Phạm Văn Nam, Chủ tịch UBND tỉnh",
            today=today,
            actor=actor,
        )
        inspections = [
            s.inspection_plan_add(plan=plan, agency=agency, quarter=n % 4 + 1, team=TEAM,
                                  actor=actor)
            for n, agency in enumerate(departments)
        ]  # fmt: skip
        held = inspections[:2]
        for inspection, back in zip(held, (75, 40), strict=False):
            s.inspection_hold(
                inspection=inspection,
                inspected_on=in_year(today - back * day),
                findings=(
                    "Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa; một số hồ sơ "
                    "giải quyết quá hạn chưa có văn bản xin lỗi; sổ theo dõi chưa cập nhật."
                ),
                today=today,
                actor=actor,
            )
        if held:
            first = Inspection.objects.get(pk=held[0].pk)
            on = first.inspected_on
            assert on is not None
            add = {"inspection": first, "owner": first.agency, "today": today, "actor": actor}
            s.recommendation_add(
                text="Gửi văn bản xin lỗi người dân đối với các hồ sơ giải quyết quá hạn.",
                due_on=max(on + day, today - 10 * day),
                **add,
            )
            reporter = _reporter(first.agency)
            reported = s.recommendation_add(
                text="Cập nhật sổ theo dõi hồ sơ theo Mẫu số 06.",
                due_on=today + 30 * day,
                **add,
            )
            done = s.recommendation_add(
                text="Niêm yết lại danh mục thủ tục hành chính đã được công bố mới.",
                due_on=today + 15 * day,
                **add,
            )
            if reporter is not None:
                for recommendation, text in (
                    (reported, "Đã cập nhật sổ theo dõi hồ sơ đến hết tháng trước."),
                    (done, "Đã niêm yết lại tại Bộ phận Một cửa và trên Trang thông tin điện tử."),
                ):
                    s.recommendation_report(
                        recommendation=recommendation,
                        text=text,
                        done_on=today,
                        today=today,
                        actor=reporter,
                    )
                s.recommendation_accept(recommendation=done, now=timezone.now(), actor=actor)
            s.recommendation_add(
                text="Rà soát quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực đất đai.",
                due_on=today + 60 * day,
                **add,
            )
        if districts:
            on = in_year(today - 20 * day)
            s.inspection_surprise_record(
                agency=districts[0],
                inspected_on=on,
                decision_number="42/QĐ-VP",
                decision_date=on - 3 * day,
                team=TEAM[:2],
                findings="Kiểm tra đột xuất theo phản ánh về việc tiếp nhận hồ sơ đất đai.",
                today=today,
                actor=actor,
            )
    return len(inspections) + (1 if districts else 0)
