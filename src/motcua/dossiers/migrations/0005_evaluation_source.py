"""Evaluations: the applicant's and the desk's on their behalf kept apart (``source``), with the
facts of the computed indicators (``computed``). Stored rows keep their nine typed scores."""

import django.db.models.deletion
from django.db import migrations, models


def forwards(apps, schema_editor):
    Evaluation = apps.get_model("dossiers", "Evaluation")
    Evaluation.objects.filter(by_applicant=False).update(source="desk_on_behalf")


def backwards(apps, schema_editor):
    Evaluation = apps.get_model("dossiers", "Evaluation")
    Evaluation.objects.filter(source="desk_on_behalf").update(by_applicant=False)


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0004_rules_transfer_budget"),
    ]

    operations = [
        migrations.AddField(
            model_name="evaluation",
            name="source",
            field=models.CharField(
                choices=[
                    ("applicant", "Người nộp tự đánh giá"),
                    ("desk_on_behalf", "Cán bộ ghi thay người nộp"),
                ],
                default="applicant",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="evaluation",
            name="computed",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="evaluation", name="by_applicant"),
        migrations.AlterField(
            model_name="evaluation",
            name="dossier",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="evaluations",
                to="dossiers.dossier",
            ),
        ),
        migrations.AddConstraint(
            model_name="evaluation",
            constraint=models.UniqueConstraint(
                fields=("dossier", "source"), name="evaluation_one_per_source"
            ),
        ),
    ]
