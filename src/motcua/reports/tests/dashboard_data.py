"""A small province-year for the dashboard tests: every form 06 figure, digitization count and
feedback figure of 2024 is non-zero somewhere, in a department, a district and its commune."""

import datetime as dt
import itertools
from dataclasses import dataclass

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency
from motcua.dossiers.workflow import Channel, Outcome
from motcua.feedback.models import Feedback, FeedbackKind, FeedbackState
from motcua.procedures.models import Decision, DecisionKind, OnlineLevel
from motcua.reports.tests.form06_data import Setting, create_dossier, local, make_setting
from motcua.utils.periods import Period

YEAR = 2024
PERIOD = Period.for_year(YEAR)  # 15/12/2023 – 14/12/2024

_feedback_codes = itertools.count(1)


@dataclass
class World:
    setting: Setting
    controller: User
    dept_handler: User
    district_handler: User


def make_user(username: str, role: str, agency: Agency | None) -> User:
    return User.objects.create_user(username=username, password="x", role=role, agency=agency)


def feedback(agency: Agency, kind: str, received: dt.datetime, processed=None, published=None):
    return Feedback.objects.create(
        code=f"PAKN-{next(_feedback_codes):04d}",
        kind=kind,
        agency=agency,
        received_at=received,
        processed_at=processed,
        published_at=published,
        state=FeedbackState.PROCESSED if processed else FeedbackState.RECEIVED,
        submitter_name="Trần Thị Bí Mật",
        submitter_phone="0912345678",
    )


def make_world() -> World:
    s = make_setting()
    s.provincial.online_level = OnlineLevel.FULL
    s.provincial.national_portal = True
    s.provincial.agency = s.dept
    s.provincial.save()
    s.commune_level.online_level = OnlineLevel.PARTIAL
    s.commune_level.save()
    Decision.objects.create(
        number="1/QĐ-UBND", date=dt.date(2024, 3, 1), kind=DecisionKind.PUBLICATION
    )
    Decision.objects.create(
        number="2/QĐ-UBND", date=dt.date(2023, 3, 1), kind=DecisionKind.PUBLICATION
    )

    dept, district, commune = s.dept, s.district, s.commune
    dig = {"components_digitized": True, "result_digitized": True}
    # Department: early (online, digitized), late (direct), on time without due date (postal),
    # carried over and overdue, one ended before the period (never counted).
    create_dossier(
        s,
        received_at=local(2024, 3, 1, 9),
        due_at=local(2024, 3, 10, 17),
        ended_at=local(2024, 3, 5, 10),
        channel=Channel.ONLINE,
        reused_data=True,
        paid_online=True,
        **dig,
    )
    create_dossier(
        s,
        received_at=local(2024, 4, 1, 9),
        due_at=local(2024, 4, 5, 17),
        ended_at=local(2024, 4, 9, 10),
        channel=Channel.DIRECT,
        components_digitized=True,
    )
    create_dossier(
        s,
        received_at=local(2024, 5, 2, 9),
        ended_at=local(2024, 5, 20, 10),
        channel=Channel.POSTAL,
        outcome=Outcome.REFUSED,
    )
    create_dossier(s, received_at=local(2023, 11, 1, 9), due_at=local(2023, 12, 1, 17))
    create_dossier(
        s,
        received_at=local(2023, 10, 1, 9),
        due_at=local(2023, 10, 9, 17),
        ended_at=local(2023, 10, 5, 9),
    )
    # District: on time (postal), and one in process within the deadline (online).
    create_dossier(
        s,
        agency=district,
        procedure=s.district_level,
        received_at=local(2024, 6, 3, 9),
        due_at=local(2024, 6, 10, 17),
        ended_at=local(2024, 6, 10, 16),
        channel=Channel.POSTAL,
        **dig,
    )
    create_dossier(
        s,
        agency=district,
        procedure=s.district_level,
        received_at=local(2024, 12, 10, 9),
        due_at=local(2024, 12, 20, 17),
        channel=Channel.ONLINE,
    )
    # Commune: paused by an open supplement (within), and overdue (online).
    create_dossier(
        s,
        agency=commune,
        procedure=s.commune_level,
        received_at=local(2024, 11, 1, 9),
        due_at=local(2024, 11, 10, 17),
        channel=Channel.DIRECT,
        supplements=((local(2024, 11, 5, 9), None),),
    )
    create_dossier(
        s,
        agency=commune,
        procedure=s.commune_level,
        received_at=local(2024, 11, 2, 9),
        due_at=local(2024, 11, 12, 17),
        channel=Channel.ONLINE,
        components_digitized=True,
    )
    # Feedback: new and processed and published; carried over in process; behaviour.
    feedback(
        dept,
        FeedbackKind.REGULATION,
        local(2024, 2, 1, 9),
        local(2024, 2, 10, 9),
        local(2024, 2, 11, 9),
    )
    feedback(dept, FeedbackKind.BEHAVIOUR, local(2023, 12, 1, 9))
    feedback(district, FeedbackKind.REGULATION, local(2024, 7, 1, 9), local(2024, 7, 2, 9))

    return World(
        setting=s,
        controller=make_user("kiemsoat", Role.CONTROLLER, s.province),
        dept_handler=make_user("xuly-so", Role.HANDLER, dept),
        district_handler=make_user("xuly-huyen", Role.HANDLER, district),
    )
