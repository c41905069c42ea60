"""The applicants' public pages: online submission, lookup, supplement, evaluation."""

import datetime as dt
import re
import uuid

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.agencies.models import Agency, AgencyKind
from motcua.dossiers import services as s
from motcua.dossiers.evaluation_rules import APPLICANT_INDICATORS, computed_scores
from motcua.dossiers.models import INDICATORS, Dossier, DossierComponent, Evaluation
from motcua.dossiers.selectors import evaluation_facts
from motcua.dossiers.workflow import State
from motcua.notifications.models import OutboxMessage
from motcua.procedures.models import Level, OnlineLevel, ProcedureComponent
from motcua.procedures.services import procedure_save
from motcua.testing.factories import DossierFactory, ProcedureFactory

PHONE = "0912345678"
ID_NUMBER = "060123456789"
NAME = "Nguyễn Văn An"
PDF = b"%PDF-1.4 minimal"
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 32

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The lookup rate limit lives in the cache, which outlives a test's transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def procedure(world):
    """The world's procedure, offered fully online, with one required and one optional
    component."""
    procedure, _changed = procedure_save(
        code=world.procedure.code,
        values={"online_level": OnlineLevel.FULL},
        components=[
            {"name": "Tờ khai yêu cầu cấp phiếu", "originals": 1, "required": True},
            {"name": "Giấy ủy quyền", "copies": 1, "required": False},
        ],
    )
    return procedure


def pdf(name="to-khai.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def applicant_data() -> dict:
    return {
        "applicant_kind": "person",
        "applicant_name": NAME,
        "applicant_id_number": ID_NUMBER,
        "applicant_address": "12 Trần Hưng Đạo, Phan Thiết",
        "applicant_phone": "0912 345 678",
        "applicant_email": "an@example.vn",
        "consent": "on",
        "idempotency_key": str(uuid.uuid4()),
    }


def form_data(procedure, **overrides):
    required, optional = ProcedureComponent.objects.filter(procedure=procedure).order_by("order")
    data = applicant_data() | {
        f"component_{required.pk}": pdf(),
        f"component_{optional.pk}": pdf("uy-quyen.pdf"),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def submit_url(procedure):
    return reverse("public-dossier-submit", args=[procedure.code])


def submitted(procedure, **applicant):
    values = {"name": NAME, "id_number": ID_NUMBER, "phone": PHONE, **applicant}
    return s.dossier_submit_online(
        procedure=procedure,
        applicant=s.ApplicantData(**values),
        components=[s.ComponentData(name="Tờ khai", file=pdf())],
        now=timezone.now(),
    )


def look_up(client, code, secret):
    return client.post(reverse("public-dossier-lookup"), {"code": code, "secret": secret})


def proven_client(dossier, secret=PHONE[-4:]) -> Client:
    client = Client()
    response = look_up(client, dossier.code, secret)
    assert response.status_code == 302
    return client


def to_processing(world, dossier):
    return DossierFactory.advance(dossier, "transferred")


def to_awaiting_supplement(world, dossier):
    return s.dossier_request_supplement(
        actor=world.user(Role.HANDLER),
        dossier=to_processing(world, dossier),
        reason="Thiếu giấy tờ chứng minh nhân thân",
        items="1. Bản sao CCCD\n2. Giấy khai sinh",
        now=timezone.now(),
    )


def to_returned(world, dossier):
    dossier = DossierFactory.advance(dossier, "at_approval")
    later = timezone.now() + dt.timedelta(minutes=1)  # after the factory's steps
    dossier = s.dossier_approve(
        actor=world.user(Role.APPROVER), dossier=dossier, note="Ghi chú nội bộ", now=later
    )
    return s.dossier_return_result(
        actor=world.user(Role.INTAKE_OFFICER), dossier=dossier, method="desk", now=later
    )


# ---- submission -----------------------------------------------------------------------------


@pytest.mark.storage
def test_submission_creates_one_dossier_and_shows_its_code(client, procedure):
    page = client.get(submit_url(procedure))
    assert page.status_code == 200
    content = page.content.decode()
    assert "Tờ khai yêu cầu cấp phiếu" in content and "Bắt buộc" in content
    assert "PDF, JPG, PNG" in content and "Tối đa 20" in content
    key = re.search(r'name="idempotency_key" value="([0-9a-f-]{36})"', content).group(1)

    response = client.post(submit_url(procedure), form_data(procedure, idempotency_key=key))

    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("public-dossier-submitted", args=[dossier.code])
    assert dossier.state == State.SUBMITTED and dossier.idempotency_key == key
    assert (dossier.applicant_name, dossier.applicant_phone) == (NAME, PHONE)
    components = list(dossier.components.order_by("id"))
    assert [c.name for c in components] == ["Tờ khai yêu cầu cấp phiếu", "Giấy ủy quyền"]
    assert all(c.procedure_component_id and c.sha256 for c in components)
    confirmation = client.get(response["Location"]).content.decode()
    assert f'class="dossier-code" id="dossier-code">{dossier.code}<' in confirmation
    assert "4 số cuối" in confirmation


def test_the_same_submission_twice_creates_one_dossier(client, procedure):
    key = str(uuid.uuid4())
    first = client.post(submit_url(procedure), form_data(procedure, idempotency_key=key))
    again = client.post(submit_url(procedure), form_data(procedure, idempotency_key=key))
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert Dossier.objects.count() == 1
    assert DossierComponent.objects.count() == 2


def test_a_replayed_form_never_grants_access(client, procedure):
    """The HTML form granted the session of whoever reused a key access to the dossier."""
    key = str(uuid.uuid4())
    first = client.post(submit_url(procedure), form_data(procedure, idempotency_key=key))
    code = Dossier.objects.get().code
    attacker = Client()
    replay = attacker.post(submit_url(procedure), form_data(procedure, idempotency_key=key))
    assert replay.status_code == 302 and replay["Location"] == reverse("public-dossier-lookup")
    assert first["Location"] != replay["Location"]
    for name in ("public-dossier-submitted", "public-dossier-detail"):
        page = attacker.get(reverse(name, args=[code]))
        assert page.status_code == 302 and page["Location"].startswith(
            reverse("public-dossier-lookup")
        )
    assert Dossier.objects.count() == 1


def test_a_reused_key_with_other_data_is_refused(client, procedure):
    key = str(uuid.uuid4())
    client.post(submit_url(procedure), form_data(procedure, idempotency_key=key))
    code = Dossier.objects.get().code
    attacker = Client()
    other = attacker.post(
        submit_url(procedure),
        form_data(procedure, idempotency_key=key, applicant_name="Kẻ Gian"),
    )
    assert other.status_code == 200
    content = other.content.decode()
    assert "đã được dùng cho một hồ sơ khác" in content and code not in content
    assert attacker.get(reverse("public-dossier-detail", args=[code])).status_code == 302
    assert Dossier.objects.count() == 1


def test_submissions_are_limited_per_address(procedure):
    for _ in range(10):
        assert Client().post(submit_url(procedure), form_data(procedure)).status_code == 302
    refused = Client().post(
        submit_url(procedure), form_data(procedure), HTTP_X_FORWARDED_FOR="7.7.7.7"
    )
    assert refused.status_code == 429 and "quá nhiều hồ sơ" in refused.content.decode()
    assert Dossier.objects.count() == 10


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"applicant_name": ""}, "Vui lòng nhập thông tin này"),
        ({"applicant_phone": "12345"}, "Số điện thoại không hợp lệ"),
        ({"applicant_phone": "09123456789012"}, "Số điện thoại không hợp lệ"),
        ({"applicant_id_number": "12"}, "Số định danh cá nhân (CCCD) gồm 12 chữ số"),
        ({"consent": None}, "Vui lòng xác nhận cam đoan"),
        ({"idempotency_key": "not-a-key"}, "vui lòng tải lại trang"),
        ({"required_file": None}, "Vui lòng đính kèm giấy tờ bắt buộc"),
        ({"required_file": pdf("anh.pdf", PNG)}, "không đúng định dạng"),
        ({"required_file": pdf("virus.exe", PDF)}, "không đúng định dạng"),
        ({"required_file": pdf("lon.pdf", PDF + b"0" * 2048)}, "quá lớn"),
    ],
)
def test_bad_input_shows_errors_and_creates_nothing(
    client, procedure, settings, overrides, message
):
    settings.MOTCUA_MAX_UPLOAD_BYTES = 1024
    required = procedure.components.get(required=True)
    if "required_file" in overrides:
        overrides[f"component_{required.pk}"] = overrides.pop("required_file")
    response = client.post(submit_url(procedure), form_data(procedure, **overrides))
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content and 'id="form-errors"' in content
    assert Dossier.objects.count() == 0 and DossierComponent.objects.count() == 0


def test_phone_numbers_are_normalised(client, procedure):
    client.post(submit_url(procedure), form_data(procedure, applicant_phone="+84 912.345.678"))
    assert Dossier.objects.get().applicant_phone == PHONE


def test_commune_procedure_asks_for_an_active_commune(client, world):
    district = Agency.objects.create(
        code="D1.H12", name="UBND huyện Hàm Thuận Bắc", kind="district"
    )
    other = Agency.objects.create(code="D2.H12", name="UBND huyện Bắc Bình", kind="district")
    commune = Agency.objects.create(
        code="C1.H12", name="UBND xã Hàm Đức", kind=AgencyKind.COMMUNE, parent=district
    )
    Agency.objects.create(code="C2.H12", name="UBND xã Phan Hòa", kind="commune", parent=other)
    Agency.objects.create(
        code="C3.H12", name="UBND xã Đã Sáp Nhập", kind="commune", parent=other, is_active=False
    )
    birth = ProcedureFactory(
        code="1.001193.H12", name="Đăng ký khai sinh", level=Level.COMMUNE, online_full=True
    )
    page = client.get(submit_url(birth)).content.decode()
    assert '<optgroup label="UBND huyện Hàm Thuận Bắc">' in page and "UBND xã Phan Hòa" in page
    assert "Đã Sáp Nhập" not in page
    base = applicant_data()

    for agency in ("", world.dept.pk):
        refused = client.post(submit_url(birth), base | {"agency": agency, "extra_files": pdf()})
        assert "Nơi giải quyết" in refused.content.decode() and not Dossier.objects.exists()
    without_files = client.post(submit_url(birth), base | {"agency": commune.pk})
    assert "Vui lòng đính kèm giấy tờ" in without_files.content.decode()
    response = client.post(
        submit_url(birth),
        base | {"agency": commune.pk, "extra_files": [pdf("a.pdf"), pdf("b.pdf")]},
    )
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.agency == commune and dossier.receiving_agency == commune
    assert sorted(dossier.components.values_list("name", flat=True)) == ["a.pdf", "b.pdf"]


def test_a_procedure_without_online_service_explains_where_to_submit(client, world):
    response = client.get(submit_url(world.procedure))
    assert response.status_code == 200
    content = response.content.decode()
    assert "chưa nhận hồ sơ trực tuyến" in content and "Sở Tư pháp" in content
    assert "idempotency_key" not in content
    assert client.post(submit_url(world.procedure), {}).status_code == 200
    assert not Dossier.objects.exists()


def test_abolished_or_unknown_procedures_are_not_found(client, world):
    abolished = ProcedureFactory(code="1.000999.H12", abolished=True, online_full=True)
    assert client.get(submit_url(abolished)).status_code == 404
    assert client.get(reverse("public-dossier-submit", args=["khong-co"])).status_code == 404


# ---- lookup ---------------------------------------------------------------------------------


@pytest.mark.parametrize("secret", [PHONE[-4:], ID_NUMBER[-4:]])
def test_lookup_with_the_right_digits_shows_the_dossier(client, procedure, secret):
    dossier = submitted(procedure)
    response = look_up(client, dossier.code, secret)
    assert response.status_code == 302
    assert response["Location"] == reverse("public-dossier-detail", args=[dossier.code])
    content = client.get(response["Location"]).content.decode()
    assert dossier.code in content and NAME in content and "Mới đăng ký" in content
    assert "*******678" in content and PHONE not in content and ID_NUMBER not in content


def _normalised(response, code: str) -> str:
    """The page without what differs between any two renderings: the CSRF token and the
    code the visitor typed."""
    content = response.content.decode().replace(code, "CODE")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content)


def test_wrong_digits_and_unknown_code_give_the_same_answer(client, procedure):
    dossier = submitted(procedure)
    unknown = dossier.code[:-4] + "9999"
    wrong_digits = look_up(client, dossier.code, "0000")
    wrong_code = look_up(client, unknown, PHONE[-4:])
    assert wrong_digits.status_code == wrong_code.status_code == 200
    assert _normalised(wrong_digits, dossier.code) == _normalised(wrong_code, unknown)
    content = wrong_digits.content.decode()
    assert "Không tìm thấy hồ sơ" in content and 'value="0000"' not in content
    assert NAME not in content and procedure.name not in content and "Mới đăng ký" not in content
    # The code appears only where the visitor typed it.
    assert content.count(dossier.code) == 1 and f'value="{dossier.code}"' in content
    assert client.get(reverse("public-dossier-detail", args=[dossier.code])).status_code == 302


def test_lookup_form_is_prefilled_from_the_link_in_notifications(client, procedure):
    dossier = submitted(procedure)
    content = client.get(f"{reverse('public-dossier-lookup')}?ma={dossier.code}").content.decode()
    assert f'value="{dossier.code}"' in content and NAME not in content
    assert 'method="post"' in content


def test_failed_lookups_are_limited_per_code_from_any_address(procedure):
    dossier = submitted(procedure)
    for n in range(5):  # MOTCUA_RATE_LIMITS["lookup_code"]: 5 per hour, from anyone
        visitor = Client(REMOTE_ADDR=f"10.0.1.{n}")
        assert look_up(visitor, dossier.code, "0000").status_code == 200
    blocked = look_up(Client(REMOTE_ADDR="10.0.2.1"), dossier.code, PHONE[-4:])
    assert blocked.status_code == 429  # even the right digits, from a new address
    assert "quá nhiều lần" in blocked.content.decode() and NAME not in blocked.content.decode()
    warned = OutboxMessage.objects.filter(dossier=dossier, event="lookup_blocked")
    assert warned.count() == 1 and warned.get().recipient == PHONE
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=121), tick=False):
        assert look_up(Client(), dossier.code, PHONE[-4:]).status_code == 302


def test_failed_lookups_are_limited_per_address(procedure):
    dossier = submitted(procedure)
    for n in range(30):  # MOTCUA_RATE_LIMITS["lookup_address"], on codes that do not exist
        assert look_up(Client(), f"{dossier.code[:-4]}{n:04d}9", "0000").status_code == 200
    assert look_up(Client(), dossier.code, PHONE[-4:]).status_code == 429
    other_address = Client(REMOTE_ADDR="10.0.0.7")
    assert look_up(other_address, dossier.code, PHONE[-4:]).status_code == 302


def test_malformed_digits_are_refused_without_counting(client, procedure):
    dossier = submitted(procedure)
    for _attempt in range(6):
        response = look_up(client, dossier.code, "12a")
        assert "đúng 4 chữ số" in response.content.decode()
    assert look_up(client, dossier.code, PHONE[-4:]).status_code == 302


@pytest.mark.parametrize(
    "name",
    [
        "public-dossier-detail",
        "public-dossier-supplement",
        "public-dossier-evaluate",
        "public-dossier-submitted",
    ],
)
def test_dossier_pages_need_proof_in_the_session(client, procedure, name):
    dossier = submitted(procedure)
    response = client.get(reverse(name, args=[dossier.code]))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('public-dossier-lookup')}?ma={dossier.code}"


def test_proof_expires_and_can_be_given_up(procedure):
    dossier = submitted(procedure)
    client = proven_client(dossier)
    url = reverse("public-dossier-detail", args=[dossier.code])
    assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=31), tick=False):
        assert client.get(url).status_code == 302
    client.post(reverse("public-dossier-forget", args=[dossier.code]))
    assert client.get(url).status_code == 302


def test_dossier_page_shows_dates_timeline_and_no_internal_details(world, procedure):
    dossier = to_returned(world, submitted(procedure))
    content = (
        proven_client(dossier)
        .get(reverse("public-dossier-detail", args=[dossier.code]))
        .content.decode()
    )
    for expected in (
        "Đã trả kết quả",
        "Được tiếp nhận",
        "Đang xử lý",
        "Đã xử lý xong",
        "Tiếp nhận lúc",
        "Hạn trả kết quả",
        "10 ngày làm việc",
        "Đánh giá",
    ):
        assert expected in content
    for officer in world.users.values():
        assert officer.first_name not in content and officer.username not in content
    assert "Ghi chú nội bộ" not in content


def test_dossier_page_says_what_is_needed(world, procedure):
    dossier = to_awaiting_supplement(world, submitted(procedure))
    client = proven_client(dossier)
    content = client.get(reverse("public-dossier-detail", args=[dossier.code])).content.decode()
    assert "Bạn cần bổ sung" in content and "Bản sao CCCD" in content
    assert "Thiếu giấy tờ chứng minh nhân thân" in content
    assert reverse("public-dossier-supplement", args=[dossier.code]) in content

    paying = s.dossier_request_payment(
        actor=world.user(Role.HANDLER),
        dossier=to_processing(world, submitted(procedure)),
        fee_vnd=200000,
        now=timezone.now(),
    )
    content = (
        proven_client(paying)
        .get(reverse("public-dossier-detail", args=[paying.code]))
        .content.decode()
    )
    assert "Bạn cần nộp phí, lệ phí" in content and "200.000" in content


# ---- supplement -----------------------------------------------------------------------------


@pytest.mark.storage
def test_supplement_upload_resumes_processing(world, procedure):
    dossier = to_awaiting_supplement(world, submitted(procedure))
    client = proven_client(dossier, ID_NUMBER[-4:])
    url = reverse("public-dossier-supplement", args=[dossier.code])
    page = client.get(url).content.decode()
    assert 'value="Bản sao CCCD"' in page and 'value="Giấy khai sinh"' in page

    response = client.post(
        url,
        {
            "name_0": "Bản sao CCCD",
            "file_0": pdf("cccd.pdf"),
            "name_1": "Giấy khai sinh",
            "name_2": "",
            "note": "Gửi bổ sung",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("public-dossier-detail", args=[dossier.code])
    dossier.refresh_from_db()
    assert dossier.state == State.PROCESSING
    request = dossier.supplements.get()
    assert request.supplied_at is not None
    assert [c.name for c in request.components.all()] == ["Bản sao CCCD"]
    assert dossier.events.filter(action="record_supplement", actor=None).count() == 1
    assert "Đã nộp hồ sơ bổ sung" in client.get(response["Location"]).content.decode()
    assert client.get(url).status_code == 302  # nothing more to supplement


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name_0": "Bản sao CCCD"}, "ít nhất một tệp"),
        ({"name_0": "Bản sao CCCD", "file_0": pdf("x.pdf", PNG)}, "không đúng định dạng"),
        ({"name_0": "Giấy tờ mới", "name_2": "Tự nhập"}, "Chưa chọn tệp cho giấy tờ này"),
    ],
)
def test_bad_supplement_changes_nothing(world, procedure, data, message):
    dossier = to_awaiting_supplement(world, submitted(procedure))
    client = proven_client(dossier)
    response = client.post(reverse("public-dossier-supplement", args=[dossier.code]), data)
    assert response.status_code == 200 and message in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == State.AWAITING_SUPPLEMENT
    assert dossier.supplements.get().supplied_at is None
    assert not DossierComponent.objects.filter(supplement__isnull=False).exists()


# ---- evaluation -----------------------------------------------------------------------------


def test_evaluation_once_only(world, procedure):
    dossier = to_returned(world, submitted(procedure))
    client = proven_client(dossier)
    url = reverse("public-dossier-evaluate", args=[dossier.code])
    page = client.get(url).content.decode()
    assert all(str(label) in page for _name, label in INDICATORS)
    assert (
        page.count('type="radio"') == 12 and "2 điểm: tốt" in page and "0 điểm: không đạt" in page
    )
    # The five computed indicators are shown read-only, with the facts behind them.
    assert "Chỉ số do hệ thống tính" in page and "lần yêu cầu bổ sung" in page

    incomplete = client.post(url, {"total_time": "2"})
    assert "Vui lòng chọn mức điểm" in incomplete.content.decode()
    assert not Evaluation.objects.exists()

    scores = {name: "2" for name, _label in INDICATORS} | {"attitude": "1"}
    response = client.post(url, scores | {"comment": "Cán bộ nhiệt tình"})
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(dossier=dossier)
    # The typed total_time etc. were ignored: the system computed them.
    computed = computed_scores(evaluation_facts(dossier))
    assert (evaluation.total, evaluation.by_applicant, evaluation.comment) == (
        sum(computed.values()) + 2 + 2 + 1 + 2,
        True,
        "Cán bộ nhiệt tình",
    )
    assert {name: getattr(evaluation, name) for name in computed} == computed
    total = evaluation.total
    detail = client.get(response["Location"]).content.decode()
    assert (
        f"{total}/18" in detail
        and reverse("public-dossier-evaluate", args=[dossier.code]) not in detail
    )

    again = client.post(url, {name: "0" for name, _label in INDICATORS}, follow=True)
    assert "chỉ đánh giá một lần" in again.content.decode()
    assert Evaluation.objects.get(dossier=dossier).total == total


def test_evaluation_waits_for_the_result(world, procedure):
    dossier = to_processing(world, submitted(procedure))
    client = proven_client(dossier)
    url = reverse("public-dossier-evaluate", args=[dossier.code])
    response = client.post(url, {name: "2" for name, _label in INDICATORS}, follow=True)
    assert "sau khi nhận kết quả" in response.content.decode()
    assert not Evaluation.objects.exists()


# ---- personal data ----------------------------------------------------------------------------


def test_phone_is_masked_on_every_public_page(client, world, procedure):
    response = client.post(submit_url(procedure), form_data(procedure))
    dossier = Dossier.objects.get()
    pages = [client.get(response["Location"])]
    pages.append(client.get(reverse("public-dossier-detail", args=[dossier.code])))
    to_awaiting_supplement(world, dossier)
    pages.append(client.get(reverse("public-dossier-supplement", args=[dossier.code])))
    dossier = s.dossier_record_supplement(
        actor=s.APPLICANT_ACTOR, dossier=Dossier.objects.get(), components=[], now=timezone.now()
    )
    DossierFactory.advance(dossier, "returned")
    pages.append(client.get(reverse("public-dossier-evaluate", args=[dossier.code])))
    pages.append(client.get(reverse("public-dossier-detail", args=[dossier.code])))
    for page in pages:
        content = page.content.decode()
        assert page.status_code == 200
        assert "*******678" in content
        assert PHONE not in content and "0912 345 678" not in content and ID_NUMBER not in content


# ---- in a browser, on a phone ---------------------------------------------------------------


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_submit_and_look_up_on_a_360px_phone(live_server, page, procedure, tmp_path):
    from motcua.testing.browser import screenshot

    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(PDF)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{submit_url(procedure)}")
    assert _fits_the_screen(page)
    page.get_by_label("Họ và tên (hoặc tên tổ chức)").fill(NAME)
    page.get_by_label("Số định danh cá nhân (CCCD) hoặc mã số thuế").fill(ID_NUMBER)
    page.get_by_label("Địa chỉ").fill("12 Trần Hưng Đạo, Phan Thiết")
    page.get_by_label("Số điện thoại").fill("0912 345 678")
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.locator("#form-errors").wait_for()
    # One missing component: its message at the field, and a link to it in the error summary.
    missing = page.get_by_text("Vui lòng đính kèm giấy tờ bắt buộc này")
    assert missing.count() == 2
    assert page.locator("#form-errors a[href^='#']", has_text="Vui lòng đính kèm").count() == 1
    screenshot(page, "public-submit-errors-phone")
    page.locator("input[type=file]").first.set_input_files(str(scan))
    page.get_by_label("Số điện thoại").fill("0912 345 678")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.get_by_text("Đã nộp hồ sơ thành công").wait_for()
    code = Dossier.objects.get().code
    assert page.locator("#dossier-code").inner_text() == code
    assert _fits_the_screen(page)
    screenshot(page, "public-submitted-phone")

    page.context.clear_cookies()  # another day, another browser session
    page.goto(f"{live_server.url}{reverse('public-dossier-lookup')}?ma={code}")
    assert page.get_by_label("Mã hồ sơ").input_value() == code
    page.get_by_label("4 số cuối", exact=False).fill(PHONE[-4:])
    page.get_by_role("button", name="Tra cứu").click()
    page.locator(".state-label").wait_for()
    assert page.locator(".state-label").inner_text() == "Mới đăng ký"
    assert _fits_the_screen(page)
    screenshot(page, "public-dossier-phone")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_supplement_and_evaluate_on_a_360px_phone(live_server, page, world, procedure, tmp_path):
    from motcua.testing.browser import screenshot

    scan = tmp_path / "cccd.pdf"
    scan.write_bytes(PDF)
    dossier = to_awaiting_supplement(world, submitted(procedure))
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{reverse('public-dossier-lookup')}?ma={dossier.code}")
    page.get_by_label("4 số cuối", exact=False).fill(ID_NUMBER[-4:])
    page.get_by_role("button", name="Tra cứu").click()
    page.get_by_role("link", name="Nộp bổ sung").click()
    assert _fits_the_screen(page)
    page.locator("input[name=file_0]").set_input_files(str(scan))
    screenshot(page, "public-supplement-phone")
    page.get_by_role("button", name="Nộp bổ sung").click()
    page.get_by_text("Đã nộp hồ sơ bổ sung").wait_for()
    assert page.locator(".state-label").inner_text() == "Đang xử lý"

    DossierFactory.advance(Dossier.objects.get(), "returned")
    page.reload()
    page.get_by_role("link", name="Đánh giá").click()
    assert _fits_the_screen(page)
    for fieldset in page.locator(".indicator fieldset").all():
        fieldset.get_by_text("2 điểm", exact=False).click()
    screenshot(page, "public-evaluate-phone")
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.get_by_text("Cảm ơn bạn đã đánh giá", exact=False).first.wait_for()
    evaluation = Evaluation.objects.get()
    assert evaluation.by_applicant and all(
        getattr(evaluation, name) == 2 for name in APPLICANT_INDICATORS
    )
    screenshot(page, "public-dossier-returned-phone")


@pytest.mark.storage
def test_submission_form_refuses_more_files_than_the_cap(client, procedure, settings, file_storage):
    """Issue #7, finding 6: the page applies the per-request cap and stores nothing."""
    settings.MOTCUA_MAX_UPLOAD_FILES = 3
    extra = [pdf(f"them-{i}.pdf") for i in range(2)]
    response = client.post(submit_url(procedure), form_data(procedure, extra_files=extra))
    assert response.status_code == 200
    assert "Tối đa 3 tệp" in response.content.decode()
    assert not Dossier.objects.exists()
    assert file_storage.names() == []


@pytest.mark.parametrize("secret", ["٥٦٧٨", "５６７８"])
def test_non_ascii_digits_on_the_lookup_page_are_refused_cleanly(client, procedure, secret):
    dossier = submitted(procedure)
    response = look_up(client, dossier.code, secret)
    assert response.status_code == 200
    assert "0–9" in response.content.decode()
