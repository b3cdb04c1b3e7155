from __future__ import annotations

from django import forms

from safelearn.privacy.deid import LABELS

LABEL_CHOICES = [(label, label.replace("_", " ").title()) for label in LABELS]


class AddSpanForm(forms.Form):
    phrase = forms.CharField(
        label="Words to remove",
        max_length=200,
        help_text="Every occurrence is removed, whatever its case.",
        error_messages={"required": "Enter the words to remove"},
    )
    label = forms.ChoiceField(label="What kind of personal data is it?", choices=LABEL_CHOICES, initial="PERSON")


class RemoveSpansForm(forms.Form):
    remove = forms.TypedMultipleChoiceField(
        coerce=int,
        choices=[],
        required=True,
        error_messages={"required": "Choose at least one highlighted item to keep"},
    )

    def __init__(self, *args: object, span_count: int = 0, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["remove"].choices = [(i, str(i)) for i in range(span_count)]  # type: ignore[attr-defined]


class GeneraliseForm(forms.Form):
    choices = forms.MultipleChoiceField(choices=[], required=False)

    def __init__(self, *args: object, codes: list[str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["choices"].choices = [(c, c) for c in codes or []]  # type: ignore[attr-defined]
        self.fields["choices"].error_messages["invalid_choice"] = "Choose from the generalisations offered"


class ApproveForm(forms.Form):
    below_k_reason = forms.CharField(
        label="Why approve it anyway?",
        max_length=2000,
        required=False,
        widget=forms.Textarea,
    )
