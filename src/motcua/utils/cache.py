"""The database cache, made safe for counting.

Django's ``DatabaseCache.incr`` reads the value, adds and writes it back with the default
timeout: two processes counting at once both write ``n + 1`` (an attacker's parallel requests
would be counted once), and every count moves the expiry of a rate-limit window. Here ``incr``
locks the row, adds in the same transaction and keeps the expiry, as Redis does.
"""

from __future__ import annotations

import base64
import pickle

from django.core.cache.backends import db
from django.db import connections, models, router, transaction
from django.utils.timezone import now as tz_now


class DatabaseCache(db.DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        qn = connection.ops.quote_name
        table = qn(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {qn('value')}, {qn('expires')} FROM {table} "
                f"WHERE {qn('cache_key')} = %s{lock}",
                [key],
            )
            row = cursor.fetchone()
            if row is None or _expires(row[1], connection) < tz_now():
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode()))
            value += delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {qn('value')} = %s WHERE {qn('cache_key')} = %s",
                [encoded, key],
            )
        return value

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version=version)


def _expires(value, connection):
    expression = models.Expression(output_field=models.DateTimeField())
    for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(
        connection
    ):
        value = converter(value, expression, connection)
    return value
