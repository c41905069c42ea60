"""One settings module, driven by environment variables with safe local defaults.

DATABASE_URL     default: SQLite in $MOTCUA_DATA_DIR/motcua.sqlite3
DATABASE_REPLICA_URL  optional: a read replica for reports (docs/scaling.md)
MOTCUA_DATA_DIR  default: ./var (uploads, generated documents, secret key)
SECRET_KEY       default: generated once into $MOTCUA_DATA_DIR/secret_key
ALLOWED_HOSTS    comma separated, default: localhost,127.0.0.1
DEBUG            "1"/"true" to enable; off by default

Files (uploads, slips, results, exports, decisions) live in $MOTCUA_DATA_DIR/media unless
MOTCUA_S3_BUCKET names a bucket of an S3-compatible object store (docs/storage.md):
MOTCUA_S3_BUCKET             the bucket (private; it must exist)
MOTCUA_S3_ENDPOINT_URL       MinIO, Ceph or another S3-compatible store; empty: AWS
MOTCUA_S3_REGION             the store's region (optional)
MOTCUA_S3_ACCESS_KEY_ID      credentials; empty: boto3's own chain (environment, instance role)
MOTCUA_S3_SECRET_ACCESS_KEY
MOTCUA_S3_PREFIX             folder inside the bucket (optional)
MOTCUA_S3_ADDRESSING_STYLE   "path" (default, MinIO) or "virtual"
MOTCUA_S3_URL_EXPIRE         seconds a signed link lives, default 300 (files are streamed
                             through authorised views; nothing shows a storage link)

Digital signatures (docs/signatures.md):
MOTCUA_SIGNING_KEYS          the key file (JSON), default $MOTCUA_DATA_DIR/pki/keys.json
MOTCUA_SIGNING_TRUST_ROOTS   more trusted root certificates (PEM files, separated by ":")
                             beside the province CA of the key file
MOTCUA_SIGNING_FONT          a TrueType font with Vietnamese glyphs for the stamps
"""

import datetime as dt
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from motcua.utils.logs import logging_config

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("MOTCUA_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("DEBUG")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "motcua.audit.admin_config.AuditedAdminConfig",  # django.contrib.admin, audited
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "motcua.utils",
    "motcua.jobs",
    "motcua.audit",
    "motcua.agencies",
    "motcua.accounts",
    "motcua.applicants",
    "motcua.calendar",
    "motcua.procedures",
    "motcua.dossiers",
    "motcua.datastore",
    "motcua.signing",
    "motcua.notifications",
    "motcua.feedback",
    "motcua.inspections",
    "motcua.handbook",
    "motcua.interchange",
    "motcua.portal",
    "motcua.reports",
    "motcua.demo",
    "motcua.web",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id (utils/logs.py).
    "motcua.utils.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Refuses NUL bytes and non-NFC text at the edge, before anything reaches the database.
    "motcua.utils.middleware.CleanInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "motcua.accounts.middleware.SessionLifetimeMiddleware",
    "motcua.audit.context.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "motcua.utils.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Overrides of other apps' templates (the admin's base_site: favicon).
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "motcua.web.context_processors.province",
                "motcua.applicants.context_processors.applicant",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL (``DATABASE_URL= motcua …``) means the default, like an unset one.
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'motcua.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
# A read replica (optional) for dashboards, drill-downs and exports (utils/replica.py); writes
# never go there. Under tests it is a mirror of the default database.
if _replica_url := os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        _replica_url, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0"))
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["motcua.utils.replica.ReplicaRouter"]
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        # JIT compilation adds ~0.3 s to every large list or report query and gains nothing
        # for this workload of short indexed queries.
        _database.setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while an import writes; a busy timeout instead of instant errors.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "officer-home"
LOGOUT_REDIRECT_URL = "catalog"

# Passwords (OWASP ASVS 4.0 L2, V2.1): at least 12 characters, long passphrases allowed (Django
# accepts any length up to the form's 4096), not like the user's name, not common, not digits.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes, ADR 0005): 5 wrong passwords for one username from one address
# lock that pair for 15 minutes, counted in the database so that every process sees them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("MOTCUA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("MOTCUA_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "motcua.utils.client.client_ip"
AXES_LOCKOUT_CALLABLE = "motcua.accounts.views.lockout_response"
AXES_VERBOSE = False
# Reverse proxies in front of the application (addresses or networks, comma separated): only
# their X-Forwarded-For is believed (utils/client.py).
MOTCUA_TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("MOTCUA_TRUSTED_PROXIES", "").split(",") if p.strip()
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["motcua.formats"]

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns about a missing folder
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"


def s3_storage(env: Mapping[str, str]) -> dict:
    """The default storage in the object store the ``MOTCUA_S3_*`` variables of ``env`` name.
    Objects are private (no ACL is sent: the bucket's, private, applies; many stores refuse
    ACLs anyway), never overwritten, and any URL asked of them is signed and short-lived."""
    from botocore.config import Config

    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env["MOTCUA_S3_BUCKET"],
            "endpoint_url": env.get("MOTCUA_S3_ENDPOINT_URL") or None,
            "region_name": env.get("MOTCUA_S3_REGION") or None,
            "access_key": env.get("MOTCUA_S3_ACCESS_KEY_ID") or None,
            "secret_key": env.get("MOTCUA_S3_SECRET_ACCESS_KEY") or None,
            "location": env.get("MOTCUA_S3_PREFIX", "").strip("/"),
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": int(env.get("MOTCUA_S3_URL_EXPIRE") or 300),
            # A download larger than this is buffered on disk, not in memory.
            "max_memory_size": FILE_UPLOAD_MAX_MEMORY_SIZE,
            # A store that is down fails a request within seconds (503), not minutes.
            "client_config": Config(
                s3={"addressing_style": env.get("MOTCUA_S3_ADDRESSING_STYLE") or "path"},
                signature_version="s3v4",
                connect_timeout=5,
                read_timeout=30,
                retries={"mode": "standard", "max_attempts": 3},
            ),
        },
    }


STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names once `collectstatic` has run (`motcua serve` runs it), so that
    # browsers may keep them for a year; plain names before (development, tests).
    "staticfiles": {"BACKEND": "motcua.utils.staticfiles.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: bounded, so a huge request is refused before it fills memory or disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MOTCUA_MAX_UPLOAD_BYTES = int(os.environ.get("MOTCUA_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
# Per request (utils/uploads.py checks every file of a request before storing any).
MOTCUA_MAX_UPLOAD_FILES = int(os.environ.get("MOTCUA_MAX_UPLOAD_FILES", "20"))
MOTCUA_MAX_UPLOAD_TOTAL_BYTES = int(
    os.environ.get("MOTCUA_MAX_UPLOAD_TOTAL_BYTES", 50 * 1024 * 1024)
)
# Django's own count, a backstop above ours: past it the parser stops with a 400 at once.
DATA_UPLOAD_MAX_NUMBER_FILES = max(100, MOTCUA_MAX_UPLOAD_FILES)
FILE_UPLOAD_HANDLERS = [
    "motcua.utils.uploads.RequestSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Files in an object store when a bucket is named (``s3_storage`` above).
if os.environ.get("MOTCUA_S3_BUCKET"):
    STORAGES["default"] = s3_storage(os.environ)

# Notifications. E-mail goes through Django's mail backends (console unless SMTP is configured);
# SMS through a pluggable backend (integrations/sms.py), console by default.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "motcua@localhost")
MOTCUA_SMS_BACKEND = os.environ.get("MOTCUA_SMS_BACKEND", "motcua.integrations.sms.ConsoleBackend")
MOTCUA_SMS_URL = os.environ.get("MOTCUA_SMS_URL", "")
# Slips: the place name of the date line (default: the province's name) and LibreOffice for PDF.
MOTCUA_SLIP_PLACE = os.environ.get("MOTCUA_SLIP_PLACE", "")
MOTCUA_SOFFICE = os.environ.get("MOTCUA_SOFFICE", "soffice")
# Public statistics: agencies with fewer resolved dossiers in the period are not ranked.
MOTCUA_PUBLIC_STATS_MIN_DOSSIERS = int(os.environ.get("MOTCUA_PUBLIC_STATS_MIN_DOSSIERS", "30"))
# The public address of the site, used in links sent to applicants.
# Signing keys and trusted roots of the PAdES signatures (motcua.signing, ADR 0012).
MOTCUA_SIGNING_KEYS = os.environ.get("MOTCUA_SIGNING_KEYS") or str(DATA_DIR / "pki" / "keys.json")
MOTCUA_SIGNING_TRUST_ROOTS = [
    p for p in os.environ.get("MOTCUA_SIGNING_TRUST_ROOTS", "").split(os.pathsep) if p.strip()
]
MOTCUA_SIGNING_FONT = os.environ.get("MOTCUA_SIGNING_FONT", "")

MOTCUA_PUBLIC_URL = os.environ.get("MOTCUA_PUBLIC_URL", "http://127.0.0.1:8000")
# The National Public Service Portal (docs/portal.md): its synchronisation address (unset: the
# exchange is off), the bearer token the province received, seconds before a request times out.
MOTCUA_PORTAL_URL = os.environ.get("MOTCUA_PORTAL_URL", "").rstrip("/")
MOTCUA_PORTAL_TOKEN = os.environ.get("MOTCUA_PORTAL_TOKEN", "")
# Applicants' sign-in through the national identity provider (OpenID Connect, ADR 0011,
# docs/applicants.md); ``motcua demo`` points the issuer at its ``motcua fakeidp``.
# Empty: no provider, and no sign-in offered to applicants.
MOTCUA_OIDC_ISSUER = os.environ.get("MOTCUA_OIDC_ISSUER", "").rstrip("/")
MOTCUA_OIDC_CLIENT_ID = os.environ.get("MOTCUA_OIDC_CLIENT_ID", "motcua-demo")
MOTCUA_OIDC_CLIENT_SECRET = os.environ.get("MOTCUA_OIDC_CLIENT_SECRET", "motcua-demo")
MOTCUA_OIDC_TIMEOUT = float(os.environ.get("MOTCUA_OIDC_TIMEOUT", "10"))
MOTCUA_PORTAL_TIMEOUT = float(os.environ.get("MOTCUA_PORTAL_TIMEOUT", "30"))

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "motcua.utils.schema.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        # Other systems: scoped tokens (accounts/tokens.py); no Basic auth (password guessing).
        "motcua.accounts.tokens.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "motcua.utils.api.exception_handler",
    # A throttle never believes X-Forwarded-For of its own (utils/ratelimit.py does, for
    # MOTCUA_TRUSTED_PROXIES only).
    "NUM_PROXIES": 0,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "motcua API",
    "DESCRIPTION": "API of the one-stop shop: public (/api/public/) and officers' (/api/).",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Two choice sets of fields named "kind": each keeps a name of its own.
    "ENUM_NAME_OVERRIDES": {
        "KindEnum": "motcua.procedures.models.DecisionKind",
        "FeedbackKindEnum": "motcua.feedback.models.FeedbackKind",
    },
}

# The cache holds the rate-limit counters, so it must be shared by all processes: the database
# (default; table created by `migrate`) or Redis when MOTCUA_REDIS_URL / REDIS_URL is set.
_REDIS_URL = os.environ.get("MOTCUA_REDIS_URL") or os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _REDIS_URL}
        if _REDIS_URL
        else {
            "BACKEND": "motcua.utils.cache.DatabaseCache",
            "LOCATION": "motcua_cache",
            # Past this many rows the expired ones are deleted (live ones only if still above:
            # far more than the live counters of normal use; each write counts the rows).
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    )
}
# Addresses (or CIDR networks) of the reverse proxies in front of the application. Only a
# request coming from one of them has its X-Forwarded-For header believed; the client is then
# the right-most address of that header that is not a trusted proxy.
MOTCUA_TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("MOTCUA_TRUSTED_PROXIES", "").split(",") if p.strip()
]
# Rate limits of the public pages and API, "<count>/<seconds>" (utils/ratelimit.py).
MOTCUA_RATE_LIMITS = {
    # Wrong secrets for one dossier code, from anyone; then the code is closed for the window
    # and its applicant is told once.
    "lookup_code": os.environ.get("MOTCUA_LOOKUP_LIMIT_PER_CODE", "5/3600"),
    # Wrong secrets from one client address (higher: carrier NAT puts many phones behind one).
    "lookup_address": os.environ.get("MOTCUA_LOOKUP_LIMIT_PER_ADDRESS", "30/3600"),
    # Online submissions from one client address.
    "submit_address": os.environ.get("MOTCUA_SUBMIT_LIMIT_PER_ADDRESS", "10/3600"),
    # Feedback (PAKN) sent from one client address (public form and API).
    "feedback_address": os.environ.get("MOTCUA_FEEDBACK_LIMIT_PER_ADDRESS", "10/3600"),
    # Messages an anonymous caller can cause (receipts of online submissions, failed-lookup
    # warnings) to one phone number or e-mail address; beyond it nobody is messaged.
    "unverified_contact": os.environ.get("MOTCUA_UNVERIFIED_CONTACT_LIMIT", "3/86400"),
    # Refused applicant sign-ins (a bad or replayed callback) from one client address; beyond
    # it the callback is not even checked, and nothing more is written to the audit trail.
    "sign_in_address": os.environ.get("MOTCUA_SIGN_IN_LIMIT_PER_ADDRESS", "20/3600"),
    # Questions asked in the handbook's Q&A from one client address.
    "question_address": os.environ.get("MOTCUA_QUESTION_LIMIT_PER_ADDRESS", "5/3600"),
    # Verifications of signed documents (/xac-thuc/) from one client address.
    "verify_address": os.environ.get("MOTCUA_VERIFY_LIMIT_PER_ADDRESS", "30/3600"),
}

SESSION_COOKIE_HTTPONLY = True
# Sessions end after 30 minutes without a request (the cookie's age, renewed by every request)
# and 12 hours after login whatever happens (accounts/middleware.py).
SESSION_COOKIE_AGE = int(os.environ.get("MOTCUA_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
MOTCUA_SESSION_MAX_AGE = int(os.environ.get("MOTCUA_SESSION_MAX_HOURS", "12")) * 3600
SESSION_COOKIE_SECURE = _env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = _env_bool("SECURE_COOKIES")

# Security headers (docs/operations.md). The Content-Security-Policy is sent on every page, in
# development too, so that the browser tests catch an inline script: scripts, styles and
# everything else from this site only; no plugins, no framing, forms post here only. Swagger UI
# (/api/docs/) alone also allows its inline styles (urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# Behind HTTPS (SECURE_COOKIES=1, as in production): redirect plain HTTP, HSTS for a year with
# subdomains, and trust the reverse proxy's X-Forwarded-Proto (it must set it, and strip the
# client's). Preload is a separate decision of the domain's owner (SECURE_HSTS_PRELOAD=1).
if _env_bool("SECURE_COOKIES"):
    SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = _env_bool("SECURE_HSTS_PRELOAD")
    if not SECURE_HSTS_PRELOAD:
        # The site runs on a subdomain of the province's domain: whether the whole registrable
        # domain goes on the browsers' preload list is its owner's decision, not this
        # application's, so check --deploy's advice to preload does not apply by default.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The load balancer asks over plain HTTP on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Logs on the console (journald under systemd), each line with its request's id; JSON lines
# with MOTCUA_LOG_FORMAT=json (as deploy/motcua.env sets it), else text.
LOGGING = logging_config(
    level=os.environ.get("LOG_LEVEL", "WARNING"),
    fmt=os.environ.get("MOTCUA_LOG_FORMAT", "text"),
)
