"""No page shows a raw taxonomy id ("multi_agency_working"): people read the taxonomy's labels.

The demo is loaded through the real services (reports of every status, national learning, case reviews,
learning); then each kind of person follows every link they can see from the home page, and the visible
text of every page (SVG chart text included, attribute values such as option values excluded) is scanned.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from safelearn.core.taxonomy import LIST_SECTIONS, get_taxonomy

PAGES_PER_PERSON = 70
SKIP = re.compile(
    r"^/(sign-out|django-admin|api/|static/|assets/|favicon|exports/|account/my-data/download)"
    r"|\.(csv|pdf|xlsx|json|atom|xml|zip)$|/(csv|pdf|feed|download)[/.]?"
)


class VisibleText(HTMLParser):
    """The words a person sees (and hears: aria-label, title, alt), and the page's same-site links."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in {"script", "style", "template"}:
            self._hidden += 1
        for name in ("aria-label", "title", "alt"):
            if attributes.get(name):
                self.parts.append(str(attributes[name]))
        if tag == "a" and attributes.get("href"):
            self.links.append(str(attributes["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "template"} and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def raw_ids() -> dict[str, str]:
    """Ids that are unmistakably ids (snake_case, unlike their label), mapped to the section they belong to."""
    taxonomy = get_taxonomy()
    found: dict[str, str] = {}
    for section in LIST_SECTIONS:
        for code in taxonomy.codes(section):
            if "_" in code.id and code.id != code.label:
                found[code.id] = section
    return found


def crawl(client: Client, ids: dict[str, str]) -> tuple[int, list[str]]:
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(ids, key=len, reverse=True))) + r")\b")
    queue, seen, problems = deque(["/"]), {"/"}, []
    visited = 0
    while queue and visited < PAGES_PER_PERSON:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        visited += 1
        reader = VisibleText()
        reader.feed(response.content.decode())
        text = " ".join(reader.parts)
        for match in sorted(set(pattern.findall(text))):
            problems.append(f"{url}: shows {match!r} (label: {get_taxonomy().label(ids[match], match)!r})")
        for href in reader.links:
            target = urldefrag(href)[0]
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not target.startswith("/") or SKIP.search(parts.path):
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return visited, problems


# Not measured for coverage (pytest-cov's no_cover): a sweep of every page of the demo counts a view as covered
# by a test that checks only its visible words; the views' own tests measure them. Under coverage it ran twice
# as long.
@pytest.mark.no_cover
@pytest.mark.django_db
def test_no_page_in_the_demo_shows_a_raw_taxonomy_id() -> None:
    call_command("demo")
    ids = raw_ids()
    assert "multi_agency_working" in ids
    problems: list[str] = []
    users = get_user_model().objects.filter(username__in=["nb-reviewer", "nb-reporter", "nb-admin", "analyst"])
    assert users.count() == 4
    for user in users:
        client = Client()
        client.force_login(user)
        visited, found = crawl(client, ids)
        assert visited > 10, f"{user.username} reached only {visited} pages"
        problems += [f"{user.username} {line}" for line in found]
    assert not problems, "raw taxonomy ids on pages:\n" + "\n".join(sorted(set(problems)))
