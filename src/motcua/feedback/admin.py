from django.contrib import admin

from motcua.feedback.models import Feedback
from motcua.feedback.selectors import masked_contact


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Read-only: feedback changes only through the services (audited) and the import."""

    list_display = [
        "code",
        "kind",
        "agency",
        "subject",
        "state",
        "received_at",
        "processed_at",
        "published_at",
        "submitter",
    ]
    list_filter = ["kind", "state", "channel", "imported"]
    search_fields = ["code", "subject"]
    list_select_related = ["agency"]
    date_hierarchy = "received_at"
    show_full_result_count = False

    @admin.display(description="Người phản ánh / Submitter")
    def submitter(self, obj: Feedback) -> str:
        # Personal data: masked in the list, in full on the record's own page.
        return masked_contact(obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
