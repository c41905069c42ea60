"""Applicants in tests: an account, a client signed in as it (exactly as the real sign-in
leaves the session), and the fake identity provider on loopback."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client

from motcua.applicants.models import ApplicantAccount, ApplicantKind
from motcua.applicants.session import SESSION_KEY, STARTED_KEY
from motcua.integrations.fakeidp import FakeIdP


def applicant_create(
    identifier: str = "001085012345", full_name: str = "Nguyễn Văn An", **fields: Any
) -> ApplicantAccount:
    fields.setdefault("kind", ApplicantKind.PERSON)
    fields.setdefault("birth_date", dt.date(1985, 3, 12))
    return ApplicantAccount.objects.create(identifier=identifier, full_name=full_name, **fields)


def applicant_login(client: Client, account: ApplicantAccount) -> None:
    """Sign ``client`` in as ``account``: a fresh session holding only the applicant, as
    ``applicants.session.session_start`` leaves it after the provider's callback."""
    client.logout()  # flushes the session, as session_start does
    session = client.session
    session[SESSION_KEY] = account.pk
    session[STARTED_KEY] = int(time.time())
    session.save()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = session.session_key


@pytest.fixture
def fake_idp(settings) -> Iterator[FakeIdP]:
    """The fake provider on a free loopback port, with the site's settings pointing at it."""
    with FakeIdP(client_id="motcua-test", client_secret="test-secret") as idp:
        settings.MOTCUA_OIDC_ISSUER = idp.issuer
        settings.MOTCUA_OIDC_CLIENT_ID = "motcua-test"
        settings.MOTCUA_OIDC_CLIENT_SECRET = "test-secret"
        yield idp
