# ruff: noqa: E501  (messages are quoted whole, as Wagtail spells them)
"""Messages of Django and Wagtail that their Ukrainian or Russian catalogues lack.

Listed here so that `make messages` keeps our translations of them in shpalta/locale,
which Django consults before the frameworks' own catalogues (LOCALE_PATHS).
"""

from django.utils.translation import gettext_noop, ngettext_lazy

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
    # The breadcrumb of Wagtail's generic add view (live blogs' updates, newsletters).
    gettext_noop("New: %(model_name)s"),
    # Wagtail's generic index and edit views (live blogs' updates): Ukrainian lacks them.
    gettext_noop("Save your changes before leaving"),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    # The Wagtail 8 editor's own words (its panels, checks, dialogs, schedule and autosave),
    # newer than its Ukrainian catalogue: tests/i18n/test_admin_language.py finds them.
    gettext_noop("- Select an option -"),
    gettext_noop("A network error occurred"),
    gettext_noop("Actions (footer)"),
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("Add or show comments"),
    gettext_noop("All snippets in listing selected"),
    gettext_noop("Application"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Avoid skipping levels"),
    gettext_noop("Button text is empty"),
    gettext_noop("Checks"),
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
    gettext_noop("Close dialog"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Content metrics"),
    gettext_noop("Delete selected snippets"),
    gettext_noop("Edit account avatar"),
    gettext_noop("Edit schedule"),
    gettext_noop("Editor Guide"),
    gettext_noop("Empty frame title found"),
    gettext_noop("Empty heading found"),
    gettext_noop("Filter by"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop("Image alt text has inappropriate pattern"),
    gettext_noop("Incorrect heading hierarchy"),
    gettext_noop("Input button text is empty"),
    gettext_noop("Insert or edit a link"),
    gettext_noop("Issues found"),
    gettext_noop(
        'JavaScript is required to use Wagtail, but it is currently disabled.<br /> Here are the <a href="https://www.enable-javascript.com/" target="_blank" rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.'
    ),
    gettext_noop("Keyboard shortcut"),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop("Link text is empty"),
    gettext_noop("Loading"),
    gettext_noop("Locale: "),
    gettext_noop("Locking: "),
    gettext_noop("Meta description is empty"),
    gettext_noop("Minimap"),
    gettext_noop("Misusing paragraphs as headings"),
    gettext_noop("Monospace (code)"),
    gettext_noop("No other translations"),
    gettext_noop("Once scheduled:"),
    gettext_noop("Paste"),
    gettext_noop("Paste without formatting"),
    gettext_noop("Preview in desktop size"),
    gettext_noop("Preview in mobile size"),
    gettext_noop("Preview in new tab"),
    gettext_noop("Preview in tablet size"),
    gettext_noop("Readability"),
    gettext_noop("Reading time"),
    gettext_noop("Save changes"),
    gettext_noop("Saved"),
    gettext_noop("Schedule to publish"),
    gettext_noop("Scheduling…"),
    gettext_noop("Search all pages…"),
    gettext_noop("Search…"),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more information on how content metrics are calculated.'
    ),
    gettext_noop("Select"),
    gettext_noop("Shortcuts"),
    gettext_noop("Show filters"),
    gettext_noop("Show issue"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Side panel width"),
    gettext_noop("Side panels"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("Status %(status)s"),
    gettext_noop("Status: "),
    gettext_noop("Strike-through"),
    gettext_noop("Switch locales"),
    gettext_noop("Table header text is empty"),
    gettext_noop("Text editing"),
    gettext_noop("Text formatting"),
    gettext_noop("This data explained"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Toggle breadcrumbs"),
    gettext_noop("Toggle checks"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Toggle preview"),
    gettext_noop("Toggle section"),
    gettext_noop("Toggle side panel"),
    gettext_noop("Toggle sidebar"),
    gettext_noop("Toggle status"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate tab to view the last saved version."
    ),
    gettext_noop("Use a meaningful title for screen reader users"),
    gettext_noop("Use meaningful text"),
    gettext_noop("Use meaningful text for screen reader users"),
    gettext_noop("Use proper heading tags"),
    gettext_noop("View latest version"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("Words"),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for different languages."
    ),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and calculate the number of words."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences and words result in a worse readability score."
    ),
    gettext_noop("What's new in Wagtail %(version)s"),
    gettext_noop("account"),
    gettext_noop("created"),
    gettext_noop("locale"),
]
# Plural forms: listed for extraction only.
UPSTREAM_PLURALS = [
    ngettext_lazy("Delete 1 page", "Delete %(counter)s pages", "counter"),
    ngettext_lazy("Publish 1 page", "Publish %(counter)s pages", "counter"),
    ngettext_lazy("There is %(counter)s match", "There are %(counter)s matches", "counter"),
    ngettext_lazy("There is one matching page", "There are %(counter)s matching pages", "counter"),
]
