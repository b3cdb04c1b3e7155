"""No page that nothing links to: sign in to the demo as each role, follow every link, see what is reachable.

A page only reachable by typing its address is a page nobody uses (issue 16 found API tokens, children
supported and the reporter-identity view like that). The crawl follows same-site links from the home
page as each demo user and records the URL name of every link it sees; every GET page in the access
policy without an object in its address must be among them, for some role.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from safelearn.core.policy import POLICY
from safelearn.demo.loader import DEMO_USERS, load_demo

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/[^"#]*)')
SKIP_PREFIXES = ("/static/", "/assets/", "/django-admin/", "/api/", "/sign-out/")
DOWNLOAD_SUFFIXES = (".pdf", ".csv", ".xlsx", ".json", ".css", ".ico")
MAX_PAGES_PER_ROLE = 250
PAGES_PER_KIND = 12

#: Pages reached some other way than a link on a signed-in page, each for a stated reason.
NOT_LINKED_BY_DESIGN = {
    "login": "the sign-in page: reached by signing out or any signed-out visit",
    "reporting:submitted": "shown once, straight after sending a report",
    "reporting:public_check": "a step of the public form, reached by answering the one before",
    "reporting:public_sent": "a step of the public form",
    "reporting:public_done": "a step of the public form",
    "reporting:check_report": "reached by entering a receipt code",
    "casework:check_add": "linked from check_report, reached by entering a receipt code",
    "accounts:two_factor_verify": "reached by signing in",
    "accounts:two_factor_setup": "reached by signing in without a device",
    "accounts:keepalive": "called by the session time-out script, not a page",
    "sso:callback": "the identity provider redirects here",
    "analytics:bulletin_feed": "a feed for feed readers, linked with a token",
    "organisations:brand_css": "a stylesheet",
    "organisations:logo": "an image",
    "api-v1:openapi-json": "machine-readable",
    "favicon": "browsers ask for it",
}


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            found += _patterns(entry, prefix + str(entry.pattern), f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((f"{namespace}{entry.name}", prefix + str(entry.pattern)))
    return found


def _get_pages_without_objects() -> set[str]:
    """Named GET pages whose address needs no object id (an organisation's slug is fine: it is the user's)."""
    names = set()
    for name, route in _patterns(get_resolver()):
        rule = POLICY.get(name)
        if rule is None or rule.method != "GET" or route.startswith(("django-admin/", "api/")):
            continue
        params = set(re.findall(r"<(?:\w+:)?(\w+)>", route))
        if params - {"org_slug"} or rule.kwargs:
            continue
        names.add(name)
    return names


def _crawl(client: Any) -> set[str]:
    seen_paths: set[str] = set()
    linked: set[str] = set()
    followed_per_kind: Counter[str] = Counter()
    queue: deque[str] = deque(["/"])
    fetched = 0
    while queue and fetched < MAX_PAGES_PER_ROLE:
        path = queue.popleft()
        response = client.get(path)
        fetched += 1
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            target = urlsplit(href).path
            if target.startswith(SKIP_PREFIXES):
                continue
            try:
                name = resolve(target).view_name
            except Resolver404:
                continue
            linked.add(name)
            if target in seen_paths or target.endswith(DOWNLOAD_SUFFIXES):
                continue
            seen_paths.add(target)
            # Up to PAGES_PER_KIND pages of each kind: the demo's reports are in different states, so their
            # pages offer different links (12 find every link that following all of them finds, and one
            # more, which the 250-page cap used to cut off), but the fortieth report's page adds nothing.
            if followed_per_kind[name] < PAGES_PER_KIND:
                followed_per_kind[name] += 1
                queue.append(target)
    return linked


def _crawl_as_each_demo_user(client: Any) -> dict[str, set[str]]:
    load_demo()
    users = get_user_model().objects.filter(username__in=[u for u, _, _ in DEMO_USERS])
    result = {}
    for user in users:
        client.force_login(user)
        result[user.username] = _crawl(client)
        client.logout()
    result["signed out"] = _crawl(client)
    return result


def _assert_every_page_is_linked_from_somewhere_some_role_can_reach(crawled: dict[str, set[str]]) -> None:
    linked = set().union(*crawled.values())
    orphans = sorted(_get_pages_without_objects() - linked - set(NOT_LINKED_BY_DESIGN))
    assert not orphans, f"pages nothing links to: {orphans}"


def _assert_each_role_is_shown_what_it_can_do(crawled: dict[str, set[str]]) -> None:
    assert {"kit:page", "integrations:token_list", "analytics:children_supported"} <= crawled["nb-admin"]
    assert {"kit:page", "reporting:identity"} <= crawled["nb-reviewer"]
    assert "national:organisations" in crawled["national-admin"]
    assert "national:organisation_new" in crawled["national-admin"]
    for role_user in ("nb-reporter", "analyst"):
        assert not {"kit:page", "national:organisations", "integrations:token_list"} & crawled[role_user]


# Not measured for coverage (pytest-cov's no_cover): a sweep of every page of the demo counts a view as covered
# by a test that checks only its links; the views' own tests measure them. Under coverage it ran twice as long.
@pytest.mark.no_cover
def test_every_page_is_reachable_and_each_role_is_shown_what_it_can_do(client: Any) -> None:
    # One test, because the crawl (every demo user, up to 250 pages each) is the cost: about 40 s on CI, and
    # two tests on a function-scoped fixture paid it twice.
    crawled = _crawl_as_each_demo_user(client)
    _assert_every_page_is_linked_from_somewhere_some_role_can_reach(crawled)
    _assert_each_role_is_shown_what_it_can_do(crawled)
