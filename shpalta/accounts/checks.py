"""`manage.py check --deploy` warns about production settings that weaken sign-in."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def second_factor_enforced(app_configs, **kwargs):
    if settings.ADMIN_2FA_REQUIRED:
        return []
    return [
        Warning(
            "Two-factor sign-in is switched off (ADMIN_2FA=0): a stolen password opens the "
            "newsroom.",
            hint="Unset ADMIN_2FA, or set ADMIN_2FA=1, in production.",
            id="shpalta.W001",
        )
    ]
