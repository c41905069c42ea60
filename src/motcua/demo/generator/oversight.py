"""feedback.csv and inspections.csv of the demo province: the 2024 report's feedback (231
received: 211 new and 20 carried over; 189 about regulations, 42 about behaviour; 205 processed,
204 of them published; 26 in process) and inspections (5 of 5 planned agencies inspected;
surprise inspections in huyện Bắc Bình, huyện Tuy Phong and thị xã La Gi). These are small
counts that do not grow with the dossier scale."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from motcua.demo.generator.model import Agency, ProvinceData

FEEDBACK_COLUMNS = (
    "code",
    "received_at",
    "kind",
    "agency_code",
    "subject",
    "processed_at",
    "published_at",
)
INSPECTION_COLUMNS = ("agency_code", "plan_year", "planned", "inspected_on", "notes")

PERIOD_START = dt.date(2023, 12, 15)
PERIOD_END = dt.date(2024, 12, 14)
NEW, CARRIED = 211, 20
REGULATION = 189  # of the 231 received; the other 42 are about behaviour
PROCESSED, PUBLISHED = 205, 204
# Processed before the period: history that must not count in 2024.
EARLIER = 15

SUBJECTS = {
    "regulation": [
        "Thành phần hồ sơ cấp giấy chứng nhận quyền sử dụng đất chưa rõ ràng",
        "Đề nghị đơn giản hóa thủ tục đăng ký kinh doanh hộ cá thể",
        "Thời hạn giải quyết cấp giấy phép xây dựng còn dài",
        "Phí, lệ phí chứng thực bản sao chưa thống nhất",
        "Đề nghị bỏ yêu cầu nộp bản sao giấy khai sinh",
        "Quy định về tách thửa đất ở chưa phù hợp thực tế",
    ],
    "behaviour": [
        "Cán bộ tiếp nhận hồ sơ hướng dẫn chưa đầy đủ",
        "Hồ sơ bị trả lại nhiều lần",
        "Chậm trả kết quả so với giấy hẹn",
        "Thái độ cán bộ tại Bộ phận Một cửa chưa đúng mực",
    ],
}
SURPRISE = ("Bắc Bình", "Tuy Phong", "La Gi")


def _instant(day: dt.date, rng: random.Random) -> str:
    return f"{day.isoformat()}T{rng.randint(7, 16):02d}:{rng.choice((0, 15, 30, 45)):02d}:00+07:00"


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _feedback_agencies(data: ProvinceData) -> list[str]:
    return [a.code for a in data.agencies if a.kind in ("department", "district")]


def feedback_rows(data: ProvinceData, rng: random.Random) -> Iterator[tuple[str, ...]]:
    """Every received item of 2024 with its kind, processing and publication, plus earlier
    history. Exactly: 20 carried over (received before 15/12/2023, processed on or after it),
    211 new; 205 processed in the period, 204 published by 14/12/2024; 26 still in process."""
    agencies = _feedback_agencies(data)
    received: list[dt.date] = [
        _day_between(rng, dt.date(2023, 10, 1), PERIOD_START - dt.timedelta(days=1))
        for _ in range(CARRIED)
    ] + [_day_between(rng, PERIOD_START, PERIOD_END) for _ in range(NEW)]
    order = sorted(range(len(received)), key=lambda i: received[i])
    # The 26 in process are the latest received; the rest are processed within the period.
    in_process = set(order[-(NEW + CARRIED - PROCESSED) :])
    unpublished = {next(i for i in reversed(order) if i not in in_process)}
    kinds = ["regulation"] * REGULATION + ["behaviour"] * (NEW + CARRIED - REGULATION)
    rng.shuffle(kinds)
    rows = []
    for number, i in enumerate(order, start=1):
        kind, day = kinds[i], received[i]
        processed = published = ""
        if i not in in_process:
            start = max(day, PERIOD_START)
            done = min(start + dt.timedelta(days=rng.randint(3, 25)), PERIOD_END)
            # Never before the receipt, even when both fall on the same day.
            processed = _instant(done, rng) if done > day else f"{done.isoformat()}T17:00:00+07:00"
            if i not in unpublished:
                published = _instant(
                    min(done + dt.timedelta(days=rng.randint(0, 3)), PERIOD_END), rng
                )
                published = max(published, processed)
        rows.append(
            (
                f"PAKN-{data.local_prefix}{day.year}-{number:04d}",
                _instant(day, rng),
                kind,
                rng.choice(agencies),
                rng.choice(SUBJECTS[kind]),
                processed,
                published,
            )
        )
    for number in range(EARLIER):
        day = dt.date(2023, 3, 1) + dt.timedelta(days=number * 9)
        kind = "regulation" if number % 3 else "behaviour"
        done = _instant(day + dt.timedelta(days=10), rng)
        rows.append(
            (
                f"PAKN-{data.local_prefix}2023-H{number + 1:03d}",
                _instant(day, rng),
                kind,
                rng.choice(agencies),
                rng.choice(SUBJECTS[kind]),
                done,
                done,
            )
        )
    yield from sorted(rows)


def _district(data: ProvinceData, words: str) -> Agency:
    return next(a for a in data.agencies if a.kind == "district" and words in a.name)


def inspection_rows(data: ProvinceData, rng: random.Random) -> Iterator[tuple[str, ...]]:
    """2024: the 5 agencies of the approved plan, all inspected (Sept–Nov, after notice
    95/TB-VP of 05/09/2024), and the surprise inspections; 2023's plan as history; 2025's plan
    not yet carried out."""
    departments = [a for a in data.agencies if a.kind == "department"]
    districts = [a for a in data.agencies if a.kind == "district"]
    planned = rng.sample(departments, 3) + rng.sample(
        [d for d in districts if not any(w in d.name for w in SURPRISE)], 2
    )
    for agency in planned:
        day = _day_between(rng, dt.date(2024, 9, 16), dt.date(2024, 11, 29))
        yield agency.code, "2024", "1", day.isoformat(), "Kiểm tra theo Kế hoạch năm 2024"
    for agency in rng.sample(departments, 4):
        day = _day_between(rng, dt.date(2023, 6, 1), dt.date(2023, 11, 30))
        yield agency.code, "2023", "1", day.isoformat(), "Kiểm tra theo Kế hoạch năm 2023"
    for words, day in zip(SURPRISE, ("2024-05-22", "2024-07-10", "2024-10-16"), strict=True):
        yield _district(data, words).code, "", "0", day, "Kiểm tra đột xuất"
    for agency in rng.sample(departments, 2):
        yield agency.code, "2025", "1", "", "Kế hoạch năm 2025"
