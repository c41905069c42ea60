"""The snapshot sent to the portal, field by field (portal.md, "What is sent"), for dossiers in
each interesting state."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.accounts.roles import Role
from motcua.dossiers import services as s
from motcua.dossiers.models import ApplicantKind
from motcua.portal.selectors import instant, portal_snapshot
from motcua.portal.tests.conftest import at

APPLICANT = s.ApplicantData(
    name="Nguyễn Văn An",
    id_number="060123456789",
    address="12 Trần Hưng Đạo, Phan Thiết",
    phone="0912345678",
    email="an@example.vn",
)
PDF = b"%PDF-1.4 minimal"


def pdf(name="to-khai.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_instants_are_local_time_without_separators():
    assert instant(at(2024, 3, 5, 8, 15, 9)) == "20240305081509"
    assert instant(None) == ""


def test_an_online_submission_then_refused_at_intake(world):
    d = s.dossier_submit_online(
        procedure=world.procedure,
        applicant=APPLICANT,
        components=[s.ComponentData(name="Tờ khai", file=pdf())],
        now=at(2024, 3, 4, 20, 0),
    )
    snapshot = portal_snapshot(dossier=d)
    record = snapshot["hoSo"]
    assert record["KenhThucHien"] == "2" and record["TrangThaiHoSo"] == "1"
    assert record["NgayNopHoSo"] == "20240304200000" and record["NgayTiepNhan"] == ""
    assert record["NgayHenTra"] == "" and record["NgayTuChoi"] == ""
    [document] = record["TaiLieuNop"]
    assert document["TenTepDinhKem"] == "to-khai.pdf" and document["DuocSoHoa"] == "1"
    assert document["DuocTaiSuDung"] == "0" and document["DuongDanTaiTepTin"].endswith(".pdf")
    [entry] = snapshot["tienTrinhDongBo"]
    assert entry == {
        "MaHoSo": d.code,
        "NguoiXuLy": "Nguyễn Văn An",
        "ChucDanh": "",
        "PhongBanXuLy": "",
        "ThoiDiemXuLy": "20240304200000",
        "NoiDungXuLy": "Nộp hồ sơ trực tuyến",
        "TrangThai": "1",
        "NgayBatDau": "20240304200000",
        "NgayKetThucTheoQuyDinh": "",
    }

    d = s.dossier_refuse_intake(
        actor=world.user(Role.INTAKE_OFFICER),
        dossier=d,
        reason="Không thuộc thẩm quyền",
        now=at(2024, 3, 5, 8, 0),
    )
    snapshot = portal_snapshot(dossier=d)
    assert snapshot["hoSo"]["TrangThaiHoSo"] == "3"
    assert snapshot["hoSo"]["NgayTuChoi"] == "20240305080000"
    refusal = snapshot["tienTrinhDongBo"][-1]
    assert refusal["NguoiXuLy"] == "Trần Thị Mai dept"
    assert refusal["ChucDanh"] == "Chuyên viên Bộ phận Một cửa"
    assert refusal["PhongBanXuLy"] == "Sở Tư pháp"
    assert refusal["NoiDungXuLy"] == "Từ chối tiếp nhận: Không thuộc thẩm quyền"
    assert refusal["TrangThai"] == "3"


def test_an_inter_agency_dossier_with_supplement_payment_result_and_return(world):
    desk, handler = world.user(Role.INTAKE_OFFICER), world.user(Role.HANDLER)
    approver, other = world.user(Role.APPROVER), world.user(Role.HANDLER, "other")
    d = s.dossier_receive(
        actor=desk,
        procedure=world.shared,
        applicant=s.ApplicantData(
            name="Công ty TNHH Ánh Dương",
            id_number="3401234567",
            kind=ApplicantKind.ORGANISATION,
            phone="0252381234",
        ),
        components=[s.ComponentData(name="Đơn đề nghị", file=pdf("don.pdf"))],
        now=at(2024, 3, 5, 8, 0),
    )
    d = s.dossier_transfer(actor=desk, dossier=d, now=at(2024, 3, 5, 9, 0))
    d = s.dossier_forward(actor=handler, dossier=d, now=at(2024, 3, 6, 9, 0), note="Đạt")
    d = s.dossier_request_supplement(
        actor=other,
        dossier=d,
        reason="Thiếu bản vẽ",
        items="1. Bản vẽ thiết kế",
        now=at(2024, 3, 7, 9, 0),
    )
    d = s.dossier_record_supplement(
        actor=desk,
        dossier=d,
        components=[s.ComponentData(name="Bản vẽ", file=pdf("ban-ve.pdf"))],
        now=at(2024, 3, 8, 9, 0),
    )
    d = s.dossier_request_payment(actor=other, dossier=d, fee_vnd=500_000, now=at(2024, 3, 8, 10))
    d = s.dossier_record_payment(actor=desk, dossier=d, online=True, now=at(2024, 3, 8, 11))
    d = s.dossier_forward(actor=other, dossier=d, now=at(2024, 3, 11, 9, 0))
    d = s.dossier_approve(actor=approver, dossier=d, note="Cấp phép", now=at(2024, 3, 12, 9))
    d = s.dossier_return_result(actor=desk, dossier=d, method="postal", now=at(2024, 3, 13, 9))
    d.refresh_from_db()

    snapshot = portal_snapshot(dossier=d)
    assert set(snapshot) == {"hoSo", "tienTrinhDongBo"}
    record = snapshot["hoSo"]
    supplement = d.supplements.get()
    assert record == {
        "MaHoSo": d.code,
        "MaTTHC": "1.000002.H12",
        "TenTTHC": "Cấp giấy phép xây dựng",
        "MaLinhVuc": "",
        "TenLinhVuc": "Xây dựng",
        "KenhThucHien": "1",
        "ChuHoSo": "Công ty TNHH Ánh Dương",
        "LoaiDoiTuong": "2",
        "MaDoiTuong": "3401234567",
        "SoGiayToChuHoSo": "3401234567",
        "SoDienThoai": "0252381234",
        "Email": "",
        "TrichYeuHoSo": "Cấp giấy phép xây dựng",
        "NgayNopHoSo": "20240305080000",
        "NgayTiepNhan": "20240305080000",
        "NgayHenTra": instant(d.due_at),
        "NgayKetThucXuLy": "20240312090000",
        "NgayTra": "20240313090000",
        "NgayTuChoi": "",
        "TrangThaiHoSo": "10",
        "DonViXuLy": "000.00.05.H12",
        "NoiNopHoSo": "000.00.05.H12",
        "HinhThuc": "1",
        "HoSoCoThanhPhanSoHoa": "1",
        "DuocThanhToanTrucTuyen": "1",
        "TaiKhoanDuocXacThucVoiVNeID": "0",
        "TaiLieuNop": [
            {
                "MaThanhPhanHoSo": "",
                "TenTepDinhKem": name,
                "DuongDanTaiTepTin": component.file.name,
                "DuocSoHoa": "1",
                "DuocTaiSuDung": "0",
            }
            for name, component in zip(["don.pdf", "ban-ve.pdf"], d.components.all(), strict=True)
        ],
        "DanhSachLePhi": [
            {"TenPhiLePhi": "Phí, lệ phí", "MaPhiLePhi": "", "Gia": "500000", "HinhThucThu": "2"}
        ],
        "DanhSachHoSoBoSung": [
            {
                "NguoiYeuCauBoSung": "Lê Văn Hùng other",
                "NoiDungBoSung": "Thiếu bản vẽ\n1. Bản vẽ thiết kế",
                "NgayBoSung": "20240307090000",
                "NgayTiepNhanBoSung": instant(supplement.supplied_at),
            }
        ],
        "DanhSachGiayToKetQua": [
            {
                "TenGiayTo": "Kết quả giải quyết thủ tục hành chính",
                "MaGiayToKetQua": d.code,
                "DuongDanTepTinKetQua": "",
            }
        ],
    }
    assert "12 Trần Hưng Đạo" not in str(snapshot)  # no address: the contract has none

    history = snapshot["tienTrinhDongBo"]
    steps = {step.order: step for step in d.steps.all()}
    rows = [
        (e["NoiDungXuLy"], e["NguoiXuLy"], e["ChucDanh"], e["PhongBanXuLy"], e["TrangThai"])
        for e in history
    ]
    assert rows == [
        ("Tiếp nhận hồ sơ", "Trần Thị Mai dept", "Chuyên viên Bộ phận Một cửa", "Sở Tư pháp", "2"),
        ("Chuyển xử lý", "Trần Thị Mai dept", "Chuyên viên Bộ phận Một cửa", "Sở Tư pháp", "4"),
        ("Chuyển bước tiếp theo: Đạt", "Lê Văn Hùng dept", "Chuyên viên", "Sở Tư pháp", "4"),
        (
            "Yêu cầu bổ sung hồ sơ: 1. Bản vẽ thiết kế",
            "Lê Văn Hùng other",
            "Chuyên viên",
            "Sở Xây dựng",
            "5",
        ),
        (
            "Nhận hồ sơ bổ sung",
            "Trần Thị Mai dept",
            "Chuyên viên Bộ phận Một cửa",
            "Sở Tư pháp",
            "4",
        ),
        (
            "Yêu cầu thực hiện nghĩa vụ tài chính",
            "Lê Văn Hùng other",
            "Chuyên viên",
            "Sở Xây dựng",
            "6",
        ),
        (
            "Xác nhận đã nộp phí, lệ phí",
            "Trần Thị Mai dept",
            "Chuyên viên Bộ phận Một cửa",
            "Sở Tư pháp",
            "4",
        ),
        ("Chuyển bước tiếp theo", "Lê Văn Hùng other", "Chuyên viên", "Sở Xây dựng", "4"),
        ("Phê duyệt kết quả: Cấp phép", "Phạm Minh Đức dept", "Phó Giám đốc Sở", "Sở Tư pháp", "9"),
        ("Trả kết quả", "Trần Thị Mai dept", "Chuyên viên Bộ phận Một cửa", "Sở Tư pháp", "10"),
    ]
    assert [e["ThoiDiemXuLy"] for e in history][:3] == [
        "20240305080000",
        "20240305090000",
        "20240306090000",
    ]
    transfer, first_forward, supplement_entry = history[1], history[2], history[3]
    transfer_event = d.events.get(action="transfer")
    assert transfer["NgayBatDau"] == "20240305080000"
    transfer_due = dt.datetime.fromisoformat(transfer_event.data["transfer_due_at"])
    assert transfer["NgayKetThucTheoQuyDinh"] == instant(transfer_due)
    # A step's entries carry the step's own start and deadline (the other agency's step 2).
    assert (first_forward["NgayBatDau"], first_forward["NgayKetThucTheoQuyDinh"]) == (
        instant(steps[1].started_at),
        instant(steps[1].due_at),
    )
    assert (supplement_entry["NgayBatDau"], supplement_entry["NgayKetThucTheoQuyDinh"]) == (
        instant(steps[2].started_at),
        instant(steps[2].due_at),
    )
    assert history[8]["NgayBatDau"] == instant(steps[3].started_at)
    assert history[9]["NgayKetThucTheoQuyDinh"] == ""  # at the desk, after the result


def test_a_stopped_dossier_and_a_refused_one(world):
    from motcua.testing.factories import DossierFactory

    stopped = DossierFactory.create("stopped", procedure=world.procedure)
    record = portal_snapshot(dossier=stopped)["hoSo"]
    assert record["TrangThaiHoSo"] == "8" and record["NgayKetThucXuLy"] != ""
    assert record["DanhSachGiayToKetQua"] == []
    refused = DossierFactory.create("refused", procedure=world.procedure)
    snapshot = portal_snapshot(dossier=refused)
    assert snapshot["hoSo"]["TrangThaiHoSo"] == "9"
    assert snapshot["hoSo"]["DanhSachGiayToKetQua"][0]["TenGiayTo"] == (
        "Văn bản trả lời từ chối giải quyết"
    )
    assert snapshot["hoSo"]["DanhSachLePhi"][0]["HinhThucThu"] == ""  # not paid
    assert snapshot["tienTrinhDongBo"][-1]["NoiDungXuLy"].startswith("Từ chối giải quyết")
