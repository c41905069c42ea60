"""Pages of long lists that never count more rows than a person could page through."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

# Past this many rows a list says "more than 10.000": counting a department's hundreds of
# thousands of dossiers exactly costs more than the page itself, and nobody pages that far.
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A ``Paginator`` whose count stops at ``COUNT_CAP`` (``capped`` tells that there are
    more); pages past the cap are not offered. The count is one ``COUNT`` over at most
    ``COUNT_CAP + 1`` rows."""

    cap = COUNT_CAP

    @cached_property
    def _counted(self) -> int:
        rows = self.object_list
        if hasattr(rows, "order_by"):
            return rows.order_by()[: self.cap + 1].count()
        return min(len(rows), self.cap + 1)

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @cached_property
    def capped(self) -> bool:
        return self._counted > self.cap
