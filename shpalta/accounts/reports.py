"""The audit trail as a Wagtail report: administrators filter it and export CSV or XLSX.
It has no edit or delete view; the model refuses changes too."""

import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from .models import AuditAction, AuditRecord


class AuditFilterSet(WagtailFilterSet):
    action = django_filters.MultipleChoiceFilter(
        label=_("Action"), choices=AuditAction.choices, widget=CheckboxSelectMultiple
    )
    username = django_filters.CharFilter(label=_("User name"), lookup_expr="iexact")
    subject = django_filters.CharFilter(label=_("Subject"), lookup_expr="icontains")
    ip_address = django_filters.CharFilter(label=_("Address"), lookup_expr="startswith")
    timestamp = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditRecord
        fields = []


class AuditReportView(ReportView):
    page_title = _("Audit trail")
    header_icon = "history"
    template_name = "accounts/audit_report.html"
    results_template_name = "accounts/audit_report_results.html"
    filterset_class = AuditFilterSet
    index_url_name = "accounts_audit"
    index_results_url_name = "accounts_audit_results"
    paginate_by = 100
    list_export = [
        "timestamp",
        "action",
        "username",
        "subject",
        "ip_address",
        "user_agent",
        "details",
    ]
    export_headings = {
        "timestamp": _("Time"),
        "action": _("Action"),
        "username": _("User"),
        "subject": _("Subject"),
        "ip_address": _("Address"),
        "user_agent": _("Browser"),
        "details": _("Details"),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        labels = dict(AuditAction.choices)
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "action": {
                self.FORMAT_CSV: lambda value: str(labels.get(value, value)),
                self.FORMAT_XLSX: lambda value: str(labels.get(value, value)),
            },
            "details": {self.FORMAT_CSV: str, self.FORMAT_XLSX: str},
        }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return AuditRecord.objects.all()

    def get_filename(self):
        return f"audit-trail-{datetime.date.today():%Y-%m-%d}"
