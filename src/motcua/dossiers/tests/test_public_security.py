"""Findings 1, 4, 5 and 6 of the security probe (issue #7) on the public API and the edge:
guessing the lookup secret, reused idempotency keys, non-ASCII digits and NUL bytes,
anonymous submissions and messages to unverified contacts."""

import datetime as dt
import unicodedata

import pytest
import time_machine
from django.core.cache import cache, caches
from django.test import RequestFactory
from django.utils import timezone
from rest_framework.test import APIClient

from motcua.accounts.roles import Role
from motcua.dossiers import services as s
from motcua.dossiers.applicant import applicant_clean
from motcua.dossiers.models import INDICATORS, Dossier
from motcua.dossiers.selectors import dossier_lookup, work_list
from motcua.notifications.models import OutboxMessage
from motcua.utils import ratelimit
from motcua.utils.cache import DatabaseCache
from motcua.utils.errors import DomainError
from motcua.utils.models import RateCounter

PHONE = "0912345678"
ID_NUMBER = "060123456789"


@pytest.fixture
def dossier(world):
    return s.dossier_submit_online(
        procedure=world.procedure,
        applicant=s.ApplicantData(name="Nguyễn Văn An", phone=PHONE, id_number=ID_NUMBER),
        components=[],
        now=timezone.now(),
    )


def lookup(code, secret, **meta):
    return APIClient().post(
        f"/api/public/dossiers/{code}/lookup/", {"secret": secret}, format="json", **meta
    )


def submit(body, *, key=None, address="127.0.0.1", **meta):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return APIClient().post(
        "/api/public/dossiers/", body, format="json", REMOTE_ADDR=address, **headers, **meta
    )


def body(world, **overrides):
    return {
        "procedure_code": world.procedure.code,
        "applicant_name": "Đỗ Thị Giang",
        "applicant_phone": "0355123456",
        **overrides,
    }


# ---- finding 1: the lookup secret cannot be guessed ----------------------------------------


def test_a_spoofed_forwarded_for_does_not_escape_the_address_limit(dossier):
    """679 guesses from one client went unlimited: each carried a new X-Forwarded-For."""
    for n in range(30):  # MOTCUA_RATE_LIMITS["lookup_address"], on 30 different codes
        response = lookup(f"{dossier.code[:-4]}{n:04d}9", "0000", HTTP_X_FORWARDED_FOR=f"1.2.3.{n}")
        assert response.status_code == 404
    spoofed = lookup(dossier.code, PHONE[-4:], HTTP_X_FORWARDED_FOR="9.9.9.9")
    assert spoofed.status_code == 429
    assert spoofed.json()["error"]["code"] == "throttled"
    assert lookup(dossier.code, PHONE[-4:], REMOTE_ADDR="10.9.9.9").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "client"),
    [
        ([], "10.0.0.1", "203.0.113.9", "10.0.0.1"),  # no proxies: the header is ignored
        (["10.0.0.0/8"], "198.51.100.2", "203.0.113.9", "198.51.100.2"),  # not from a proxy
        (["10.0.0.0/8"], "10.0.0.1", "203.0.113.9", "203.0.113.9"),
        # A caller adds addresses on the left; the right-most untrusted one is the client.
        (["10.0.0.0/8"], "10.0.0.1", "1.1.1.1, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (["10.0.0.1", "2001:db8::/32"], "2001:db8::5", "203.0.113.9:4711", "203.0.113.9"),
        (["10.0.0.0/8"], "10.0.0.1", "garbage, 10.0.0.3", "10.0.0.3"),
        (["10.0.0.0/8"], "10.0.0.1", "", "10.0.0.1"),
        (["unix"], "", "203.0.113.9", "203.0.113.9"),  # a proxy on a Unix socket
        ([], "", "203.0.113.9", ""),
        (["unix"], "", "", ""),
    ],
)
def test_the_client_address_believes_only_trusted_proxies(
    settings, proxies, remote, forwarded, client
):
    settings.MOTCUA_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert ratelimit.client_address(request) == client


def test_a_code_gets_five_wrong_secrets_from_anyone_then_its_owner_is_told(dossier):
    for n in range(5):
        assert lookup(dossier.code, f"{n:04d}", REMOTE_ADDR=f"10.1.0.{n}").status_code == 404
    right = lookup(dossier.code, PHONE[-4:], REMOTE_ADDR="10.2.0.1")
    assert right.status_code == 429  # closed for the window, to everyone
    for n in range(5):
        lookup(dossier.code, f"{n:04d}", REMOTE_ADDR=f"10.3.0.{n}")
    warnings = OutboxMessage.objects.filter(dossier=dossier, event="lookup_blocked")
    assert [m.recipient for m in warnings] == [PHONE]  # once, however many more attempts
    assert "nhiều lần nhập sai" in warnings.get().body
    with time_machine.travel(timezone.now() + dt.timedelta(hours=2, minutes=1), tick=False):
        assert lookup(dossier.code, PHONE[-4:]).status_code == 200


def test_a_right_secret_does_not_use_up_the_attempts(dossier):
    for _ in range(8):
        assert lookup(dossier.code, PHONE[-4:]).status_code == 200
    assert ratelimit.count("lookup_code", dossier.code) == 0


@pytest.mark.parametrize("endpoint", ["supplement", "evaluation"])
def test_supplement_and_evaluation_count_against_the_same_limit(dossier, endpoint):
    client = APIClient()
    scores = {name: 2 for name, _label in INDICATORS}
    for n in range(5):
        wrong = client.post(
            f"/api/public/dossiers/{dossier.code}/{endpoint}/",
            {"secret": f"{n:04d}", **scores},
            REMOTE_ADDR=f"10.4.0.{n}",
        )
        assert wrong.status_code == 404
    assert lookup(dossier.code, PHONE[-4:], REMOTE_ADDR="10.5.0.1").status_code == 429


def test_an_unknown_code_and_a_wrong_secret_get_the_same_answers(dossier):
    unknown = dossier.code[:-4] + "9999"
    assert not Dossier.objects.filter(code=unknown).exists()
    for n in range(5):
        wrong = lookup(dossier.code, "0000", REMOTE_ADDR=f"10.6.0.{n}")
        missing = lookup(unknown, "0000", REMOTE_ADDR=f"10.7.0.{n}")
        assert (wrong.status_code, wrong.json()) == (missing.status_code, missing.json())
        assert wrong.status_code == 404
    wrong = lookup(dossier.code, "0000", REMOTE_ADDR="10.6.1.1")
    missing = lookup(unknown, "0000", REMOTE_ADDR="10.7.1.1")
    assert (wrong.status_code, wrong.json()) == (missing.status_code, missing.json())
    assert wrong.status_code == 429


def test_counts_live_in_the_database_shared_by_every_process(dossier):
    assert isinstance(caches["default"], DatabaseCache)
    lookup(dossier.code, "0000")
    # The code's and the address's counters, in the database's counter table.
    assert RateCounter.objects.filter(key__startswith="rl:lookup_code:").count() == 1
    assert RateCounter.objects.filter(key__startswith="rl:lookup_address:").count() == 1
    # Two cache objects, as two worker processes would have, count the same attempts.
    first, second = caches.create_connection("default"), caches.create_connection("default")
    assert first is not second
    first.add("attempts", 0, 3600)
    assert first.incr("attempts") == 1
    assert second.incr("attempts") == 2
    assert first.get("attempts") == 2


def test_counting_keeps_the_expiry_of_the_window(db):
    """Django's database cache rewrote the counter with the default 5-minute timeout."""
    cache.add("window", 0, 3600)
    cache.incr("window")
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=30), tick=False):
        assert cache.get("window") == 1
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=61), tick=False):
        assert cache.get("window") is None


# ---- finding 5: digits and NUL bytes ----------------------------------------------------------


@pytest.mark.parametrize("secret", ["١٢٣٤", "１２３４", "5６78", "۵۶۷۸"])
def test_non_ascii_digits_in_the_secret_are_refused_cleanly(dossier, secret):
    """They crashed hmac.compare_digest: 500 for an existing code, 404 for a missing one."""
    assert dossier_lookup(code=dossier.code, secret=secret) is None
    existing, missing = lookup(dossier.code, secret), lookup("NO-SUCH-CODE", secret)
    assert existing.status_code == missing.status_code == 400
    assert existing.json() == missing.json()
    assert "0–9" in existing.json()["error"]["details"]["secret"][0]


@pytest.fixture
def officer_client(world):
    client = APIClient()
    client.force_login(world.user(Role.INTAKE_OFFICER))
    return client


def _is_clean_400(response, *, api: bool) -> None:
    assert response.status_code == 400
    if api:
        assert response.json()["error"]["code"] == "invalid"
    else:
        assert "NUL" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "api"),
    [
        ("/can-bo/ho-so/?q=An%00", False),  # the officers' work list
        ("/?q=%00", False),  # the public catalog search
        ("/api/dossiers/?q=%00", True),
        ("/api/public/procedures/?q=x%00y", True),
        ("/thu-tuc/1.000001%00.H12/", False),  # in a path
        ("/api/dossiers/AB%00C/", True),
    ],
)
def test_nul_bytes_in_queries_and_paths_are_a_clean_400(officer_client, url, api):
    _is_clean_400(officer_client.get(url), api=api)


def test_nul_bytes_in_a_login_form_json_body_or_credentials_are_a_clean_400(world, client):
    login = client.post("/dang-nhap/", {"username": "admin\x00", "password": "x"})
    _is_clean_400(login, api=False)
    json_body = APIClient().post(
        "/api/public/dossiers/",
        '{"procedure_code": "1.000001.H12", "applicant_name": "A\\u0000"}',
        content_type="application/json",
    )
    _is_clean_400(json_body, api=True)
    basic = APIClient().get("/api/dossiers/", HTTP_AUTHORIZATION="Basic YWRtaW4AOng=")
    _is_clean_400(basic, api=True)  # "admin\0:x"


def test_a_decomposed_name_is_stored_composed_and_found(world, officer_client):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert nfd != "Nguyễn Thị Ánh"
    created = submit(body(world, applicant_name=nfd))
    assert created.status_code == 201
    dossier = Dossier.objects.get(code=created.json()["code"])
    assert dossier.applicant_name == "Nguyễn Thị Ánh"
    found = officer_client.get("/api/dossiers/", {"q": unicodedata.normalize("NFD", "Nguyễn")})
    assert [d["code"] for d in found.json()["results"]] == [dossier.code]
    user = world.user(Role.INTAKE_OFFICER)
    assert [row["pk"] for row in work_list(user, now=timezone.now(), query="Ánh")] == [dossier.pk]


# ---- finding 4: an idempotency key is bound to its request ---------------------------------


def test_a_reused_key_with_another_request_is_refused(world):
    first = submit(body(world), key="shared-key")
    assert first.status_code == 201
    other = submit(
        body(world, applicant_name="Kẻ Gian", applicant_phone="0988000111"), key="shared-key"
    )
    assert other.status_code == 422
    error = other.json()["error"]
    assert error["code"] == "idempotency_key_reused"
    assert "Idempotency-Key" in error["message"] and " / " in error["message"]
    assert (
        "Giang" not in other.content.decode() and first.json()["code"] not in other.content.decode()
    )
    replay = submit(body(world), key="shared-key")
    assert replay.status_code == 201 and replay.json()["code"] == first.json()["code"]
    assert Dossier.objects.count() == 1


def test_the_same_applicant_written_differently_is_the_same_request(world):
    first = submit(body(world, applicant_phone="0355 123 456"), key="k-1")
    again = submit(body(world, applicant_phone="+84 355.123.456"), key="k-1")
    assert first.status_code == again.status_code == 201
    assert first.json()["code"] == again.json()["code"]


# ---- finding 6: anonymous submissions and unverified contacts --------------------------------


def test_submissions_are_limited_per_client_address(world):
    for n in range(10):  # MOTCUA_RATE_LIMITS["submit_address"]
        response = submit(body(world), HTTP_X_FORWARDED_FOR=f"5.5.5.{n}")
        assert response.status_code == 201
    refused = submit(body(world), HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "throttled"
    assert submit(body(world), address="10.8.0.1").status_code == 201
    assert Dossier.objects.count() == 11


def test_an_unverified_contact_gets_only_a_few_receipts(world):
    for n in range(5):
        payload = body(world, applicant_email="victim@example.vn")
        assert submit(payload, address=f"10.9.0.{n}").status_code == 201
    receipts = OutboxMessage.objects.filter(event="submitted")
    assert receipts.filter(recipient="0355123456").count() == 3
    assert receipts.filter(recipient="victim@example.vn").count() == 3
    assert Dossier.objects.count() == 5  # the dossiers themselves are all there


# ---- one applicant rule ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "stored"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("+84 912.345.678", "0912345678"),
        ("84912345678", "0912345678"),
        ("(0252) 382-2345", "02523822345"),
    ],
)
def test_one_phone_rule(phone, stored):
    assert applicant_clean({"name": "A", "phone": phone}).phone == stored


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"phone": "12345"}, "applicant_phone", "Số điện thoại không hợp lệ"),
        ({"phone": "09123456789012"}, "applicant_phone", "Số điện thoại không hợp lệ"),
        ({"phone": "０９１２３４５６７８"}, "applicant_phone", "0–9"),
        ({"phone": ""}, "applicant_phone", "Vui lòng nhập số điện thoại"),
        ({"id_number": "12"}, "applicant_id_number", "12 chữ số"),
        ({"id_number": "٠٦٠١٢٣٤٥٦٧٨٩"}, "applicant_id_number", "0–9"),
        ({"kind": "organisation", "id_number": "060123456789"}, "applicant_id_number", "thuế"),
        ({"name": "   "}, "applicant_name", "Vui lòng nhập họ và tên"),
        ({"name": "An\x07"}, "applicant_name", "không hợp lệ"),
        ({"email": "not-an-address"}, "applicant_email", "thư điện tử"),
        ({"kind": "robot"}, "applicant_kind", "Loại người nộp"),
    ],
)
def test_applicant_errors_name_their_field(values, field, message):
    with pytest.raises(DomainError) as error:
        applicant_clean({"name": "Nguyễn Văn An", "phone": PHONE} | values)
    assert error.value.status_code == 400
    assert message in error.value.details[field][0]


def test_applicant_data_is_normalised():
    applicant = applicant_clean(
        s.ApplicantData(
            name=unicodedata.normalize("NFD", "  Nguyễn   Văn  An "),
            kind="organisation",
            id_number=" 0101234567-001 ",
            address="12  Trần Hưng Đạo",
            phone="+84912345678",
            email="An@Example.VN",
        )
    )
    assert applicant == s.ApplicantData(
        name="Nguyễn Văn An",
        kind="organisation",
        id_number="0101234567-001",
        address="12 Trần Hưng Đạo",
        phone="0912345678",
        email="An@example.vn",
    )
    for number in ("060123456789", "123456789", "C1234567", "b12345678"):
        assert applicant_clean({"name": "A", "phone": PHONE, "id_number": number}).id_number


def test_the_counter_intake_uses_the_same_rule(world):
    with pytest.raises(DomainError) as error:
        s.dossier_receive(
            actor=world.user(Role.INTAKE_OFFICER),
            procedure=world.procedure,
            applicant=s.ApplicantData(name="An", phone="1234"),
            components=[],
            now=timezone.now(),
        )
    assert set(error.value.details) == {"applicant_phone"}


def test_attempts_on_both_sides_of_a_window_boundary_add_up(db):
    """A fixed window would allow the limit twice within a few seconds across its boundary."""
    boundary = 1_800_000_000.0  # a multiple of 3600
    for second in range(5):
        assert not ratelimit.hit_over("lookup_code", "X-1", now=boundary - 5 + second)
    assert ratelimit.hit_over("lookup_code", "X-1", now=boundary + 1)
    assert not ratelimit.hit_over("lookup_code", "X-2", now=boundary + 1)
    assert ratelimit.count("lookup_code", "X-1", now=boundary + 3600 - 1) <= 2  # it decays


def test_failed_lookup_warnings_share_the_cap_of_an_unverified_contact(world):
    codes = [
        submit(body(world), address=f"10.10.0.{n}").json()["code"] for n in range(3)
    ]  # three receipts: the cap of the day for 0355123456
    for n in range(5):
        lookup(codes[0], f"{n:04d}", REMOTE_ADDR=f"10.11.0.{n}")
    assert lookup(codes[0], "3456", REMOTE_ADDR="10.12.0.1").status_code == 429
    assert not OutboxMessage.objects.filter(event="lookup_blocked").exists()
