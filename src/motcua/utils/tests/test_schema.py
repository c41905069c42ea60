"""Finding 10 of issue #7: the OpenAPI document describes paginated envelopes and the error
answers as they are."""

import pytest
import yaml
from django.urls import reverse
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    with django_db_blocker.unblock():
        response = APIClient().get(reverse("api-schema"))
    assert response.status_code == 200
    document = yaml.safe_load(response.content)
    validate_schema(document)
    return document


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method.upper(), operation


def error_ref(response: dict) -> str:
    return response["content"]["application/json"]["schema"]["$ref"]


def test_the_officers_dossier_list_is_a_paginated_envelope(schema):
    ok = schema["paths"]["/api/dossiers/"]["get"]["responses"]["200"]
    name = ok["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    envelope = schema["components"]["schemas"][name]
    # DRF's envelope, and whether the count stopped at 10.000 (utils/pagination.py).
    assert set(envelope["properties"]) == {"count", "count_capped", "next", "previous", "results"}
    assert envelope["properties"]["count_capped"]["type"] == "boolean"
    assert envelope["properties"]["results"]["items"]["$ref"].endswith("/DossierListOut")
    for path in ("/api/procedures/", "/api/shortenings/"):
        ok = schema["paths"][path]["get"]["responses"]["200"]
        assert "Paginated" in ok["content"]["application/json"]["schema"]["$ref"], path


def test_the_error_component_is_the_real_shape(schema):
    error = schema["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    body = schema["components"]["schemas"]["ErrorBody"]
    assert set(body["properties"]) == {"code", "message", "details"}


def test_every_operation_documents_its_error_answers(schema):
    for path, method, operation in operations(schema):
        responses = operation["responses"]
        public = path.startswith("/api/public/")
        if not public:
            assert "403" in responses, (method, path)
        if "{" in path:
            assert "404" in responses, (method, path)
        if public and method == "POST":
            assert "429" in responses, (method, path)
        if method in ("POST", "PUT", "PATCH"):
            assert {"400", "409", "415"} <= set(responses), (method, path)
        for code, response in responses.items():
            if code >= "400":
                assert error_ref(response) == "#/components/schemas/Error", (method, path, code)
    submit = schema["paths"]["/api/public/dossiers/"]["post"]["responses"]
    assert "422" in submit


def test_answers_match_the_document(client, schema):
    refused = APIClient().get(reverse("api-dossiers"))
    assert refused.status_code == 403
    assert set(refused.json()) == {"error"}
    assert set(refused.json()["error"]) == {"code", "message", "details"}


def test_api_tokens_are_a_bearer_scheme(schema):
    scheme = schema["components"]["securitySchemes"]["apiToken"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert "basicAuth" not in schema["components"]["securitySchemes"]
