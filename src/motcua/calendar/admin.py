from django.contrib import admin

from motcua.calendar.models import CalendarException
from motcua.calendar.services import calendar_exception_delete, calendar_exception_set


@admin.register(CalendarException)
class CalendarExceptionAdmin(admin.ModelAdmin):
    """Changes go through the services, so that deadlines are recomputed after each one."""

    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    date_hierarchy = "date"

    def get_readonly_fields(self, request, obj=None):
        # Moving an exception to another date is a delete plus a new exception.
        return ["date"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        saved = calendar_exception_set(date=obj.date, kind=obj.kind, note=obj.note)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        calendar_exception_delete(date=obj.date)

    def delete_queryset(self, request, queryset):
        for day in queryset.values_list("date", flat=True):
            calendar_exception_delete(date=day)
