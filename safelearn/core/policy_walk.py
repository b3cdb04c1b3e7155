"""Walk the URL resolver: every view's qualified name, route and the keyword arguments it needs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or "" for an unnamed pattern
    route: str  # the pattern text, for messages
    kwargs: tuple[str, ...]
    callback: Any


def _kwarg_names(pattern: Any) -> list[str]:
    converters = getattr(pattern, "converters", None)
    if converters:
        return list(converters)
    regex = getattr(pattern, "regex", None)
    return list(regex.groupindex) if regex is not None else []


def iter_routes(
    patterns: Any = None, namespace: str = "", prefix: str = "", kwargs: tuple[str, ...] = ()
) -> Iterator[Route]:
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        here = kwargs + tuple(_kwarg_names(entry.pattern))
        text = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            inner = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from iter_routes(entry.url_patterns, inner, text, here)
        elif isinstance(entry, URLPattern):
            name = entry.name or ""
            qualified = f"{namespace}:{name}" if namespace and name else name
            yield Route(name=qualified, route=text, kwargs=here, callback=entry.callback)
