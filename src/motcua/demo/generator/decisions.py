"""Decisions of the provincial People's Committee: publication decisions (quyết định công bố),
legal normative documents with procedure provisions, and the decisions approving shortened
processing times.

Dates straddle the 2024 reporting period on purpose: decisions of 2022–2023, the period's first
and last days (15/12/2023, 14/12/2024), the days just outside them (14/12/2023, 15/12/2024) and
late December 2024, which is calendar year 2024 but period year 2025.
"""

import datetime as dt
import random

from motcua.demo.generator import targets
from motcua.demo.generator.model import Decision

# Decisions are numbered per year in signing order; Bình Thuận signs about six a day
# (1970/QĐ-UBND on 12/11/2024, day 317).
DECISIONS_PER_DAY = 6.2

# (date range, how many publication decisions); the period's own 111 are added separately.
_PUBLICATIONS_OUTSIDE = (
    ((dt.date(2022, 3, 1), dt.date(2022, 12, 30)), 15),
    ((dt.date(2023, 1, 3), dt.date(2023, 12, 13)), 44),
    ((dt.date(2024, 12, 16), dt.date(2024, 12, 31)), 3),
    ((dt.date(2025, 1, 2), dt.date(2025, 3, 31)), 8),
)
_PUBLICATION_EDGES_INSIDE = (targets.PERIOD_START, targets.PERIOD_END)
_PUBLICATION_EDGES_OUTSIDE = (
    targets.PERIOD_START - dt.timedelta(days=1),
    targets.PERIOD_END + dt.timedelta(days=1),
)

# Legal normative documents (văn bản QPPL) carry the year in their number. Exactly one is
# dated inside the 2024 period.
_REGULATIONS = (
    (
        "21/2023/QĐ-UBND",
        dt.date(2023, 6, 20),
        "Ban hành Quy định phân cấp thẩm quyền cấp giấy phép xây dựng trên địa bàn tỉnh Bình Thuận",
    ),
    (
        "38/2023/QĐ-UBND",
        dt.date(2023, 12, 14),
        "Ban hành Quy định về chính sách hỗ trợ phát triển tài sản trí tuệ trên địa bàn tỉnh Bình "
        "Thuận",
    ),
    (
        "27/2024/QĐ-UBND",
        dt.date(2024, 9, 27),
        "Ban hành Quy định về hạn mức giao đất, công nhận quyền sử dụng đất và diện tích tối thiểu "
        "được tách thửa trên địa bàn tỉnh Bình Thuận",
    ),
    (
        "41/2024/QĐ-UBND",
        dt.date(2024, 12, 20),
        "Ban hành Quy định về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất trên địa "
        "bàn tỉnh Bình Thuận",
    ),
    (
        "05/2025/QĐ-UBND",
        dt.date(2025, 2, 18),
        "Ban hành Quy định phân cấp quản lý nhà nước về an toàn thực phẩm trên địa bàn tỉnh Bình "
        "Thuận",
    ),
)

SHORTENING_TITLE = (
    "Về phê duyệt danh mục thủ tục hành chính rút ngắn thời gian giải quyết trên địa bàn tỉnh "
    "Bình Thuận năm {year}"
)
SUPPLEMENTARY_SHORTENING_TITLE = (
    "Về phê duyệt bổ sung danh mục thủ tục hành chính rút ngắn thời gian giải quyết trên địa "
    "bàn tỉnh Bình Thuận năm 2024"
)

# A publication topic: (field, who manages it) → the decision's title.
Topic = tuple[str, str]


_FIELD_IN_TITLE = " trong lĩnh vực "


def _lower_first(text: str) -> str:
    return f"{text[0].lower()}{text[1:]}"


def publication_title(field: str, manager: str) -> str:
    return (
        "Về việc công bố danh mục thủ tục hành chính mới ban hành, được sửa đổi, bổ sung, bị bãi "
        f"bỏ{_FIELD_IN_TITLE}{_lower_first(field)} thuộc {manager}"
    )


def publishes_field(decision: Decision, field: str) -> bool:
    """Whether ``decision`` is the publication decision of procedures of ``field``."""
    return f"{_FIELD_IN_TITLE}{_lower_first(field)} thuộc " in decision.title


class DecisionBook:
    """Hands out decision numbers: increasing with the date within a year, never reused."""

    def __init__(self, rng: random.Random, reserved: set[str]) -> None:
        self.rng = rng
        self.used = set(reserved)

    def number(self, date: dt.date) -> str:
        day_of_year = date.timetuple().tm_yday
        n = max(1, round(day_of_year * DECISIONS_PER_DAY) + self.rng.randint(-4, 4))
        while f"{n}/QĐ-UBND" in self.used:
            n += 1
        number = f"{n}/QĐ-UBND"
        self.used.add(number)
        return number


def _weekday_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A random working weekday in [start, end] (decisions are signed on working days)."""
    while True:
        day = start + dt.timedelta(days=rng.randint(0, (end - start).days))
        if day.weekday() < 5:
            return day


def build_decisions(rng: random.Random, topics: list[Topic], weights: list[int]) -> list[Decision]:
    """Every decision of the package. ``topics`` (with ``weights``, e.g. procedures per topic)
    are what publication decisions are about."""
    supplementary_date = _weekday_between(rng, dt.date(2024, 12, 16), dt.date(2024, 12, 31))
    book = DecisionBook(rng, reserved={targets.SHORTENING_DECISION})

    dates = list(_PUBLICATION_EDGES_INSIDE) + list(_PUBLICATION_EDGES_OUTSIDE)
    dates += [
        _weekday_between(rng, targets.PERIOD_START, targets.PERIOD_END)
        for _ in range(targets.PUBLICATION_DECISIONS - len(_PUBLICATION_EDGES_INSIDE))
    ]
    for (start, end), count in _PUBLICATIONS_OUTSIDE:
        dates += [_weekday_between(rng, start, end) for _ in range(count)]

    decisions = []
    for date in sorted(dates):
        field, manager = rng.choices(topics, weights)[0]
        decisions.append(
            Decision(book.number(date), date, "publication", publication_title(field, manager))
        )
    decisions += [Decision(n, d, "regulation", t) for n, d, t in _REGULATIONS]
    decisions.append(
        Decision(
            targets.SHORTENING_DECISION,
            targets.SHORTENING_DATE,
            "other",
            SHORTENING_TITLE.format(year=2024),
        )
    )
    older = _weekday_between(rng, dt.date(2023, 9, 1), dt.date(2023, 10, 31))
    decisions.append(
        Decision(book.number(older), older, "other", SHORTENING_TITLE.format(year=2023))
    )
    decisions.append(
        Decision(
            book.number(supplementary_date),
            supplementary_date,
            "other",
            SUPPLEMENTARY_SHORTENING_TITLE,
        )
    )
    return sorted(decisions, key=lambda d: (d.date, d.number))
