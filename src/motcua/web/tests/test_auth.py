"""Login, logout and the officer home."""

import pytest
from django.urls import reverse

from motcua.web.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_renders(client, province):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_login_redirects_to_officer_home(client, controller):
    response = client.post(reverse("login"), {"username": "kiemsoat", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("officer-home")
    home = client.get(reverse("officer-home"))
    html = home.content.decode()
    assert "Xin chào, An Nguyễn Văn" in html
    assert "Cán bộ kiểm soát TTHC" in html
    assert "Sở Tài nguyên và Môi trường" in html
    assert reverse("officer-procedure-list") in html
    assert reverse("officer-shortening-list") in html


def test_wrong_password_shows_bilingual_error(client, controller):
    response = client.post(reverse("login"), {"username": "kiemsoat", "password": "sai"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_a_post_and_returns_to_catalog(client, controller):
    client.force_login(controller)
    page = client.get(reverse("officer-home")).content.decode()
    assert f'action="{reverse("logout")}"' in page
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("catalog")
    assert "_auth_user_id" not in client.session


def test_handler_home_offers_no_catalog_management(handler_client):
    html = handler_client.get(reverse("officer-home")).content.decode()
    assert "Chuyên viên xử lý" in html
    assert reverse("officer-procedure-list") not in html
    assert reverse("officer-decision-list") not in html


def test_officer_home_requires_login(client, db):
    response = client.get(reverse("officer-home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
