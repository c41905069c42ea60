"""Slips and sheets: the form set in force, the content of each slip read back from the DOCX,
stored once with its hash, the PDF converted once, the register and the control sheet."""

import datetime as dt
import hashlib
import io
import os
import shutil
import subprocess
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind, Province
from motcua.dossiers.models import (
    Apology,
    Dossier,
    DossierComponent,
    DossierDocument,
    DossierEvent,
    DossierStep,
    SupplementRequest,
)
from motcua.dossiers.slips import (
    FORM_SETS,
    control_sheet_docx,
    form_set_for,
    register_docx,
    slip_issue,
    slip_pdf,
)
from motcua.dossiers.slips.common import clock, long_date, time_limit
from motcua.dossiers.slips.forms import FORM_SETS_BY_CODE
from motcua.dossiers.slips.issue import slip_bytes
from motcua.dossiers.workflow import Channel, State
from motcua.jobs.services import worker_run
from motcua.procedures.services import procedure_save

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def local(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VN)


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph of a DOCX, table cells included, in document order."""
    body = Document(io.BytesIO(data)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


def text_of(data: bytes) -> str:
    return "\n".join(paragraphs(data))


def stored_bytes(document: DossierDocument) -> bytes:
    document.refresh_from_db()
    return slip_bytes(document)


# ---- pure rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (dt.date(2019, 1, 1), "tt01_2018"),  # before the earliest set: the earliest applies
        (dt.date(2024, 3, 5), "tt01_2018"),
        (dt.date(2025, 6, 30), "tt01_2018"),
        # Circular 03/2025 was signed and took effect on 15 Sept 2025, not 1 July.
        (dt.date(2025, 7, 1), "tt01_2018"),
        (dt.date(2025, 9, 14), "tt01_2018"),
        (dt.date(2025, 9, 15), "tt03_2025"),
        (dt.date(2025, 10, 1), "tt03_2025"),
    ],
)
def test_form_set_for_picks_the_set_in_force(day, code):
    assert form_set_for(day).code == code


def test_form_sets_are_data_with_every_kind():
    assert [s.effective_from for s in FORM_SETS] == sorted(s.effective_from for s in FORM_SETS)
    old, new = FORM_SETS_BY_CODE["tt01_2018"], FORM_SETS_BY_CODE["tt03_2025"]
    assert set(old.forms) == set(new.forms)
    assert (old.form("control_sheet").number, new.form("control_sheet").number) == ("05", "06")
    assert (old.form("register").number, new.form("register").number) == ("06", "07")
    assert (old.form("stop").number, new.form("stop").number) == ("", "05")
    with pytest.raises(ValueError):
        old.form("unknown")


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2024, 3, 5), "ngày 05 tháng 3 năm 2024"),
        (dt.date(2024, 2, 15), "ngày 15 tháng 02 năm 2024"),
        (dt.date(2024, 1, 1), "ngày 01 tháng 01 năm 2024"),
        (dt.date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
    ],
)
def test_long_date_pads_as_decree_30_asks(day, text):
    assert long_date(day) == text


def test_clock_is_local_wall_time():
    utc = dt.datetime(2024, 3, 5, 1, 15, tzinfo=dt.UTC)
    assert clock(utc) == "08 giờ 15 phút, ngày 05/03/2024"


# ---- fixtures -----------------------------------------------------------------------------


class Desk:
    """A province with a desk (Sở Tư pháp), another desk, an officer and a procedure."""

    def __init__(self):
        Province.objects.update_or_create(pk=1, defaults={"name": "Bình Thuận", "code": "H12"})
        self.province = Agency.objects.create(
            code="000.00.00.H12",
            name="UBND tỉnh Bình Thuận",
            kind=AgencyKind.PROVINCE,
        )
        self.desk = Agency.objects.create(
            code="000.00.05.H12",
            name="Sở Tư pháp",
            kind=AgencyKind.DEPARTMENT,
            parent=self.province,
        )
        self.other = Agency.objects.create(
            code="000.00.07.H12",
            name="Sở Xây dựng",
            kind=AgencyKind.DEPARTMENT,
            parent=self.province,
        )
        self.officer = User.objects.create_user(
            username="tiepnhan",
            first_name="Trần Thị",
            last_name="Mai",
            role=Role.INTAKE_OFFICER,
            agency=self.desk,
        )
        self.procedure, _changed = procedure_save(
            code="1.000001.H12",
            values={
                "name": "Cấp phiếu lý lịch tư pháp",
                "level": "province",
                "authority": "central",
                "agency": self.desk,
                "processing_days": Decimal(10),
                "day_unit": "working",
            },
        )
        self.sequence = 0

    def dossier(
        self, *, received_at: dt.datetime | None, agency: Agency | None = None, **values
    ) -> Dossier:
        agency = agency or self.desk
        self.sequence += 1
        stamp = received_at or values.get("submitted_at")
        fields = {
            "code": f"{agency.code}-{stamp:%y%m%d}-{self.sequence:04d}",
            "procedure": self.procedure,
            "receiving_agency": agency,
            "agency": agency,
            "current_agency": agency,
            "channel": Channel.DIRECT,
            "state": State.RECEIVED if received_at else State.SUBMITTED,
            "applicant_name": "Nguyễn Văn Bình",
            "applicant_address": "12 Trần Hưng Đạo, Phan Thiết",
            "applicant_phone": "0912345678",
            "applicant_email": "binh@example.vn",
            "sets": 1,
            "submitted_at": received_at,
            "received_at": received_at,
            **values,
        }
        dossier = Dossier.objects.create(**fields)
        DossierEvent.objects.create(
            dossier=dossier,
            at=stamp,
            action="receive" if received_at else "submit",
            to_state=dossier.state,
        )
        return dossier


@pytest.fixture
def desk(db) -> Desk:
    return Desk()


def full_dossier(desk: Desk, received_at: dt.datetime, due_at: dt.datetime) -> Dossier:
    dossier = desk.dossier(received_at=received_at, due_at=due_at)
    DossierComponent.objects.create(
        dossier=dossier,
        name="Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp",
        originals=1,
    )
    DossierComponent.objects.create(
        dossier=dossier,
        name="Căn cước công dân",
        originals=0,
        copies=2,
    )
    return dossier


def event(dossier: Dossier, at: dt.datetime, action: str) -> None:
    DossierEvent.objects.create(dossier=dossier, at=at, action=action, to_state=dossier.state)


def prepare(desk: Desk, dossier: Dossier, kind: str, at: dt.datetime) -> None:
    """Put on the dossier what the service would have recorded before issuing ``kind``."""
    if kind == "supplement":
        SupplementRequest.objects.create(
            dossier=dossier,
            requested_at=at,
            requested_by=desk.officer,
            items="Bản sao giấy khai sinh\n- Ảnh 4x6 (02 ảnh)",
            reason="Thiếu giấy tờ chứng minh nhân thân",
        )
    elif kind == "refusal":
        dossier.result_note = "Thủ tục không thuộc thẩm quyền của Sở Tư pháp"
        dossier.save()
    elif kind == "apology":
        Apology.objects.create(
            dossier=dossier,
            issued_at=at,
            issued_by=desk.officer,
            agency=desk.desk,
            reason="Cần xác minh thông tin tại địa phương khác",
            new_date=dossier.due_at + dt.timedelta(days=7),
        )
    elif kind == "stop":
        dossier.result_note = "Người nộp đề nghị dừng giải quyết"
        dossier.save()
    event(dossier, at, kind)


# ---- slips --------------------------------------------------------------------------------

SLIP_CASES = [
    (kind, received, set_code)
    for kind in ("receipt", "supplement", "refusal", "apology", "stop")
    for received, set_code in (
        (local(2024, 3, 5, 8, 15), "tt01_2018"),
        (local(2025, 9, 15, 14, 5), "tt03_2025"),
    )
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "received_at", "set_code"), SLIP_CASES)
def test_each_slip_carries_the_dossier_and_the_form_of_its_set(
    desk,
    kind,
    received_at,
    set_code,
):
    due_at = received_at + dt.timedelta(days=14)
    dossier = full_dossier(desk, received_at, due_at)
    prepare(desk, dossier, kind, received_at + dt.timedelta(hours=1))

    document = slip_issue(dossier=dossier, kind=kind, actor=desk.officer)

    form = FORM_SETS_BY_CODE[set_code].form(kind)
    assert (document.kind, document.form_set, document.form_number, document.title) == (
        kind,
        set_code,
        form.number,
        form.title,
    )
    assert document.created_by == desk.officer
    text = text_of(stored_bytes(document))
    for expected in (
        dossier.code,
        "Nguyễn Văn Bình",
        "Cấp phiếu lý lịch tư pháp",
        f"{received_at:%d/%m/%Y}",
        "UBND TỈNH BÌNH THUẬN",
        "SỞ TƯ PHÁP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ):
        assert expected in text, (kind, expected)
    if form.number:
        assert f"Mẫu số {form.number}" in text
        assert form.title.upper() in text
    else:  # the 2018 set has no stop form: a plain notice
        assert "Mẫu số" not in text
        assert "THÔNG BÁO" in paragraphs(stored_bytes(document))
        assert "Về việc dừng giải quyết hồ sơ" in text


@pytest.mark.django_db
def test_receipt_has_every_field_of_form_01(desk, settings):
    settings.MOTCUA_SLIP_PLACE = "Phan Thiết"
    dossier = full_dossier(desk, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))

    data = stored_bytes(slip_issue(dossier=dossier, kind="receipt", actor=desk.officer))

    lines = paragraphs(data)
    text = "\n".join(lines)
    assert "Phan Thiết, ngày 05 tháng 3 năm 2024" in lines
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in lines
    for expected in (
        "Địa chỉ: 12 Trần Hưng Đạo, Phan Thiết",
        "Số điện thoại: 0912345678",
        "Thư điện tử: binh@example.vn",
        "Số lượng hồ sơ: 1 bộ",
        "Thời gian giải quyết hồ sơ theo quy định: 10 ngày làm việc",
        "Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 05/03/2024",
        "Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 19/03/2024",
        "Đăng ký nhận kết quả tại: Bộ phận Một cửa - Sở Tư pháp",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Trần Thị Mai",
    ):
        assert expected in text, expected
    table = Document(io.BytesIO(data)).tables[1]  # [0] is the header block
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["STT", "Tên giấy tờ", "Bản chính", "Bản sao"],
        ["1", "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "1", "0"],
        ["2", "Căn cước công dân", "0", "2"],
    ]


@pytest.mark.django_db
def test_header_defaults_to_the_province_name_and_bolds_the_unit(desk):
    dossier = full_dossier(desk, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    data = stored_bytes(slip_issue(dossier=dossier, kind="receipt"))
    header = Document(io.BytesIO(data)).tables[0]
    left = [(p.text, any(r.bold for r in p.runs)) for p in header.cell(0, 0).paragraphs if p.text]
    assert left == [("UBND TỈNH BÌNH THUẬN", False), ("SỞ TƯ PHÁP", True)]
    assert header.cell(1, 1).text == "Bình Thuận, ngày 05 tháng 3 năm 2024"
    assert header.cell(1, 1).paragraphs[0].runs[0].italic


@pytest.mark.django_db
def test_supplement_lists_every_item_with_reason_and_contact(desk):
    dossier = full_dossier(desk, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    prepare(desk, dossier, "supplement", local(2024, 3, 6, 9, 0))

    text = text_of(stored_bytes(slip_issue(dossier=dossier, kind="supplement")))

    assert "1. Bản sao giấy khai sinh" in text
    assert "2. Ảnh 4x6 (02 ảnh)" in text
    assert "Lý do: Thiếu giấy tờ chứng minh nhân thân" in text
    assert "liên hệ Trần Thị Mai, Bộ phận Một cửa - Sở Tư pháp" in text
    assert "ngày 06 tháng 3 năm 2024" in text  # dated the day of the request


@pytest.mark.django_db
def test_apology_gives_reason_original_and_new_dates_from_the_late_agency(desk):
    dossier = full_dossier(desk, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    dossier.current_agency = desk.other
    dossier.save()
    prepare(desk, dossier, "apology", local(2024, 3, 18, 10, 0))

    text = text_of(stored_bytes(slip_issue(dossier=dossier, kind="apology")))

    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "Cần xác minh thông tin tại địa phương khác" in text
    assert "16 giờ 30 phút, ngày 19/03/2024" in text  # the original appointment
    assert "16 giờ 30 phút, ngày 26/03/2024" in text  # the new one
    assert "SỞ TƯ PHÁP" in text  # the apology's agency, not the current one


@pytest.mark.django_db
def test_stop_comes_from_the_current_agency_with_its_reason(desk):
    dossier = full_dossier(desk, local(2025, 9, 16, 8, 0), local(2025, 9, 30, 8, 0))
    dossier.current_agency = desk.other
    dossier.save()
    prepare(desk, dossier, "stop", local(2025, 9, 18, 8, 0))

    text = text_of(stored_bytes(slip_issue(dossier=dossier, kind="stop")))

    assert "SỞ XÂY DỰNG" in text
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert "Lý do: Người nộp đề nghị dừng giải quyết" in text


@pytest.mark.django_db
def test_refused_submission_uses_its_submission_date(desk):
    dossier = desk.dossier(
        received_at=None,
        submitted_at=local(2025, 6, 30, 22, 0),
        channel=Channel.ONLINE,
        result_note="Sai thẩm quyền\nThiếu tờ khai",
    )
    document = slip_issue(dossier=dossier, kind="refusal")
    text = text_of(stored_bytes(document))
    assert document.form_set == "tt01_2018"
    assert "Thời gian nộp hồ sơ: 22 giờ 00 phút, ngày 30/06/2025" in text
    assert "1. Sai thẩm quyền" in text and "2. Thiếu tờ khai" in text


@pytest.mark.storage
@pytest.mark.django_db
def test_every_call_stores_a_new_document_with_the_hash_of_its_bytes(desk):
    dossier = full_dossier(desk, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    prepare(desk, dossier, "supplement", local(2024, 3, 6, 9, 0))
    first = slip_issue(dossier=dossier, kind="supplement")
    prepare(desk, dossier, "supplement", local(2024, 3, 8, 9, 0))
    second = slip_issue(dossier=dossier, kind="supplement")

    assert first.pk != second.pk
    worker_run(once=True, queues=["slips"])  # the job that puts slips in the file storage
    for document in (first, second):
        document.refresh_from_db()
        assert document.content is None and document.docx.name.startswith("slips/")
        assert document.sha256 == hashlib.sha256(stored_bytes(document)).hexdigest()
        assert not document.pdf
    assert first.docx.name != second.docx.name
    assert "ngày 08 tháng 3 năm 2024" in text_of(stored_bytes(second))
    assert DossierDocument.objects.filter(dossier=dossier, kind="supplement").count() == 2


@pytest.mark.django_db
def test_unknown_kind_is_refused(desk):
    dossier = full_dossier(desk, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    with pytest.raises(ValueError):
        slip_issue(dossier=dossier, kind="register")


@pytest.mark.django_db
def test_time_limit_reads_fractions_the_vietnamese_way(desk):
    dossier = full_dossier(desk, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    assert time_limit(dossier) == "10 ngày làm việc"
    dossier.procedure.processing_days = Decimal("0.5")
    dossier.procedure.day_unit = "calendar"
    assert time_limit(dossier) == "0,5 ngày"


# ---- PDF ----------------------------------------------------------------------------------

SOFFICE = shutil.which("soffice")


def require_soffice():
    if SOFFICE:
        return
    if os.environ.get("CI"):
        pytest.fail(
            "LibreOffice (soffice) is required in CI: apt-get install libreoffice-writer-nogui"
        )
    pytest.skip("LibreOffice (soffice) is not installed: slip PDFs not tested")


@pytest.mark.storage
@pytest.mark.django_db
def test_pdf_is_converted_once_then_served_from_storage(desk, monkeypatch):
    require_soffice()
    dossier = full_dossier(desk, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    document = slip_issue(dossier=dossier, kind="receipt", actor=desk.officer)

    pdf = slip_pdf(document)

    assert pdf is not None and pdf.startswith(b"%PDF") and len(pdf) > 5000
    if pdftotext := shutil.which("pdftotext"):
        text = subprocess.run(
            [pdftotext, "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        assert dossier.code in text
        assert "GIẤY TIẾP NHẬN HỒ SƠ" in text
    stored = DossierDocument.objects.get(pk=document.pk)
    assert stored.pdf.name.endswith(".pdf")

    def no_conversion(*args, **kwargs):
        raise AssertionError("soffice must not run again")

    monkeypatch.setattr(subprocess, "run", no_conversion)
    assert slip_pdf(stored) == pdf
    assert slip_pdf(document) == pdf


@pytest.mark.django_db
def test_pdf_without_libreoffice_is_none_with_a_warning(desk, monkeypatch, caplog):
    dossier = full_dossier(desk, local(2024, 3, 5, 8, 15), local(2024, 3, 19, 16, 30))
    document = slip_issue(dossier=dossier, kind="receipt")
    monkeypatch.setattr(shutil, "which", lambda name: None)

    assert slip_pdf(document) is None
    assert "soffice not found" in caplog.text
    document.refresh_from_db()
    assert not document.pdf


# ---- control sheet and register -----------------------------------------------------------


@pytest.mark.django_db
def test_control_sheet_shows_each_handover_and_its_timing(desk):
    received = local(2025, 8, 1, 8, 0)
    dossier = full_dossier(desk, received, local(2025, 8, 15, 17, 0))
    steps = [
        (
            "Thẩm định hồ sơ",
            desk.desk,
            local(2025, 8, 1, 9, 0),
            local(2025, 8, 6, 17, 0),
            local(2025, 8, 5, 10, 0),
        ),
        (
            "Xác minh",
            desk.other,
            local(2025, 8, 5, 10, 0),
            local(2025, 8, 8, 17, 0),
            local(2025, 8, 8, 17, 0),
        ),
        (
            "Phê duyệt",
            desk.desk,
            local(2025, 8, 8, 17, 0),
            local(2025, 8, 12, 17, 0),
            local(2025, 8, 13, 9, 0),
        ),
        ("Trả kết quả", desk.desk, local(2025, 8, 13, 9, 0), local(2025, 8, 15, 17, 0), None),
    ]
    for order, (name, agency, started, due, finished) in enumerate(steps, start=1):
        DossierStep.objects.create(
            dossier=dossier,
            order=order,
            name=name,
            agency=agency,
            role=Role.HANDLER,
            budget_hours=Decimal(8),
            started_at=started,
            due_at=due,
            finished_at=finished,
        )

    data = control_sheet_docx(dossier)

    assert Document(io.BytesIO(data)).sections[0].orientation == WD_ORIENT.LANDSCAPE
    text = text_of(data)
    assert "Mẫu số 05" in text  # received 1 Aug 2025: the 2018 set (the 2025 one from 15 Sept)
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert dossier.code in text
    table = Document(io.BytesIO(data)).tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [row[7] for row in rows] == ["Trước hạn", "Đúng hạn", "Quá hạn", "Đang xử lý"]
    assert [(row[2], row[3]) for row in rows] == [
        ("Sở Tư pháp", "Sở Tư pháp"),
        ("Sở Tư pháp", "Sở Xây dựng"),
        ("Sở Xây dựng", "Sở Tư pháp"),
        ("Sở Tư pháp", "Sở Tư pháp"),
    ]
    assert rows[0][4:7] == ["09:00\n01/08/2025", "17:00\n06/08/2025", "10:00\n05/08/2025"]


@pytest.mark.django_db
def test_register_lists_the_desks_dossiers_of_the_period_in_order(desk):
    inside = [
        desk.dossier(
            received_at=local(2024, 3, 5, 14, 0),
            applicant_name="Lê Thị Hoa",
            applicant_phone="0987654321",
            due_at=local(2024, 3, 19, 14, 0),
        ),
        desk.dossier(
            received_at=local(2024, 3, 1, 0, 5),
            applicant_name="Phạm Văn Đức",
            returned_at=local(2024, 3, 4, 9, 0),
            ended_at=local(2024, 3, 3, 9, 0),
            outcome="approved",
            state=State.RETURNED,
        ),
        desk.dossier(received_at=local(2024, 3, 31, 23, 50), applicant_name="Võ Minh Tâm"),
    ]
    desk.dossier(received_at=local(2024, 2, 29, 23, 59), applicant_name="Trước kỳ")
    desk.dossier(received_at=local(2024, 4, 1, 0, 0), applicant_name="Sau kỳ")
    desk.dossier(received_at=local(2024, 3, 10, 9, 0), applicant_name="Bàn khác", agency=desk.other)
    desk.dossier(
        received_at=None, submitted_at=local(2024, 3, 10, 9, 0), applicant_name="Chưa tiếp nhận"
    )

    data = register_docx(
        agency=desk.desk, date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31)
    )

    document = Document(io.BytesIO(data))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document.sections[0].page_width > document.sections[0].page_height
    text = text_of(data)
    assert "Mẫu số 06" in text and "SỔ THEO DÕI HỒ SƠ" in text
    assert "Từ ngày 01/03/2024 đến ngày 31/03/2024" in text
    table = document.tables[1]
    heads = [c.text for c in table.rows[0].cells] + [c.text for c in table.rows[1].cells]
    assert "Ngày, tháng, năm" in heads and "Hẹn trả kết quả" in heads
    rows = [[c.text for c in row.cells] for row in table.rows[2:]]
    assert [row[4] for row in rows] == ["Phạm Văn Đức", "Lê Thị Hoa", "Võ Minh Tâm"]
    assert [row[0] for row in rows] == ["1", "2", "3"]
    assert [row[1] for row in rows] == [inside[1].code, inside[0].code, inside[2].code]
    assert rows[1][2] == "Cấp phiếu lý lịch tư pháp"
    assert rows[1][6] == "0987654321"  # the desk's own book: full phone number
    assert rows[1][8:10] == ["14:00\n05/03/2024", "14:00\n19/03/2024"]
    assert rows[0][10:12] == ["09:00\n03/03/2024", "09:00\n04/03/2024"]
    for outside in ("Trước kỳ", "Sau kỳ", "Bàn khác", "Chưa tiếp nhận"):
        assert outside not in text


@pytest.mark.django_db
def test_register_of_an_empty_period_in_the_2025_set(desk):
    data = register_docx(
        agency=desk.desk, date_from=dt.date(2025, 9, 1), date_to=dt.date(2025, 9, 30)
    )
    text = text_of(data)
    assert "Mẫu số 07" in text
    assert "(Không có hồ sơ trong kỳ)" in text
