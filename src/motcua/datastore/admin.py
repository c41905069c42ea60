from django.contrib import admin

from motcua.datastore.models import StoredDocument


@admin.register(StoredDocument)
class StoredDocumentAdmin(admin.ModelAdmin):
    """Read-only: documents enter the store through its services only."""

    list_display = ["identifier", "kind", "number", "issuer", "valid_until", "source"]
    list_filter = ["kind", "source"]
    search_fields = ["identifier", "number", "source_dossier_code"]
    exclude = ["file"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in StoredDocument._meta.fields if f.name != "file"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
