"""Django's own error answers speak the API's error shape under /api/ and stay pages elsewhere
(issue #7: schemathesis found HTML 404s for API paths no URL pattern matched)."""

import pytest


@pytest.mark.django_db
def test_an_unmatched_api_path_answers_the_error_shape(client):
    response = client.get("/api/decisions/null%2Cnull/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.django_db
def test_an_unmatched_page_path_is_still_the_404_page(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
