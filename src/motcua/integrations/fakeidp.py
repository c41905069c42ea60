"""A fake national identity provider (VNeID level 2 through the national portal's single
sign-on) for tests and the demo, ``motcua fakeidp --port P``: an OpenID Connect provider built
on Authlib's server (``AuthorizationServer``, the authorization code grant with PKCE and the
``OpenIDCode`` extension), in memory, without Django.

- ``GET /.well-known/openid-configuration``: the discovery document.
- ``GET /jwks``: the public key (RSA, generated at start or read from ``key_file``).
- ``GET /authorize``: a page that lists the demo people; ``POST /authorize`` with ``person``
  (an identifier) or ``deny`` answers the client's redirect URI with a code or an error.
- ``POST /token``: the code (once, PKCE S256 checked, client secret checked) for an access
  token and a signed ID token.
- ``GET /userinfo``: the claims of the access token's person.

Tests make the next ID token wrong on purpose with ``tamper(claims=..., key=...)``.
The claims are described in docs/applicants.md.
"""

from __future__ import annotations

import html
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from authlib.oauth2 import AuthorizationServer, OAuth2Error, ResourceProtector
from authlib.oauth2.rfc6749 import ClientMixin, InvalidRequestError, OAuth2Request, grants
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from authlib.oauth2.rfc6750 import BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core.grants import OpenIDCode
from authlib.oidc.core.models import AuthorizationCodeMixin
from joserfc.jwk import RSAKey

ACR = "vneid:2"  # level 2 electronic identification
CALLBACK_PATH = "/tai-khoan/dang-nhap/xong/"

# Demo people: four citizens and one organisation (identifiers as the demo's applicants have
# them; ``motcua demo`` passes the ones of its live dossiers with ``people``).
DEMO_PEOPLE: list[dict[str, Any]] = [
    {
        "so_dinh_danh": "001085012345",
        "loai_tai_khoan": "cong_dan",
        "name": "Nguyễn Văn An",
        "birthdate": "1985-03-12",
        "address": "Số 12 đường Trần Phú, phường Bắc Hà, TP Hà Tĩnh",
        "phone_number": "0912345678",
        "email": "an.nguyen@example.vn",
    },
    {
        "so_dinh_danh": "042190004567",
        "loai_tai_khoan": "cong_dan",
        "name": "Trần Thị Bình",
        "birthdate": "1990-07-25",
        "address": "Xóm 3, xã Thạch Hạ, TP Hà Tĩnh",
        "phone_number": "0987654321",
        "email": "",
    },
    {
        "so_dinh_danh": "042078009876",
        "loai_tai_khoan": "cong_dan",
        "name": "Lê Văn Cường",
        "birthdate": "1978-11-02",
        "address": "Tổ dân phố 5, thị trấn Cẩm Xuyên",
        "phone_number": "0903111222",
        "email": "cuong.le@example.vn",
    },
    {
        "so_dinh_danh": "042301001234",
        "loai_tai_khoan": "cong_dan",
        "name": "Phạm Thị Dung",
        "birthdate": "2001-01-30",
        "address": "Thôn Đông, xã Kỳ Phong, huyện Kỳ Anh",
        "phone_number": "0356789012",
        "email": "",
    },
    {
        "so_dinh_danh": "3001234567",
        "loai_tai_khoan": "to_chuc",
        "name": "Công ty TNHH Thương mại Hồng Lĩnh",
        "address": "Số 8 đường Nguyễn Du, phường Nam Hà, TP Hà Tĩnh",
        "phone_number": "02393855666",
        "email": "lienhe@honglinh.example.vn",
    },
]


@dataclass
class Client(ClientMixin):
    client_id: str
    client_secret: str

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> None:
        return None

    def get_allowed_scope(self, scope: str) -> str:
        allowed = {"openid", "profile", "email", "phone", "address"}
        return " ".join(s for s in (scope or "").split() if s in allowed)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        # Any site of a test or a demo, but only its sign-in callback.
        parts = urlsplit(redirect_uri or "")
        return parts.scheme in ("http", "https") and parts.path == CALLBACK_PATH

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(client_secret or "", self.client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in ("client_secret_post", "client_secret_basic")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class AuthorizationCode(AuthorizationCodeMixin):
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    person: dict[str, Any]
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int = field(default_factory=lambda: int(time.time()))
    expires_at: float = field(default_factory=lambda: time.time() + 300)

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> str:
        return ACR

    def get_amr(self) -> list[str]:
        return ["pwd", "otp"]


@dataclass
class AccessToken:
    access_token: str
    client_id: str
    scope: str
    person: dict[str, Any]
    expires_at: float

    def check_client(self, client: Client) -> bool:
        return client.client_id == self.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return int(self.expires_at - time.time())

    def is_expired(self) -> bool:
        return time.time() >= self.expires_at

    def is_revoked(self) -> bool:
        return False


def user_info(person: dict[str, Any], scope: str) -> UserInfo:
    """The claims of ``person`` the ``scope`` allows (``sub`` is a stable opaque id)."""
    claims: dict[str, Any] = {
        "sub": "vneid-" + person["so_dinh_danh"],
        "so_dinh_danh": person["so_dinh_danh"],
        "loai_tai_khoan": person.get("loai_tai_khoan", "cong_dan"),
    }
    scopes = set(scope.split())
    if "profile" in scopes:
        claims["name"] = person["name"]
        if person.get("birthdate"):
            claims["birthdate"] = person["birthdate"]
    if "address" in scopes and person.get("address"):
        claims["address"] = {"formatted": person["address"], "country": "VN"}
    if "phone" in scopes and person.get("phone_number"):
        claims["phone_number"] = person["phone_number"]
    if "email" in scopes and person.get("email"):
        claims["email"] = person["email"]
    return UserInfo(claims)


class FakeIdP:
    """The fake provider on ``host:port`` (port 0: any free port), run in a thread by
    ``start()`` (or as a context manager); ``issuer`` is its address."""

    def __init__(
        self,
        *,
        client_id: str = "motcua-demo",
        client_secret: str = "motcua-demo",
        host: str = "127.0.0.1",
        port: int = 0,
        people: list[dict[str, Any]] | None = None,
        key_file: str | Path | None = None,
    ):
        self.client = Client(client_id, client_secret)
        self.people = {p["so_dinh_danh"]: p for p in (people or DEMO_PEOPLE)}
        self.key = self._key(key_file)
        self.lock = threading.Lock()
        self.codes: dict[str, AuthorizationCode] = {}
        self.tokens: dict[str, AccessToken] = {}
        self._tamper_claims: dict[str, Any] = {}
        self._tamper_key: RSAKey | None = None
        self.server = ThreadingHTTPServer((host, port), _handler(self))
        self.server.daemon_threads = True
        self.thread: threading.Thread | None = None
        self.authorization = _authorization_server(self)
        self.resources = ResourceProtector()
        self.resources.register_token_validator(_TokenValidator(self))

    @staticmethod
    def _key(key_file: str | Path | None) -> RSAKey:
        if key_file and Path(key_file).exists():
            key = RSAKey.import_key(Path(key_file).read_text())
        else:
            key = RSAKey.generate_key(2048, private=True)
            if key_file:
                Path(key_file).write_text(key.as_pem(private=True).decode())
        key.ensure_kid()
        return key

    @property
    def issuer(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeIdP:
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> FakeIdP:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def tamper(self, *, claims: dict[str, Any] | None = None, key: RSAKey | None = None) -> None:
        """Make the ID tokens wrong on purpose (tests): ``claims`` override theirs (``aud``,
        ``exp``, ``nonce``…), ``key`` signs them instead of the published key."""
        with self.lock:
            self._tamper_claims = dict(claims or {})
            self._tamper_key = key

    def discovery(self) -> dict[str, Any]:
        issuer = self.issuer
        return {
            "issuer": issuer,
            "authorization_endpoint": f"{issuer}/authorize",
            "token_endpoint": f"{issuer}/token",
            "userinfo_endpoint": f"{issuer}/userinfo",
            "jwks_uri": f"{issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile", "email", "phone", "address"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "code_challenge_methods_supported": ["S256"],
            "grant_types_supported": ["authorization_code"],
            "claims_supported": [
                "sub",
                "so_dinh_danh",
                "loai_tai_khoan",
                "name",
                "birthdate",
                "address",
                "phone_number",
                "email",
                "acr",
            ],  # fmt: skip
            "acr_values_supported": [ACR],
        }

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.key.as_dict(private=False, use="sig", alg="RS256")]}


class _S256Only(CodeChallenge):
    """PKCE for every client (Authlib requires it of public clients only), S256 only."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]

    def validate_code_challenge(self, grant: Any, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge") or data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("PKCE with code_challenge_method=S256 is required")
        super().validate_code_challenge(grant, redirect_uri)


class _TokenValidator(BearerTokenValidator):
    def __init__(self, idp: FakeIdP):
        super().__init__()
        self.idp = idp

    def authenticate_token(self, token_string: str) -> AccessToken | None:
        with self.idp.lock:
            return self.idp.tokens.get(token_string)


def _authorization_server(idp: FakeIdP) -> AuthorizationServer:
    class CodeGrant(grants.AuthorizationCodeGrant):
        TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_post", "client_secret_basic"]

        def save_authorization_code(self, code: str, request: OAuth2Request) -> None:
            data = request.payload.data
            with idp.lock:
                idp.codes[code] = AuthorizationCode(
                    code=code,
                    client_id=request.client.get_client_id(),
                    redirect_uri=request.payload.redirect_uri,
                    scope=request.scope,
                    person=request.user,
                    nonce=data.get("nonce"),
                    code_challenge=data.get("code_challenge"),
                    code_challenge_method=data.get("code_challenge_method"),
                )

        def query_authorization_code(self, code: str, client: Client):
            with idp.lock:
                found = idp.codes.get(code)
            if found and found.client_id == client.client_id and found.expires_at > time.time():
                return found
            return None

        def delete_authorization_code(self, authorization_code: AuthorizationCode) -> None:
            with idp.lock:  # a code is used once: a replay finds nothing
                idp.codes.pop(authorization_code.code, None)

        def authenticate_user(self, authorization_code: AuthorizationCode) -> dict[str, Any]:
            return authorization_code.person

    class IdToken(OpenIDCode):
        def exists_nonce(self, nonce: str, request: OAuth2Request) -> bool:
            with idp.lock:
                return any(code.nonce == nonce for code in idp.codes.values())

        def resolve_client_private_key(self, client: Client) -> RSAKey:
            with idp.lock:
                return idp._tamper_key or idp.key

        def get_client_algorithm(self, client: Client) -> str:
            return "RS256"

        def get_encode_header(self, client: Client) -> dict[str, str]:
            key = self.resolve_client_private_key(client)
            return {"alg": "RS256", "kid": key.kid or ""}

        def get_client_claims(self, client: Client) -> dict[str, Any]:
            now = int(time.time())
            return {
                "iss": idp.issuer,
                "aud": [client.get_client_id()],
                "iat": now,
                "exp": now + 600,
            }

        def get_authorization_code_claims(self, authorization_code: AuthorizationCode):
            claims = super().get_authorization_code_claims(authorization_code)
            with idp.lock:
                return {**claims, **idp._tamper_claims}

        def generate_user_info(self, user: dict[str, Any], scope: str) -> UserInfo:
            return user_info(user, scope)

    class Server(AuthorizationServer):
        def query_client(self, client_id: str) -> Client | None:
            return idp.client if client_id == idp.client.client_id else None

        def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
            with idp.lock:
                idp.tokens[token["access_token"]] = AccessToken(
                    access_token=token["access_token"],
                    client_id=request.client.get_client_id(),
                    scope=token.get("scope", ""),
                    person=request.user,
                    expires_at=time.time() + int(token.get("expires_in", 3600)),
                )

        def create_oauth2_request(self, request: OAuth2Request) -> OAuth2Request:
            return request

        def handle_response(self, status: int, body: Any, headers: Any):
            return status, body, headers

        def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
            return None

    server = Server(scopes_supported=["openid", "profile", "email", "phone", "address"])
    server.register_token_generator("default", _bearer_token_generator())
    server.register_grant(CodeGrant, [_S256Only(required=True), IdToken(require_nonce=True)])
    return server


def _bearer_token_generator():
    from authlib.oauth2.rfc6750 import BearerTokenGenerator

    return BearerTokenGenerator(lambda *args, **kwargs: secrets.token_urlsafe(32))


class _Request(OAuth2Request):
    """An Authlib request from the handler's method, URL, headers and (query + form) data."""

    def __init__(self, method: str, uri: str, headers: dict[str, str], data: dict[str, str]):
        super().__init__(method, uri, headers=headers)
        self.payload = BasicOAuth2Payload(data)
        self._args = dict(parse_qsl(urlsplit(uri).query))
        self._form = data if method == "POST" else {}

    @property
    def args(self) -> dict[str, str]:
        return self._args

    @property
    def form(self) -> dict[str, str]:
        return self._form


PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập tài khoản định danh điện tử (giả lập)</title>
<style>
body{{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1a1a1a}}
header{{background:#b71c1c;color:#fff;padding:1rem}}
main{{max-width:36rem;margin:auto;padding:1rem}}
h1{{font-size:1.25rem;margin:0}} ul{{list-style:none;padding:0}}
li{{margin:.5rem 0}}
button{{width:100%;text-align:left;padding:.75rem 1rem;font-size:1rem;
border:1px solid #8a8a8a;border-radius:.4rem;background:#fff;cursor:pointer;color:#1a1a1a}}
button:focus,button:hover{{outline:3px solid #0b5cad}} .deny{{background:#eee}} small{{color:#444}}
</style></head><body><header><h1>VNeID – Đăng nhập một lần (giả lập / fake provider)</h1></header>
<main><p>Ứng dụng <strong>{client}</strong> yêu cầu thông tin định danh mức 2.
Chọn người đăng nhập:</p>
<form method="post"><input type="hidden" name="q" value="{query}"><ul>{people}</ul>
<p><button class="deny" type="submit" name="deny" value="1">Từ chối / Deny</button></p></form>
</main></body></html>"""


def _page(idp: FakeIdP, query: str) -> str:
    people = "".join(
        f'<li><button type="submit" name="person" value="{html.escape(p["so_dinh_danh"])}">'
        f"{html.escape(p['name'])}<br><small>{html.escape(p['so_dinh_danh'])}"
        f"{' · tổ chức' if p.get('loai_tai_khoan') == 'to_chuc' else ''}</small></button></li>"
        for p in idp.people.values()
    )
    return PAGE.format(
        client=html.escape(idp.client.client_id), query=html.escape(query), people=people
    )


def _handler(idp: FakeIdP) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

        def _send(self, status: int, body: Any, headers: Any = ()) -> None:
            if isinstance(body, (dict, list)):
                data = json.dumps(body, ensure_ascii=False).encode()
                content_type = "application/json; charset=utf-8"
            else:
                data = (body or "").encode()
                content_type = "text/html; charset=utf-8"
            self.send_response(status)
            sent = {name.lower() for name, _ in headers}
            for name, value in headers:
                self.send_header(name, value)
            if "content-type" not in sent:
                self.send_header("Content-Type", content_type)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _request(self, data: dict[str, str]) -> _Request:
            uri = idp.issuer + self.path
            return _Request(self.command, uri, dict(self.headers.items()), data)

        def _form(self) -> dict[str, str]:
            length = int(self.headers.get("Content-Length") or 0)
            return dict(parse_qsl(self.rfile.read(length).decode("utf-8", "replace")))

        def do_GET(self) -> None:
            path, _, query = self.path.partition("?")
            if path == "/.well-known/openid-configuration":
                return self._send(200, idp.discovery())
            if path == "/jwks":
                return self._send(200, idp.jwks())
            if path == "/authorize":
                request = self._request(dict(parse_qsl(query)))
                try:
                    idp.authorization.get_consent_grant(request)
                except OAuth2Error as error:
                    return self._send(400, dict(error.get_body()))
                return self._send(200, _page(idp, query))
            if path == "/userinfo":
                request = self._request({})
                try:
                    token = idp.resources.validate_request(["openid"], request)
                except OAuth2Error as error:
                    return self._send(error.status_code, dict(error.get_body()))
                return self._send(200, dict(user_info(token.person, token.scope)))
            return self._send(404, {"error": "not_found"})

        def do_POST(self) -> None:
            path = self.path.partition("?")[0]
            form = self._form()
            if path == "/authorize":
                query = form.get("q", "")
                request = self._request(dict(parse_qsl(query)))
                person = idp.people.get(form.get("person", ""))
                try:
                    grant = idp.authorization.get_consent_grant(request)
                except OAuth2Error as error:
                    return self._send(400, dict(error.get_body()))
                status, body, headers = idp.authorization.create_authorization_response(
                    request,
                    grant_user=None if form.get("deny") or not person else person,
                    grant=grant,
                )
                return self._send(status, body, headers)
            if path == "/token":
                status, body, headers = idp.authorization.create_token_response(self._request(form))
                return self._send(status, body, headers)
            return self._send(404, {"error": "not_found"})

    return Handler
