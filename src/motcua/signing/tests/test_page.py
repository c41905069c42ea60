import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.signing import registry
from motcua.signing.tests.helpers import leader_and_seal, one_byte_changed, seal_only
from motcua.testing.signing import minimal_pdf
from motcua.utils.errors import DomainError

pytestmark = pytest.mark.django_db
URL = "/xac-thuc/"


def _upload(client, content: bytes, name: str = "ket-qua.pdf"):
    return client.post(
        URL, {"mode": "upload", "file": SimpleUploadedFile(name, content, "application/pdf")}
    )


def test_the_page_is_linked_and_has_no_lookup_without_registration(client, monkeypatch):
    # The dossiers app registers its lookup when Django starts: none here.
    monkeypatch.setattr(registry, "_lookups", [])
    assert reverse("signing-verify") == URL
    page = client.get(URL).content.decode()
    assert "Tải lên tệp PDF" in page and 'name="secret"' not in page
    assert f'href="{URL}"' in client.get(reverse("catalog")).content.decode()


def test_a_valid_document(client, signing_world, pki):
    response = _upload(client, leader_and_seal(signing_world))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tất cả chữ ký số hợp lệ" in page
    assert "Nguyễn Văn Ánh – Phó Giám đốc" in page
    assert "Sở Tư pháp tỉnh Bình Thuận" in page
    assert page.count("Được tin cậy") == 2 and "Không hợp lệ" not in page
    assert "Tài liệu đã bị thay đổi sau khi ký" not in page


def test_a_tampered_document(client, signing_world, pki):
    page = _upload(client, one_byte_changed(seal_only(signing_world))).content.decode()
    assert "Văn bản không đạt kiểm tra chữ ký số" in page
    assert "Tài liệu đã bị thay đổi sau khi ký" in page and "Không hợp lệ" in page


def test_not_a_pdf_unsigned_and_too_large(client, signing_world, pki, settings):
    response = _upload(client, b"GIF89a not a pdf", "anh.pdf")
    assert response.status_code == 415
    assert "không đúng định dạng" in response.content.decode()

    response = _upload(client, b"%PDF-1.7 broken")
    assert response.status_code == 400 and "không phải là tệp PDF" in response.content.decode()

    response = _upload(client, minimal_pdf("x"))
    assert response.status_code == 400 and "không có chữ ký số" in response.content.decode()

    settings.MOTCUA_MAX_UPLOAD_BYTES = 1000
    response = _upload(client, seal_only(signing_world))
    assert response.status_code == 413 and "quá lớn" in response.content.decode()


def test_rate_limited(client, signing_world, pki, settings):
    settings.MOTCUA_RATE_LIMITS = {**settings.MOTCUA_RATE_LIMITS, "verify_address": "2/3600"}
    signed = seal_only(signing_world)
    assert _upload(client, signed).status_code == 200
    assert _upload(client, signed).status_code == 200
    response = _upload(client, signed)
    assert response.status_code == 429 and "quá nhiều" in response.content.decode()


def test_the_registered_lookup(client, signing_world, pki):
    signed = leader_and_seal(signing_world)

    def lookup(code, secret, *, client):
        if (code, secret) != ("H12.001", "ABC123"):
            raise DomainError("Mã hồ sơ hoặc mã tra cứu không đúng.", "Wrong code or secret.")
        return [
            ("Kết quả giải quyết", "ket-qua.pdf", signed),
            ("Biên lai", "bien-lai.pdf", one_byte_changed(signed)),
        ]

    registry.register_document_lookup(lookup)
    try:
        assert 'name="secret"' in client.get(URL).content.decode()
        wrong = client.post(URL, {"mode": "lookup", "code": "H12.001", "secret": "x"})
        assert "Mã hồ sơ hoặc mã tra cứu không đúng." in wrong.content.decode()
        page = client.post(
            URL, {"mode": "lookup", "code": "H12.001", "secret": "ABC123"}
        ).content.decode()
        assert "Kết quả giải quyết" in page and "Biên lai" in page
        assert "Tất cả chữ ký số hợp lệ" in page
        assert "Tài liệu đã bị thay đổi sau khi ký" in page
    finally:
        registry.unregister_document_lookup(lookup)
