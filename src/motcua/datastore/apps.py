from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.datastore"
    verbose_name = _("Kho dữ liệu điện tử")
    label = "datastore"

    def ready(self) -> None:
        from motcua.applicants.session import space_section_register
        from motcua.datastore.space import space_context

        space_section_register("datastore", "datastore/space_store.html", space_context, order=20)
