"""The ``pki`` fixture: the demo PKI (``motcua pki init``) in a folder of the test, with the
settings pointed at it, for the agencies and approving officers that exist when it is asked
for (ask for it after making them, or call ``pki.init()`` again: it keeps what exists).

Also ``minimal_pdf``: a small PDF written by hand (pages of text), for tests that sign."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Pki:
    directory: Path

    @property
    def keys_file(self) -> Path:
        return self.directory / "keys.json"

    @property
    def ca_pem(self) -> Path:
        return self.directory / "ca.pem"

    def init(self, **kwargs):
        from motcua.signing.pki import pki_init

        return pki_init(self.directory, **kwargs)


@pytest.fixture
def pki(db, settings, tmp_path) -> Pki:
    made = Pki(directory=tmp_path / "pki")
    settings.MOTCUA_SIGNING_KEYS = str(made.keys_file)
    settings.MOTCUA_SIGNING_TRUST_ROOTS = []
    made.init()
    return made


def minimal_pdf(*texts: str) -> bytes:
    """A valid PDF (A4 pages, one line of Helvetica each; ASCII text) with a correct
    cross-reference table."""
    texts = texts or ("Giay bien nhan",)
    count = len(texts)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{4 + 2 * i} 0 R".encode() for i in range(count))
        + f"] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, text in enumerate(texts):
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 14 Tf 72 760 Td ({escaped}) Tj ET".encode("latin-1")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> " + f"/Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
