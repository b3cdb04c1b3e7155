"""`{{ code|taxonomy_label:"contributory_factor" }}` and `{{ codes|taxonomy_labels:"recovery_factor" }}`.

Taxonomy ids ("multi_agency_working") are for data, never for people: pages show the taxonomy's labels.
An id the taxonomy does not know (an old import, say) is shown as it is rather than hidden.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.translation import gettext

from safelearn.core.taxonomy import LIST_SECTIONS, get_taxonomy

register = template.Library()


def _check(section: str) -> None:
    # A misspelt section would silently fall back to raw ids on every page: fail where it is written.
    if section not in LIST_SECTIONS:
        raise template.TemplateSyntaxError(f"unknown taxonomy section {section!r}")


@register.filter
def taxonomy_label(code: str | None, section: str) -> str:
    _check(section)
    if not code:
        return ""
    # The English label is the msgid (core/taxonomy_labels.py), so staff pages show it in Welsh too.
    return gettext(get_taxonomy().label(section, str(code)))


@register.filter
def taxonomy_labels(codes: Iterable[str] | None, section: str) -> list[str]:
    _check(section)
    taxonomy = get_taxonomy()
    return [gettext(taxonomy.label(section, str(code))) for code in codes or []]
