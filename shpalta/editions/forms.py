"""Admin forms of models with a row per edition (Wagtail's TranslatableMixin)."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm


class EditionAdminForm(WagtailAdminModelForm):
    """Checks the model's constraints that include its edition (one Support page, one ad
    slot of a placement per edition). Django's model form leaves out the constraints on
    fields it does not show, and the edition (`locale`) is chosen by the admin, not in the
    form: a second row would reach the database and answer 500."""

    def validate_unique(self):
        super().validate_unique()
        shown = self._get_validation_exclusions() - {"locale"}
        try:
            self.instance.validate_constraints(exclude=shown)
        except ValidationError as error:
            self._update_errors(error)
