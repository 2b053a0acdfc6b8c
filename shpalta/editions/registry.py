"""The list of editions, declared once for settings, URLs, the admin and the templates."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    code: str  # Django language code and Wagtail locale code
    prefix: str  # URL path prefix; the main edition has none
    name: str  # the edition's name in its own language
    short: str  # the label of the edition switch
    og_locale: str  # Open Graph / IETF locale with region


EDITIONS: tuple[Edition, ...] = (
    Edition(code="uk", prefix="", name="Українська", short="Укр", og_locale="uk_UA"),
    Edition(code="ru", prefix="rus/", name="Русский", short="Рус", og_locale="ru_UA"),
    Edition(code="en", prefix="eng/", name="English", short="Eng", og_locale="en_US"),
)
DEFAULT_EDITION = EDITIONS[0]
EDITION_CODES: tuple[str, ...] = tuple(edition.code for edition in EDITIONS)
_BY_CODE = {edition.code: edition for edition in EDITIONS}


class UnknownEditionError(LookupError):
    def __init__(self, code: str):
        super().__init__(
            f"There is no edition {code!r}; the editions are {', '.join(EDITION_CODES)} "
            "(shpalta.editions.registry.EDITIONS)."
        )


def get_edition(code: str) -> Edition:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise UnknownEditionError(code) from None


def edition_for_path(path: str) -> Edition:
    """The edition a URL path belongs to: its prefix, else the main edition."""
    for edition in EDITIONS:
        if edition.prefix and path.startswith("/" + edition.prefix):
            return edition
    return DEFAULT_EDITION
