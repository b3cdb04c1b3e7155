"""One question per page for the public link, in short plain sentences (reading age about 9).

Forms only check input. The order of pages and what each stores live in public_flow.py.
"""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from safelearn.reporting import receipt_words, receipts
from safelearn.reporting.identity import CONTACT_MAX, NAME_MAX

_LIMIT = settings.SAFELEARN_NARRATIVE_MAX_CHARS
_TOO_LONG = format_lazy(
    _("This is too long. Use {limit} characters or fewer. You can add more later with your code."), limit=f"{_LIMIT:,}"
)


def _helper(*fields: Any) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*fields)
    return helper


class DangerForm(forms.Form):
    immediate_risk_answer = forms.ChoiceField(
        label=_("Could a child be in danger right now?"),
        help_text=_("This means a child could be badly hurt today or very soon."),
        choices=[("yes", _("Yes")), ("no", _("No")), ("not_sure", _("I'm not sure"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes, no or I'm not sure")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("immediate_risk_answer", legend_size=Size.LARGE, legend_tag="h1"))


WHO_CHOICES = [
    ("young_person", _("I am a child or young person")),
    ("parent", _("I am a parent, carer or family member")),
    ("other_professional", _("I work somewhere else, like a school, the police or the NHS")),
    ("staff", _("I work here")),
    ("other", _("Something else")),
]


class WhoForm(forms.Form):
    who = forms.ChoiceField(
        label=_("Who are you?"),
        help_text=_("This helps us understand your report. It does not tell us your name."),
        choices=WHO_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the answer that fits you best")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("who", legend_size=Size.LARGE, legend_tag="h1"))


class ModeForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Do you want to tell us who you are?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose if you want to tell us who you are")},
    )

    def __init__(self, *args: Any, allow_named: bool = False, retention_days: int = 30, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            (
                "anonymous",
                gettext("No, keep me anonymous. Nobody will know it was me. I will get a code to check for replies."),
            ),
            (
                "confidential",
                gettext(
                    "Yes, but only the safety team can see it. We keep your name locked away and delete it "
                    "%(days)s days after we finish."
                )
                % {"days": retention_days},
            ),
        ]
        if allow_named:
            choices.append(("named", gettext("Yes, use my account. My safety lead will see my name.")))
        field = self.fields["mode"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
        self.helper = _helper(Field.radios("mode", legend_size=Size.LARGE, legend_tag="h1"))


class IdentityForm(forms.Form):
    identity_name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX,
        error_messages={
            "required": _("Enter your name"),
            "max_length": format_lazy(_("Use {limit} characters or fewer"), limit=NAME_MAX),
        },
    )
    identity_contact = forms.CharField(
        label=_("How can we contact you? (optional)"),
        help_text=_("A phone number or email. Leave it empty if you do not want us to contact you."),
        max_length=CONTACT_MAX,
        required=False,
        error_messages={"max_length": format_lazy(_("Use {limit} characters or fewer"), limit=CONTACT_MAX)},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["identity_name"].widget.attrs["autocomplete"] = "name"
        self.helper = _helper(Field.text("identity_name"), Field.text("identity_contact"))


class WhatForm(forms.Form):
    what_happened = forms.CharField(
        label=_("What happened?"),
        help_text=_("Say it in your own words. Short sentences are fine."),
        max_length=_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Tell us what happened"), "max_length": _TOO_LONG},
    )
    # Honeypot: hidden by the stylesheet, so people never see it; simple bots fill every box.
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("what_happened", label_size=Size.LARGE, label_tag="h1"))


WHEN_CHOICES = [
    ("today", _("Today")),
    ("yesterday", _("Yesterday")),
    ("this_week", _("In the last week")),
    ("longer", _("Longer ago")),
    ("not_sure", _("I'm not sure")),
]


class WhenForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When did it happen?"),
        choices=WHEN_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose when it happened, or choose I'm not sure")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("when", legend_size=Size.LARGE, legend_tag="h1"))


class HelpForm(forms.Form):
    what_would_help = forms.CharField(
        label=_("What would help stop it happening again? (optional)"),
        help_text=_("You can leave this empty."),
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

    website = forms.CharField(label=_("Leave this empty"), required=False)


class ReceiptCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your receipt code"),
        help_text=_(
            "It looks like 4821-7730-1954-6602-9KQ3, or 8 words like 'apple river …'. "
            "Capital letters or small letters are fine."
        ),
        max_length=120,
        error_messages={
            "required": _("Enter your receipt code"),
            "max_length": _("A receipt code is 20 letters and numbers, or 8 words"),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        attrs = self.fields["code"].widget.attrs
        attrs.update({"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none"})
        self.helper = _helper(Field.text("code", label_size=Size.MEDIUM))

    def clean_code(self) -> str:
        """Words with a typo get a plain 'check the words' message; anything else is looked up as it is."""
        raw = str(self.cleaned_data["code"])
        if receipts.normalise_code(raw) is not None or not receipt_words.looks_like_words(raw):
            return raw
        reading = receipt_words.words_to_code(raw)
        if reading.unknown:
            raise forms.ValidationError(
                gettext("Check the words: %(words)s is not one of our receipt words")
                % {"words": ", ".join(f"‘{w}’" for w in reading.unknown[:3])}
            )
        if reading.count != receipt_words.WORD_COUNT:
            raise forms.ValidationError(
                gettext("Check the words: a receipt code has %(expected)s words and you entered %(count)s")
                % {"expected": receipt_words.WORD_COUNT, "count": reading.count}
            )
        raise forms.ValidationError(gettext("Check the words: they are receipt words, but check their order"))


class ReceiptEmailForm(forms.Form):
    """'Email it to me' on the receipt page: optional, and the address is used once and never kept."""

    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("Only use an email address that nobody else reads."),
        max_length=254,
        error_messages={
            "required": _("Enter your email address, or leave this and write the code down"),
            "invalid": _("Enter an email address like name@example.com"),
            "max_length": _("An email address is 254 characters or fewer"),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        self.helper = _helper(Field.text("email"))


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write your reply"), "max_length": _TOO_LONG},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("body", label_size=Size.MEDIUM))


class SafetyLeadMessageForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you sending?"),
        choices=[
            ("question", _("A question")),
            ("message", _("A message")),
            ("feedback", _("Feedback on what we learned")),
        ],
        widget=forms.RadioSelect,
        initial="question",
    )
    body = forms.CharField(
        label=_("Message to the reporter"),
        help_text=_("The reporter reads this with their receipt code. Do not name anyone."),
        max_length=_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write the message"), "max_length": _TOO_LONG},
    )


WHERE_CHOICES = [
    ("childs_home", _("At home, or my family's home")),
    ("childrens_home", _("In a children's home")),
    ("foster_placement", _("In a foster home")),
    ("school", _("At school or college")),
    ("hospital", _("At a hospital or health service")),
    ("police_station", _("At a police station")),
    ("family_centre", _("At a family centre")),
    ("team", _("At a social work office or meeting")),
    ("online", _("Online or on a phone")),
    ("other", _("Somewhere else")),
    ("", _("I don't know, or I'd rather not say")),
]


class WhereForm(forms.Form):
    """Only the type of place: the public link never offers an organisation's named homes."""

    location_type = forms.ChoiceField(
        label=_("Where did it happen? (optional)"),
        help_text=_("You do not have to say. Do not write the name of a place."),
        choices=WHERE_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose one of the places, or I don't know")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("location_type", legend_size=Size.LARGE, legend_tag="h1"))


AGE_CHOICES = [
    ("0-4", _("Under 5")),
    ("5-9", _("5 to 9")),
    ("10-12", _("10 to 12")),
    ("13-15", _("13 to 15")),
    ("16-17", _("16 or 17")),
    ("18+", _("18 or over")),
    ("", _("I don't know, or I'd rather not say")),
]


class ChildAgeForm(forms.Form):
    child_age_band = forms.ChoiceField(
        label=_("How old is the child or young person it happened to? (optional)"),
        help_text=_("If it happened to you, choose your age. This helps us see if some ages are let down more."),
        choices=AGE_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose an age, or I don't know")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("child_age_band", legend_size=Size.LARGE, legend_tag="h1"))
