"""Django admin for the catalog. Procedures are saved through ``procedure_save`` (fields and
components together, as one amendment) so that the admin keeps versions like every other path."""

from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Province
from motcua.procedures.models import (
    Decision,
    Procedure,
    ProcedureComponent,
    ProcedureVersion,
    Shortening,
)
from motcua.procedures.selectors import shortening_list
from motcua.procedures.services import (
    DECISION_FIELDS,
    SHORTENING_FIELDS,
    decision_delete,
    decision_save,
    procedure_save,
    shortening_delete,
    shortening_save,
)
from motcua.utils.formatting import vn_number
from motcua.utils.uploads import StoredFileInput

COMPONENT_FIELDS = ("name", "originals", "copies", "required", "form_name", "document_kind")


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["number", "date", "kind", "title"]
    list_filter = ["kind"]
    search_fields = ["number", "title"]
    date_hierarchy = "date"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "file":
            kwargs["widget"] = StoredFileInput(
                lambda file: reverse("decision-file", args=[file.instance.pk])
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        upload = form.cleaned_data.get("file")
        saved = decision_save(
            decision=obj if change else None,
            values={name: form.cleaned_data[name] for name in DECISION_FIELDS},
            file=upload if isinstance(upload, UploadedFile) else None,
            clear_file=upload is False,
            actor=request.user,
        )
        obj.pk, obj.file = saved.pk, saved.file

    def delete_model(self, request, obj) -> None:
        decision_delete(decision=obj, actor=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for decision in queryset:
            decision_delete(decision=decision, actor=request.user)


class ProcedureComponentInline(admin.TabularInline):
    model = ProcedureComponent
    fields = COMPONENT_FIELDS
    extra = 1


class ProcedureVersionInline(admin.TabularInline):
    """Versions are history: shown, never edited."""

    model = ProcedureVersion
    fields = ["number", "valid_from", "decision", "processing_days", "day_unit", "fee_vnd"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "field", "online_level", "status", "version"]
    list_filter = ["status", "level", "online_level", "authority", "national_portal"]
    search_fields = ["code", "name", "search_text"]
    autocomplete_fields = ["agency", "decision"]
    readonly_fields = ["version"]
    inlines = [ProcedureComponentInline, ProcedureVersionInline]
    list_select_related = ["agency"]

    def get_readonly_fields(self, request, obj=None):
        # The code identifies the procedure in URLs, dossiers and the national portal.
        return ["code", "version"] if obj else ["version"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Versions (and dossiers) point at procedures; abolish instead of deleting.
        return False

    def save_model(self, request, obj, form, change) -> None:
        # Saved in save_related, together with the components, as one version.
        pass

    def save_related(self, request, form, formsets, change) -> None:
        components_formset = next(f for f in formsets if f.model is ProcedureComponent)
        components = [
            {name: data[name] for name in COMPONENT_FIELDS}
            for data in components_formset.cleaned_data
            if data and not data.get("DELETE")
        ]
        values = {
            name: form.cleaned_data[name]
            for name in form.cleaned_data
            if name not in {"code", "version"}
        }
        code = form.instance.code if change else form.cleaned_data["code"]
        procedure, _changed = procedure_save(
            code=code, values=values, components=components, actor=request.user
        )
        # The admin logs and redirects with the instance it built from the form, and reads
        # what each formset saved for its change message.
        form.instance.pk = procedure.pk
        form.instance.version = procedure.version
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []


@admin.register(Shortening)
class ShorteningAdmin(admin.ModelAdmin):
    list_display = [
        "procedure",
        "decision",
        "days_before",
        "days_after",
        "annual_dossiers",
        "annual_saving",
    ]
    list_filter = ["procedure__level"]
    search_fields = ["procedure__code", "procedure__name", "decision__number"]
    autocomplete_fields = ["procedure", "decision"]
    list_select_related = ["procedure", "decision"]

    def save_model(self, request, obj, form, change) -> None:
        saved = shortening_save(
            shortening=obj if change else None,
            values={name: form.cleaned_data[name] for name in SHORTENING_FIELDS},
            actor=request.user,
        )
        obj.pk = saved.pk

    def delete_model(self, request, obj) -> None:
        shortening_delete(shortening=obj, actor=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for shortening in queryset:
            shortening_delete(shortening=shortening, actor=request.user)

    def get_queryset(self, request):
        province = Province.objects.filter(pk=1).first()
        return shortening_list(hourly_cost_vnd=province.hourly_cost_vnd if province else 0)

    @admin.display(description=_("tiết kiệm/năm (đồng)"), ordering="saving_vnd")
    def annual_saving(self, obj: Shortening) -> str:
        return vn_number(obj.saving_vnd)
