"""Slips as the office writes them (issue #8, section 4): the signer's full name and title
("KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC"), never a username; the place name of the agency's
locality; the number and symbol and the "Nơi nhận" block of the apology and the stop notice;
the register line of receipt 01; the signature and return rows of the control sheet; the 2025
set from 15 Sept 2025; the province's and agencies' names as they were on the slip's date."""

import datetime as dt
import io
import shutil
import subprocess

import pytest
from docx import Document

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, AgencyName, ProvinceName
from motcua.demo.officials import place_name, set_demo_officials, symbol
from motcua.dossiers.models import Apology, DossierDocument
from motcua.dossiers.slips import control_sheet_docx, slip_issue
from motcua.dossiers.slips.common import leader_signature
from motcua.dossiers.slips.pdf import docx_to_pdf
from motcua.dossiers.tests.test_slips import (
    Desk,
    event,
    full_dossier,
    local,
    paragraphs,
    prepare,
    stored_bytes,
    text_of,
)
from motcua.testing.browser import ARTIFACTS


class Office(Desk):
    """The desk of ``Desk`` with a head (Giám đốc) and a deputy who signs for him."""

    def __init__(self):
        super().__init__()
        self.head = User.objects.create_user(
            username="giamdoc",
            full_name="Nguyễn Văn An",
            title="Giám đốc",
            role=Role.APPROVER,
            agency=self.desk,
        )
        self.deputy = User.objects.create_user(
            username="phogiamdoc",
            full_name="Lê Thị Bích",
            title="Phó Giám đốc",
            role=Role.APPROVER,
            agency=self.desk,
        )
        self.officer.full_name = "Trần Thị Mai"
        self.officer.title = "Chuyên viên"
        self.officer.save()
        self.desk.head = self.head
        self.desk.signing_deputy = self.deputy
        self.desk.place_name = "Phan Thiết"
        self.desk.symbol = "STP"
        self.desk.save()


@pytest.fixture
def office(db) -> Office:
    return Office()


def apology_dossier(office: Office, received_at: dt.datetime):
    dossier = full_dossier(office, received_at, received_at + dt.timedelta(days=14))
    prepare(office, dossier, "apology", received_at + dt.timedelta(days=13))
    return dossier


def signature_block(data: bytes) -> list[str]:
    """The paragraphs of the last table (the signature table), without blanks."""
    table = Document(io.BytesIO(data)).tables[-1]
    return [p.text for cell in table.rows[0].cells for p in cell.paragraphs if p.text]


# ---- signers ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_deputy_signs_for_the_head_with_both_titles_and_full_name(office):
    dossier = apology_dossier(office, local(2024, 3, 5, 8, 15))

    data = stored_bytes(slip_issue(dossier=dossier, kind="apology", actor=office.deputy))

    block = signature_block(data)
    assert "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in block
    assert block[-1] == "Lê Thị Bích"
    assert "THỦ TRƯỞNG CƠ QUAN" not in text_of(data)
    assert "phogiamdoc" not in text_of(data)


@pytest.mark.django_db
def test_head_signs_under_his_own_title(office):
    dossier = apology_dossier(office, local(2024, 3, 5, 8, 15))

    block = signature_block(
        stored_bytes(slip_issue(dossier=dossier, kind="apology", actor=office.head))
    )

    assert "GIÁM ĐỐC" in block and not any(line.startswith("KT.") for line in block)
    assert block[-1] == "Nguyễn Văn An"


@pytest.mark.django_db
def test_a_handler_never_signs_the_leaders_documents(office):
    """The intake officer records the apology; the signing deputy's name is printed."""
    dossier = apology_dossier(office, local(2024, 3, 5, 8, 15))

    data = stored_bytes(slip_issue(dossier=dossier, kind="apology", actor=office.officer))

    assert signature_block(data)[-1] == "Lê Thị Bích"
    assert "Trần Thị Mai" not in signature_block(data)


@pytest.mark.parametrize(
    ("head", "deputy", "actor", "expected"),
    [
        (True, True, "head", ("GIÁM ĐỐC", "Nguyễn Văn An")),
        (True, True, "deputy", ("KT. GIÁM ĐỐC\nPhó Giám đốc", "Lê Thị Bích")),
        (True, True, None, ("KT. GIÁM ĐỐC\nPhó Giám đốc", "Lê Thị Bích")),
        (True, False, None, ("GIÁM ĐỐC", "Nguyễn Văn An")),
        (False, True, None, ("KT. Thủ trưởng cơ quan\nPhó Giám đốc", "Lê Thị Bích")),
        (False, False, None, ("Thủ trưởng cơ quan", "")),
    ],
)
@pytest.mark.django_db
def test_leader_signature_table(office, head, deputy, actor, expected):
    office.desk.head = office.head if head else None
    office.desk.signing_deputy = office.deputy if deputy else None
    office.desk.save()
    office.head.title = "GIÁM ĐỐC"
    who = {"head": office.head, "deputy": office.deputy, None: None}[actor]
    title, note, name = leader_signature(office.desk, who)
    assert (title, name) == expected
    assert note == "(Ký, ghi rõ họ tên và đóng dấu)"


@pytest.mark.django_db
def test_unsigned_agency_prints_a_blank_block_never_a_username(office):
    office.desk.head = office.desk.signing_deputy = None
    office.desk.save()
    office.officer.full_name = ""
    office.officer.first_name = office.officer.last_name = ""
    office.officer.save()
    dossier = apology_dossier(office, local(2024, 3, 5, 8, 15))

    text = text_of(stored_bytes(slip_issue(dossier=dossier, kind="apology", actor=office.officer)))
    receipt = text_of(
        stored_bytes(slip_issue(dossier=dossier, kind="receipt", actor=office.officer))
    )

    assert "THỦ TRƯỞNG CƠ QUAN" in text
    assert "tiepnhan" not in text and "tiepnhan" not in receipt


@pytest.mark.django_db
def test_intake_slips_are_signed_by_the_receiving_officer(office):
    dossier = full_dossier(office, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))

    block = signature_block(
        stored_bytes(slip_issue(dossier=dossier, kind="receipt", actor=office.officer))
    )

    assert block[:2] == ["NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)"]
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in block
    assert block[-1] == "Trần Thị Mai"


# ---- place, number and symbol, Nơi nhận -------------------------------------------------------


@pytest.mark.django_db
def test_place_is_the_agencys_locality_inherited_then_the_setting(office, settings):
    settings.MOTCUA_SLIP_PLACE = "Nơi mặc định"
    commune = Agency.objects.create(
        code="000.01.21.H12",
        name="UBND xã Hàm Chính",
        kind=AgencyKind.COMMUNE,
        parent=office.province,
        place_name="Hàm Thuận Bắc",
    )
    dossier = office.dossier(received_at=local(2024, 3, 5, 8, 15), agency=commune)
    header = Document(io.BytesIO(stored_bytes(slip_issue(dossier=dossier, kind="receipt"))))
    assert header.tables[0].cell(1, 1).text == "Hàm Thuận Bắc, ngày 05 tháng 3 năm 2024"

    # A unit without a place of its own takes its parent's, then the setting.
    office.province.place_name = "Phan Thiết"
    office.province.save()
    office.other.refresh_from_db()
    assert office.other.place_on() == "Phan Thiết"
    office.province.place_name = ""
    office.province.save()
    office.other.refresh_from_db()
    other = office.dossier(received_at=local(2024, 3, 5, 9, 0), agency=office.other)
    header = Document(io.BytesIO(stored_bytes(slip_issue(dossier=other, kind="receipt"))))
    assert header.tables[0].cell(1, 1).text == "Nơi mặc định, ngày 05 tháng 3 năm 2024"


@pytest.mark.django_db
def test_apology_and_stop_are_numbered_per_agency_and_year_with_nơi_nhận(office):
    first = apology_dossier(office, local(2024, 3, 5, 8, 15))
    second = full_dossier(office, local(2024, 4, 1, 8, 0), local(2024, 4, 15, 8, 0))
    prepare(office, second, "stop", local(2024, 4, 2, 8, 0))
    next_year = full_dossier(office, local(2025, 1, 6, 8, 0), local(2025, 1, 20, 8, 0))
    prepare(office, next_year, "stop", local(2025, 1, 7, 8, 0))

    apology = slip_issue(dossier=first, kind="apology", actor=office.deputy)
    stop = slip_issue(dossier=second, kind="stop", actor=office.deputy)
    again = slip_issue(dossier=next_year, kind="stop", actor=office.deputy)
    receipt = slip_issue(dossier=first, kind="receipt", actor=office.officer)

    assert [apology.number, stop.number, again.number] == ["01/PXL-STP", "02/TB-STP", "01/TB-STP"]
    assert receipt.number == ""
    header = Document(io.BytesIO(stored_bytes(stop))).tables[0]
    assert header.cell(1, 0).text == "Số: 02/TB-STP"
    for document in (apology, stop):
        block = signature_block(stored_bytes(document))
        assert block[:4] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"]
    assert "Nơi nhận" not in text_of(stored_bytes(receipt))


@pytest.mark.django_db
def test_nơi_nhận_of_another_agency_copies_the_desk(office):
    dossier = full_dossier(office, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    dossier.current_agency = office.other
    dossier.save()
    prepare(office, dossier, "stop", local(2024, 3, 6, 8, 0))

    document = slip_issue(dossier=dossier, kind="stop")

    block = signature_block(stored_bytes(document))
    assert block[:4] == [
        "Nơi nhận:",
        "- Như trên;",
        "- Bộ phận Một cửa - Sở Tư pháp;",
        "- Lưu: VT.",
    ]
    assert document.number == "01/TB-000.00.07.H12"  # no abbreviation set: the agency code


@pytest.mark.django_db
def test_receipt_carries_its_register_line(office):
    for hour in (8, 9):
        office.dossier(received_at=local(2024, 3, 5, hour, 0))
    office.dossier(received_at=local(2023, 12, 29, 8, 0))  # last year's book
    office.dossier(received_at=local(2024, 3, 5, 9, 30), agency=office.other)  # another desk
    dossier = full_dossier(office, local(2024, 3, 5, 10, 0), local(2024, 3, 19, 16, 30))

    text = text_of(stored_bytes(slip_issue(dossier=dossier, kind="receipt")))

    assert "Quyển số: 2024 - Số thứ tự: 3" in text


@pytest.mark.django_db
def test_control_sheet_has_signature_columns_and_return_rows(office):
    dossier = full_dossier(office, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    dossier.ended_at, dossier.outcome = local(2024, 3, 18, 15, 0), "approved"
    dossier.returned_at = local(2024, 3, 19, 9, 30)
    dossier.save()

    data = control_sheet_docx(dossier)

    tables = Document(io.BytesIO(data)).tables
    assert [c.text for c in tables[1].rows[0].cells][8:10] == ["Bên giao ký", "Bên nhận ký"]
    returns = [[c.text for c in row.cells] for row in tables[2].rows]
    assert returns[0] == [
        "Bên giao",
        "Bên nhận",
        "Thời gian giao, nhận",
        "Bên giao ký",
        "Bên nhận ký",
        "Ghi chú",
    ]
    assert returns[1][:3] == ["Sở Tư pháp", "Bộ phận Một cửa - Sở Tư pháp", "15:00\n18/03/2024"]
    assert returns[2][:3] == [
        "Bộ phận Một cửa - Sở Tư pháp",
        "Người nhận kết quả: Nguyễn Văn Bình",
        "09:30\n19/03/2024",
    ]
    assert "Trả kết quả giải quyết hồ sơ" in text_of(data)


# ---- form set and names by date -----------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "set_code", "title", "body"),
    [
        (
            local(2025, 9, 14, 16, 0),
            "tt01_2018",
            "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
            "hẹn lại thời gian trả kết quả vào lúc",
        ),
        (
            local(2025, 9, 15, 8, 0),
            "tt03_2025",
            "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
            "đồng ý gia hạn thời gian giải quyết hồ sơ đến",
        ),
    ],
)
@pytest.mark.django_db
def test_2025_set_from_15_september_and_its_form_04_asks_for_an_extension(
    office, received, set_code, title, body
):
    dossier = apology_dossier(office, received)

    document = slip_issue(dossier=dossier, kind="apology", actor=office.deputy)

    text = text_of(stored_bytes(document))
    assert document.form_set == set_code
    assert title in text and body in text
    other = "hẹn lại thời gian" if set_code == "tt03_2025" else "gia hạn"
    assert other not in text
    assert document.number.startswith("01/XL-" if set_code == "tt03_2025" else "01/PXL-")


@pytest.mark.parametrize(
    ("day", "parent", "place"),
    [
        (dt.date(2025, 6, 30), "UBND TỈNH BÌNH THUẬN", "Bình Thuận"),
        (dt.date(2025, 7, 1), "UBND TỈNH LÂM ĐỒNG", "Lâm Đồng"),
    ],
)
@pytest.mark.django_db
def test_names_are_those_valid_on_the_slips_date(office, day, parent, place):
    ProvinceName.objects.create(name="Bình Thuận", valid_to=dt.date(2025, 6, 30))
    ProvinceName.objects.create(name="Lâm Đồng", valid_from=dt.date(2025, 7, 1))
    AgencyName.objects.create(
        agency=office.desk, name="Sở Tư pháp tỉnh Bình Thuận", valid_to=dt.date(2025, 6, 30)
    )
    office.desk.place_name = ""
    office.desk.save()
    commune = Agency.objects.create(
        code="000.00.99.H12", name="Sở Mới", kind=AgencyKind.DEPARTMENT
    )  # no parent: under the provincial committee
    at = local(day.year, day.month, day.day, 9, 0)
    dossier = office.dossier(received_at=at)
    top = office.dossier(received_at=at, agency=commune)

    header = Document(io.BytesIO(stored_bytes(slip_issue(dossier=dossier, kind="receipt"))))
    lines = [p.text for p in header.tables[0].cell(0, 0).paragraphs if p.text]
    top_header = Document(io.BytesIO(stored_bytes(slip_issue(dossier=top, kind="receipt"))))
    top_lines = [p.text for p in top_header.tables[0].cell(0, 0).paragraphs if p.text]

    # The parent is the agency "UBND tỉnh Bình Thuận" (no name history): unchanged; the desk's
    # own name changes; an agency without a parent shows the province's name of the day.
    if day < dt.date(2025, 7, 1):
        assert lines == ["UBND TỈNH BÌNH THUẬN", "SỞ TƯ PHÁP TỈNH BÌNH THUẬN"]
    else:
        assert lines == ["UBND TỈNH BÌNH THUẬN", "SỞ TƯ PHÁP"]
    assert top_lines == [parent, "SỞ MỚI"]
    assert header.tables[0].cell(1, 1).text.startswith(f"{place}, ")


# ---- the demo's officials -----------------------------------------------------------------


@pytest.mark.django_db
def test_demo_officials_from_any_approvers_and_the_merger(office):
    office.desk.head = office.desk.signing_deputy = None
    office.desk.place_name = office.desk.symbol = ""
    office.desk.save()
    commune = Agency.objects.create(
        code="000.01.21.H12",
        name="UBND xã Hàm Chính (UBND huyện Hàm Thuận Bắc)",
        kind=AgencyKind.COMMUNE,
        parent=office.province,
    )
    User.objects.create_user(username="vo_danh", role=Role.APPROVER, agency=office.other)

    assert set_demo_officials() == 1
    assert set_demo_officials() == 1  # idempotent

    office.desk.refresh_from_db()
    assert (office.desk.head, office.desk.signing_deputy) == (office.head, office.deputy)
    assert (office.desk.place_name, office.desk.symbol) == ("Phan Thiết", "STP")
    office.other.refresh_from_db()
    assert office.other.head is None and office.other.signing_deputy is None  # untitled
    commune.refresh_from_db()
    assert (commune.place_name, commune.symbol) == ("Hàm Chính", "UBND")
    assert office.province.name_on(dt.date(2025, 6, 30)) == "UBND tỉnh Bình Thuận"
    assert office.province.name_on(dt.date(2025, 7, 1)) == "UBND tỉnh Lâm Đồng"
    assert ProvinceName.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "kind", "place", "abbreviation"),
    [
        ("Sở Tài nguyên và Môi trường", AgencyKind.DEPARTMENT, "Phan Thiết", "STNMT"),
        ("Sở Giáo dục và Đào tạo", AgencyKind.DEPARTMENT, "Phan Thiết", "SGDĐT"),
        ("Ban Quản lý các khu công nghiệp tỉnh", AgencyKind.DEPARTMENT, "Phan Thiết", "BQLKCN"),
        ("Văn phòng UBND tỉnh", AgencyKind.DEPARTMENT, "Phan Thiết", "VPUB"),
        ("UBND huyện Hàm Thuận Bắc", AgencyKind.DISTRICT, "Hàm Thuận Bắc", "UBND"),
        ("UBND thành phố Phan Thiết", AgencyKind.DISTRICT, "Phan Thiết", "UBND"),
        ("UBND thị trấn Ma Lâm", AgencyKind.COMMUNE, "Ma Lâm", "UBND"),
    ],
)
def test_demo_place_names_and_abbreviations(name, kind, place, abbreviation):
    agency = Agency(name=name, kind=kind)
    assert (place_name(agency), symbol(agency)) == (place, abbreviation)


# ---- as printed ---------------------------------------------------------------------------

PDFTOTEXT, PDFTOPPM = shutil.which("pdftotext"), shutil.which("pdftoppm")


def printed(data: bytes, name: str) -> str:
    """The DOCX converted by LibreOffice, its text (pdftotext -layout), and a PNG of its first
    page kept in test-artifacts/ to be looked at."""
    soffice = shutil.which("soffice")
    if not (soffice and PDFTOTEXT and PDFTOPPM):
        pytest.skip("LibreOffice and poppler-utils are needed to print slips")
    pdf = docx_to_pdf(data, soffice=soffice, stem=name)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(
        [PDFTOPPM, "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", "-", ARTIFACTS / name],
        input=pdf,
        check=True,
    )
    return subprocess.run(
        [PDFTOTEXT, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.django_db
def test_slips_as_printed(office):
    apology = apology_dossier(office, local(2025, 9, 16, 8, 15))
    text = printed(
        stored_bytes(slip_issue(dossier=apology, kind="apology", actor=office.deputy)),
        "slip-04-apology-2025",
    )
    for expected in (
        "Số: 01/XL-STP",
        "Phan Thiết, ngày",
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Lê Thị Bích",
    ):
        assert expected in text, expected

    stop = full_dossier(office, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    prepare(office, stop, "stop", local(2024, 3, 7, 8, 0))
    text = printed(
        stored_bytes(slip_issue(dossier=stop, kind="stop", actor=office.head)), "slip-stop-2018"
    )
    assert "Số: 01/TB-STP" in text and "Nơi nhận:" in text and "Nguyễn Văn An" in text
    assert "KT." not in text

    receipt = full_dossier(office, local(2024, 3, 5, 9, 0), local(2024, 3, 19, 16, 30))
    text = printed(
        stored_bytes(slip_issue(dossier=receipt, kind="receipt", actor=office.officer)),
        "slip-01-receipt",
    )
    assert "Quyển số: 2024 - Số thứ tự: 2" in text
    assert "Trần Thị Mai" in text and "tiepnhan" not in text

    receipt.ended_at, receipt.returned_at = local(2024, 3, 18, 15, 0), local(2024, 3, 19, 9, 30)
    receipt.outcome = "approved"
    receipt.save()
    event(receipt, receipt.returned_at, "return")
    text = printed(control_sheet_docx(receipt), "slip-control-sheet")
    for expected in ("Bên giao ký", "Bên nhận ký", "Trả kết quả giải quyết hồ sơ", "19/03/2024"):
        assert expected in text, expected
    assert "Người nhận kết quả: Nguyễn Văn" in text
    assert DossierDocument.objects.filter(number__startswith="01/").count() == 2
    assert Apology.objects.count() == 1
    assert paragraphs  # the shared helpers stay importable from test_slips
