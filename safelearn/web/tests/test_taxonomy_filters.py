"""The taxonomy template filters: labels for ids, unknown ids shown as they are, misspelt sections refused."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(source: str, **context: object) -> str:
    return Template("{% load taxonomy %}" + source).render(Context(context))


def test_one_id_becomes_its_label() -> None:
    assert render('{{ code|taxonomy_label:"contributory_factor" }}', code="multi_agency_working") == (
        "Multi-agency working"
    )


def test_a_section_can_come_from_the_object() -> None:
    assert render("{{ code|taxonomy_label:section }}", code="child_protection", section="service_area") == (
        "Child protection"
    )


def test_lists_become_labels_and_unknown_ids_stay_visible() -> None:
    html = render('{{ codes|taxonomy_labels:"recovery_factor"|join:", " }}', codes=["colleague_check", "no_such_code"])
    assert html == "A colleague noticed or checked, no_such_code"


def test_a_misspelt_section_fails_loudly() -> None:
    with pytest.raises(TemplateSyntaxError):
        render('{{ code|taxonomy_label:"contributory_factors" }}', code="x")
