"""'Check your report' with a receipt code: status, questions, replies; wrong codes give nothing away."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from safelearn.core.models import Notification
from safelearn.core.types import User
from safelearn.reporting.models import Message
from safelearn.reporting.services import message_post

pytestmark = pytest.mark.django_db


def _open(client: Any, code: str) -> Any:
    return client.post(reverse("reporting:check_start"), {"code": code})


def test_code_opens_status_question_and_reply(client: Any, submit_report: Any, people: dict[str, User]) -> None:
    result = submit_report(mode="anonymous")
    message_post(
        report=result.report,
        author_kind="safety_lead",
        author=people["reviewer"],
        kind="question",
        body="Which day was it?",
    )
    # Codes are accepted in lower case, with spaces instead of dashes.
    response = _open(client, result.receipt_code.lower().replace("-", " "))
    assert response["Location"] == reverse("reporting:check_report")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert b"Which day was it?" in page.content
    assert result.report.reference.encode() in page.content
    assert Message.objects.get(kind="question").read_by_reporter_at is not None
    reply = client.post(reverse("reporting:check_report"), {"body": "It was Tuesday."})
    assert reply["Location"] == reverse("reporting:check_report")
    answer = Message.objects.get(author_kind="reporter")
    assert answer.body == "It was Tuesday." and answer.author is None
    assert Notification.objects.filter(user=people["reviewer"], kind="reporter_reply").exists()
    assert b"It was Tuesday." in client.get(reverse("reporting:check_report")).content


def test_wrong_unknown_and_malformed_codes_look_the_same(client: Any, submit_report: Any) -> None:
    result = submit_report(mode="anonymous")
    good = result.receipt_code
    near_miss = good[:-1] + ("0" if good[-1] != "0" else "1")  # right handle, wrong tail
    unknown = "0000-0000-0000-0000-0000" if not good.startswith("0000") else "1111-1111-1111-1111-1111"
    bodies = []
    for code in (near_miss, unknown, "hello"):
        response = _open(client, code)
        assert response.status_code == 400
        assert b"We could not open a report with that code" in response.content
        assert result.report.reference.encode() not in response.content
        # Identical apart from the echoed input and the (per-response masked) CSRF token.
        page = response.content.replace(code.encode(), b"")
        bodies.append(re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", page))
    assert len(set(bodies)) == 1
    assert client.get(reverse("reporting:check_report"))["Location"] == reverse("reporting:check_start")


def test_code_look_ups_are_rate_limited_by_ip(client: Any, submit_report: Any, settings: Any) -> None:
    settings.SAFELEARN_RECEIPT_CHECK_RATE = "3/h"
    result = submit_report(mode="anonymous")
    for _ in range(3):
        assert _open(client, "0000-0000-0000-0000-0000").status_code == 400
    blocked = _open(client, result.receipt_code)  # even the right code, once over the limit
    assert blocked.status_code == 429
    assert b"You have tried too many codes" in blocked.content
    # It describes both forms of the code: the 20 letters and numbers, and the 8 words.
    assert b"20 letters and numbers" in blocked.content and b"8 words" in blocked.content
    other_ip = client.post(reverse("reporting:check_start"), {"code": result.receipt_code}, REMOTE_ADDR="198.51.100.9")
    assert other_ip.status_code == 302


def test_empty_reply_keeps_page_with_error(client: Any, submit_report: Any) -> None:
    result = submit_report(mode="anonymous")
    _open(client, result.receipt_code)
    response = client.post(reverse("reporting:check_report"), {"body": "  "})
    assert response.status_code == 400 and b"Write your reply" in response.content


def test_leaving_forgets_the_report_on_this_device(client: Any, submit_report: Any) -> None:
    result = submit_report(mode="anonymous")
    _open(client, result.receipt_code)
    client.post(reverse("reporting:check_leave"))
    assert client.get(reverse("reporting:check_report"))["Location"] == reverse("reporting:check_start")


def test_reporter_text_is_escaped(client: Any, submit_report: Any) -> None:
    result = submit_report(mode="anonymous")
    _open(client, result.receipt_code)
    client.post(reverse("reporting:check_report"), {"body": "<img src=x onerror=alert(1)>"})
    page = client.get(reverse("reporting:check_report"))
    assert b"<img src=x" not in page.content and b"&lt;img src=x" in page.content
