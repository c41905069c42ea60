from django.contrib import admin

from motcua.inspections.models import Inspection, InspectionPlan, Recommendation


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


class ReadOnly(admin.ModelAdmin):
    """Plans and recommendations change only through the services (pages), which audit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(InspectionPlan)
class InspectionPlanAdmin(ReadOnly):
    list_display = ["year", "decision_number", "decision_date", "decision_signer"]


@admin.register(Recommendation)
class RecommendationAdmin(ReadOnly):
    list_display = ["inspection", "owner", "due_on", "state", "completed_on"]
    list_filter = ["state"]
    list_select_related = ["inspection__agency", "owner"]
