"""Free text typed by an officer ends up in official documents (slips): control characters in it
must not make the action fail (schemathesis found a 500 on request-supplement)."""

import io

from docx import Document

from motcua.accounts.roles import Role
from motcua.dossiers import services as s
from motcua.dossiers.slips.issue import slip_bytes
from motcua.dossiers.tests.conftest import at
from motcua.dossiers.workflow import State

APPLICANT = s.ApplicantData(name="Phạm Thị Dung", phone="0901234567", id_number="060190120601")


def test_a_supplement_request_with_control_characters_issues_its_slip(world):
    officer = world.user(Role.INTAKE_OFFICER)
    dossier = s.dossier_receive(
        actor=officer,
        procedure=world.procedure,
        applicant=APPLICANT,
        components=[],
        now=at(2024, 3, 5, 8),
    )
    dossier = s.dossier_request_supplement(
        actor=officer,
        dossier=dossier,
        reason="Thiếu\x05 giấy tờ",
        items="Bản sao\x11 CCCD\x0c",
        now=at(2024, 3, 6, 9),
    )
    assert dossier.state == State.AWAITING_SUPPLEMENT
    slip = dossier.documents.get(kind="supplement")
    text = "\n".join(p.text for p in Document(io.BytesIO(slip_bytes(slip))).paragraphs)
    assert "Bản sao CCCD" in text
