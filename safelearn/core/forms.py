"""Form helpers shared by every app's views."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from crispy_forms_gds.fields import DateInputField as GdsDateInputField
from crispy_forms_gds.helper import FormHelper
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

REAL_DATE = "Enter a real date"


class DateInputField(GdsDateInputField):  # type: ignore[misc]  # crispy-forms-gds has no type hints
    """GOV.UK day/month/year input; every form's date field is this one.

    crispy-forms-gds turns the ``ValueError`` of an impossible date (31 February, month 13, year 0) into a
    message made of Python's own text ("day is out of range for month"); people see "Enter a real date".
    """

    def compress(self, data_list: Any) -> dt.date | None:
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            return dt.date(day=int(day), month=int(month), year=int(year))
        except (ValueError, OverflowError) as exc:
            raise ValidationError(REAL_DATE, code="invalid_date") from exc


class GdsForm(forms.Form):
    """Rendered by crispy-forms-gds inside a <form> the template writes (so each page controls its action)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's errors on the matching fields, so the page shows them where they belong."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


Done = TypeVar("Done")


def form_submit(
    request: HttpRequest, form: forms.Form, service: Callable[[], Done], done: str | Callable[[Done], str]
) -> bool:
    """Validate the form, run the service and say what was done; True when it was.

    A service's ValidationError lands on the form (see ``apply_errors``), so the caller shows the form again,
    bound, with status 400. ``done`` is the success message, or makes it from what the service returned.
    """
    if not form.is_valid():
        return False
    try:
        result = service()
    except ValidationError as exc:
        apply_errors(form, exc)
        return False
    messages.success(request, done if isinstance(done, str) else done(result))
    return True
