"""Template context: the publisher's name, for titles and social cards on every page
(the admin's article preview included)."""

from django.conf import settings


def publisher(request):
    return {"publisher_name": settings.PUBLISHER_NAME}
