"""An e-mail backend for the demo: one line per message (recipient and subject) instead of the
console backend's whole message."""

import sys

from django.core.mail.backends.base import BaseEmailBackend


class SummaryEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            sys.stdout.write(f"[E-mail] → {', '.join(message.to)}: {message.subject}\n")
        sys.stdout.flush()
        return len(email_messages)
