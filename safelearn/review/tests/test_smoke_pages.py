from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_report_page_renders_every_section(client: Any, people: dict[str, Any], submit_report: Any) -> None:
    report = submit_report(reporter=people["reporter"], outcome="severe_harm").report
    client.force_login(people["reviewer"])
    response = client.get(reverse("review:report_detail", args=[report.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for text in (
        "Grading",
        "Statutory duties",
        "Serious incident notification",
        "Add an action",
        "Feedback to the reporter",
    ):
        assert text in body
    for name in ("review:triage", "review:actions", "review:preferences"):
        assert client.get(reverse(name)).status_code == 200
    assert client.get(reverse("review:systems_review", args=[report.pk])).status_code == 200
    assert client.get(reverse("review:just_culture", args=[report.pk])).status_code == 200
