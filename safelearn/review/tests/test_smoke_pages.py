from __future__ import annotations

from typing import Any

from django.urls import reverse

from safelearn.core.types import User


def test_report_page_renders_every_section(client: Any, people: dict[str, User], submit_report: Any) -> None:
    report = submit_report(reporter=people["reporter"], outcome="severe_harm").report
    client.force_login(people["reviewer"])
    expected = {
        "review:report_detail": ("Summary", "Running clocks", "Missing before closure", "Move this report to"),
        "review:report_account": ("The reporter's account", report.what_happened[:40]),
        "review:report_grading": ("Grading", "Statutory duties", "Serious incident notification"),
        "review:report_actions": ("Add an action",),
        "review:report_feedback": ("Feedback to the reporter",),
        "review:report_learning": ("Suggested codes", "Learning from case reviews"),
        "review:report_history": ("History", "The reporter sent the report"),
    }
    for name, texts in expected.items():
        response = client.get(reverse(name, args=[report.pk]))
        assert response.status_code == 200, name
        body = response.content.decode()
        for text in texts:
            assert text in body, (name, text)
        # Every part links to every other part, and marks itself as the current one.
        assert body.count('aria-current="page"') == 1, name
    for name in ("review:triage", "review:actions", "review:preferences"):
        assert client.get(reverse(name)).status_code == 200
    assert client.get(reverse("review:systems_review", args=[report.pk])).status_code == 200
    assert client.get(reverse("review:just_culture", args=[report.pk])).status_code == 200
