"""Browser tests: Playwright driving Debian's chromium (``playwright install`` cannot download
browsers here). Where chromium is missing the tests skip and say why, except on CI, where a
missing browser is a failure: CI never skips them."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from importlib import resources
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
# The rules of WCAG 2.1 levels A and AA that axe-core checks.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_MARK = "motcua-axe:"
# Runs axe-core on every HTML page once it has loaded and logs its WCAG violations to the
# console, where the page fixture collects them. Injected with the page's init scripts (a CDP
# evaluation, not a <script> of the page: the strict CSP neither refuses nor hides it, and the
# CSP check keeps working). ``window.motcuaAxe`` is the promise of that run.
AXE_RUNNER = """
(() => {
  // Not in frames, nor on the API's pages (its Swagger UI is a third-party page).
  if (window !== window.top || location.pathname.startsWith("/api/")) return;
  window.motcuaRunAxe = () => {
    window.motcuaAxe = window.axe
      .run(document, {runOnly: {type: "tag", values: __TAGS__}, resultTypes: ["violations"]})
      .then((results) => {
        const found = results.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
        }));
        console.log("__MARK__" + JSON.stringify({url: location.href, violations: found}));
        return found;
      });
    return window.motcuaAxe;
  };
  window.addEventListener("load", () => {
    if (document.contentType !== "text/html" || !window.axe) return;
    window.motcuaRunAxe();
  });
})();
""".replace("__TAGS__", json.dumps(WCAG_TAGS)).replace("__MARK__", AXE_MARK)


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


def axe_source() -> str:
    """axe-core as shipped in the axe-playwright-python wheel (nothing is downloaded)."""
    try:
        return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text()
    except ModuleNotFoundError:  # pragma: no cover - a dev dependency
        require("the axe-playwright-python package (axe-core)", False)
        raise


@pytest.fixture(scope="session")
def axe_script() -> str:
    return axe_source() + "\n" + AXE_RUNNER


@pytest.fixture
def accessibility_violations() -> list[dict]:
    """The WCAG 2.1 A/AA violations axe-core found on the pages the test visited."""
    return []


def check_accessibility(page) -> list[dict]:
    """Waits for axe-core's run on the current page and returns its violations (they are also
    collected by the page fixture, which fails the test on any)."""
    page.wait_for_function(
        "() => document.readyState === 'complete' && (window.motcuaAxe"
        " || location.pathname.startsWith('/api/') || document.contentType !== 'text/html')"
    )
    return page.evaluate("() => window.motcuaAxe || []")


def recheck_accessibility(page) -> list[dict]:
    """axe-core again on the page as it is now (after an htmx swap, an opened panel)."""
    check_accessibility(page)
    return page.evaluate("() => window.motcuaRunAxe ? window.motcuaRunAxe() : []")


@pytest.fixture
def page(chromium_browser, csp_violations, accessibility_violations, axe_script, request):
    context = chromium_browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 900}
    )
    # axe-core runs on every page the test loads (AXE_RUNNER).
    context.add_init_script(script=axe_script)
    page = context.new_page()
    page.set_default_timeout(15_000)
    # Every page sends a strict Content-Security-Policy; a script or style it refuses (an
    # inline one someone added) is logged by the browser and fails the test.
    violations = csp_violations

    def on_console(message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            violations.append(message.text)
        elif message.text.startswith(AXE_MARK):
            report = json.loads(message.text.removeprefix(AXE_MARK))
            accessibility_violations.extend(
                {"url": report["url"], **found} for found in report["violations"]
            )

    page.on("console", on_console)
    yield page
    # The last page's run may still be going on.
    if page.url.startswith("http"):
        # A page that is not HTML has no run to wait for.
        with contextlib.suppress(Exception):
            check_accessibility(page)
    context.close()
    assert not violations, f"Content-Security-Policy violations: {violations}"
    assert not accessibility_violations, "WCAG 2.1 A/AA violations (axe-core):\n" + "\n".join(
        json.dumps(found, ensure_ascii=False) for found in accessibility_violations
    )


def screenshot(page, name: str) -> Path:
    """Keep a screenshot as a test artefact (test-artifacts/<name>.png)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    check_accessibility(page)
    page.screenshot(path=str(path), full_page=True)
    return path
