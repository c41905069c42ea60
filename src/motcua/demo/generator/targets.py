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

# §2: dossiers of the year 2024. 660.557 received = 634.760 new (375.008 online, 259.752 direct
# or by post) + 25.797 carried over = 640.326 resolved (478.588 early, 155.002 on time, 6.736
# late) + 20.231 in process (20.133 within the deadline, 98 overdue). The report does not split
# direct from postal: about one in twenty goes by post.
DOSSIERS_CARRIED_OVER = 25_797
DOSSIERS_NEW = {"online": 375_008, "direct": 246_764, "postal": 12_988}
DOSSIERS_RESOLVED = {"early": 478_588, "on_time": 155_002, "late": 6_736}
DOSSIERS_IN_PROCESS = {"within": 20_133, "overdue": 98}
DOSSIERS_RECEIVED = 660_557

# §7: 73,1% of the new dossiers digitized (components, and the result when approved by T).
DIGITIZED_PER_MILLE = 731

# The history runs from before the period (dossiers carried over into it) to the end of the
# month after it, so both period edges are exercised.
HISTORY_START = dt.date(2023, 11, 1)
HISTORY_END = dt.date(2024, 12, 31)
