from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from motcua.jobs.models import Job
from motcua.jobs.services import job_label, job_retry


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """The operator's page of background jobs: what waits, what fails and why, what is dead;
    jobs are sent back to the queue with an action, never edited."""

    list_display = ["id", "job", "status", "attempts", "run_after", "key", "short_error"]
    list_filter = ["status", "queue", "name"]
    search_fields = ["key", "name", "last_error"]
    readonly_fields = [f.name for f in Job._meta.fields]
    actions = ["retry"]
    show_full_result_count = False

    @admin.display(description=_("công việc"), ordering="name")
    def job(self, obj: Job) -> str:
        return job_label(obj.name)

    @admin.display(description=_("lỗi gần nhất"))
    def short_error(self, obj: Job) -> str:
        return obj.last_error.splitlines()[0][:120] if obj.last_error else ""

    @admin.action(description=_("Chạy lại các công việc đã chọn"))
    def retry(self, request, queryset):
        count = job_retry(ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)d công việc được chạy lại.", "%(count)d công việc được chạy lại.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
