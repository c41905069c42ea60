"""What the demo's documents print: each agency's place name, abbreviation and signers, and the
province's names over time (the 2025 merger), so slips show real people and places.

Signers are chosen among the agency's approvers whatever users the package brought
(users.csv): the one whose title has no "Phó" heads the agency, a "Phó …" signs for the head.
An agency without approvers keeps no signer and its slips carry a blank block to sign by hand.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, AgencyName, ProvinceName
from motcua.demo.generator.data.places import PROVINCE_AGENCY, PROVINCE_NAME

# Resolution 202/2025/QH15 of the National Assembly (arrangement of provincial units): Bình
# Thuận, Đắk Nông and Lâm Đồng form the province of Lâm Đồng from 1 July 2025.
MERGER_DAY = dt.date(2025, 7, 1)
MERGED_PROVINCE = "Lâm Đồng"
# The provincial capital, where the province's departments sit.
CAPITAL = "Phan Thiết"

# The demo accounts (demo.py) as a person would meet them, when the package did not name them.
DEMO_OFFICIALS = {
    "motcua": ("Nguyễn Thị Lan", "Chuyên viên Bộ phận Một cửa"),
    "chuyenvien": ("Lê Minh Tuấn", "Chuyên viên"),
    "lanhdao": ("Trần Văn Hùng", "Phó Giám đốc"),
    "kiemsoat": ("Phạm Thu Hà", "Chuyên viên"),
}

_KIND_PREFIX = re.compile(r"^(UBND\s+)?(huyện|thị xã|thành phố|xã|phường|thị trấn)\s+", re.I)
_SMALL_WORDS = {"và", "các", "-", "tỉnh"}
_SYMBOLS = {"Thanh tra tỉnh": "TTr", "Văn phòng UBND tỉnh": "VPUB"}


def place_name(agency: Agency) -> str:
    """ "UBND huyện Hàm Thuận Bắc" → "Hàm Thuận Bắc"; the province and departments → capital."""
    if agency.kind in (AgencyKind.DISTRICT, AgencyKind.COMMUNE):
        name = re.sub(r"\s*\(.*\)$", "", agency.name)
        return _KIND_PREFIX.sub("", name).strip()
    return CAPITAL


def symbol(agency: Agency) -> str:
    """ "Sở Tài nguyên và Môi trường" → "STNMT"; People's Committees → "UBND"."""
    if agency.name in _SYMBOLS:
        return _SYMBOLS[agency.name]
    if agency.name.startswith("UBND"):
        return "UBND"
    words = [w for w in re.split(r"[\s,]+", agency.name) if w and w.lower() not in _SMALL_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


@transaction.atomic
def set_demo_officials() -> int:
    """Fill in place names, abbreviations, signers and the merger's names; returns the number
    of agencies given a signer. Idempotent, and it never overwrites what an administrator set."""
    for username, (full_name, title) in DEMO_OFFICIALS.items():
        User.objects.filter(username=username, full_name="").update(
            full_name=full_name, title=title
        )
    approvers: dict[int, list[User]] = {}
    for user in User.objects.filter(role=Role.APPROVER, is_active=True).order_by("id"):
        if user.agency_id is not None:
            approvers.setdefault(user.agency_id, []).append(user)
    signed = 0
    for agency in Agency.objects.all():
        changed = []
        if not agency.place_name:
            agency.place_name = place_name(agency)
            changed.append("place_name")
        if not agency.symbol:
            agency.symbol = symbol(agency)
            changed.append("symbol")
        candidates = [u for u in approvers.get(agency.pk, []) if u.title]
        heads = [u for u in candidates if not u.title.lower().startswith("phó")]
        deputies = [u for u in candidates if u.title.lower().startswith("phó")]
        if agency.head_id is None and heads:
            agency.head = heads[0]
            changed.append("head")
        if agency.signing_deputy_id is None and deputies:
            agency.signing_deputy = deputies[0]
            changed.append("signing_deputy")
        if changed:
            agency.save(update_fields=changed)
        if agency.head_id or agency.signing_deputy_id:
            signed += 1
    _merger_names()
    return signed


def _merger_names() -> None:
    before = MERGER_DAY - dt.timedelta(days=1)
    ProvinceName.objects.get_or_create(name=PROVINCE_NAME, valid_from=None, valid_to=before)
    ProvinceName.objects.get_or_create(name=MERGED_PROVINCE, valid_from=MERGER_DAY, valid_to=None)
    province = Agency.objects.filter(kind=AgencyKind.PROVINCE, name=PROVINCE_AGENCY).first()
    if province is not None:
        AgencyName.objects.get_or_create(
            agency=province, name=PROVINCE_AGENCY, valid_from=None, valid_to=before
        )
        AgencyName.objects.get_or_create(
            agency=province,
            name=f"UBND tỉnh {MERGED_PROVINCE}",
            valid_from=MERGER_DAY,
            valid_to=None,
        )
