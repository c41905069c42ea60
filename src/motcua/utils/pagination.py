"""Pages of long lists that never count more rows than a person could page through."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

# Past this many rows a list says "more than 10.000": counting a department's hundreds of
# thousands of dossiers exactly costs more than the page itself, and nobody pages that far.
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A ``Paginator`` whose count stops at ``COUNT_CAP`` (``capped`` tells that there are
    more); pages past the cap are not offered.

    Its lists are narrow, sorted rows (a dossier's id and due time: ``work_list``), so the
    first ``COUNT_CAP + 1`` of them are read once, in one query, and both the count and the
    page come from them: the visibility union and its sort run once per request, not once for
    the count and again for the page."""

    cap = COUNT_CAP

    def __init__(self, object_list, per_page, **kwargs):
        if hasattr(object_list, "order_by"):
            object_list = list(object_list[: self.cap + 1])
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def _counted(self) -> int:
        return len(self.object_list)

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @cached_property
    def capped(self) -> bool:
        return self._counted > self.cap
