"""Forms of the sign-in's second step."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=64,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "autofocus": True}
        ),
    )


class EnrolForm(CodeForm):
    """The same field, asking for the new app's first code (digits only)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        code.label = _("Code from the app")
        code.help_text = _("After scanning, type the six digits the app shows for Shpalta.")
        code.widget.attrs["inputmode"] = "numeric"
