"""The province's officers (users.csv): for every agency the desk officer, handlers, the deputy
who approves and the head; the province office's controllers, an administrator and an editor.
Vietnamese full names and titles; never a password (an imported officer sets one through a
reset link; ``motcua demo`` gives the demo accounts its demo password)."""

import random

from motcua.demo.generator.data.places import DEPARTMENTS
from motcua.demo.generator.model import Agency, Officer
from motcua.demo.generator.organisation import department_codes

# The accounts ``motcua demo`` prints, at the department of the live demo dossiers
# (Tài nguyên và Môi trường) and at the province office.
DEMO_ACCOUNTS = {
    ("tnmt", "intake_officer"): "motcua",
    ("tnmt", "handler"): "chuyenvien",
    ("tnmt", "approver"): "lanhdao",
    ("van_phong", "controller"): "kiemsoat",
    ("van_phong", "administrator"): "quantri",
    ("van_phong", "editor"): "bientap",
}

_SURNAMES = (
    ["Nguyễn"] * 30
    + ["Trần"] * 10
    + ["Lê"] * 9
    + ["Phạm"] * 6
    + ["Huỳnh"] * 5
    + ["Võ"] * 5
    + ["Phan", "Hoàng", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh"] * 2
)
_MIDDLE = {
    "m": ["Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Ngọc", "Xuân"],
    "f": ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng", "Bích"],
}
_GIVEN = {
    "m": [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Hải",
        "Hùng",
        "Khang",
        "Long",
        "Minh",
        "Nam",
        "Phong",
        "Quang",
        "Sơn",
        "Tài",
        "Thắng",
        "Toàn",
        "Trung",
        "Tuấn",
        "Việt",
        "Vinh",
        "Hiếu",
        "Lộc",
        "Nghĩa",
        "Phúc",
        "Thành",
    ],  # fmt: skip
    "f": [
        "Anh",
        "Dung",
        "Hà",
        "Hằng",
        "Hoa",
        "Hương",
        "Lan",
        "Linh",
        "Mai",
        "Nga",
        "Ngọc",
        "Nhung",
        "Phương",
        "Quyên",
        "Thảo",
        "Trang",
        "Tuyết",
        "Vân",
        "Yến",
        "Hạnh",
        "Oanh",
        "Loan",
        "Thủy",
        "Diễm",
        "Trinh",
    ],  # fmt: skip
}


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def __call__(self) -> str:
        while True:
            sex = self.rng.choice("mf")
            name = " ".join(
                (
                    self.rng.choice(_SURNAMES),
                    self.rng.choice(_MIDDLE[sex]),
                    self.rng.choice(_GIVEN[sex]),
                )
            )
            if name not in self.used:
                self.used.add(name)
                return name


def _head_titles(name: str) -> tuple[str, str]:
    """(deputy, head) titles of an agency's leaders, from its name."""
    if name.startswith("Sở"):
        return "Phó Giám đốc", "Giám đốc"
    if name.startswith("Ban"):
        return "Phó Trưởng ban", "Trưởng ban"
    if name.startswith("Thanh tra"):
        return "Phó Chánh Thanh tra", "Chánh Thanh tra"
    if name.startswith("Văn phòng"):
        return "Phó Chánh Văn phòng", "Chánh Văn phòng"
    return "Phó Chủ tịch", "Chủ tịch"


def build_officers(rng: random.Random, agencies: list[Agency]) -> list[Officer]:
    names = _Names(rng)
    keys = {code: key for key, code in department_codes(agencies[0].code.split(".")[-1]).items()}
    known = dict(DEPARTMENTS)
    officers: list[Officer] = []
    for agency in agencies:
        key = keys.get(agency.code, "")
        parts = agency.code.split(".")
        if agency.kind == "department":
            prefix = key.replace("_", "")
        elif agency.kind == "district":
            prefix = f"huyen{parts[2]}"
        elif agency.kind == "commune":
            prefix = f"xa{parts[2]}{parts[1]}"
        else:
            prefix = "ubndtinh"
        deputy, head = _head_titles(known.get(key, agency.name))
        if agency.kind == "commune":
            staff = [
                ("motcua", "intake_officer", "Công chức Văn phòng - Thống kê"),
                ("xuly1", "handler", "Công chức Tư pháp - Hộ tịch"),
                ("xuly2", "handler", "Công chức Địa chính - Xây dựng"),
            ]
        elif agency.kind == "province":
            staff = []
        else:
            staff = [
                ("motcua", "intake_officer", "Chuyên viên"),
                ("xuly1", "handler", "Chuyên viên chính"),
                ("xuly2", "handler", "Chuyên viên"),
            ]
        staff += [("pheduyet", "approver", deputy), ("thutruong", "approver", head)]
        if key == "van_phong":
            staff += [
                ("kiemsoat1", "controller", "Chuyên viên Phòng Kiểm soát thủ tục hành chính"),
                ("kiemsoat2", "controller", "Chuyên viên Phòng Kiểm soát thủ tục hành chính"),
                ("quantri", "administrator", "Chuyên viên Trung tâm Phục vụ hành chính công"),
                ("bientap", "editor", "Chuyên viên"),
            ]
        taken: set[str] = set()
        for suffix, role, title in staff:
            username = DEMO_ACCOUNTS.get((key, role))
            if username is None or username in taken:
                username = f"{prefix}.{suffix}"
            taken.add(username)
            officers.append(Officer(username, names(), title, agency.code, role))
    return officers
