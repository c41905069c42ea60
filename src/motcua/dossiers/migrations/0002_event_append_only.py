from django.db import migrations

from motcua.utils.db import append_only


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]
    operations = [append_only("dossiers_dossierevent")]
