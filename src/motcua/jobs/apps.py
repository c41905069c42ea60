from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "motcua.jobs"
    verbose_name = _("Công việc nền")
    label = "jobs"

    def ready(self):
        # Every app declares its jobs in its ``tasks`` module: import them all, so that a
        # worker knows every job name it may find in the queue.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("tasks")
