from __future__ import annotations

from django import forms

from safelearn.casework.files import ALLOWED_WORDS, MAX_MEGABYTES
from safelearn.casework.models import LinkReason
from safelearn.casework.services import DESCRIPTION_MAX, NOTE_MAX
from safelearn.core.forms import GdsForm
from safelearn.privacy.forms import LABEL_CHOICES


class AttachmentForm(GdsForm):
    file = forms.FileField(
        label="Choose a file",
        help_text=f"{ALLOWED_WORDS[0].upper()}{ALLOWED_WORDS[1:]}, smaller than {MAX_MEGABYTES} MB. "
        "Photos lose their hidden details (such as where they were taken) when you add them.",
        error_messages={"required": "Choose a file to add", "empty": "The selected file is empty"},
        allow_empty_file=False,
    )
    description = forms.CharField(
        label="What is it? (optional)",
        help_text="For example, the rota for the week of the visit",
        max_length=DESCRIPTION_MAX,
        required=False,
        error_messages={"max_length": f"The description must be {DESCRIPTION_MAX} characters or fewer"},
    )


class AmendmentForm(GdsForm):
    text = forms.CharField(
        label="What do you want to add or correct?",
        help_text="Your report stays as you sent it. This is added beside it, with the date.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write the addition or correction"},
    )


class LinkForm(GdsForm):
    reference = forms.CharField(
        label="Reference of the report to link",
        help_text="A report of this organisation, for example NB-2026-00042",
        max_length=32,
        error_messages={"required": "Enter the reference of the report to link, for example NB-2026-00042"},
    )
    reason = forms.ChoiceField(
        label="Why do they belong together?",
        choices=LinkReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why these reports belong together"},
    )
    note = forms.CharField(
        label="Explain the link",
        help_text="Both reports show this. Other safety leads of your organisation will read it.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX,
        error_messages={"required": "Say why these reports belong together"},
    )


class AmendmentRedactForm(GdsForm):
    phrase = forms.CharField(
        label="Words to remove from this addition",
        max_length=200,
        help_text="Every occurrence is removed, whatever its case.",
        error_messages={"required": "Enter the words to remove"},
    )
    label = forms.ChoiceField(label="What kind of personal data is it?", choices=LABEL_CHOICES, initial="PERSON")
