"""Static files: WhiteNoise's compressed, hashed names after ``collectstatic``, plain names
before it.

``motcua serve`` runs ``collectstatic``, which writes the manifest of hashed names
(``app.3f2a9c.css``) and their gzip and Brotli copies into ``STATIC_ROOT``; WhiteNoise then serves
them with a year's cache. Development servers and the tests run without collecting: with no
manifest the pages name the files as they are, and WhiteNoise finds them in the apps."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    # A file added after the last collectstatic is named plainly rather than failing the page.
    manifest_strict = False

    def stored_name(self, name: str) -> str:
        if not self.hashed_files:
            return name
        return super().stored_name(name)
