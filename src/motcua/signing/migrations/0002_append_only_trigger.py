from django.db import migrations

from motcua.utils.db import append_only


class Migration(migrations.Migration):
    dependencies = [("signing", "0001_signature")]
    operations = [append_only("signing_signature")]
