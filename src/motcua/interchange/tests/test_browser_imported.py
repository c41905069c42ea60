"""An imported open dossier carries on, in a real browser (issue #8 acceptance): the approver
assigns it to the handler, the handler forwards it, the approver approves, the desk returns the
result and records the applicant's evaluation. Screenshots in test-artifacts/."""

import re

import pytest
from django.urls import reverse

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.agencies.models import Agency
from motcua.dossiers.models import Dossier, Evaluation
from motcua.dossiers.workflow import State
from motcua.interchange.importer import package_import
from motcua.interchange.tests.packages import HISTORY, write_package
from motcua.testing.browser import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = "000.01.00.H12-240307-0002"  # open, at the city, waiting for a handler
CITY = "000.01.00.H12"


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}{reverse('login')}")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("pw-123456")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/can-bo/"))


def act(page, action, select=None, **fields):
    panel = page.locator(f"#action-{action}")
    panel.locator("summary").click()
    for label, value in (select or {}).items():
        panel.get_by_label(label, exact=False).select_option(label=value)
    for label, value in fields.items():
        panel.get_by_label(label, exact=False).fill(value)
    with page.expect_navigation():
        panel.locator("button[type=submit]").click()


def state_of(code) -> int:
    return Dossier.objects.get(code=code).state


def test_an_imported_open_dossier_is_finished_in_the_new_system(live_server, page, tmp_path):
    page.on("dialog", lambda dialog: dialog.accept())
    base = live_server.url
    package_import(path=write_package(tmp_path / "pkg", HISTORY))
    city = Agency.objects.get(code=CITY)
    names = {
        Role.INTAKE_OFFICER: "Lê Thị Thu",
        Role.HANDLER: "Nguyễn Văn An",
        Role.APPROVER: "Trần Minh Quân",
    }
    for role, name in names.items():
        User.objects.create_user(
            username=f"city-{role}", password="pw-123456", role=role, agency=city, full_name=name
        )

    # The approver, the agency's leader, finds it waiting and assigns it to the handler.
    log_in(page, base, f"city-{Role.APPROVER}")
    page.goto(f"{base}{reverse('officer-dossier-detail', args=[CODE])}")
    screenshot(page, "imported-1-waiting-for-a-handler")
    handler = User.objects.get(username=f"city-{Role.HANDLER}")
    page.locator("#action-assign summary").click()
    page.locator("#action-assign select").select_option(value=str(handler.pk))
    with page.expect_navigation():
        page.locator("#action-assign button[type=submit]").click()
    assert Dossier.objects.get(code=CODE).steps.get(order=1).assignee == handler
    screenshot(page, "imported-2-assigned")

    # The handler forwards it to the approval step; the approver approves.
    log_in(page, base, f"city-{Role.HANDLER}")
    page.goto(f"{base}{reverse('officer-dossier-list')}")
    page.get_by_role("link", name=CODE).first.click()
    act(page, "forward", **{"Ý kiến xử lý": "Hồ sơ đủ điều kiện"})
    screenshot(page, "imported-3-forwarded")
    log_in(page, base, f"city-{Role.APPROVER}")
    page.goto(f"{base}{reverse('officer-dossier-detail', args=[CODE])}")
    act(page, "approve", **{"Nội dung kết quả": "Cấp giấy chứng nhận quyền sử dụng đất"})
    assert state_of(CODE) == State.RESOLVED
    screenshot(page, "imported-4-approved")

    # The desk returns the result and records the applicant's evaluation.
    log_in(page, base, f"city-{Role.INTAKE_OFFICER}")
    page.goto(f"{base}{reverse('desk-returns')}")
    page.get_by_role("link", name=CODE).first.click()
    screenshot(page, "imported-5-at-the-returns-desk")
    act(page, "return_result")
    assert state_of(CODE) == State.RETURNED
    panel = page.locator("#action-evaluate")
    panel.locator("summary").click()
    for fieldset in panel.locator(".indicator fieldset, fieldset.indicator").all():
        fieldset.get_by_text("2 điểm", exact=False).first.click()
    with page.expect_navigation():
        panel.locator("button[type=submit]").click()
    evaluation = Evaluation.objects.get(dossier__code=CODE)
    # The desk scored the applicant's four indicators; the other five are computed.
    assert not evaluation.by_applicant
    assert [evaluation.one_stop, evaluation.publicity, evaluation.attitude] == [2, 2, 2]
    assert evaluation.feedback_handling == 2
    screenshot(page, "imported-6-returned-and-evaluated")
    actions = list(
        Dossier.objects.get(code=CODE).events.order_by("at", "pk").values_list("action", flat=True)
    )
    assert actions == ["assign", "forward", "approve", "return_result", "evaluate"]
