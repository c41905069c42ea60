"""An e-mail backend for the demo: one line per message (recipient and subject) instead of the
console backend's whole message."""

import sys

from django.core.mail.backends.base import BaseEmailBackend


def masked(address: str) -> str:
    """``lienhe507@example.vn`` → ``l********@example.vn``: a console is no place for addresses."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}{'*' * max(len(local) - 1, 0)}@{domain}" if domain else "***"


class SummaryEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            recipients = ", ".join(masked(address) for address in message.to)
            sys.stdout.write(f"[E-mail] → {recipients}: {message.subject}\n")
        sys.stdout.flush()
        return len(email_messages)
