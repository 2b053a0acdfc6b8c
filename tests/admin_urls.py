"""Every URL of the admin, from Django's resolver: what the access tests walk."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class AdminURL:
    name: str  # with its namespaces, e.g. "wagtailsnippets_newsroom_tag:edit"
    route: str  # the pattern, e.g. "/admin/snippets/newsroom/tag/edit/<str:pk>/"
    arguments: tuple[str, ...]

    def path(self, **values) -> str:
        """The route with each argument's value (1 where none is given)."""
        route = _named_groups.sub(
            lambda match: str(values.get(match.group(1), 1)), _regex_to_route(self.route)
        )
        return route


_named_groups = re.compile(r"<(?:\w+:)?(\w+)>")


def _regex_to_route(pattern: str) -> str:
    """A re_path() pattern as a route: each named group becomes <name>, anchors and
    escapes go."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("(?P<", i):
            end = pattern.index(">", i)
            name = pattern[i + 4 : end]
            depth, i = 1, end + 1
            while depth:
                depth += {"(": 1, ")": -1}.get(pattern[i], 0)
                i += 1
            out.append(f"<{name}>")
        else:
            out.append(pattern[i])
            i += 1
    return re.sub(r"\\(.)", r"\1", "".join(out).replace("^", "").replace("$", ""))


def admin_urls() -> list[AdminURL]:
    found = []

    def walk(patterns, prefix, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                space = ":".join(filter(None, [namespace, entry.namespace]))
                walk(entry.url_patterns, prefix + str(entry.pattern), space)
            elif isinstance(entry, URLPattern) and entry.name:
                route = "/" + _regex_to_route(prefix + str(entry.pattern))
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                found.append(AdminURL(name, route, tuple(_named_groups.findall(route))))

    walk(get_resolver().url_patterns, "", "")
    return [url for url in found if url.route.startswith("/admin/")]
