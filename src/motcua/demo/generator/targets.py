"""The seed report's 2024 figures the demo catalog must reproduce exactly (statistics.md §4–§6
for the year-2024 period), and the shape chosen to reach them.

Totals come from the report; splits the report does not give (by level, by online level per
level) are chosen to look like a real province, with the province level the majority.
"""

import datetime as dt

# statistics.md §1: year 2024 runs from 15/12/2023 to 14/12/2024, both inclusive.
PERIOD_START = dt.date(2023, 12, 15)
PERIOD_END = dt.date(2024, 12, 14)

LEVELS = ("province", "district", "commune")

# §4: 1.970 active procedures, 1.949 defined centrally and 21 locally.
ACTIVE_BY_LEVEL = {"province": 1505, "district": 320, "commune": 145}
LOCAL_ABOLISHED_BY_LEVEL = {"province": 1, "district": 1, "commune": 0}
# Older codes of procedures the national catalog re-published under a new code (same name).
SUPERSEDED_BY_LEVEL = {"province": 22, "district": 5, "commune": 2}

# §4: decisions dated in the period.
PUBLICATION_DECISIONS = 111
REGULATION_DOCUMENTS = 1

# §5: 859 online services (668 full, 191 partial), 740 of them on the national portal.
ONLINE_BY_LEVEL = {
    "province": {"full": 510, "partial": 140},
    "district": {"full": 100, "partial": 30},
    "commune": {"full": 58, "partial": 21},
}
NATIONAL_PORTAL = 740

# §6: Quyết định 1970/QĐ-UBND ngày 12/11/2024 shortened 49 procedures, saving about 980 million
# VND a year (about 20 million per procedure).
SHORTENING_DECISION = "1970/QĐ-UBND"
SHORTENING_DATE = dt.date(2024, 11, 12)
SHORTENED_BY_LEVEL = {"province": 23, "district": 19, "commune": 7}
HOURLY_COST_VND = 25_000
HOURS_PER_DAY = 8
# Σ (days_before − days_after) × annual_dossiers: 200.000 VND per dossier-day at 25.000 VND/h,
# so 4.898…4.902 dossier-days give 979,6…980,4 million, i.e. "khoảng 980 triệu đồng".
SAVED_DOSSIER_DAYS = range(4898, 4903)
