"""Factories for agencies and the procedure catalog, reusable by any app's tests.

``ProcedureFactory`` creates through ``procedure_save`` (so versions and search text exist) and
has named states: ``online_full``, ``online_partial``, ``on_portal``, ``abolished``.
"""

import datetime as dt
from decimal import Decimal

import factory

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
