"""The one-server recipe of docs/operations.md, run: deploy/nginx.conf in front of
`motcua serve` started with deploy/motcua.env, HTTPS with a certificate made for the test.
Only addresses, ports and paths are changed from the committed files."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import requests
import urllib3

from motcua.testing import processes

pytestmark = pytest.mark.processes

DEPLOY = Path(__file__).resolve().parents[4] / "deploy"
HOST = "motcua.example.gov.vn"


def _env_file(path: Path, **changes: str) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    values.update(changes)
    return values


def _nginx_site(tmp: Path, http: int, https: int, app: int) -> str:
    site = (DEPLOY / "nginx.conf").read_text()
    site = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", site)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http};")
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;")
    site = site.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{app};")
    site = site.replace("/etc/ssl/motcua/", f"{tmp}/")
    return site


@pytest.fixture
def nginx_binary():
    for tool in ("nginx", "openssl"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            pytest.skip(f"{tool} is not installed (scripts/test-setup.sh installs it as root)")
    return shutil.which("nginx") or "/usr/sbin/nginx"


def test_the_one_server_recipe_serves_https_through_nginx(nginx_binary, tmp_path):
    http, https, app = (processes.free_port() for _ in range(3))
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={HOST}", "-keyout", tmp_path / "privkey.pem"]
        + ["-out", tmp_path / "fullchain.pem"],
        check=True,
        capture_output=True,
    )
    (tmp_path / "logs").mkdir()
    (tmp_path / "site.conf").write_text(_nginx_site(tmp_path, http, https, app))
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/logs/error.log;\n"
        "events {}\nhttp {\n"
        "  log_format ids '$request_id $status $request_uri';\n"
        f"  access_log {tmp_path}/logs/access.log ids;\n"
        f"  client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;\n"
        f"  fastcgi_temp_path {tmp_path}/f; uwsgi_temp_path {tmp_path}/u;\n"
        f"  scgi_temp_path {tmp_path}/s;\n"
        f"  include {tmp_path}/site.conf;\n}}\n"
    )
    data = tmp_path / "data"
    data.mkdir()
    env = _env_file(
        DEPLOY / "motcua.env",
        SECRET_KEY="a-secret-key-of-the-recipe-test-" + "x" * 30,
        DATABASE_URL=f"sqlite:///{data}/motcua.sqlite3",
        MOTCUA_DATA_DIR=str(data),
        MOTCUA_BIND=f"127.0.0.1:{app}",
        MOTCUA_WEB_WORKERS="2",
        LOG_LEVEL="WARNING",
    )
    base = processes.process_env(data)
    base.pop("DATABASE_URL")
    # motcua serve as the unit starts it, but migrating its own new database first.
    server = processes.Process(
        args=processes._motcua("serve"), env={**base, **env}, log=tmp_path / "serve.log"
    ).start()
    nginx = processes.Process(
        args=[nginx_binary, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
        + ["-g", "daemon off;"],
        env=base,
        log=tmp_path / "nginx.out",
    ).start()
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                ready = requests.get(
                    f"http://127.0.0.1:{http}/readyz", headers={"Host": HOST}, timeout=5
                )
                if ready.status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            stopped = any(p.popen.poll() is not None for p in (server, nginx))
            assert time.monotonic() < deadline and not stopped, server.output() + nginx.output()
            time.sleep(0.5)
        # Plain HTTP: the readiness probe is answered, everything else moves to HTTPS.
        assert ready.json() == {"status": "ok", "database": "ok", "storage": "ok"}
        moved = requests.get(
            f"http://127.0.0.1:{http}/", headers={"Host": HOST}, allow_redirects=False
        )
        assert moved.status_code == 301 and moved.headers["Location"] == f"https://{HOST}/"

        # The test's certificate names the site, not 127.0.0.1; per request, because
        # REQUESTS_CA_BUNDLE in the environment would override a session's setting.
        secure = requests.Session()
        page = secure.get(
            f"https://127.0.0.1:{https}/dang-nhap/", headers={"Host": HOST}, verify=False
        )
        assert page.status_code == 200, page.text[:500]
        # Django knows the request is HTTPS (X-Forwarded-Proto from nginx): HSTS and secure
        # cookies, no redirect loop.
        assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert "Secure" in page.headers["Set-Cookie"]
        # The request id is nginx's: the same in its log and in the response.
        request_id = page.headers["X-Request-ID"]
        assert re.fullmatch(r"[0-9a-f]{32}", request_id)
        time.sleep(0.2)
        assert f"{request_id} 200 /dang-nhap/" in (tmp_path / "logs/access.log").read_text()
        # Static files under hashed names, kept by browsers for a year.
        css = re.search(r'href="(/static/web/css/site\.[0-9a-f]{12}\.css)"', page.text)
        assert css, page.text[:1000]
        asset = secure.get(
            f"https://127.0.0.1:{https}{css.group(1)}", headers={"Host": HOST}, verify=False
        )
        assert asset.status_code == 200
        assert "max-age=315360000" in asset.headers["Cache-Control"]
    finally:
        nginx.kill()
        server.kill()


def test_the_systemd_units_are_valid(tmp_path):
    """`systemd-analyze verify` on the units, pointed at this checkout's command and
    environment file (the committed paths are those of a server)."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    command = Path(processes.sys.executable).with_name("motcua")
    names = {
        "motcua-web.service": "motcua-web.service",
        "motcua-worker@.service": "motcua-worker@1.service",
    }
    for source, target in names.items():
        unit = (DEPLOY / source).read_text()
        unit = unit.replace("/opt/motcua/.venv/bin/motcua", str(command))
        unit = unit.replace("/etc/motcua/motcua.env", str(DEPLOY / "motcua.env"))
        (tmp_path / target).write_text(unit)
    result = subprocess.run(
        [analyze, "verify", *(str(tmp_path / t) for t in names.values())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # "User=motcua" names a user this machine need not have: the only message allowed.
    problems = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and "motcua" not in line.split(":")[-1]
    ]
    assert result.returncode == 0 and not problems, result.stderr
