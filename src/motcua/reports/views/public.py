"""The public statistics page (mounted at /thong-ke/, no account): per department and per
district the on-time rate and the online share of a period, with their definitions.

Agencies that resolved fewer than ``MOTCUA_PUBLIC_STATS_MIN_DOSSIERS`` dossiers (default 30) in
the period are listed without rates and without rank: a rate over a handful of dossiers says
little and would rank unfairly. Only aggregates are shown, never a dossier or a person.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from motcua.reports.dashboard import default_period, public_statistics
from motcua.reports.figures import PUBLIC_DEFINITIONS
from motcua.reports.forms import PeriodForm
from motcua.reports.selectors.dossiers import latest_received_on
from motcua.utils.replica import on_replica

MIN_DOSSIERS = 30
# The page is public and its figures move slowly: a few minutes of cache spares the database.
CACHE_SECONDS = 300


class PublicPeriodForm(PeriodForm):
    """Named periods only (year, 6 and 9 months, quarters, months)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["date_from"]
        del self.fields["date_to"]


def min_dossiers() -> int:
    return getattr(settings, "MOTCUA_PUBLIC_STATS_MIN_DOSSIERS", MIN_DOSSIERS)


@require_GET
@on_replica
def statistics_view(request: HttpRequest) -> HttpResponse:
    form = PublicPeriodForm(
        request.GET, default=default_period(timezone.localdate(), latest_received_on())
    )
    period = form.chosen()
    minimum = min_dossiers()
    key = f"reports:public:{period.start.isoformat()}:{period.end.isoformat()}:{minimum}"
    groups = cache.get(key)
    if groups is None:
        groups = public_statistics(period, min_resolved=minimum)
        cache.set(key, groups, CACHE_SECONDS)
    context = {
        "form": form,
        "period": period,
        "groups": groups,
        "minimum": minimum,
        "definitions": PUBLIC_DEFINITIONS,
    }
    return render(request, "reports/public.html", context)
