"""The static mirror (manage.py export_mirror): a copy of the reader site of the last N
days, in all three editions, as files that any static server serves, from any address (a
second domain, object storage, an onion service), or that a browser opens from disk.

The pages are rendered by the site itself, in this process and a second one (two cores),
through Django's whole stack with SITE_URL set to the mirror's address, so canonical
links, feeds and sitemaps name the mirror. Starting from each edition's front pages,
days and feeds it follows the links that stay in the mirror (`in_mirror`): the front
pages (full and lite), All News and the lite days of the window, every article of those
days and its lite version, the first page of every list they link, Support and About,
the feeds, the news and month sitemaps, the sitemap index and robots.txt, and the static
files and images the pages use. Every link to such a page becomes a relative link to its
file (`…/index.html`), so the copy works from disk too; a link to anything else of the
site (an older story, a list's second page, search) leads to the origin; forms, which
need the origin, are left out.

A second run brings the copy up to date: what the purge log (caching.models) says went
stale since the last run, the pages of today and yesterday, and pages not written yet
are rendered again; the rest is left as it is, its links read from the manifest. A file
is written only when its bytes change; a page that is gone (unpublished) is deleted.
"""

from .links import broken_links
from .render import PAGE_MIDDLEWARE, Renderer, page_middleware
from .scope import MirrorError, Scope, file_of
from .walk import MANIFEST, Mirror, Report

__all__ = [
    "MANIFEST",
    "PAGE_MIDDLEWARE",
    "Mirror",
    "MirrorError",
    "Renderer",
    "Report",
    "Scope",
    "broken_links",
    "file_of",
    "page_middleware",
]
