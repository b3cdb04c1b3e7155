"""One question per page for the public link, in short plain sentences (reading age about 9).

Forms only check input. The order of pages and what each stores live in public_flow.py.
"""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.conf import settings

from safelearn.privacy.vault import CONTACT_MAX, NAME_MAX

_LIMIT = settings.SAFELEARN_NARRATIVE_MAX_CHARS
_TOO_LONG = f"This is too long. Use {_LIMIT:,} characters or fewer. You can add more later with your code."


def _helper(*fields: Any) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*fields)
    return helper


class DangerForm(forms.Form):
    immediate_risk_answer = forms.ChoiceField(
        label="Could a child be in danger right now?",
        help_text="This means a child could be badly hurt today or very soon.",
        choices=[("yes", "Yes"), ("no", "No"), ("not_sure", "I'm not sure")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes, no or I'm not sure"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("immediate_risk_answer", legend_size=Size.LARGE, legend_tag="h1"))


WHO_CHOICES = [
    ("young_person", "I am a child or young person"),
    ("parent", "I am a parent, carer or family member"),
    ("other_professional", "I work somewhere else, like a school, the police or the NHS"),
    ("staff", "I work here"),
    ("other", "Something else"),
]


class WhoForm(forms.Form):
    who = forms.ChoiceField(
        label="Who are you?",
        help_text="This helps us understand your report. It does not tell us your name.",
        choices=WHO_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the answer that fits you best"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("who", legend_size=Size.LARGE, legend_tag="h1"))


class ModeForm(forms.Form):
    mode = forms.ChoiceField(
        label="Do you want to tell us who you are?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose if you want to tell us who you are"},
    )

    def __init__(self, *args: Any, allow_named: bool = False, retention_days: int = 30, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            ("anonymous", "No, keep me anonymous. Nobody will know it was me. I will get a code to check for replies."),
            (
                "confidential",
                "Yes, but only the safety team can see it. We keep your name locked away and delete it "
                f"{retention_days} days after we finish.",
            ),
        ]
        if allow_named:
            choices.append(("named", "Yes, use my account. My safety lead will see my name."))
        field = self.fields["mode"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
        self.helper = _helper(Field.radios("mode", legend_size=Size.LARGE, legend_tag="h1"))


class IdentityForm(forms.Form):
    identity_name = forms.CharField(
        label="Your name",
        max_length=NAME_MAX,
        error_messages={"required": "Enter your name", "max_length": f"Use {NAME_MAX} characters or fewer"},
    )
    identity_contact = forms.CharField(
        label="How can we contact you? (optional)",
        help_text="A phone number or email. Leave it empty if you do not want us to contact you.",
        max_length=CONTACT_MAX,
        required=False,
        error_messages={"max_length": f"Use {CONTACT_MAX} characters or fewer"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["identity_name"].widget.attrs["autocomplete"] = "name"
        self.helper = _helper(Field.text("identity_name"), Field.text("identity_contact"))


class WhatForm(forms.Form):
    what_happened = forms.CharField(
        label="What happened?",
        help_text="Say it in your own words. Short sentences are fine.",
        max_length=_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Tell us what happened", "max_length": _TOO_LONG},
    )
    # Honeypot: hidden by the stylesheet, so people never see it; simple bots fill every box.
    website = forms.CharField(label="Leave this empty", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("what_happened", label_size=Size.LARGE, label_tag="h1"))


WHEN_CHOICES = [
    ("today", "Today"),
    ("yesterday", "Yesterday"),
    ("this_week", "In the last week"),
    ("longer", "Longer ago"),
    ("not_sure", "I'm not sure"),
]


class WhenForm(forms.Form):
    when = forms.ChoiceField(
        label="When did it happen?",
        choices=WHEN_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose when it happened, or choose I'm not sure"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("when", legend_size=Size.LARGE, legend_tag="h1"))


class HelpForm(forms.Form):
    what_would_help = forms.CharField(
        label="What would help stop it happening again? (optional)",
        help_text="You can leave this empty.",
        max_length=_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _TOO_LONG},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("what_would_help", label_size=Size.LARGE, label_tag="h1"))


class ConfirmForm(forms.Form):
    """The last page: nothing to type, only the honeypot."""

    website = forms.CharField(label="Leave this empty", required=False)


class ReceiptCodeForm(forms.Form):
    code = forms.CharField(
        label="Your receipt code",
        help_text="It looks like 4821-7730-1954-6602-9KQ3. Capital letters or small letters are fine.",
        max_length=40,
        error_messages={
            "required": "Enter your receipt code",
            "max_length": "A receipt code is 20 letters and numbers",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        attrs = self.fields["code"].widget.attrs
        attrs.update({"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"})
        self.helper = _helper(Field.text("code", label_size=Size.MEDIUM))


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply",
        max_length=_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write your reply", "max_length": _TOO_LONG},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("body", label_size=Size.MEDIUM))


class SafetyLeadMessageForm(forms.Form):
    kind = forms.ChoiceField(
        label="What are you sending?",
        choices=[("question", "A question"), ("message", "A message"), ("feedback", "Feedback on what we learned")],
        widget=forms.RadioSelect,
        initial="question",
    )
    body = forms.CharField(
        label="Message to the reporter",
        help_text="The reporter reads this with their receipt code. Do not name anyone.",
        max_length=_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write the message", "max_length": _TOO_LONG},
    )
