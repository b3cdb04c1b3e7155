"""Case-review forms speak plainly about bad dates."""

from __future__ import annotations

import pytest

from safelearn.casereviews.forms import AssignForm


@pytest.mark.django_db
def test_an_impossible_due_date_asks_for_a_real_one() -> None:
    form = AssignForm(data={"due_on": "2026-02-31"})
    form.is_valid()
    assert form.errors["due_on"] == ["Enter a real date, for example 2026-09-30"]
