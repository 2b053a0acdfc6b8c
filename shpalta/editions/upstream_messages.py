"""Messages of Django and Wagtail that their Ukrainian or Russian catalogues lack.

Listed here so that `make messages` keeps our translations of them in shpalta/locale,
which Django consults before the frameworks' own catalogues (LOCALE_PATHS).
"""

from django.utils.translation import gettext_noop

UPSTREAM_MESSAGES = [
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    gettext_noop("Go to the first error"),
    # Wagtail's Ukrainian catalogue runs the name into the verb ("editorзберіг").
    gettext_noop("%(user_name)s saved a new version"),
    # Wagtail's image upload: a PNG named .jpg, and a bomb whose pixels go uncounted.
    gettext_noop(
        "Not a valid .%(extension)s image. The extension does not match the file format "
        "(%(image_format)s)"
    ),
    gettext_noop("unknown number"),
]
