"""Factories for agencies and the procedure catalog, reusable by any app's tests.

``ProcedureFactory`` creates through ``procedure_save`` (so versions and search text exist) and
has named states: ``online_full``, ``online_partial``, ``on_portal``, ``abolished``.
"""

import datetime as dt
from decimal import Decimal

import factory

from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind
from motcua.procedures.models import (
    Authority,
    Decision,
    DecisionKind,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureStatus,
    Shortening,
)
from motcua.procedures.services import procedure_save
from motcua.utils.text import fold


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"000.00.{n:02d}.H99")
    name = factory.Sequence(lambda n: f"Sở số {n}")
    kind = AgencyKind.DEPARTMENT

    class Params:
        inactive = factory.Trait(is_active=False, deactivated_on=dt.date(2024, 1, 1))


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    date = dt.date(2024, 6, 1)
    kind = DecisionKind.PUBLICATION
    title = factory.LazyAttribute(lambda o: f"Quyết định {o.number}")


class ProcedureFactory(factory.django.DjangoModelFactory):
    """Keyword arguments are ``Procedure`` field names; created with ``procedure_save``."""

    class Meta:
        model = Procedure

    code = factory.Sequence(lambda n: f"1.{n:06d}")
    name = factory.Sequence(lambda n: f"Thủ tục số {n}")
    level = Level.PROVINCE
    authority = Authority.CENTRAL
    field = "Hộ tịch"
    agency = None
    processing_days = Decimal("5")
    online_level = OnlineLevel.NONE
    national_portal = False
    status = ProcedureStatus.ACTIVE

    class Params:
        online_full = factory.Trait(online_level=OnlineLevel.FULL)
        online_partial = factory.Trait(online_level=OnlineLevel.PARTIAL)
        on_portal = factory.Trait(online_level=OnlineLevel.FULL, national_portal=True)
        abolished = factory.Trait(status=ProcedureStatus.ABOLISHED)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        code = kwargs.pop("code")
        procedure, _changed = procedure_save(code=code, values=kwargs)
        return procedure

    @classmethod
    def bulk(cls, count: int, **values) -> list[Procedure]:
        """``count`` procedures inserted in one statement (no versions): for volume tests."""
        procedures = cls.build_batch(count, **values)
        for procedure in procedures:
            procedure.search_text = fold(f"{procedure.code} {procedure.name} {procedure.field}")
        return Procedure.objects.bulk_create(procedures)


class ShorteningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shortening

    procedure = factory.SubFactory(ProcedureFactory)
    # Shortenings are approved by their own decisions, not by publication decisions.
    decision = factory.SubFactory(DecisionFactory, kind=DecisionKind.OTHER)
    days_before = Decimal("10")
    days_after = Decimal("7")
    annual_dossiers = 100


# ---- dossiers -------------------------------------------------------------------------------

PDF = b"%PDF-1.4 minimal"


def _officer(agency: Agency, role: str):
    """An active officer of ``agency`` with ``role``: the first one there is, or a new one."""
    from motcua.accounts.models import User

    found = User.objects.filter(agency=agency, role=role, is_active=True).order_by("pk").first()
    if found is not None:
        return found
    return User.objects.create_user(
        username=f"{agency.code}-{role}", password="pw-123456", role=role, agency=agency
    )


class DossierFactory:
    """Dossiers in a named state, driven there through the real services (so steps, events,
    slips, notifications and deadlines are those of a real dossier).

    ``DossierFactory.create("at_approval", procedure=p)`` makes a new one;
    ``DossierFactory.advance(dossier, "returned")`` drives an existing one further along the same
    path. The officers acting are those given (``desk=``, ``handler=``, ``approver=``), else the
    first active officer of the role at the competent agency (created when missing). A new
    dossier's first action happens at ``start`` (default: one hour ago), each following one a
    second later.
    """

    # Each state, and the state it is reached from (None: the dossier is created in it).
    PATH: dict[str, str | None] = {
        "submitted": None,  # 1: online, waiting at the desk
        "rejected": "submitted",  # 3: refused at intake
        "received": "submitted",  # 2: at the counter (``online=True``: submitted, accepted)
        "withdrawn": "received",  # 7
        "stopped": "received",  # 8
        "transferred": "received",  # 4: at the handler's step, not assigned yet
        "processing": "transferred",  # 4: the handler's step, assigned to the handler
        "overdue": "transferred",  # 4: assigned; received so long ago that it is past due
        "awaiting_supplement": "processing",  # 5: the handler asked for a supplement
        "awaiting_payment": "processing",  # 6: the handler asked for the fee
        "at_approval": "processing",  # 4: forwarded to the approver's step (the last)
        "resolved": "at_approval",  # 9: approved at the approval step
        "refused": "at_approval",  # 9: refused at the approval step
        "returned": "resolved",  # 10: result handed over at the desk
    }
    STATES = tuple(PATH)

    @classmethod
    def create(
        cls,
        state: str = "received",
        *,
        procedure: Procedure | None = None,
        applicant=None,
        components=None,
        start: dt.datetime | None = None,
        online: bool = False,
        **officers,
    ):
        from django.utils import timezone

        from motcua.dossiers import services as s

        cls._known(state)
        if procedure is None:
            procedure = ProcedureFactory(agency=AgencyFactory(), processing_days=Decimal("10"))
        applicant = applicant or s.ApplicantData(
            name="Nguyễn Văn An",
            id_number="060123456789",
            address="Phan Thiết",
            phone="0912345678",
            email="an@example.vn",
        )
        if state == "overdue" and start is None:
            if procedure.processing_days is None:
                raise ValueError("a procedure without a time limit has no overdue dossier")
            start = timezone.now() - dt.timedelta(days=int(procedure.processing_days) * 3 + 14)
        start = start or timezone.now() - dt.timedelta(hours=1)
        components = [] if components is None else components
        if online or state in ("submitted", "rejected"):
            dossier = s.dossier_submit_online(
                procedure=procedure, applicant=applicant, components=components, now=start
            )
        else:
            dossier = s.dossier_receive(
                actor=officers.get("desk") or _officer(procedure.agency, Role.INTAKE_OFFICER),
                procedure=procedure,
                applicant=applicant,
                components=components,
                now=start,
            )
        return cls.advance(dossier, state, **officers)

    @classmethod
    def advance(cls, dossier, state: str, *, desk=None, handler=None, approver=None):
        """``dossier`` driven from where it is to ``state`` (the PATH is followed)."""
        from motcua.dossiers import services as s

        cls._known(state)
        here = cls._state_of(dossier)
        chain = [state]
        while chain[0] != here:
            before = cls.PATH[chain[0]]
            if before is None:
                raise ValueError(f"{state!r} cannot be reached from {here!r}")
            chain.insert(0, before)
        agency = dossier.agency
        desk = desk or _officer(dossier.receiving_agency, Role.INTAKE_OFFICER)
        handler = handler or _officer(agency, Role.HANDLER)
        approver = approver or _officer(agency, Role.APPROVER)
        last = dossier.events.order_by("-at").values_list("at", flat=True).first()
        clock = (last + dt.timedelta(seconds=i) for i in range(1, 100))
        steps = {
            "rejected": lambda d: s.dossier_refuse_intake(
                actor=desk, dossier=d, reason="Không thuộc thẩm quyền", now=next(clock)
            ),
            "received": lambda d: s.dossier_accept(actor=desk, dossier=d, now=next(clock)),
            "withdrawn": lambda d: s.dossier_withdraw(
                actor=desk, dossier=d, reason="Công dân rút hồ sơ", now=next(clock)
            ),
            "stopped": lambda d: s.dossier_stop(
                actor=approver, dossier=d, reason="Dừng xử lý", now=next(clock)
            ),
            "transferred": lambda d: s.dossier_transfer(actor=desk, dossier=d, now=next(clock)),
            "processing": lambda d: s.dossier_assign(
                actor=approver, dossier=d, assignee=handler, now=next(clock)
            ),
            "awaiting_supplement": lambda d: s.dossier_request_supplement(
                actor=handler,
                dossier=d,
                reason="Thiếu giấy tờ",
                items="1. Bản sao CCCD",
                now=next(clock),
            ),
            "awaiting_payment": lambda d: s.dossier_request_payment(
                actor=handler, dossier=d, fee_vnd=d.fee_vnd or 100_000, now=next(clock)
            ),
            "at_approval": lambda d: cls._forward_to_last(d, handler, clock),
            "resolved": lambda d: s.dossier_approve(
                actor=approver, dossier=d, note="Đồng ý cấp kết quả", now=next(clock)
            ),
            "refused": lambda d: s.dossier_refuse(
                actor=approver, dossier=d, reason="Không đủ điều kiện", now=next(clock)
            ),
            "returned": lambda d: s.dossier_return_result(
                actor=desk, dossier=d, method="desk", now=next(clock)
            ),
        }
        steps["overdue"] = steps["processing"]
        for name in chain[1:]:
            dossier = steps[name](dossier)
        return dossier

    @classmethod
    def _known(cls, state: str) -> None:
        if state not in cls.PATH:
            raise ValueError(f"unknown dossier state {state!r}; one of {cls.STATES}")

    @classmethod
    def _state_of(cls, dossier) -> str:
        """The named state ``dossier`` is in (for the states a created dossier can be in)."""
        from motcua.dossiers.workflow import State

        state = State(dossier.state)
        if state != State.PROCESSING:
            named = {
                State.SUBMITTED: "submitted",
                State.RECEIVED: "received",
                State.RESOLVED: "resolved",
            }
            if state not in named:
                raise ValueError(f"cannot advance a dossier in state {state.label}")
            return named[state]
        step = dossier.steps.filter(finished_at__isnull=True).order_by("order").first()
        if not dossier.steps.filter(order__gt=step.order).exists():
            return "at_approval"
        return "processing" if step.assignee_id else "transferred"

    @staticmethod
    def _forward_to_last(dossier, handler, clock):
        """Forward every step before the last (the approval step); a step of another agency or
        role is forwarded by the first officer of that agency with that role."""
        from motcua.dossiers import services as s

        while True:
            step = dossier.steps.filter(finished_at__isnull=True).order_by("order").first()
            if not dossier.steps.filter(order__gt=step.order).exists():
                return dossier
            actor = handler
            if (handler.agency_id, handler.role) != (step.agency_id, step.role):
                actor = _officer(step.agency, step.role)
            dossier = s.dossier_forward(actor=actor, dossier=dossier, now=next(clock))
