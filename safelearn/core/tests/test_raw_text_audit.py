"""Issue 15, finding 5: every page or endpoint that shows a raw narrative or identity writes a read event.

Walks every URL the access policy knows (safelearn/core/policy.py), as each signed-in principal, with the
access matrix's objects. A view marked `shows_raw` must write exactly one event of that verb, by that
person, each time it is viewed; a view that is not marked must never show the narrative's words.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safelearn.core.models import AuditEvent
from safelearn.core.policy import POLICY, Outcome, rule_for
from safelearn.core.policy_walk import iter_routes
from safelearn.core.tests.test_access_matrix import _url
from safelearn.core.tests.test_access_matrix import matrix_objects as matrix_objects  # the fixture
from safelearn.core.types import User

pytestmark = pytest.mark.django_db

CANARY = "Larkspur Close"  # in the matrix report's narrative (test_access_matrix.SECRET_WORDS)
PRINCIPALS = ("reviewer", "reporter", "org_admin", "analyst")


def _body(response: Any) -> str:
    content = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    return content.decode("utf-8", "replace")


def _request(client: Client, url: str, rule: Any) -> Any:
    if rule.json is not None:
        return client.post(url, json.dumps(rule.json), content_type="application/json")
    return client.post(url, {}) if rule.method == "POST" else client.get(url)


def test_the_policy_marks_the_pages_that_show_raw_text() -> None:
    marked = {name for name, rule in POLICY.items() if rule.shows_raw}
    assert {"review:report_detail", "privacy:review", "api-v1:get_report", "reporting:my_report_detail"} <= marked
    assert {"review:report_account", "review:report_feedback"} <= marked  # the account; the reporter's replies


# Not measured for coverage (pytest-cov's no_cover): a sweep of every view that shows a report's words counts a
# view as covered by a test that checks only that the view is audited; the views' own tests measure them. Under
# coverage it ran twice as long.
@pytest.mark.no_cover
def test_every_view_of_raw_text_is_audited_once(people: dict[str, User], matrix_objects: dict[str, Any]) -> None:
    assert CANARY in matrix_objects["report"].what_happened
    clients = {}
    for principal in PRINCIPALS:
        clients[principal] = Client(raise_request_exception=False)
        clients[principal].force_login(people[principal])
    unaudited: list[str] = []
    unmarked: list[str] = []
    exercised: set[str] = set()
    for route in iter_routes():
        rule = rule_for(route.name, route.route)
        if rule is None:
            continue  # test_access_matrix reports views with no policy
        url = _url(route, rule.kwargs, matrix_objects)
        for principal in PRINCIPALS:
            user = people[principal]
            last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
            response = _request(clients[principal], url, rule)
            clients[principal].force_login(user)  # a sign-out route must not spoil the next request
            shown = CANARY in _body(response)
            if shown and not rule.shows_raw:
                unmarked.append(f"{route.name or route.route} as {principal}: shows the raw narrative, no marker")
            if not rule.shows_raw or rule.expected[principal] != Outcome.ALLOW:
                continue
            reads = AuditEvent.objects.filter(id__gt=last, verb=rule.shows_raw, actor=user).count()
            if reads != 1:
                unaudited.append(f"{route.name} as {principal}: {reads} {rule.shows_raw} event(s), expected 1")
            if shown:
                exercised.add(route.name)
    assert not unmarked, "Views showing raw text without shows_raw in POLICY:\n" + "\n".join(unmarked)
    assert not unaudited, "Views of raw text not audited once per view:\n" + "\n".join(unaudited)
    # The walk really saw the words on the marked pages (not only a redirect or an error page).
    assert {"review:report_detail", "review:report_account", "privacy:review", "privacy:add", "api-v1:get_report"} <= (
        exercised
    )


def test_each_viewing_of_the_redaction_page_is_a_read(people: dict[str, User], matrix_objects: dict[str, Any]) -> None:
    report = matrix_objects["report"]
    client = Client()
    client.force_login(people["reviewer"])
    for _ in range(2):
        assert CANARY in client.get(reverse("privacy:review", args=[report.pk])).content.decode()
    reads = AuditEvent.objects.filter(verb="report.narrative_read", target_id=str(report.pk), actor=people["reviewer"])
    assert [e.payload for e in reads] == [{"via": "redaction"}] * 2
