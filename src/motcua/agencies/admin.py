from django.contrib import admin

from motcua.agencies.models import Agency, AgencyName, Province, ProvinceName


class AgencyNameInline(admin.TabularInline):
    model = AgencyName
    extra = 0


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent", "successor", "head", "signing_deputy"]
    inlines = [AgencyNameInline]


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "hourly_cost_vnd"]


@admin.register(ProvinceName)
class ProvinceNameAdmin(admin.ModelAdmin):
    list_display = ["name", "valid_from", "valid_to"]
