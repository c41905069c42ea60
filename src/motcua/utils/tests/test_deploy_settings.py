"""Issue #7 acceptance: ``motcua check --deploy`` is clean with the production environment of
docs/operations.md, and that environment switches the production headers on."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[4] / "docs" / "operations.md"


def production_environment(tmp_path) -> dict[str, str]:
    """The variables of the production block of docs/operations.md, with a fresh secret."""
    text = DOCS.read_text()
    block = text.split("<!-- production-environment -->", 2)[1]
    env = dict(re.findall(r"^([A-Z_]+)=(\S+)", block, re.MULTILINE))
    assert {"DEBUG", "SECURE_COOKIES", "SECRET_KEY", "ALLOWED_HOSTS"} <= set(env)
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    env.pop("DATABASE_URL", None)  # the checks need no database; the test's folder has one
    env["MOTCUA_DATA_DIR"] = str(tmp_path)
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    return {**keep, **env}


def run(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        env=production_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean(tmp_path):
    result = run(tmp_path, "-m", "motcua", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client()
# A view that needs no database (the test's data folder has none): changing the language.
plain = client.post("/i18n/setlang/", {"language": "en"}, HTTP_HOST="motcua.example.gov.vn")
secure = client.post("/i18n/setlang/", {"language": "en"}, HTTP_HOST="motcua.example.gov.vn",
                     HTTP_X_FORWARDED_PROTO="https")
print(json.dumps({"plain": plain.status_code, "location": plain.get("Location", ""),
                  "secure": secure.status_code, "headers": dict(secure.headers)}))
"""


def test_production_headers(tmp_path):
    env_run = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**production_environment(tmp_path), "DJANGO_SETTINGS_MODULE": "motcua.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert env_run.returncode == 0, env_run.stderr
    seen = json.loads(env_run.stdout.strip().splitlines()[-1])
    assert seen["plain"] == 301
    assert seen["location"].startswith("https://motcua.example.gov.vn/")
    headers = seen["headers"]
    assert seen["secure"] == 302
    hsts = headers["Strict-Transport-Security"]
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 365 * 24 * 3600
    assert "includeSubDomains" in hsts
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Permissions-Policy" in headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_an_empty_database_url_means_the_default(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}},
        "DATABASE_URL": "",
        "MOTCUA_DATA_DIR": str(tmp_path),
    }
    probe = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['NAME'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "motcua.settings",
            "PYTHONPATH": str(Path(__file__).resolve().parents[3]),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "motcua.sqlite3")
