"""Browser tests: Playwright driving Debian's chromium (``playwright install`` cannot download
browsers here). Where chromium is missing the tests skip and say why, except on CI, where a
missing browser is a failure: CI never skips them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("MOTCUA_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = Path(os.environ.get("MOTCUA_TEST_ARTIFACTS", "test-artifacts"))


def require(what: str, available: bool) -> None:
    """Skip (visibly) when ``what`` is missing; on CI fail instead."""
    if available:
        return
    message = f"{what} is not installed (make test installs it when run as root)"
    if os.environ.get("CI"):
        pytest.fail(f"CI must not skip: {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_browser():
    require(f"chromium ({CHROMIUM})", Path(CHROMIUM).exists() or bool(shutil.which(CHROMIUM)))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dev dependency
        require("the playwright Python package", False)
    # Playwright's sync API runs an event loop in this thread; the Django ORM used by the test
    # itself (fixtures, assertions) is still synchronous and safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def csp_violations() -> list[str]:
    """What the browser refused under the Content-Security-Policy, as it logged it."""
    return []


@pytest.fixture
def page(chromium_browser, csp_violations, request):
    context = chromium_browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    # Every page sends a strict Content-Security-Policy; a script or style it refuses (an
    # inline one someone added) is logged by the browser and fails the test.
    violations = csp_violations
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert not violations, f"Content-Security-Policy violations: {violations}"


def screenshot(page, name: str) -> Path:
    """Keep a screenshot as a test artefact (test-artifacts/<name>.png)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
