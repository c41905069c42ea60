"""Issue #7, finding 8: every page sends a strict Content-Security-Policy and has no inline
script, event handler or style the policy would refuse; production headers come with
SECURE_COOKIES."""

import pytest
from django.urls import reverse

from motcua.accounts.models import User
from motcua.testing.pages import INLINE_SCRIPT, assert_strict_page, policy

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    ("catalog", []),
    ("public-dossier-lookup", []),
    ("public-statistics", []),
    ("login", []),
]
OFFICER_PAGES = [
    ("officer-home", []),
    ("officer-procedure-list", []),
    ("officer-procedure-create", []),
    ("officer-decision-list", []),
    ("officer-decision-create", []),
    ("officer-shortening-list", []),
    ("officer-dossier-list", []),
    ("reports-dashboard", []),
]


@pytest.mark.parametrize(("name", "args"), PUBLIC_PAGES)
def test_public_pages_are_strict(client, catalog, name, args):
    assert_strict_page(client.get(reverse(name, args=args)))


def test_procedure_page_is_strict(client, catalog):
    assert_strict_page(client.get(reverse("procedure-detail", args=[catalog["land"].code])))


@pytest.mark.parametrize(("name", "args"), OFFICER_PAGES)
def test_officer_pages_are_strict(controller_client, catalog, name, args):
    assert_strict_page(controller_client.get(reverse(name, args=args)))


def test_admin_pages_are_strict(client, catalog):
    client.force_login(User.objects.create_superuser(username="root", password="x-long-pass-1"))
    for url in ("/admin/", "/admin/procedures/decision/add/", "/admin/procedures/procedure/"):
        response = client.get(url)
        assert response.status_code == 200
        assert policy(response)["script-src"] == ["'self'"]
        assert not INLINE_SCRIPT.findall(response.content.decode())


def test_api_docs_relax_styles_only(client):
    page = client.get("/api/docs/")
    assert page.status_code == 200
    directives = policy(page)
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert not INLINE_SCRIPT.findall(page.content.decode())
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
