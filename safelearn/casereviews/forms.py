"""Forms only validate input; the services decide."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils import timezone

from safelearn.casereviews.models import CODE_SECTIONS, AssignmentStatus, ReviewKind
from safelearn.casereviews.selectors.library import SECTION_LABELS
from safelearn.core.forms import GdsForm
from safelearn.core.taxonomy import get_taxonomy
from safelearn.organisations.models import Organisation, OrganisationKind


def split_paragraphs(text: str) -> list[str]:
    """One item per paragraph (blank line between), so long findings can wrap over several lines."""
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


class ReviewForm(GdsForm):
    title = forms.CharField(
        max_length=300, label="Title of the review", error_messages={"required": "Enter the review's title"}
    )
    area = forms.CharField(
        max_length=120,
        label="Area or safeguarding partnership",
        error_messages={"required": "Enter the area or safeguarding partnership"},
    )
    year = forms.IntegerField(
        label="Year published", min_value=1970, error_messages={"required": "Enter the year the review was published"}
    )
    kind = forms.ChoiceField(choices=ReviewKind.choices, label="Kind of review", widget=forms.RadioSelect)
    summary = forms.CharField(label="Short summary", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    document_url = forms.URLField(label="Link to the published document", required=False, assume_scheme="https")
    findings = forms.CharField(
        label="Findings",
        help_text="One finding per paragraph: leave a blank line between findings.",
        error_messages={"required": "Enter at least one finding"},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    recommendations = forms.CharField(
        label="Recommendations",
        required=False,
        help_text="One recommendation per paragraph: leave a blank line between them.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        if year > timezone.localdate().year + 1:
            raise forms.ValidationError("The year cannot be in the future")
        return year

    def clean_findings(self) -> list[str]:
        items = split_paragraphs(self.cleaned_data["findings"])
        if not items:
            raise forms.ValidationError("Enter at least one finding")
        return items

    def clean_recommendations(self) -> list[str]:
        return split_paragraphs(self.cleaned_data.get("recommendations", ""))


class AddItemsForm(GdsForm):
    findings = forms.CharField(
        label="New findings", required=False, help_text="One per paragraph.", widget=forms.Textarea(attrs={"rows": 4})
    )
    recommendations = forms.CharField(
        label="New recommendations",
        required=False,
        help_text="One per paragraph.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        data["findings"] = split_paragraphs(str(data.get("findings") or ""))
        data["recommendations"] = split_paragraphs(str(data.get("recommendations") or ""))
        if not data["findings"] and not data["recommendations"]:
            raise forms.ValidationError("Enter a finding or a recommendation to add")
        return data


class CodingForm(GdsForm):
    """Pre-filled with every code in use; unticking rejects a suggestion, ticking adds or confirms."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tax = get_taxonomy()
        for section in CODE_SECTIONS:
            self.fields[section] = forms.MultipleChoiceField(
                choices=tax.choices(section),
                required=False,
                label=SECTION_LABELS[section],
                widget=forms.CheckboxSelectMultiple,
            )


class AssignForm(GdsForm):
    organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(),
        label="Organisations to act on it",
        widget=forms.CheckboxSelectMultiple,
    )
    due_on = forms.DateField(
        label="Due date (optional)",
        required=False,
        help_text="For example, 2026-09-30",
        error_messages={"invalid": "Enter a real date, for example 2026-09-30"},
    )
    note = forms.CharField(
        label="Note for the organisation (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisations"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Organisation.objects.exclude(kind=OrganisationKind.NATIONAL).order_by("name")


class AssignmentUpdateForm(GdsForm):
    status = forms.ChoiceField(choices=AssignmentStatus.choices, label="Status", widget=forms.RadioSelect)
    evidence = forms.CharField(
        label="What was done (or why it was cancelled)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
