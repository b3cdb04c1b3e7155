"""The acknowledgement of a child-at-risk-now alert: who was told, their references, and when."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from django import forms
from django.utils import timezone

from safelearn.reporting.models import WhoWasTold

_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


class AcknowledgeForm(forms.Form):
    """Only shapes the input; which parts are required is the service's rule (one message for every channel)."""

    who_was_told = forms.MultipleChoiceField(
        label="Who did you tell?",
        help_text="Select all that apply",
        choices=WhoWasTold.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    who_was_told_other = forms.CharField(label="If someone else, who?", max_length=200, required=False)
    references = forms.CharField(
        label="Reference numbers",
        help_text="For example the MASH referral or police incident number. If there were none, say so and why.",
        max_length=500,
        required=False,
    )
    action_taken_on = DateInputField(
        label="Date the action was taken", help_text="For example, 27 3 2026", required=False, require_all_fields=False
    )
    action_taken_time = forms.CharField(
        label="Time the action was taken",
        help_text="24-hour clock, for example 14:35",
        max_length=5,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}),
    )
    notes = forms.CharField(
        label="Notes (optional)",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_action_taken_time(self) -> dt.time | None:
        raw = self.cleaned_data.get("action_taken_time", "")
        if not raw:
            return None
        match = _TIME.match(raw)
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise forms.ValidationError("Enter the time like 14:35")
        return dt.time(int(match.group(1)), int(match.group(2)))

    def action_taken_at(self) -> dt.datetime | None:
        day, time = self.cleaned_data.get("action_taken_on"), self.cleaned_data.get("action_taken_time")
        if not day or time is None:
            return None
        return timezone.make_aware(dt.datetime.combine(day, time))

    @classmethod
    def blank(cls, **kwargs: Any) -> AcknowledgeForm:
        now = timezone.localtime()
        return cls(initial={"action_taken_on": now.date(), "action_taken_time": now.strftime("%H:%M")}, **kwargs)
