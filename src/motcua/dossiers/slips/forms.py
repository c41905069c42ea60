"""The official form sets for one-stop slips, as data with the date each came into force.

A dossier keeps the set in force on the day it was received (lifecycle.md, "Intake check"), so
the choice is a lookup in this table, never a comparison of years in code. When a new circular
replaces the forms, a row is added here; nothing else changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Form:
    number: str  # "01".."07"; empty where the set has no form for that kind
    title: str  # as the circular names it, sentence case (rendered in capitals)
    # Abbreviation of the document kind in its number and symbol ("12/TB-STNMT", Decree 30
    # Annex III); empty for slips that carry no number.
    symbol: str = ""


@dataclass(frozen=True)
class FormSet:
    code: str
    legal_name: str
    effective_from: dt.date
    forms: dict[str, Form]

    def form(self, kind: str) -> Form:
        try:
            return self.forms[kind]
        except KeyError:
            raise ValueError(f"unknown slip kind {kind!r}") from None


KINDS = ("receipt", "supplement", "refusal", "apology", "stop", "control_sheet", "register")

# Ordered by effective date. Circular 03/2025/TT-VPCP was signed on 15 Sept 2025 and took effect
# that day (lifecycle.md): dossiers received from then use its forms, those received before keep
# the 2018 set (also between 1 July, when Decree 118/2025/NĐ-CP took effect, and 14 Sept).
FORM_SETS: tuple[FormSet, ...] = (
    FormSet(
        code="tt01_2018",
        legal_name="Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ",
        # The earliest set: dossiers received before it came into force use it too.
        effective_from=dt.date(2019, 1, 6),
        forms={
            "receipt": Form("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            "supplement": Form("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            "refusal": Form("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
            "apology": Form("04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả", "PXL"),
            # The 2018 circular has no form for stopping; the notice is a plain "Thông báo"
            # (Decree 30/2020 layout) without a form number.
            "stop": Form("", "Thông báo về việc dừng giải quyết hồ sơ", "TB"),
            "control_sheet": Form("05", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
            "register": Form("06", "Sổ theo dõi hồ sơ"),
        },
    ),
    FormSet(
        code="tt03_2025",
        legal_name="Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ",
        effective_from=dt.date(2025, 9, 15),
        forms={
            "receipt": Form("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            "supplement": Form("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            "refusal": Form("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
            "apology": Form("04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết", "XL"),
            "stop": Form("05", "Thông báo dừng giải quyết hồ sơ", "TB"),
            "control_sheet": Form("06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
            "register": Form("07", "Sổ theo dõi hồ sơ"),
        },
    ),
)

FORM_SETS_BY_CODE: dict[str, FormSet] = {s.code: s for s in FORM_SETS}


def form_set_for(day: dt.date, sets: tuple[FormSet, ...] = FORM_SETS) -> FormSet:
    """The set in force on ``day`` (a local date); the earliest set for days before it."""
    chosen = sets[0]
    for form_set in sets:
        if form_set.effective_from <= day:
            chosen = form_set
    return chosen
