"""A demo public-key infrastructure: a province CA, a certificate per agency (its seal) and a
personal certificate per approving officer (a leader), as PKCS#12 files named in the key file
(``keys.py``). For the demo and the tests only: a real agency's keys come from a certification
authority it is accredited with, on a token or in an HSM (docs/signatures.md).

``pki_init`` keeps what exists: a second run issues certificates only for the agencies and
leaders added since (``force`` starts over with a new CA)."""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

KEYS_FILE = "keys.json"
CA_CERTIFICATE = "ca.pem"
CA_PKCS12 = "ca.p12"
_LIFETIME = dt.timedelta(days=5 * 365)


@dataclass
class PkiResult:
    directory: Path
    ca_created: bool = False
    issued: list[str] = field(default_factory=list)  # "agencies/<code>", "people/<username>"
    kept: list[str] = field(default_factory=list)

    @property
    def keys_file(self) -> Path:
        return self.directory / KEYS_FILE


def _name(**parts: str) -> x509.Name:
    oids = {
        "country": NameOID.COUNTRY_NAME,
        "province": NameOID.STATE_OR_PROVINCE_NAME,
        "organization": NameOID.ORGANIZATION_NAME,
        "title": NameOID.TITLE,
        "user_id": NameOID.USER_ID,
        "common_name": NameOID.COMMON_NAME,
    }
    return x509.Name(
        [x509.NameAttribute(oids[key], value[:64]) for key, value in parts.items() if value]
    )


def _certificate(
    *,
    subject: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: ec.EllipticCurvePrivateKey,
    now: dt.datetime,
    ca: bool,
) -> x509.Certificate:
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.subject if issuer else subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + (2 * _LIFETIME if ca else _LIFETIME))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,  # nonRepudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    return builder.sign(issuer_key, hashes.SHA256())


def _write_pkcs12(
    path: Path,
    *,
    name: str,
    key: ec.EllipticCurvePrivateKey,
    certificate: x509.Certificate,
    ca: x509.Certificate | None,
) -> str:
    passphrase = secrets.token_urlsafe(18)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            name.encode(),
            key,
            certificate,
            [ca] if ca else None,
            serialization.BestAvailableEncryption(passphrase.encode()),
        )
    )
    path.chmod(0o600)
    return passphrase


def _file_name(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", value) or "_"


def _usable(directory: Path, entry: dict[str, Any] | None) -> bool:
    """An entry kept as it is: a token, or a PKCS#12 file that is still there."""
    if not entry:
        return False
    if "pkcs11" in entry:
        return True
    return "pkcs12" in entry and (directory / entry["pkcs12"]).exists()


def province_ca_name(province: str) -> str:
    return f"CA Chuyên dùng UBND tỉnh {province} (demo)" if province else "CA Chuyên dùng (demo)"


def pki_init(
    directory: Path | str,
    *,
    force: bool = False,
    now: dt.datetime | None = None,
) -> PkiResult:
    """Make (or complete) the demo PKI in ``directory``: ``keys.json``, ``ca.pem``, ``ca.p12``,
    ``agencies/<code>.p12`` for every active agency, ``people/<username>.p12`` for every active
    approving officer with an agency."""
    from motcua.accounts.models import User
    from motcua.accounts.roles import Role
    from motcua.agencies.models import Agency, Province

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    now = now or dt.datetime.now(dt.UTC)
    result = PkiResult(directory=directory)
    keys_file = directory / KEYS_FILE
    config: dict[str, Any] = {}
    if keys_file.exists() and not force:
        config = json.loads(keys_file.read_text(encoding="utf-8"))

    ca_entry = config.get("ca") or {}
    if (
        not force
        and ca_entry
        and (directory / ca_entry.get("pkcs12", CA_PKCS12)).exists()
        and (directory / ca_entry.get("certificate", CA_CERTIFICATE)).exists()
    ):
        loaded = pkcs12.load_pkcs12(
            (directory / ca_entry["pkcs12"]).read_bytes(), ca_entry["passphrase"].encode()
        )
        ca_key = loaded.key
        assert isinstance(ca_key, ec.EllipticCurvePrivateKey) and loaded.cert is not None
        ca_cert = loaded.cert.certificate
    else:
        province = Province.get().name
        ca_key = ec.generate_private_key(ec.SECP256R1())
        subject = _name(
            country="VN",
            province=province,
            organization=f"UBND tỉnh {province}" if province else "UBND tỉnh",
            common_name=province_ca_name(province),
        )
        ca_cert = _certificate(
            subject=subject, key=ca_key, issuer=None, issuer_key=ca_key, now=now, ca=True
        )
        (directory / CA_CERTIFICATE).write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
        passphrase = _write_pkcs12(
            directory / CA_PKCS12, name="ca", key=ca_key, certificate=ca_cert, ca=None
        )
        config = {
            "ca": {
                "certificate": CA_CERTIFICATE,
                "pkcs12": CA_PKCS12,
                "passphrase": passphrase,
                "demo": True,
            },
            # Tokens configured by hand survive a new CA; PKCS#12 files of the old one do not.
            "agencies": {k: v for k, v in config.get("agencies", {}).items() if "pkcs11" in v},
            "people": {k: v for k, v in config.get("people", {}).items() if "pkcs11" in v},
        }
        result.ca_created = True

    def issue(kind: str, name: str, subject: x509.Name) -> None:
        entries = config.setdefault(kind, {})
        if _usable(directory, entries.get(name)):
            result.kept.append(f"{kind}/{name}")
            return
        key = ec.generate_private_key(ec.SECP256R1())
        certificate = _certificate(
            subject=subject, key=key, issuer=ca_cert, issuer_key=ca_key, now=now, ca=False
        )
        relative = f"{kind}/{_file_name(name)}.p12"
        passphrase = _write_pkcs12(
            directory / relative, name=name, key=key, certificate=certificate, ca=ca_cert
        )
        entries[name] = {"pkcs12": relative, "passphrase": passphrase}
        result.issued.append(f"{kind}/{name}")

    for agency in Agency.objects.filter(is_active=True).order_by("code"):
        issue(
            "agencies",
            agency.code,
            _name(country="VN", organization=agency.name, common_name=agency.name),
        )
    leaders = User.objects.filter(
        role=Role.APPROVER, is_active=True, agency__isnull=False
    ).select_related("agency")
    for user in leaders.order_by("username"):
        assert user.agency is not None
        issue(
            "people",
            user.username,
            _name(
                country="VN",
                organization=user.agency.name,
                title=user.title,
                user_id=user.username,
                common_name=user.get_full_name(),
            ),
        )

    keys_file.write_text(json.dumps(config, ensure_ascii=False, indent=2), encoding="utf-8")
    keys_file.chmod(0o600)
    return result


def ca_certificate_pem(directory: Path | str) -> bytes:
    """The province CA's certificate (PEM) of the PKI in ``directory``."""
    directory = Path(directory)
    config = json.loads((directory / KEYS_FILE).read_text(encoding="utf-8"))
    return (directory / config["ca"]["certificate"]).read_bytes()
