"""Activates the language of the edition that the requested URL belongs to."""

from django.utils import translation

from .registry import edition_for_path


class EditionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        edition = edition_for_path(request.path_info)
        request.edition = edition
        translation.activate(edition.code)
        request.LANGUAGE_CODE = edition.code
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", edition.code)
        return response
