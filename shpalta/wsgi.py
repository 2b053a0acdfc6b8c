"""WSGI entry point for the production server (granian)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shpalta.settings")
application = get_wsgi_application()
