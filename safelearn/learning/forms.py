"""Forms only validate input; the rules live in services."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout
from django import forms

from safelearn.core.forms import GdsForm
from safelearn.core.taxonomy import get_taxonomy
from safelearn.learning.engine.taxonomy import FIELD_SECTIONS, MULTI_LABEL_FIELDS
from safelearn.learning.models import Suggestion

FIELD_LABELS = {
    "incident_type": "Type of incident",
    "service_area": "Service area",
    "outcome": "Outcome",
    "contributory_factors": "Contributory factors",
    "recovery_factor": "Recovery factor",
    "immediate_risk": "A child may be at risk now",
}
RISK_CHOICES = [("yes", "Yes"), ("no", "No")]


class SuggestionDecisionForm(forms.Form):
    """One suggested field: pre-filled with the code the report holds (the reporter's own, or the earlier
    decision), never with the suggestion, which is shown beside it to accept or not."""

    action = forms.ChoiceField(
        choices=[("save", "Save"), ("reject", "Reject")],
        error_messages={"required": "Choose to save the code or reject the suggestion."},
    )

    def __init__(self, *args: Any, suggestion: Suggestion, **kwargs: Any) -> None:
        self.suggestion = suggestion
        kwargs.setdefault("prefix", f"s-{suggestion.field}")
        shown = None if suggestion.withheld else suggestion.value
        if suggestion.final_value is not None:
            current = suggestion.final_value
        elif suggestion.field == "immediate_risk":
            current = shown  # a safety screen's answer, not a code the reporter chose
        else:
            current = getattr(suggestion.report, suggestion.field, None)  # the reporter's code stays in place
        field = suggestion.field
        label = FIELD_LABELS.get(field, field)
        if field == "immediate_risk":
            kwargs.setdefault("initial", {"value": "yes" if current else "no"})
        else:
            kwargs.setdefault("initial", {"value": current})
        super().__init__(*args, **kwargs)
        if field == "immediate_risk":
            self.fields["value"] = forms.ChoiceField(label=label, choices=RISK_CHOICES, required=False)
        elif field in MULTI_LABEL_FIELDS:
            self.fields["value"] = forms.MultipleChoiceField(
                label=label,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=get_taxonomy().choices(FIELD_SECTIONS[field]),
                error_messages={"invalid_choice": "Choose factors from the list."},
            )
        else:
            self.fields["value"] = forms.ChoiceField(
                label=label,
                required=False,
                choices=get_taxonomy().choices(FIELD_SECTIONS[field]),
                error_messages={"invalid_choice": "Choose a code from the list."},
            )
        # The template writes the <form> and the Save / Reject buttons (which carry `action`).
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout("value")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # An empty set of contributory factors is a real answer ("none of these"); other fields need a code.
        if data.get("action") == "save" and self.suggestion.field not in MULTI_LABEL_FIELDS and not data.get("value"):
            self.add_error("value", "Choose a code from the list.")
        return data

    def decided_value(self) -> Any:
        value = self.cleaned_data.get("value")
        if self.suggestion.field == "immediate_risk":
            return value == "yes"
        return value


class SearchForm(GdsForm):
    q = forms.CharField(label="Search for words in reports", max_length=500, required=False, strip=True)
    scope = forms.ChoiceField(
        label="Where to search",
        required=False,
        choices=[
            ("organisation", "My organisation's reports (full text)"),
            ("pool", "National pool (approved de-identified reports)"),
        ],
    )


class SignalDecisionForm(GdsForm):
    action = forms.ChoiceField(
        label="Decision",
        choices=[("promote", "Promote it"), ("dismiss", "Dismiss it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose to promote or dismiss the signal."},
    )
    promote_to = forms.ChoiceField(
        label="Promote to",
        required=False,
        widget=forms.RadioSelect,
        choices=[("bulletin", "A learning bulletin"), ("alert", "A safety alert")],
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter the reason for your decision."},
    )
