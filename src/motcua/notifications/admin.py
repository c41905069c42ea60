from django.contrib import admin

from motcua.notifications.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "channel",
        "recipient",
        "event",
        "status",
        "attempts",
        "next_attempt_at",
    ]
    list_filter = ["status", "channel", "event"]
    search_fields = ["recipient", "key"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
