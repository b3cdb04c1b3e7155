from __future__ import annotations

from django import forms

from safelearn.core.taxonomy import get_taxonomy
from safelearn.reporting.models import ReportStatus
from safelearn.review.selectors import InboxFilters


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *ReportStatus.choices])
    incident_type = forms.ChoiceField(
        required=False, label="Type", choices=[("", "Any type"), *get_taxonomy().choices("incident_type")]
    )
    service_area = forms.ChoiceField(
        required=False,
        label="Service area",
        choices=[("", "Any service area"), *get_taxonomy().choices("service_area")],
    )
    submitted_from = forms.DateField(
        required=False,
        label="Sent from",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a real date, like 2026-03-27"},
    )
    submitted_to = forms.DateField(
        required=False,
        label="Sent to",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a real date, like 2026-03-27"},
    )

    def filters(self) -> InboxFilters:
        if not self.is_valid():
            return InboxFilters()
        return InboxFilters(**self.cleaned_data)
