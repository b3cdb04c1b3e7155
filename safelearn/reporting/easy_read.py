"""Easy read: the public journey's questions in short sentences, one idea per line, with a picture.

Chosen on the start page and kept in the public session. Each page keeps its form, fields and answer
values (public_flow.STEPS); only the words people read change, so an easy-read report stores exactly
what the standard one does. Pictures are simple SVGs in static/reporting/easy-read/ with alt text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django import forms
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from safelearn.reporting import public_flow

SESSION_KEY = "public_easy_read"
Text = str | Promise


@dataclass(frozen=True)
class EasyRead:
    title: Text  # the question, also the page's heading
    lines: tuple[Text, ...]  # the hint: one idea per line
    icon: str  # a static path
    icon_alt: Text
    labels: dict[str, Text] = field(default_factory=dict)  # other fields' labels (the identity page)
    hints: dict[str, Text] = field(default_factory=dict)  # other fields' hints
    choices: dict[str, dict[str, Text]] = field(default_factory=dict)  # field → answer value → words


def _icon(name: str) -> str:
    return f"reporting/easy-read/{name}.svg"


PAGES: dict[str, EasyRead] = {
    "danger": EasyRead(
        title=_("Is a child in danger now?"),
        lines=(_("Danger means a child could be badly hurt."), _("It could happen today or very soon.")),
        icon=_icon("danger"),
        icon_alt=_("Picture: a warning sign"),
    ),
    "who": EasyRead(
        title=_("Who are you?"),
        lines=(_("Choose the one that is most like you."), _("This does not tell us your name.")),
        icon=_icon("who"),
        icon_alt=_("Picture: a group of people"),
        choices={
            "who": {
                "parent": _("I am a parent, carer or family"),
                "other_professional": _("I work at a school, the police, the NHS or a place like that"),
            }
        },
    ),
    "mode": EasyRead(
        title=_("Do you want to tell us your name?"),
        lines=(_("You do not have to."), _("We will listen either way.")),
        icon=_icon("mode"),
        icon_alt=_("Picture: a padlock"),
        choices={
            "mode": {
                "anonymous": _("No. Nobody will know it was me."),
                "confidential": _("Yes, but only the safety team can see my name."),
                "named": _("Yes, use my account. My safety lead will see my name."),
            }
        },
    ),
    "identity": EasyRead(
        title=_("Tell us your name"),
        lines=(_("Only the safety team can see it."), _("We keep it locked away."), _("We delete it later.")),
        icon=_icon("identity"),
        icon_alt=_("Picture: a name badge"),
        labels={"identity_contact": _("How can we talk to you? You do not have to tell us.")},
        hints={"identity_contact": _("Write a phone number or an email.")},
    ),
    "what": EasyRead(
        title=_("What happened?"),
        lines=(_("Tell us in your own words."), _("Short sentences are fine.")),
        icon=_icon("what"),
        icon_alt=_("Picture: a speech bubble"),
    ),
    "when": EasyRead(
        title=_("When did it happen?"),
        lines=(_("It is OK if you do not know."),),
        icon=_icon("when"),
        icon_alt=_("Picture: a calendar"),
        choices={"when": {"this_week": _("In the last 7 days")}},
    ),
    "where": EasyRead(
        title=_("Where did it happen?"),
        lines=(_("You do not have to say."), _("Do not write the name of a place.")),
        icon=_icon("where"),
        icon_alt=_("Picture: a map pin on a house"),
    ),
    "child": EasyRead(
        title=_("How old is the child it happened to?"),
        lines=(_("If it happened to you, choose your age."), _("You do not have to say.")),
        icon=_icon("child"),
        icon_alt=_("Picture: a young person and a number"),
    ),
    "help": EasyRead(
        title=_("What would help stop it happening again?"),
        lines=(_("You do not have to answer this."), _("You can leave it empty.")),
        icon=_icon("help"),
        icon_alt=_("Picture: a light bulb"),
    ),
}


def is_on(request: HttpRequest) -> bool:
    return bool(request.session.get(SESSION_KEY))


def one_idea_per_line(lines: tuple[Text, ...]) -> SafeString:
    """Hint text as lines (the hint template marks it safe, so each line is escaped here)."""
    return format_html_join("", '<span class="sl-easy-line">{}</span>', ((str(line),) for line in lines))


def apply(form: forms.Form, step: public_flow.Step) -> forms.Form:
    """Swap the words on a page's form for easy read. Fields, answer values and checks stay the same."""
    page = PAGES[step.slug]
    main = step.fields[0]
    for name, form_field in form.fields.items():
        if name not in step.fields:
            continue  # the honeypot keeps its words
        if name == main and step.slug != "identity":  # the identity page's heading is in its template
            form_field.label = str(page.title)  # pages are built per request, in the visitor's language
            form_field.help_text = one_idea_per_line(page.lines)
        if name in page.labels:
            form_field.label = str(page.labels[name])
        if name in page.hints:
            form_field.help_text = str(page.hints[name])
        words = page.choices.get(name)
        if words and isinstance(form_field, forms.ChoiceField):
            current = cast(list[tuple[Any, Any]], form_field.choices)  # a flat list here: no groups, no callables
            form_field.choices = [(value, words.get(str(value), label)) for value, label in current]
    return form


def answer_words(field_name: str) -> dict[str, Text]:
    """The easy-read words for answer values, for the check-your-answers page."""
    for page in PAGES.values():
        if field_name in page.choices:
            return page.choices[field_name]
    return {}


def question(field_name: str, slug: str) -> Text | None:
    page = PAGES[slug]
    if field_name in page.labels:
        return page.labels[field_name]
    if field_name == public_flow.BY_SLUG[slug].fields[0] and slug != "identity":
        return page.title
    return None
