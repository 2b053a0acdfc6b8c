"""WSGI entry point for the production server (granian): Django behind the page cache's
fast path, which answers anonymous readers' hits without running Django's stack.

Once the site is loaded, its objects are moved out of the garbage collector's sight
(gc.freeze): they live as long as the process, and a full collection no longer walks
them, which had made one feed in twenty take several times its usual time."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shpalta.settings")
django_application = get_wsgi_application()

from shpalta.caching.wsgi import PageCacheApplication  # noqa: E402  (needs the settings)

application = PageCacheApplication(django_application)
gc.freeze()
