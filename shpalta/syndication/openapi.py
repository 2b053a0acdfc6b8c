"""The OpenAPI 3.1 document of the content API, served at /api/v1/openapi.json."""

from django.conf import settings
from django.http import HttpRequest, JsonResponse

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.editions.registry import EDITION_CODES
from shpalta.newsroom.models import Kind

from .api import DEFAULT_LIMIT, MAX_LIMIT, MAX_STORY_NUMBER
from .ninjs import NINJS_SCHEMA

_SLUG = {"type": "string", "pattern": "^[\\w-]{1,80}$"}


def _query(name: str, description: str, schema: dict) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def document() -> dict:
    ninjs = {
        "type": "object",
        "description": f"An IPTC ninjs 3.1 news item; its full schema is {NINJS_SCHEMA}.",
        "required": ["uri", "standard", "headlines", "language"],
        "properties": {
            "uri": {"type": "string"},
            "standard": {"type": "object"},
            "headlines": {"type": "array"},
            "language": {"type": "string", "enum": list(EDITION_CODES)},
        },
    }
    errors = {
        "400": _error("A parameter is wrong; `error.parameter` names it."),
        "429": _error("Too many requests from this client; see Retry-After."),
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.PUBLISHER_NAME} content API",
            "version": "1",
            "description": (
                "Read-only access to published articles of every edition as IPTC ninjs 3.1. "
                "Lists are newest first and paged with an opaque cursor (`next`)."
            ),
        },
        "servers": [{"url": settings.SITE_URL}],
        "paths": {
            "/api/v1/articles/": {
                "get": {
                    "operationId": "listArticles",
                    "summary": "Published articles, newest first",
                    "parameters": [
                        _query(
                            "edition",
                            "Edition code.",
                            {"type": "string", "enum": list(EDITION_CODES)},
                        ),
                        _query("section", "Section slug.", _SLUG),
                        _query("tag", "Tag slug in any edition.", _SLUG),
                        _query("author", "Author slug.", _SLUG),
                        _query(
                            "kind",
                            "Kind of article.",
                            {"type": "string", "enum": list(Kind.values)},
                        ),
                        _query("label", "Label slug.", _SLUG),
                        _query(
                            "urgent",
                            "Only urgent (true) or only other (false) items.",
                            {"type": "boolean"},
                        ),
                        _query(
                            "updated_since",
                            "Items published or updated at or after this moment (ISO 8601).",
                            {"type": "string", "format": "date-time"},
                        ),
                        _query(
                            "q",
                            "Words to search for, in any of their forms (as the site's "
                            "search: Ukrainian and Russian by dictionary, English by "
                            'stem); "quoted phrases" as phrases. The items found, newest '
                            "first.",
                            {"type": "string", "minLength": 1, "maxLength": 200},
                        ),
                        _query(
                            "cursor", "The `next` cursor of the previous page.", {"type": "string"}
                        ),
                        _query(
                            "limit",
                            "Items per page.",
                            {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": MAX_LIMIT,
                                "default": DEFAULT_LIMIT,
                            },
                        ),
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of items",
                            "headers": {"ETag": {"schema": {"type": "string"}}},
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["items", "next"],
                                        "properties": {
                                            "items": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Ninjs"},
                                            },
                                            "next": {"type": ["string", "null"], "format": "uri"},
                                        },
                                    }
                                }
                            },
                        },
                        "304": {"description": "Not modified since the ETag or date given"},
                        **errors,
                    },
                }
            },
            "/api/v1/articles/{edition}/{story}/": {
                "get": {
                    "operationId": "getArticle",
                    "summary": "One article in full",
                    "parameters": [
                        {
                            "name": "edition",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "enum": list(EDITION_CODES)},
                        },
                        {
                            "name": "story",
                            "in": "path",
                            "required": True,
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": MAX_STORY_NUMBER - 1,
                            },
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "The article",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Ninjs"}
                                }
                            },
                        },
                        "304": {"description": "Not modified since the ETag or date given"},
                        "404": _error("No such published article"),
                        **errors,
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Ninjs": ninjs,
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                                "parameter": {"type": "string"},
                            },
                        }
                    },
                },
            }
        },
    }


def openapi_json(request: HttpRequest) -> JsonResponse:
    cache_tags.add(request, keys.ALL)
    return JsonResponse(document(), json_dumps_params={"ensure_ascii": False})
