from django.contrib import admin

from motcua.inspections.models import Inspection


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    """Read-only: inspections change only through the services (audited) and the import."""

    list_display = ["agency", "planned", "plan_year", "inspected_on", "is_done", "imported"]
    list_filter = ["planned", "plan_year", "imported"]
    search_fields = ["agency__name", "agency__code", "notes"]
    list_select_related = ["agency"]

    @admin.display(boolean=True, description="Đã kiểm tra / Done")
    def is_done(self, obj: Inspection) -> bool:
        return obj.is_done

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
