from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "shpalta.accounts"
    label = "accounts"
    verbose_name = _("Accounts and security")

    def ready(self):
        from . import checks, signal_handlers  # noqa: F401  (audit records, deploy checks)
