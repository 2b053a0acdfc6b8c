"""The two-factor screens, the administrators' accounts page and the audit report in
Wagtail's admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import passkeys, reports, unsent, views


@hooks.register("register_admin_urls")
def urls():
    return [
        path("account/two-factor/", views.setup, name="accounts_2fa_setup"),
        path("account/two-factor/verify/", views.verify, name="accounts_2fa_verify"),
        path(
            "account/two-factor/recovery-codes/",
            views.renew_recovery_codes,
            name="accounts_recovery_codes",
        ),
        path(
            "account/two-factor/passkeys/<int:passkey_id>/remove/",
            views.remove_passkey,
            name="accounts_passkey_remove",
        ),
        path("account/two-factor/passkeys/", include(passkeys.urls)),
        path("account/reachable/", unsent.reachable, name="accounts_reachable"),
        path("security/people/", views.people, name="accounts_people"),
        path("security/people/<int:user_id>/reset/", views.reset_devices, name="accounts_reset"),
        path(
            "security/people/<int:user_id>/end-sessions/",
            views.end_all_sessions,
            name="accounts_end_sessions",
        ),
        path("security/locks/<int:attempt_id>/lift/", views.lift_lock, name="accounts_lift_lock"),
        path("reports/audit/", reports.AuditReportView.as_view(), name="accounts_audit"),
        path(
            "reports/audit/results/",
            reports.AuditReportView.as_view(results_only=True),
            name="accounts_audit_results",
        ),
    ]


@hooks.register("insert_global_admin_js")
def unsent_form_guard():
    return unsent.guard_script()


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def people_menu_item():
    return AdministratorMenuItem(
        _("Sign-in security"), reverse("accounts_people"), icon_name="lock", order=610
    )


@hooks.register("register_reports_menu_item")
def audit_menu_item():
    return AdministratorMenuItem(
        _("Audit trail"), reverse("accounts_audit"), icon_name="history", order=710
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_2fa_setup"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Your authenticator app, passkeys and recovery codes."),
    }
