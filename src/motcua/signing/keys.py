"""Where the signing keys are: one key source per agency (its seal) and per person (a leader),
named in the JSON file ``settings.MOTCUA_SIGNING_KEYS``. An entry is either a PKCS#12 file
with its passphrase, or a key on a PKCS#11 token (the USB token or HSM an agency really uses);
both give a pyHanko ``Signer`` through ``key_signer``, so nothing above this module knows which.

::

    {
      "ca": {"certificate": "ca.pem", "pkcs12": "ca.p12", "passphrase": "..."},
      "agencies": {"000.00.01.H01": {"pkcs12": "agencies/000.00.01.H01.p12",
                                     "passphrase_env": "MOTCUA_KEY_SO_TU_PHAP"}},
      "people": {"nva": {"pkcs11": {"module": "/usr/lib/softhsm/libsofthsm2.so",
                                    "token_label": "nva", "pin_env": "NVA_PIN",
                                    "key_label": "sign", "cert_label": "sign"}}}
    }

Relative paths are relative to the JSON file's folder. ``passphrase``/``pin`` written in the
file are for the demo; production names an environment variable (``passphrase_env``,
``pin_env``) or uses a token (docs/signatures.md).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from asn1crypto import pem, x509
from django.conf import settings

from motcua.utils.errors import DomainError


class SigningUnavailable(DomainError):
    """No usable key for the requested signer (not configured, file missing, wrong
    passphrase or PIN, token absent)."""

    def __init__(self, what: str, reason_vi: str, reason_en: str):
        super().__init__(
            f"Chưa ký số được ({what}): {reason_vi}",
            f"Cannot sign ({what}): {reason_en}",
            code="signing_unavailable",
            status_code=503,
        )


def keys_path() -> Path:
    return Path(settings.MOTCUA_SIGNING_KEYS)


def keys_config(path: Path | None = None) -> dict[str, Any]:
    """The key configuration; an empty one when the file does not exist."""
    path = path or keys_path()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise SigningUnavailable(
            str(path), "tệp cấu hình khóa không đọc được", f"unreadable key file: {exc}"
        ) from exc


def _resolve(base: Path, value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else base / path


def _secret(entry: dict[str, Any], name: str, what: str) -> str | None:
    """A passphrase or PIN: from the environment variable ``<name>_env`` when named (which
    must then be set), else the value in the file, else none."""
    if variable := entry.get(f"{name}_env"):
        value = os.environ.get(variable)
        if value is None:
            raise SigningUnavailable(
                what, f"biến môi trường {variable} chưa đặt", f"{variable} is not set"
            )
        return value
    return entry.get(name)


def key_entry(kind: str, name: str) -> tuple[dict[str, Any], Path]:
    """The entry of ``kind`` ("agencies" or "people") for ``name`` and the folder its relative
    paths start from."""
    path = keys_path()
    entry = keys_config(path).get(kind, {}).get(name)
    if not entry:
        raise SigningUnavailable(
            name, "chưa cấu hình khóa ký số", f"no signing key configured in {path}"
        )
    return entry, path.parent


@contextlib.contextmanager
def key_signer(kind: str, name: str) -> Iterator[Any]:
    """A pyHanko ``Signer`` for the key of ``name``; a token's session is closed on exit."""
    entry, base = key_entry(kind, name)
    if "pkcs12" in entry:
        yield _pkcs12_signer(entry, base, name)
    elif "pkcs11" in entry:
        with _pkcs11_signer(entry["pkcs11"], name) as signer:
            yield signer
    else:
        raise SigningUnavailable(name, "cấu hình khóa không hợp lệ", "neither pkcs12 nor pkcs11")


def _pkcs12_signer(entry: dict[str, Any], base: Path, name: str) -> Any:
    from pyhanko.sign.signers import SimpleSigner

    path = _resolve(base, entry["pkcs12"])
    passphrase = _secret(entry, "passphrase", name)
    if not path.exists():
        raise SigningUnavailable(name, "không tìm thấy tệp khóa", f"{path} not found")
    signer = SimpleSigner.load_pkcs12(
        str(path), passphrase=passphrase.encode() if passphrase is not None else None
    )
    if signer is None:  # pyHanko logs the cause and returns None
        raise SigningUnavailable(
            name, "tệp khóa hoặc mật khẩu không đúng", f"cannot open {path} (wrong passphrase?)"
        )
    return signer


@contextlib.contextmanager
def _pkcs11_signer(entry: dict[str, Any], name: str) -> Iterator[Any]:
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11

    try:
        session = pkcs11.open_pkcs11_session(
            entry["module"],
            token_criteria=TokenCriteria(label=entry.get("token_label")),
            user_pin=_secret(entry, "pin", name),
        )
    except SigningUnavailable:
        raise
    except Exception as exc:  # the token library's own errors: absent token, wrong PIN
        raise SigningUnavailable(
            name, "không mở được thiết bị ký số (token/HSM)", f"cannot open the token: {exc!r}"
        ) from exc
    try:
        yield pkcs11.PKCS11Signer(
            session,
            key_label=entry.get("key_label"),
            cert_label=entry.get("cert_label") or entry.get("key_label"),
            # The digest is computed here and the token only signs it: every token offers the
            # raw mechanisms (CKM_ECDSA, CKM_RSA_PKCS), not all the hashing ones.
            use_raw_mechanism=entry.get("raw_mechanism", True),
        )
    finally:
        session.close()


def _load_certificates(path: Path) -> list[x509.Certificate]:
    data = path.read_bytes()
    if not pem.detect(data):
        return [x509.Certificate.load(data)]
    return [x509.Certificate.load(der) for _type, _headers, der in pem.unarmor(data, True)]


def trust_roots() -> list[x509.Certificate]:
    """The certificates a signature must chain to: the province CA of the key folder, and
    every PEM named in ``MOTCUA_SIGNING_TRUST_ROOTS``. Missing files are skipped (a page that
    verifies must not fail because the demo CA was never made)."""
    path = keys_path()
    ca = keys_config(path).get("ca", {}).get("certificate")
    paths = [_resolve(path.parent, ca)] if ca else []
    paths += [Path(p) for p in settings.MOTCUA_SIGNING_TRUST_ROOTS]
    roots: list[x509.Certificate] = []
    for root in paths:
        with contextlib.suppress(OSError, ValueError):
            roots += _load_certificates(root)
    return roots
