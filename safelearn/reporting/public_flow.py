"""The public link's pages in order, which to skip, and how the answers become a ReportInput."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from safelearn.reporting import public_forms as pf
from safelearn.reporting.services import ChildInput, ReporterIdentity, ReportInput


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[forms.Form]
    title: str | Promise  # translated when the page is shown, in the visitor's language
    fields: tuple[str, ...]


STEPS: tuple[Step, ...] = (
    Step("danger", pf.DangerForm, _("Could a child be in danger right now?"), ("immediate_risk_answer",)),
    Step("who", pf.WhoForm, _("Who are you?"), ("who",)),
    Step("mode", pf.ModeForm, _("Do you want to tell us who you are?"), ("mode",)),
    Step("identity", pf.IdentityForm, _("Tell us who you are"), ("identity_name", "identity_contact")),
    Step("what", pf.WhatForm, _("What happened?"), ("what_happened",)),
    Step("when", pf.WhenForm, _("When did it happen?"), ("when",)),
    Step("help", pf.HelpForm, _("What would help?"), ("what_would_help",)),
    # Optional extras, offered on check-your-answers rather than in the walk through, so a young person who
    # does not know (or would rather not say) where it happened or how old the child is meets no extra page.
    # Types of place only, never an organisation's named homes.
    Step("where", pf.WhereForm, _("Where did it happen?"), ("location_type",)),
    Step("child", pf.ChildAgeForm, _("How old is the child or young person?"), ("child_age_band",)),
)
#: Pages reached only from check-your-answers ("Add" or "Change"); each returns there.
EXTRAS = ("where", "child")
BY_SLUG = {s.slug: s for s in STEPS}
REQUIRED = ("immediate_risk_answer", "who", "mode", "what_happened", "when")


def applies(step: Step, answers: dict[str, Any]) -> bool:
    """The identity page is only for confidential reports (a named one uses the signed-in account)."""
    if step.slug == "identity":
        return answers.get("mode") == "confidential"
    return step.slug not in EXTRAS


def next_slug(current: str, answers: dict[str, Any]) -> str:
    if current in EXTRAS:
        return "check"
    index = [s.slug for s in STEPS].index(current)
    for step in STEPS[index + 1 :]:
        if applies(step, answers):
            return step.slug
    return "check"


def previous_slug(current: str, answers: dict[str, Any]) -> str | None:
    if current in EXTRAS:
        return "help"
    slugs = [s.slug for s in STEPS]
    index = len(slugs) if current == "check" else slugs.index(current)
    for step in reversed(STEPS[:index]):
        if applies(step, answers):
            return step.slug
    return None


def first_missing(answers: dict[str, Any]) -> str | None:
    """The first page still needing an answer, so nobody reaches the end with a gap."""
    for step in STEPS:
        if not applies(step, answers):
            continue
        required = [f for f in step.fields if f in REQUIRED or (step.slug == "identity" and f == "identity_name")]
        if any(not str(answers.get(f, "")).strip() for f in required):
            return step.slug
    return None


_ROLES = {"young_person": "young_person", "parent": "parent", "other_professional": "other_professional"}


def occurred(when: str, today: dt.date) -> tuple[dt.date | None, bool]:
    """Plain answers to a date; only 'today' and 'yesterday' are exact."""
    if when == "today":
        return today, False
    if when == "yesterday":
        return today - dt.timedelta(days=1), False
    if when == "this_week":
        return today - dt.timedelta(days=3), True
    return None, False


def to_input(answers: dict[str, Any], today: dt.date) -> tuple[ReportInput, ReporterIdentity | None]:
    occurred_on, approximate = occurred(str(answers.get("when", "")), today)
    data = ReportInput(
        what_happened=str(answers.get("what_happened", "")),
        what_would_help=str(answers.get("what_would_help", "")),
        mode=str(answers.get("mode", "")),
        immediate_risk_answer=str(answers.get("immediate_risk_answer", "")),
        reporter_role=_ROLES.get(str(answers.get("who", "")), ""),
        occurred_on=occurred_on,
        occurred_on_is_approximate=approximate,
        location_type=str(answers.get("location_type", "")),
        children=[ChildInput(age_band=str(answers["child_age_band"]))] if answers.get("child_age_band") else [],
    )
    identity = None
    if data.mode == "confidential":
        identity = ReporterIdentity(
            name=str(answers.get("identity_name", "")), contact=str(answers.get("identity_contact", ""))
        )
    return data, identity


def summary_rows(
    answers: dict[str, Any],
    *,
    question_words: Callable[[str, str], str | Promise | None] | None = None,
    answer_words: Callable[[str], Mapping[str, str | Promise]] | None = None,
) -> list[tuple[str, str, str]]:
    """(question, answer, page) rows for the check-your-answers page.

    ``question_words(field, page)`` and ``answer_words(field)`` give other words (easy read) where they have some.
    """
    labels = {
        "immediate_risk_answer": dict(pf.DangerForm.base_fields["immediate_risk_answer"].choices),  # type: ignore[attr-defined]
        "who": dict(pf.WHO_CHOICES),
        "when": dict(pf.WHEN_CHOICES),
        "location_type": dict(pf.WHERE_CHOICES),
        "child_age_band": dict(pf.AGE_CHOICES),
        "mode": {
            "anonymous": gettext("No, keep me anonymous"),
            "confidential": gettext("Yes, only the safety team can see it"),
            "named": gettext("Yes, use my account"),
        },
    }
    rows = [
        (gettext("Could a child be in danger right now?"), "immediate_risk_answer", "danger"),
        (gettext("Who are you?"), "who", "who"),
        (gettext("Do you want to tell us who you are?"), "mode", "mode"),
        (gettext("Your name"), "identity_name", "identity"),
        (gettext("How we can contact you"), "identity_contact", "identity"),
        (gettext("What happened?"), "what_happened", "what"),
        (gettext("When did it happen?"), "when", "when"),
        (gettext("What would help?"), "what_would_help", "help"),
        (gettext("Where did it happen? (optional)"), "location_type", "where"),
        (gettext("How old is the child or young person? (optional)"), "child_age_band", "child"),
    ]
    out = []
    for question, key, slug in rows:
        if not applies(BY_SLUG[slug], answers) and slug not in EXTRAS:
            continue
        if slug in EXTRAS and key not in answers:
            other = question_words(key, slug) if question_words else None
            out.append((str(other or question), gettext("Not given (optional)"), slug))
            continue
        value = str(answers.get(key, ""))
        words = {**labels.get(key, {}), **(answer_words(key) if answer_words else {})}
        other = question_words(key, slug) if question_words else None
        out.append((str(other or question), str(words.get(value, value)) or gettext("Not given"), slug))
    return out
