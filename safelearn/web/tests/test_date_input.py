"""Day/month/year inputs: an impossible date gets a GOV.UK message, never Python's exception text."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from safelearn.core.forms import DateInputField
from safelearn.core.types import User
from safelearn.reporting.forms import StaffReportForm
from safelearn.review.forms import ActionForm

PYTHON_TEXT = ("out of range", "must be in", "day is", "month must", "year ")


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [("31", "2", "2026"), ("30", "13", "2026"), ("0", "1", "2026"), ("1", "1", "0"), ("1", "1", "99999")],
)
def test_impossible_dates_say_enter_a_real_date(day: str, month: str, year: str) -> None:
    field = DateInputField(required=False, require_all_fields=False)
    with pytest.raises(Exception) as caught:
        field.clean([day, month, year])
    messages = getattr(caught.value, "messages", [])
    assert messages == ["Enter a real date"], messages


def test_a_real_date_is_still_a_date() -> None:
    assert DateInputField(required=False, require_all_fields=False).clean(["29", "2", "2024"]).isoformat() == (
        "2024-02-29"
    )


def test_every_date_input_in_the_forms_uses_the_shared_field() -> None:
    for form in (StaffReportForm, ActionForm):
        for name, field in form.base_fields.items():
            if field.__class__.__name__ == "DateInputField":
                assert isinstance(field, DateInputField), f"{form.__name__}.{name} uses crispy's own DateInputField"


@pytest.mark.django_db
def test_staff_report_with_31_february_keeps_the_answers_and_says_enter_a_real_date(
    client: Client, people: dict[str, User]
) -> None:
    client.force_login(people["reporter"])
    response = client.post(
        reverse("reporting:report_new"),
        {
            "mode": "named",
            "what_happened": "The planned visit did not happen because the rota had a gap.",
            "occurred_on_0": "31",
            "occurred_on_1": "2",
            "occurred_on_2": "2026",
            "action": "submit",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a real date" in html
    assert not any(text in html for text in ("day is out of range", "month must be in"))
    assert 'value="31"' in html and "The planned visit did not happen" in html
