"""The province's agencies with codes in the style of mã định danh (QĐ 20/2020/QĐ-TTg):
province 000.00.00.H12, departments 000.00.01–19.H12, districts 000.00.21–30.H12 and the
communes of district NN 000.01.NN.H12, 000.02.NN.H12, …"""

from collections import Counter

from motcua.demo.generator.data.places import DEPARTMENTS, DISTRICTS, PROVINCE_AGENCY
from motcua.demo.generator.model import Agency

FIRST_DISTRICT_NUMBER = 21


def province_code(code: str) -> str:
    return f"000.00.00.{code}"


def department_codes(code: str) -> dict[str, str]:
    """Department key (as in the procedure data) → agency code."""
    return {key: f"000.00.{i:02d}.{code}" for i, (key, _name) in enumerate(DEPARTMENTS, 1)}


def build_agencies(code: str) -> list[Agency]:
    """All 151 agencies of the province: fixed, the same for every seed."""
    top = province_code(code)
    agencies = [Agency(top, PROVINCE_AGENCY, "province")]
    dept_codes = department_codes(code)
    agencies += [Agency(dept_codes[key], name, "department", top) for key, name in DEPARTMENTS]
    # Two communes of different districts may share a name (xã Tân Hà): name the district then.
    counts = Counter(f"{kind} {name}" for _d, communes in DISTRICTS for kind, name in communes)
    for number, (district_name, communes) in enumerate(DISTRICTS, FIRST_DISTRICT_NUMBER):
        district_code = f"000.00.{number:02d}.{code}"
        agencies.append(Agency(district_code, district_name, "district", top))
        district_label = district_name.removeprefix("UBND ")
        for i, (kind, name) in enumerate(communes, 1):
            label = f"UBND {kind} {name}"
            if counts[f"{kind} {name}"] > 1:
                label += f" ({district_label})"
            commune_code = f"000.{i:02d}.{number:02d}.{code}"
            agencies.append(Agency(commune_code, label, "commune", district_code))
    return agencies
