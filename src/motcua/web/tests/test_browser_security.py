"""The Content-Security-Policy in a real browser: the page fixture fails a test on any
violation the browser logs."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_swagger_ui_works_under_its_policy(live_server, page):
    page.goto(f"{live_server.url}/api/docs/")
    page.locator(".swagger-ui .info .title").wait_for()
    page.locator(".opblock").first.wait_for()


@pytest.mark.django_db(transaction=True)
def test_an_inline_script_would_be_caught(live_server, page, csp_violations):
    """The check itself: an inline script added to a page is refused and seen."""
    page.goto(f"{live_server.url}/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.ran === undefined")
    assert csp_violations
    csp_violations.clear()
