from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from motcua.dossiers.models import Dossier, ProcessTemplate, ProcessTemplateStep


class StepFormSet(BaseInlineFormSet):
    """At least one step; orders distinct (the budgets are checked against the time limit on the
    template page, as a warning: a province may deliberately keep a reserve)."""

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


class ProcessTemplateStepInline(admin.TabularInline):
    model = ProcessTemplateStep
    formset = StepFormSet
    extra = 1
    autocomplete_fields = ["agency"]


@admin.register(ProcessTemplate)
class ProcessTemplateAdmin(admin.ModelAdmin):
    list_display = ["procedure", "updated_at"]
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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
