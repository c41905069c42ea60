from django.contrib import admin, messages
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from motcua.portal.models import PortalSync
from motcua.portal.services import portal_resend


@admin.register(PortalSync)
class PortalSyncAdmin(admin.ModelAdmin):
    """The operator's view of the exchange with the national portal: what is not in sync, what
    the portal refused and why; dossiers are sent again with an action, never edited."""

    list_display = ["dossier", "version", "sent_version", "outcome", "attempts", "last_attempt_at"]
    list_filter = ["outcome"]
    search_fields = ["dossier__code"]
    list_select_related = ["dossier"]
    readonly_fields = [f.name for f in PortalSync._meta.fields]
    actions = ["resend"]
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(behind=F("version") - F("sent_version"))

    @admin.action(description=_("Gửi lại các hồ sơ đã chọn lên Cổng"))
    def resend(self, request, queryset):
        count = 0
        for row in queryset.select_related("dossier"):
            portal_resend(dossier=row.dossier)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d hồ sơ sẽ được gửi lại.", "%(count)d hồ sơ sẽ được gửi lại.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
