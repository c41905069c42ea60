"""The electronic data store (issue #12): reuse online and at the counter, documents going in
from intake and results, and who may see what."""

import datetime as dt
import hashlib
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.applicants.models import ApplicantAccount
from motcua.audit.models import AuditEntry
from motcua.datastore.models import DocumentSource, StoredDocument
from motcua.datastore.selectors import reusable_by_kind
from motcua.datastore.services import stored_document_add
from motcua.dossiers import services as s
from motcua.dossiers.models import Dossier, DossierComponent
from motcua.portal.selectors import portal_snapshot
from motcua.procedures.models import DocumentKind, OnlineLevel, ProcedureComponent
from motcua.procedures.services import procedure_save
from motcua.testing.applicants import applicant_create, applicant_login
from motcua.testing.factories import DossierFactory
from motcua.utils.errors import DomainError

pytestmark = pytest.mark.django_db

ME = "060123456789"
OTHER = "060987654321"
PDF = b"%PDF-1.4 minimal"


def pdf(name="cccd.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def procedure(world):
    """The world's procedure, fully online, asking for the applicant's ID card (reusable) and
    a form (not)."""
    procedure, _changed = procedure_save(
        code=world.procedure.code,
        values={"online_level": OnlineLevel.FULL},
        components=[
            {"name": "Tờ khai", "originals": 1, "required": True},
            {
                "name": "Bản sao Căn cước công dân",
                "copies": 1,
                "required": True,
                "document_kind": DocumentKind.ID_CARD,
            },
        ],
    )
    return procedure


def components(procedure):
    form, card = ProcedureComponent.objects.filter(procedure=procedure).order_by("order")
    return form, card


def stored(identifier=ME, *, valid_until=None, kind=DocumentKind.ID_CARD, actor=None):
    return stored_document_add(
        identifier=identifier,
        kind=kind,
        file=pdf(),
        actor=actor,
        issuer="Cục Cảnh sát QLHC về TTXH",
        number=f"{identifier}",
        issued_on=dt.date(2021, 5, 1),
        valid_until=valid_until,
    )


def applicant(identifier=ME):
    return s.ApplicantData(name="Nguyễn Văn An", id_number=identifier, phone="0912345678")


def post_data(procedure, **extra):
    return {
        "applicant_kind": "person",
        "applicant_name": "Nguyễn Văn An",
        "applicant_id_number": ME,
        "applicant_address": "12 Trần Hưng Đạo, Phan Thiết",
        "applicant_phone": "0912 345 678",
        "consent": "on",
        "idempotency_key": str(uuid.uuid4()),
        f"component_{components(procedure)[0].pk}": pdf("to-khai.pdf"),
        **extra,
    }


def sign_in(client, identifier=ME):
    """Signed in as the applicant with this national identifier, as the OIDC sign-in leaves it."""
    account = ApplicantAccount.objects.filter(identifier=identifier).first() or applicant_create(
        identifier=identifier, full_name="Người nộp thử"
    )
    applicant_login(client, account)


# ---- reuse online ------------------------------------------------------------------------


def test_online_reuse_without_upload(client, procedure):
    document = stored()
    sign_in(client)
    url = reverse("public-dossier-submit", args=[procedure.code])
    page = client.get(url)
    assert "Dùng giấy tờ trong kho dữ liệu điện tử của bạn" in page.content.decode()
    card = components(procedure)[1]
    response = client.post(url, post_data(procedure, **{f"reuse_{card.pk}": document.public_id}))
    assert response.status_code == 302, response.content.decode()[:3000]
    dossier = Dossier.objects.get()
    assert dossier.reused_data is True
    reused = dossier.components.get(procedure_component=card)
    assert reused.reused and reused.stored_document == document
    assert reused.file.name == document.file.name
    assert StoredDocument.objects.count() == 1  # nothing uploaded, nothing copied
    files = portal_snapshot(dossier=dossier)["hoSo"]["TaiLieuNop"]
    flags = {f["MaThanhPhanHoSo"]: f["DuocTaiSuDung"] for f in files}
    assert flags == {str(components(procedure)[0].pk): "0", str(card.pk): "1"}


def test_online_without_sign_in_offers_nothing_and_asks_for_the_upload(client, procedure):
    document = stored()
    url = reverse("public-dossier-submit", args=[procedure.code])
    assert "kho dữ liệu điện tử của bạn" not in client.get(url).content.decode()
    card = components(procedure)[1]
    response = client.post(url, post_data(procedure, **{f"reuse_{card.pk}": document.public_id}))
    assert response.status_code == 200
    assert "Vui lòng đính kèm giấy tờ bắt buộc này." in response.content.decode()
    assert not Dossier.objects.exists()


def test_expired_document_is_not_offered(client, procedure):
    expired = stored(valid_until=timezone.localdate() - dt.timedelta(days=1))
    sign_in(client)
    url = reverse("public-dossier-submit", args=[procedure.code])
    assert str(expired.public_id) not in client.get(url).content.decode()
    card = components(procedure)[1]
    response = client.post(url, post_data(procedure, **{f"reuse_{card.pk}": expired.public_id}))
    assert response.status_code == 200
    assert not Dossier.objects.exists()


def test_document_of_another_applicant_cannot_be_forced(client, procedure):
    stored()  # mine: the choice offered
    theirs = stored(OTHER)
    sign_in(client)
    card = components(procedure)[1]
    url = reverse("public-dossier-submit", args=[procedure.code])
    response = client.post(url, post_data(procedure, **{f"reuse_{card.pk}": theirs.public_id}))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Lựa chọn không hợp lệ" in text or "không hợp lệ" in text
    assert not Dossier.objects.exists()
    assert not DossierComponent.objects.exists()


@pytest.mark.parametrize(
    ("identifier", "signed_in", "document_of"),
    [
        (ME, ME, OTHER),  # another applicant's document
        (ME, None, ME),  # not signed in
        (OTHER, ME, ME),  # signed in as someone else than the applicant typed
    ],
)
def test_service_refuses_reuse_not_proven(procedure, identifier, signed_in, document_of):
    document = stored(document_of)
    card = components(procedure)[1]
    with pytest.raises(DomainError) as refused:
        s.dossier_submit_online(
            procedure=procedure,
            applicant=applicant(identifier),
            components=[
                s.ComponentData(
                    name=card.name, procedure_component_id=card.pk, stored_document=document
                )
            ],
            now=timezone.now(),
            signed_in_identifier=signed_in,
        )
    assert refused.value.code == "invalid_reuse"
    assert "kho dữ liệu" in refused.value.message_vi and "data store" in refused.value.message_en
    assert not Dossier.objects.exists()


def test_service_refuses_expired_or_other_kind(procedure):
    form, card = components(procedure)
    for document, component in (
        (stored(valid_until=timezone.localdate() - dt.timedelta(days=1)), card),
        (stored(), form),  # the form allows no reuse
        (stored(kind=DocumentKind.BIRTH_CERTIFICATE), card),
    ):
        with pytest.raises(DomainError):
            s.dossier_submit_online(
                procedure=procedure,
                applicant=applicant(),
                components=[
                    s.ComponentData(
                        name=component.name,
                        procedure_component_id=component.pk,
                        stored_document=document,
                    )
                ],
                now=timezone.now(),
                signed_in_identifier=ME,
            )
    assert not Dossier.objects.exists()


# ---- at the counter ----------------------------------------------------------------------


def intake_data(procedure, intent, **extra):
    form, card = components(procedure)
    return {
        "procedure": procedure.code,
        "checklist_for": procedure.code,
        "applicant_name": "Nguyễn Văn An",
        "applicant_id_number": ME,
        "applicant_phone": "0912345678",
        "applicant_kind": "person",
        "sets": 1,
        "channel": "direct",
        "intent": intent,
        f"c{form.pk}_received": "on",
        f"c{form.pk}_originals": 1,
        f"c{form.pk}_copies": 0,
        f"c{card.pk}_received": "on",
        f"c{card.pk}_originals": 0,
        f"c{card.pk}_copies": 1,
        **extra,
    }


def test_counter_reuse(client, world, procedure):
    document = stored()
    officer = world.user(Role.INTAKE_OFFICER)
    client.force_login(officer)
    url = reverse("desk-intake")
    looked = client.post(url, intake_data(procedure, "store"))
    assert looked.status_code == 200
    assert str(document.public_id) in looked.content.decode()
    read = AuditEntry.objects.get(action="datastore.read")
    assert read.target_id == ME and read.actor == officer and read.data["at"] == "intake"
    card = components(procedure)[1]
    response = client.post(
        url, intake_data(procedure, "receive", **{f"c{card.pk}_reuse": document.public_id})
    )
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.reused_data
    assert dossier.components.get(procedure_component=card).stored_document == document


def test_counter_cannot_force_another_applicants_document(client, world, procedure):
    stored()
    theirs = stored(OTHER)
    client.force_login(world.user(Role.INTAKE_OFFICER))
    card = components(procedure)[1]
    response = client.post(
        reverse("desk-intake"),
        intake_data(procedure, "receive", **{f"c{card.pk}_reuse": theirs.public_id}),
    )
    assert response.status_code == 400
    assert not Dossier.objects.exists()
    # And the service itself, called directly, refuses it (nothing written).
    with pytest.raises(DomainError):
        s.dossier_receive(
            actor=world.user(Role.INTAKE_OFFICER),
            procedure=procedure,
            applicant=applicant(),
            components=[
                s.ComponentData(
                    name=card.name, procedure_component_id=card.pk, stored_document=theirs
                )
            ],
            now=timezone.now(),
        )
    assert not Dossier.objects.exists()


# ---- into the store ----------------------------------------------------------------------


def test_digitized_components_and_results_land_in_the_store_once(world, procedure):
    form, card = components(procedure)
    dossier = DossierFactory.create(
        "at_approval",
        procedure=procedure,
        components=[
            s.ComponentData(name=form.name, procedure_component_id=form.pk, file=pdf("tk.pdf")),
            s.ComponentData(name=card.name, procedure_component_id=card.pk, file=pdf()),
        ],
    )
    documents = StoredDocument.objects.filter(identifier=ME)
    # Only the component whose kind the procedure names (the ID card), not the form.
    assert [(d.kind, d.source, d.source_dossier_code) for d in documents] == [
        (DocumentKind.ID_CARD, DocumentSource.DIGITIZED, dossier.code)
    ]
    approver = world.user(Role.APPROVER)
    s.dossier_approve(
        actor=approver, dossier=dossier, now=timezone.now(), result_file=pdf("ket-qua.pdf")
    )
    dossier.refresh_from_db()
    result = StoredDocument.objects.get(source=DocumentSource.RESULT)
    assert result.identifier == ME and result.file.name == dossier.result_file.name
    assert result.issuer == dossier.agency.name
    # The store shows and serves it with the uploaded file's name, type and size.
    assert (result.original_name, result.content_type, result.size) == (
        "ket-qua.pdf",
        "application/pdf",
        len(PDF),
    )
    assert result.sha256 == hashlib.sha256(PDF).hexdigest()
    # Copying again (a retried hook) changes nothing.
    s._digitized_into_store(dossier, approver)
    s._result_into_store(dossier, approver, timezone.now(), pdf("ket-qua.pdf"))
    assert StoredDocument.objects.count() == 2
    assert AuditEntry.objects.filter(action="datastore.copy").count() == 2


def test_a_result_is_stored_as_the_kind_of_document_it_is_and_reused_as_such(world, procedure):
    """A procedure whose result is a construction permit: the approved result lands in the
    store as a construction permit, which a later procedure asking for one offers for reuse."""
    permit, _changed = procedure_save(
        code=procedure.code,
        values={"result_document_kind": DocumentKind.CONSTRUCTION_PERMIT},
        components=None,
    )
    assert permit.result_kind == DocumentKind.CONSTRUCTION_PERMIT
    assert permit.versions.count() >= 2  # the catalog keeps it as an amendment
    dossier = DossierFactory.create("at_approval", procedure=permit)
    s.dossier_approve(
        actor=world.user(Role.APPROVER),
        dossier=dossier,
        now=timezone.now(),
        result_file=pdf("giay-phep.pdf"),
    )
    stored = StoredDocument.objects.get(source=DocumentSource.RESULT)
    assert stored.kind == DocumentKind.CONSTRUCTION_PERMIT
    found = reusable_by_kind(
        dossier.applicant_id_number,
        kinds=[DocumentKind.CONSTRUCTION_PERMIT],
        on=timezone.localdate(),
    )
    assert [d.pk for d in found[DocumentKind.CONSTRUCTION_PERMIT]] == [stored.pk]


def test_online_upload_lands_when_accepted(world, procedure):
    form, card = components(procedure)
    dossier = DossierFactory.create(
        "submitted",
        procedure=procedure,
        components=[s.ComponentData(name=card.name, procedure_component_id=card.pk, file=pdf())],
    )
    assert not StoredDocument.objects.exists()  # not before the desk accepts it
    s.dossier_accept(actor=world.user(Role.INTAKE_OFFICER), dossier=dossier, now=timezone.now())
    assert StoredDocument.objects.get().source_dossier_code == dossier.code


# ---- privacy -----------------------------------------------------------------------------


def test_applicant_sees_only_their_own_store(client):
    mine, theirs = stored(), stored(OTHER)
    assert client.get(reverse("datastore-store")).status_code == 403
    sign_in(client)
    page = client.get(reverse("datastore-store"))
    text = page.content.decode()
    assert page.status_code == 200
    assert str(mine.public_id) in text and str(theirs.public_id) not in text
    assert client.get(reverse("datastore-document", args=[mine.public_id])).status_code == 200
    assert client.get(reverse("datastore-document", args=[theirs.public_id])).status_code == 404
    # Files are never at a media URL: the page links only the authorising view.
    assert mine.file.name not in text and "/media/" not in text


def test_expired_flag_on_the_store_page(client):
    stored(valid_until=timezone.localdate() - dt.timedelta(days=3))
    sign_in(client)
    assert "Hết hiệu lực" in client.get(reverse("datastore-store")).content.decode()


def test_officer_sees_the_store_only_while_handling_a_dossier_of_that_applicant(
    client, world, procedure
):
    document = stored()
    dossier = DossierFactory.create("received", procedure=procedure)
    stranger_dossier = DossierFactory.create(
        "received", procedure=procedure, applicant=applicant(OTHER)
    )
    officer = world.user(Role.INTAKE_OFFICER)
    client.force_login(officer)
    store_url = reverse("officer-dossier-store", args=[dossier.code])
    page = client.get(store_url)
    assert page.status_code == 200 and str(document.public_id) in page.content.decode()
    download = reverse("officer-dossier-store-document", args=[dossier.code, document.public_id])
    assert client.get(download).status_code == 200
    reads = AuditEntry.objects.filter(action="datastore.read", target_id=ME)
    assert reads.count() == 2 and all(r.actor == officer for r in reads)
    # Through another applicant's dossier, my document is not there.
    other = reverse(
        "officer-dossier-store-document", args=[stranger_dossier.code, document.public_id]
    )
    assert client.get(other).status_code == 404
    # An officer of another agency sees no dossier of this applicant: no store.
    client.force_login(world.user(Role.INTAKE_OFFICER, "other"))
    assert client.get(store_url).status_code in (403, 404)
    assert client.get(download).status_code in (403, 404)
    # Once the dossier is closed, no more handling: no store.
    s.dossier_withdraw(actor=officer, dossier=dossier, reason="Rút", now=timezone.now())
    client.force_login(officer)
    assert client.get(store_url).status_code == 403
    assert reads.count() == 2


def test_catalog_save_without_kinds_keeps_them(procedure):
    """The data package's CSV knows no kinds: importing it again keeps those set."""
    procedure_save(
        code=procedure.code,
        values={},
        components=[
            {"name": "Tờ khai", "originals": 1, "required": True},
            {"name": "Bản sao Căn cước công dân", "copies": 1, "required": True},
        ],
    )
    assert [c.document_kind for c in components(procedure)] == ["", DocumentKind.ID_CARD]
