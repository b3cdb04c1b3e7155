"""The query builder's form: GET parameters in, a validated QueryDefinition out (rules in definition.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError

from safelearn.core.forms import apply_errors
from safelearn.core.types import User
from safelearn.queries.definition import PERIODS, TEXT_MAX, QueryDefinition, definition_validate
from safelearn.queries.fields import NOT_RECORDED, NOT_RECORDED_LABEL, QueryField, fields_for

_DATE = {"invalid": "Enter a real date, like 2026-03-27"}


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    checked: bool
    id: str


@dataclass(frozen=True)
class FilterGroup:
    name: str  # the form field's name (f_<field>)
    field: QueryField
    options: list[Option]
    errors: list[str]

    @property
    def chosen(self) -> int:
        return sum(1 for o in self.options if o.checked)


class QueryForm(forms.Form):
    by = forms.ChoiceField(label="Count reports by", error_messages={"required": "Choose what to count reports by"})
    then_by = forms.ChoiceField(label="And by (optional)", required=False)
    period = forms.ChoiceField(label="When were they reported?", choices=list(PERIODS.items()), required=False)
    date_from = forms.DateField(label="From", required=False, error_messages=_DATE)
    date_to = forms.DateField(label="To", required=False, error_messages=_DATE)
    text = forms.CharField(
        label="Words in the report (optional)",
        required=False,
        max_length=TEXT_MAX,
        help_text="Every word must appear somewhere in what the reporter wrote",
        error_messages={"max_length": f"Search for {TEXT_MAX} characters or fewer"},
    )

    def __init__(self, *args: Any, national: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.national = national
        self.query_fields = fields_for(national=national)
        by_choices = [(f.name, f.label) for f in self.query_fields]
        cast(forms.ChoiceField, self.fields["by"]).choices = [("", "Choose a field"), *by_choices]
        cast(forms.ChoiceField, self.fields["then_by"]).choices = [("", "Nothing else"), *by_choices]
        if national:
            del self.fields["text"]  # analysts never search text: national queries count coded fields only
        for qf in self.query_fields:
            self.fields[f"f_{qf.name}"] = forms.MultipleChoiceField(
                label=qf.label,
                required=False,
                choices=[*qf.choices(), (NOT_RECORDED, NOT_RECORDED_LABEL)],
                error_messages={"invalid_choice": f"Choose {qf.label.lower()} from the list"},
            )
        data = self.data if self.is_bound else {}
        self.unknown_filters = sorted(k[2:] for k in data if k.startswith("f_") and k not in self.fields)
        self.text_refused = national and bool(str(data.get("text", "")).strip())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in self.unknown_filters:
            self.add_error(None, f"There is no field called ‘{name[:40]}’ to filter on")
        if self.text_refused:
            self.add_error(
                None,
                "Free-text search is only for your own organisation's reports: national queries count coded "
                "fields only",
            )
        if not self.errors:
            try:
                definition_validate(self.definition(data), national=self.national)
            except ValidationError as exc:
                apply_errors(self, exc)
        return data

    def definition(self, data: dict[str, Any] | None = None) -> QueryDefinition:
        data = self.cleaned_data if data is None else data
        filters = {
            qf.name: tuple(data.get(f"f_{qf.name}") or ()) for qf in self.query_fields if data.get(f"f_{qf.name}")
        }
        return QueryDefinition(
            rows=data.get("by") or "",
            columns=data.get("then_by") or "",
            filters=filters,
            period=data.get("period") or "last_12_months",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            text=(data.get("text") or "").strip(),
        )

    def filter_groups(self) -> list[FilterGroup]:
        """Each field's checkboxes with what was ticked, for the template (kept when the form has errors)."""
        groups = []
        for qf in self.query_fields:
            name = f"f_{qf.name}"
            ticked = set(self.data.getlist(name)) if self.is_bound and hasattr(self.data, "getlist") else set()
            if not self.is_bound:
                ticked = set(self.initial.get(name, ()))
            options = [
                Option(value, label, value in ticked, f"id_{name}" if n == 0 else f"id_{name}-{n + 1}")
                for n, (value, label) in enumerate(
                    cast(list[tuple[str, str]], cast(forms.ChoiceField, self.fields[name]).choices)
                )
            ]
            groups.append(FilterGroup(name, qf, options, [str(e) for e in self.errors.get(name, [])]))
        return groups

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary: each links to the first input of its question."""
        links = []
        for name, errors in self.errors.items():
            anchor = "#main-content" if name == "__all__" else f"#id_{name}"
            links += [(anchor, str(e)) for e in errors]
        return links


class SaveForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=120,
        error_messages={"required": "Enter a name for the query", "max_length": "Name must be 120 characters or fewer"},
    )
    shared = forms.TypedChoiceField(
        label="Who can see it?",
        choices=[("no", "Only me"), ("yes", "Colleagues in my organisation who build queries")],
        coerce=lambda v: v == "yes",
        initial="no",
        error_messages={"required": "Choose who can see the query"},
    )


class ScheduleForm(forms.Form):
    email_monthly = forms.TypedChoiceField(
        label="Email a link to this query each month?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        error_messages={"required": "Choose whether to email it each month"},
    )
    recipients: forms.ModelMultipleChoiceField[User] = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label="Who should get it?",
        error_messages={
            "invalid_choice": "Choose people from the list",
            "invalid_pk_value": "Choose people from the list",
        },
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = people  # type: ignore[attr-defined]
