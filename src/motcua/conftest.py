"""Shared pytest fixtures."""

import pytest

from motcua.testing.applicants import fake_idp  # noqa: F401  (fixture)
from motcua.testing.browser import (  # noqa: F401  (fixtures)
    accessibility_violations,
    axe_script,
    chromium_browser,
    csp_violations,
    page,
)
from motcua.testing.signing import pki  # noqa: F401  (fixture)
from motcua.testing.storage import (  # noqa: F401  (fixtures)
    file_storage,
    s3_server,
    storage_backends,
)


def pytest_generate_tests(metafunc):
    """A test marked ``storage`` runs against the local folder and the S3 server (unless it
    names its own ``file_storage``)."""
    own = any(
        "file_storage" in marker.args[0]
        for marker in metafunc.definition.iter_markers("parametrize")
    )
    if metafunc.definition.get_closest_marker("storage") and not own:
        metafunc.parametrize("file_storage", storage_backends(), indirect=True)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes uploads and generated documents into its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Hashing with PBKDF2 costs a third of a second per user; tests do not need it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """Rate limits and caches start empty in every test. The cache lives in the database, so
    only a test that may use the database can have anything in it to clear."""
    if not (
        request.node.get_closest_marker("django_db")
        or {"db", "transactional_db"} & set(request.fixturenames)
    ):
        return
    request.getfixturevalue(
        "transactional_db" if "transactional_db" in request.fixturenames else "db"
    )
    from django.core.cache import cache

    cache.clear()
