"""Domain errors: plain exceptions that know nothing of the web.

Services raise ``DomainError`` with a Vietnamese and an English message; the API maps it to the
one error shape (``utils/api.py``), the pages to a form error in the page's language.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation


class DomainError(Exception):
    """A business rule refused the request."""

    status_code = 409

    def __init__(
        self,
        message_vi: str,
        message_en: str,
        code: str = "conflict",
        status_code: int | None = None,
        details: Any = None,
    ):
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi, self.message_en, self.code = message_vi, message_en, code
        self.details = details
        if status_code:
            self.status_code = status_code

    @property
    def message(self) -> str:
        """The message in the active language (a Vietnamese page speaks Vietnamese only)."""
        language = translation.get_language() or "vi"
        return self.message_en if language.startswith("en") else self.message_vi

    @property
    def bilingual(self) -> str:
        return f"{self.message_vi} / {self.message_en}"
