"""The applicant's space: only their own dossiers and results; officers' and applicants'
sessions never mix."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from motcua.accounts.roles import Role
from motcua.applicants.session import current_applicant
from motcua.dossiers.applicant import ApplicantData
from motcua.testing.applicants import applicant_create, applicant_login
from motcua.testing.factories import PDF, DossierFactory, _officer

pytestmark = pytest.mark.django_db


def _dossier(id_number: str, name: str, state: str = "received", procedure=None):
    applicant = ApplicantData(
        name=name, id_number=id_number, address="Hà Tĩnh", phone="0912345678", email=""
    )
    return DossierFactory.create(state, applicant=applicant, procedure=procedure)


@pytest.fixture
def two():
    an = applicant_create("001085012345", "Nguyễn Văn An")
    binh = applicant_create("042190004567", "Trần Thị Bình")
    mine = _dossier(an.identifier, an.full_name)
    theirs = _dossier(binh.identifier, binh.full_name, procedure=mine.procedure)
    for dossier in (mine, theirs):
        dossier.result_file.save("ket-qua.pdf", ContentFile(PDF))
    return an, binh, mine, theirs


def test_space_needs_a_signed_in_applicant(client):
    response = client.get("/tai-khoan/")
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/dang-nhap/?next=%2Ftai-khoan%2F"


def test_space_lists_only_the_applicants_own_dossiers_and_results(client, two):
    an, binh, mine, theirs = two
    applicant_login(client, an)
    page = client.get("/tai-khoan/").content.decode()
    assert "Nguyễn Văn An" in page and mine.code in page
    assert theirs.code not in page and "Trần Thị Bình" not in page
    assert f"/tai-khoan/ho-so/{mine.code}/ket-qua/" in page
    assert "Được tiếp nhận" in page  # the state
    assert "no-store" in client.get("/tai-khoan/")["Cache-Control"]  # personal data


def test_results_download_only_for_their_owner(client, two):
    an, binh, mine, theirs = two
    applicant_login(client, an)
    response = client.get(f"/tai-khoan/ho-so/{mine.code}/ket-qua/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    assert client.get(f"/tai-khoan/ho-so/{theirs.code}/ket-qua/").status_code == 404
    client.logout()
    response = client.get(f"/tai-khoan/ho-so/{mine.code}/ket-qua/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_dossier_page_open_to_its_applicant_only(client, two):
    an, binh, mine, theirs = two
    applicant_login(client, an)
    assert client.get(f"/tra-cuu/{mine.code}/").status_code == 200
    other = client.get(f"/tra-cuu/{theirs.code}/")
    assert other.status_code == 302 and "/tra-cuu/?ma=" in other["Location"]


def test_an_applicant_cannot_open_officer_pages(client, two):
    an, *_ = two
    applicant_login(client, an)
    response = client.get("/can-bo/ho-so/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    assert "/tai-khoan/" not in response["Location"]


def test_officer_and_applicant_sessions_do_not_mix(client, rf, two):
    an, binh, mine, theirs = two
    applicant_login(client, an)
    officer = _officer(mine.agency, Role.INTAKE_OFFICER)
    client.force_login(officer)
    # Signed in as an officer: the applicant is no longer anybody in this session.
    assert client.get("/tai-khoan/").status_code == 302
    assert client.get(f"/tai-khoan/ho-so/{mine.code}/ket-qua/").status_code == 302
    request = rf.get("/")
    request.session = client.session
    request.user = officer
    assert current_applicant(request) is None
    # And an applicant's sign-in ends the officer's session (the helper does what it does).
    applicant_login(client, an)
    assert client.get("/can-bo/ho-so/").status_code == 302
    assert client.get("/tai-khoan/").status_code == 200


def test_sign_out_ends_the_applicants_session(client, two):
    an, *_ = two
    applicant_login(client, an)
    assert client.get("/tai-khoan/").status_code == 200
    assert client.post("/tai-khoan/dang-xuat/").status_code == 302
    assert client.get("/tai-khoan/").status_code == 302
    assert client.get("/tai-khoan/dang-xuat/").status_code == 405  # only POST (CSRF)


def test_the_applicants_session_ends_after_its_maximum_age(client, two, settings):
    import time

    import time_machine

    settings.SESSION_COOKIE_AGE = 7 * 86400  # not the idle limit: the absolute one
    an, *_ = two
    applicant_login(client, an)
    assert client.get("/tai-khoan/").status_code == 200
    later = time.time() + settings.MOTCUA_SESSION_MAX_AGE - 60
    with time_machine.travel(later, tick=False):
        assert client.get("/tai-khoan/").status_code == 200
    with time_machine.travel(later + 120, tick=False):
        response = client.get("/tai-khoan/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
