"""Pure rules of the electronic data store: no database, no clock."""

import datetime as dt


def is_valid(valid_until: dt.date | None, on: dt.date) -> bool:
    """A document is valid on ``on`` when it has no expiry or expires on that day or later
    (a document valid until 31/12 may still be used on 31/12)."""
    return valid_until is None or valid_until >= on
