"""The home page: anyone can find their organisation's reporting link by name, or reach 'check your report'."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safelearn.core.types import User
from safelearn.organisations.models import Organisation
from safelearn.web.selectors import SEARCH_LIMIT
from safelearn.web.tests.pages import read_page

pytestmark = pytest.mark.django_db


def link(organisation: Organisation) -> str:
    return reverse("reporting:public_start", args=[organisation.slug])


def test_search_by_part_of_the_name_finds_the_reporting_link(
    client: Client, org: Organisation, other_org: Organisation
) -> None:
    html = client.get("/", {"organisation": "north"}).content.decode()
    assert f'href="{link(org)}"' in html
    assert link(other_org) not in html
    assert "1 organisation found" in html


def test_every_word_must_match_and_case_does_not_matter(client: Client, make_org: Any) -> None:
    a = make_org("north-tyneside", "NT", name="North Tyneside Council")
    b = make_org("north-yorkshire", "NY", name="North Yorkshire Council")
    html = client.get("/", {"organisation": "NORTH yorkshire"}).content.decode()
    assert link(b) in html and link(a) not in html


def test_closed_links_and_the_national_body_are_not_offered(
    client: Client, org: Organisation, national_org: Organisation
) -> None:
    Organisation.objects.filter(pk=org.pk).update(public_reporting_enabled=False)
    html = client.get("/", {"organisation": "n"}).content.decode()  # too short: asks for more
    assert "Enter at least 2 letters" in html
    html = client.get("/", {"organisation": "na"}).content.decode()
    assert link(national_org) not in html
    html = client.get("/", {"organisation": "northbridge"}).content.decode()
    assert link(org) not in html
    assert "No organisation found for ‘northbridge’" in html


def test_too_short_a_query_is_an_error_that_keeps_what_was_typed(client: Client) -> None:
    response = client.get("/", {"organisation": "x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Home" in html
    assert "govuk-form-group--error" in html
    form = next(f for f in read_page(html).forms if "organisation" in f.fields)
    assert form.fields["organisation"] == ["x"]
    assert form.method == "get"


def test_many_matches_are_capped_and_say_so(client: Client, make_org: Any) -> None:
    for number in range(SEARCH_LIMIT + 3):
        make_org(f"trust-{number}", f"T{number}", name=f"Children's Trust {number:02d}")
    html = client.get("/", {"organisation": "trust"}).content.decode()
    assert html.count("Report to Children&#x27;s Trust") == SEARCH_LIMIT
    assert f"showing the first {SEARCH_LIMIT}" in html


@pytest.mark.parametrize("signed_in", [False, True])
def test_home_offers_search_and_check_your_report_to_everyone(
    client: Client, people: dict[str, User], signed_in: bool
) -> None:
    if signed_in:
        client.force_login(people["reporter"])
    html = client.get("/").content.decode()
    assert 'id="find-organisation"' in html
    assert f'href="{reverse("reporting:check_start")}"' in html
