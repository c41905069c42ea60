from decimal import Decimal

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from motcua.dossiers.models import CounterVisit, Dossier, ProcessTemplate, ProcessTemplateStep
from motcua.dossiers.services import process_template_check
from motcua.utils.errors import DomainError


class StepFormSet(BaseInlineFormSet):
    """At least one step; orders distinct; the budgets (steps and the desk's transfer) add up to
    the procedure's time limit (``process_template_check``)."""

    def clean(self):
        super().clean()
        orders = [
            form.cleaned_data["order"]
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not orders:
            raise ValidationError("Quy trình cần ít nhất một bước. / At least one step.")
        if len(orders) != len(set(orders)):
            raise ValidationError("Thứ tự các bước bị trùng. / Step orders repeat.")
        template = self.instance  # built from the template's form before the steps are checked
        if getattr(template, "procedure_id", None) is None:
            return
        try:
            process_template_check(
                procedure=template.procedure,
                step_hours=[
                    form.cleaned_data["budget_hours"]
                    for form in self.forms
                    if form.cleaned_data and not form.cleaned_data.get("DELETE")
                ],
                transfer_hours=template.transfer_budget_hours or Decimal(0),
            )
        except DomainError as error:
            raise ValidationError(f"{error.message_vi} / {error.message_en}") from error


class ProcessTemplateStepInline(admin.TabularInline):
    model = ProcessTemplateStep
    formset = StepFormSet
    extra = 1
    autocomplete_fields = ["agency"]


@admin.register(ProcessTemplate)
class ProcessTemplateAdmin(admin.ModelAdmin):
    list_display = ["procedure", "transfer_budget_hours", "updated_at"]
    search_fields = ["procedure__code", "procedure__name"]
    autocomplete_fields = ["procedure"]
    inlines = [ProcessTemplateStepInline]


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    """Read-only: dossiers change only through the services (and their history)."""

    list_display = ["code", "procedure", "agency", "state", "received_at", "due_at", "ended_at"]
    list_filter = ["state", "channel"]
    search_fields = ["code", "applicant_name"]
    list_select_related = ["procedure", "agency"]
    show_full_result_count = False
    # The admin would link a file to its storage URL; files are read on the dossier's page.
    exclude = ["result_file"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CounterVisit)
class CounterVisitAdmin(DossierAdmin):
    """Read-only: the counter's guidance and refusals, recorded by the desk's service."""

    list_display = ["at", "desk", "procedure", "outcome", "applicant_name", "officer"]
    list_filter = ["outcome"]
    search_fields = ["applicant_name"]
    list_select_related = ["desk", "procedure", "officer"]
    date_hierarchy = "at"
    exclude = ["docx", "pdf"]
