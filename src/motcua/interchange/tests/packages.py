"""Building small province data packages for tests."""

import textwrap
import zipfile
from pathlib import Path

SETTINGS = """\
key,value
province_name,Bình Thuận
province_code,H12
hourly_cost_vnd,25000
"""

AGENCIES = """\
code,name,kind,parent_code
000.00.00.H12,UBND tỉnh Bình Thuận,province,
000.00.12.H12,Sở Tư pháp,department,000.00.00.H12
000.00.13.H12,Sở Tài nguyên và Môi trường,department,000.00.00.H12
000.01.00.H12,UBND thành phố Phan Thiết,district,000.00.00.H12
"""

DECISIONS = """\
number,date,kind,title
1970/QĐ-UBND,2024-05-02,publication,Công bố danh mục TTHC
25/2024/QĐ-UBND,2024-06-10,other,Phê duyệt rút ngắn thời gian
"""

PROCEDURES = """\
code,name,level,field,authority,agency_code,processing_days,day_unit,online_level,national_portal,fee_vnd,status,decision_number
1.001612.000.00.00.H12,Cấp phiếu lý lịch tư pháp,province,Lý lịch tư pháp,central,000.00.12.H12,10,working,full,1,200000,active,1970/QĐ-UBND
1.004227.000.00.00.H12,Đăng ký đất đai lần đầu,district,Đất đai,central,,30,,partial,0,,,
2.000001.000.00.00.H12,Chứng thực bản sao,commune,Chứng thực,local,,0.5,calendar,,,,abolished,
"""  # noqa: E501

SHORTENINGS = """\
procedure_code,decision_number,days_before,days_after,annual_dossiers
1.001612.000.00.00.H12,25/2024/QĐ-UBND,10,7,1200
"""

# Dossier history against the catalog above: one dossier in each derived state.
DOSSIERS = """\
code,procedure_code,agency_code,channel,received_at,due_at,ended_at,outcome,returned_at,components_digitized,result_digitized,reused_data,paid_online
000.00.12.H12-240305-0001,1.001612.000.00.00.H12,000.00.12.H12,online,2024-03-04T18:30:00Z,2024-03-18T17:00:00+07:00,2024-03-15T10:00:00+07:00,approved,2024-03-16T09:00:00+07:00,1,1,1,1
000.00.12.H12-240305-0002,1.001612.000.00.00.H12,000.00.12.H12,direct,2024-03-05T08:15:00+07:00,2024-03-19T17:00:00+07:00,2024-03-20T16:00:00+07:00,refused,,0,0,0,0
000.00.12.H12-240305-0003,1.001612.000.00.00.H12,000.00.12.H12,postal,2024-03-05T09:00:00,,2024-03-06T09:00:00,stopped,,,,,
000.01.00.H12-240306-0001,1.004227.000.00.00.H12,000.01.00.H12,direct,2024-03-06T08:00:00+07:00,2024-04-17T17:00:00+07:00,2024-03-07T08:00:00+07:00,withdrawn,,0,0,0,0
000.01.00.H12-240307-0001,1.004227.000.00.00.H12,000.01.00.H12,online,2024-03-07T08:00:00+07:00,2024-04-18T17:00:00+07:00,,,,1,0,0,0
000.01.00.H12-240307-0002,1.004227.000.00.00.H12,000.01.00.H12,direct,2024-03-07T09:00:00+07:00,2024-04-18T17:00:00+07:00,,,,0,0,0,0
"""  # noqa: E501

SUPPLEMENTS = """\
dossier_code,requested_at,received_at
000.00.12.H12-240305-0001,2024-03-06T09:00:00+07:00,2024-03-07T10:00:00+07:00
000.00.12.H12-240305-0001,2024-03-08T09:00:00+07:00,2024-03-11T10:00:00+07:00
000.01.00.H12-240307-0001,2024-03-08T09:00:00+07:00,
000.01.00.H12-240307-0002,2024-03-08T09:00:00+07:00,2024-03-09T09:00:00+07:00
"""

VALID = {
    "settings.csv": SETTINGS,
    "agencies.csv": AGENCIES,
    "decisions.csv": DECISIONS,
    "procedures.csv": PROCEDURES,
    "shortenings.csv": SHORTENINGS,
}

HISTORY = {**VALID, "dossiers.csv": DOSSIERS, "supplements.csv": SUPPLEMENTS}


def write_package(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (name → text or raw bytes) into ``folder``; text is written as UTF-8."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content if isinstance(content, bytes) else textwrap.dedent(content).encode()
        (folder / name).write_bytes(data)
    return folder


def zip_package(folder: Path, target: Path, *, inside: str | None = None) -> Path:
    """Zip the files of ``folder``, at the root or inside the folder ``inside``."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"{inside}/{path.name}" if inside else path.name)
    return target
