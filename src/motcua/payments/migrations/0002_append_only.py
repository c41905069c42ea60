from django.db import migrations

from motcua.utils.db import append_only


class Migration(migrations.Migration):
    """What the gateway said and the refunds recorded are never edited nor deleted, in the
    database too (the application role may only SELECT and INSERT them)."""

    dependencies = [("payments", "0001_initial")]
    operations = [
        append_only("payments_paymentnotification"),
        append_only("payments_refund"),
    ]
