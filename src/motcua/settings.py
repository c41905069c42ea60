"""One settings module, driven by environment variables with safe local defaults.

DATABASE_URL     default: SQLite in $MOTCUA_DATA_DIR/motcua.sqlite3
MOTCUA_DATA_DIR  default: ./var (uploads, generated documents, secret key)
SECRET_KEY       default: generated once into $MOTCUA_DATA_DIR/secret_key
ALLOWED_HOSTS    comma separated, default: localhost,127.0.0.1
DEBUG            "1"/"true" to enable; off by default
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "motcua.utils",
    "motcua.audit",
    "motcua.agencies",
    "motcua.accounts",
    "motcua.calendar",
    "motcua.procedures",
    "motcua.dossiers",
    "motcua.notifications",
    "motcua.feedback",
    "motcua.inspections",
    "motcua.interchange",
    "motcua.reports",
    "motcua.demo",
    "motcua.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Refuses NUL bytes and non-NFC text at the edge, before anything reaches the database.
    "motcua.utils.middleware.CleanInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "motcua.web.context_processors.province",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'motcua.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation adds ~0.3 s to every large list or report query and gains nothing for
    # this workload of short indexed queries.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: bounded, so a huge request is refused before it fills memory or disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MOTCUA_MAX_UPLOAD_BYTES = int(os.environ.get("MOTCUA_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))

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
MOTCUA_PUBLIC_URL = os.environ.get("MOTCUA_PUBLIC_URL", "http://127.0.0.1:8000")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
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
    # Messages an anonymous caller can cause (receipts of online submissions, failed-lookup
    # warnings) to one phone number or e-mail address; beyond it nobody is messaged.
    "unverified_contact": os.environ.get("MOTCUA_UNVERIFIED_CONTACT_LIMIT", "3/86400"),
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = _env_bool("SECURE_COOKIES")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
