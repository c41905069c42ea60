import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.signing.services import pdf_verify
from motcua.signing.tests.helpers import seal_only

pytestmark = pytest.mark.django_db
SOFTHSM = Path("/usr/lib/softhsm/libsofthsm2.so")


def test_pki_init_keeps_what_exists_and_exports_the_ca(signing_world, pki, tmp_path):
    config = json.loads(pki.keys_file.read_text())
    assert set(config["agencies"]) == {signing_world.agency.code}
    assert set(config["people"]) == {"nva"}  # approvers only
    ca = pki.ca_pem.read_bytes()
    assert b"BEGIN CERTIFICATE" in ca

    User.objects.create_user(
        username="lvb", role=Role.APPROVER, agency=signing_world.agency, full_name="Lê Văn B"
    )
    again = pki.init()
    assert not again.ca_created and again.issued == ["people/lvb"]
    assert sorted(again.kept) == [f"agencies/{signing_world.agency.code}", "people/nva"]
    after = json.loads(pki.keys_file.read_text())
    assert (
        after["agencies"] == config["agencies"]
        and after["people"]["nva"] == config["people"]["nva"]
    )
    assert pki.ca_pem.read_bytes() == ca

    call_command("pki", "export-ca", str(tmp_path / "ca.pem"), "--dir", str(pki.directory))
    assert (tmp_path / "ca.pem").read_bytes() == ca
    from cryptography import x509

    name = x509.load_pem_x509_certificate(ca).subject.rfc4514_string()
    assert "CA Chuyên dùng UBND tỉnh Bình Thuận (demo)" in name

    call_command("pki", "init", "--dir", str(pki.directory), "--force")
    assert pki.ca_pem.read_bytes() != ca


def test_pki_command_uses_the_setting(signing_world, settings, tmp_path):
    settings.MOTCUA_SIGNING_KEYS = str(tmp_path / "keys" / "keys.json")
    call_command("pki", "init")
    assert pdf_verify(pdf=seal_only(signing_world)).bottom_line


@pytest.fixture(scope="session")
def softhsm_token(tmp_path_factory):
    """A SoftHSM token in a folder of the test run. SoftHSM reads its configuration once per
    process, so there is one token for the session."""
    if not SOFTHSM.exists() or not shutil.which("softhsm2-util"):
        pytest.skip("SoftHSM2 is not installed (apt install softhsm2)")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    import os

    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            "motcua",
            "--so-pin",
            "5678",
            "--pin",
            "1234",
        ],
        check=True,
        capture_output=True,
    )
    return folder


def _import_into_token(p12: Path, passphrase: str, folder: Path) -> None:
    """The PKCS#12's key (as PKCS#8 PEM, with softhsm2-util) and certificate (with
    python-pkcs11) into the token, both labelled ``sign`` with id 01."""
    import pkcs11
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pkcs11 import Attribute, CertificateType, ObjectClass

    loaded = pkcs12.load_pkcs12(p12.read_bytes(), passphrase.encode())
    key_pem = folder / "key.pem"
    key_pem.write_bytes(
        loaded.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    subprocess.run(
        [
            "softhsm2-util",
            "--import",
            str(key_pem),
            "--token",
            "motcua",
            "--label",
            "sign",
            "--id",
            "01",
            "--pin",
            "1234",
        ],
        check=True,
        capture_output=True,
    )
    key_pem.unlink()
    certificate = loaded.cert.certificate
    token = pkcs11.lib(str(SOFTHSM)).get_token(token_label="motcua")
    with token.open(rw=True, user_pin="1234") as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: "sign",
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: certificate.subject.public_bytes(),
                Attribute.VALUE: certificate.public_bytes(serialization.Encoding.DER),
            }
        )


def test_signing_with_a_pkcs11_token(signing_world, pki, softhsm_token, monkeypatch):
    config = json.loads(pki.keys_file.read_text())
    code = signing_world.agency.code
    entry = config["agencies"][code]
    _import_into_token(pki.directory / entry["pkcs12"], entry["passphrase"], softhsm_token)
    (pki.directory / entry["pkcs12"]).unlink()  # only the token has the key now
    monkeypatch.setenv("MOTCUA_TEST_TOKEN_PIN", "1234")
    config["agencies"][code] = {
        "pkcs11": {
            "module": str(SOFTHSM),
            "token_label": "motcua",
            "pin_env": "MOTCUA_TEST_TOKEN_PIN",
            "key_label": "sign",
            "cert_label": "sign",
        }
    }
    pki.keys_file.write_text(json.dumps(config))

    (signature,) = pdf_verify(pdf=seal_only(signing_world)).signatures
    assert signature.valid and signature.trusted and signature.covers_whole_document
    assert signature.signer_name == "Sở Tư pháp tỉnh Bình Thuận"

    assert "agencies/" + code in pki.init().kept  # pki init leaves a token alone

    monkeypatch.setenv("MOTCUA_TEST_TOKEN_PIN", "0000")
    from motcua.signing.keys import SigningUnavailable

    with pytest.raises(SigningUnavailable):
        seal_only(signing_world)
