"""Issue 21: the public journey is translated, and stays translated.

1. No visible English left outside {% translate %} / {% blocktranslate %} in the translated templates
   (a small scanner: template tags, variables, comments, scripts and HTML tags removed, then any word
   left over fails, unless it is on the short allow-list below).
2. Every string those templates and the public forms mark for translation has a Welsh translation in
   safelearn/locale/cy/LC_MESSAGES/django.po, with the same placeholders.
3. The committed django.mo matches django.po, so a .po edit without `safelearn compilemessages` fails.
"""

from __future__ import annotations

import ast
import gettext as gnu_gettext
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR) / "safelearn"
LOCALE = ROOT / "locale" / "cy" / "LC_MESSAGES"

#: Templates whose every visible word must be translatable: the public report, receipt, check your
#: report, the layout, header, footer and banners around them, and the staff pages translated so far.
TRANSLATED_TEMPLATES = sorted(
    [
        *(ROOT / "reporting/templates/reporting/public").glob("*.html"),
        *(ROOT / "reporting/templates/reporting/check").glob("*.html"),
        *(
            ROOT / "reporting/templates/reporting" / name
            for name in (
                "receipt_code.html",
                "next_steps.html",
                "risk_now.html",
                "saved_confirm.html",
                "saved_error_summary.html",
                "timeout_warning.html",
                "conversation_messages.html",
                "report_form.html",  # the staff report form (the non-public one)
            )
        ),
        # Staff pages (issue 21, second pass): the review inbox, queues and a report's parts.
        *(
            ROOT / "review/templates/review" / name
            for name in (
                "inbox.html",
                "triage.html",
                "actions.html",
                "action_update.html",
                "preferences.html",
                "escalation_panel.html",
                "just_culture.html",
                "report/layout.html",
                "report/subnav.html",
                "report/account.html",
                "report/actions.html",
                "report/feedback.html",
                "report/history.html",
                "report_close.html",
                "systems_review.html",
                "report/summary.html",
                "report/grading.html",
            )
        ),
        *(
            ROOT / "analytics/templates/analytics" / name
            for name in (
                "home.html",
                "dashboard.html",
                "_filters.html",
                "_figure.html",
                "_tiles.html",
                "children_supported.html",
                "open_data.html",
                "alert_list.html",
                "alert_form.html",
                "bulletin_form.html",
                "organisation_alerts.html",
                "bulletin_list.html",
                "pool.html",
                "alert_detail.html",
                "alert_respond.html",
                "bulletin_detail.html",
                "bulletin_publish_confirm.html",
            )
        ),
        *(
            ROOT / "web/templates/web" / name
            for name in (
                "base.html",
                "_footer.html",
                "_phase_banner.html",
                "_language_select.html",
                "error_summary.html",
                "pages/accessibility.html",
                "pages/privacy.html",
                "pages/privacy_organisation.html",
                "pages/privacy_unknown.html",
            )
        ),
    ]
)

#: Words that are the same in every language: the service's name, and each language named in itself
#: (the GOV.UK language select never translates a language's own name).
ALLOWED_TEXT = {"SafeLearn", "English", "Cymraeg", "Change the language to English", "Newid yr iaith i’r Gymraeg"}

#: Attributes people read or hear (screen readers announce aria-label, alt and title).
_READ_ATTRIBUTES = re.compile(r'\b(?:aria-label|alt|title|placeholder)="([^"{}%]*[A-Za-z][^"{}%]*)"')
_BLOCK_TRANSLATE = re.compile(r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.S)
_COMMENT_BLOCK = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_TEMPLATE_BITS = re.compile(r"{#.*?#}|{%.*?%}|{{.*?}}", re.S)
_HTML_TAG = re.compile(r"<[^>]*>", re.S)
_ENTITY = re.compile(r"&[#\w]+;")


def untranslated_text(source: str) -> list[str]:
    """Visible words in a template that do not go through the translation machinery."""
    text = _COMMENT_BLOCK.sub(" ", source)
    text = _BLOCK_TRANSLATE.sub(" ", text)
    text = _SCRIPT_STYLE.sub(" ", text)
    found = [m.group(1) for m in _READ_ATTRIBUTES.finditer(_TEMPLATE_BITS.sub("", text))]
    text = _TEMPLATE_BITS.sub("\n", text)
    text = _HTML_TAG.sub("\n", text)
    text = _ENTITY.sub(" ", text)
    for chunk in text.split("\n"):
        chunk = chunk.strip()
        if chunk not in ALLOWED_TEXT and re.search(r"[A-Za-z]{2,}", chunk.replace("SafeLearn", "")):
            found.append(chunk)
    return [t for t in found if t not in ALLOWED_TEXT]


def test_scanner_finds_english_outside_translate_tags() -> None:
    """The check itself: it must catch plain text and read-out attributes, and pass translated ones."""
    assert untranslated_text('<p class="govuk-body">Hello there</p>') == ["Hello there"]
    assert untranslated_text('<nav aria-label="Menu"></nav>') == ["Menu"]
    assert untranslated_text('<p>{% translate "Hello" %}</p>{# a note #}') == []
    assert untranslated_text("<p>{% blocktranslate with n=x %}Hi {{ n }}{% endblocktranslate %}</p>") == []
    assert untranslated_text("<p>{{ organisation.name }}: 0800 1111</p>") == []


@pytest.mark.parametrize("path", TRANSLATED_TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_template_has_no_untranslated_text(path: Path) -> None:
    leftovers = untranslated_text(path.read_text(encoding="utf-8"))
    assert not leftovers, f"{path.relative_to(ROOT)}: wrap in {{% translate %}}: {leftovers}"


@dataclass
class PoEntry:
    msgid: str
    msgstr: str
    flags: set[str] = field(default_factory=set)


def _unquote(lines: list[str]) -> str:
    return "".join(ast.literal_eval(line) for line in lines)


def read_po(path: Path) -> list[PoEntry]:
    """A minimal .po reader: enough for the singular entries makemessages writes for this project."""
    entries: list[PoEntry] = []
    flags: set[str] = set()
    current: dict[str, list[str]] = {}
    key = ""

    def flush() -> None:
        if "msgid" in current:
            entries.append(PoEntry(_unquote(current["msgid"]), _unquote(current.get("msgstr", [])), set(flags)))
        current.clear()
        flags.clear()

    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#,"):
            flags.update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgid ", "msgstr ", "msgctxt ", "msgid_plural ", "msgstr[")):
            key, _, rest = line.partition(" ")
            current[key] = [rest]
        elif line.startswith('"'):
            current[key].append(line)
    return [e for e in entries if e.msgid]  # the header has an empty msgid


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\(\w+\)s|\{\w+\}", text))


def test_every_welsh_entry_is_translated_with_the_same_placeholders() -> None:
    entries = read_po(LOCALE / "django.po")
    assert entries, "no Welsh translations found"
    empty = [e.msgid for e in entries if not e.msgstr]
    assert not empty, f"{len(empty)} strings have no Welsh yet, e.g. {empty[:3]}"
    broken = [e.msgid for e in entries if _placeholders(e.msgid) != _placeholders(e.msgstr)]
    assert not broken, f"placeholders differ in Welsh: {broken}"


def test_compiled_catalogue_matches_the_po_file() -> None:
    """django.mo is committed (no gettext needed to run SafeLearn); it must be rebuilt after every .po edit."""
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gnu_gettext.GNUTranslations(handle)
    stale = [
        e.msgid
        for e in read_po(LOCALE / "django.po")
        if "fuzzy" not in e.flags and compiled.gettext(e.msgid) != e.msgstr
    ]
    assert not stale, f"run `safelearn compilemessages`: django.mo is out of date for {stale[:3]}"


def _marked_strings() -> set[str]:
    marked: set[str] = set()
    for path in TRANSLATED_TEMPLATES:
        code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        for literal in re.findall(r"gettext\(u('(?:[^'\\]|\\.)*')\)", code):
            marked.add(ast.literal_eval(literal))
    return marked


def test_every_marked_string_in_the_public_journey_has_welsh() -> None:
    """A new {% translate %} without running makemessages and writing the Welsh fails here.

    A fuzzy entry counts: it has a Welsh draft waiting for a reviewer (Django shows English until then).
    """
    welsh = {e.msgid for e in read_po(LOCALE / "django.po") if e.msgstr}
    missing = sorted(_marked_strings() - welsh)
    assert not missing, f"{len(missing)} strings need Welsh in django.po, e.g. {missing[:5]}"


def test_public_forms_speak_welsh() -> None:
    from safelearn.reporting import public_forms

    with translation.override("cy"):
        form = public_forms.DangerForm(data={})
        assert not form.is_valid()
        assert form.fields["immediate_risk_answer"].label != "Could a child be in danger right now?"
        assert form.errors["immediate_risk_answer"][0] != "Choose yes, no or I'm not sure"
    with translation.override("en-gb"):
        assert (
            public_forms.DangerForm().fields["immediate_risk_answer"].label == "Could a child be in danger right now?"
        )


def _choices(form: forms.Form, name: str) -> dict[Any, Any]:
    choice_field = form.fields[name]
    assert isinstance(choice_field, forms.ChoiceField)
    return dict(cast("list[tuple[Any, Any]]", choice_field.choices))


def test_staff_report_form_speaks_welsh() -> None:
    """Labels, hints, choices (taxonomy labels included) and errors of the staff form; ids stay English."""
    from safelearn.reporting.forms import StaffReportForm

    with translation.override("cy"):
        form = StaffReportForm(data={"what_happened": ""}, organisations=[])
        assert not form.is_valid()
        assert form.fields["what_happened"].label == "Beth ddigwyddodd?"
        assert str(form.errors["what_happened"][0]) == "Dywedwch wrthym beth ddigwyddodd"
        assert _choices(form, "outcome")["no_harm"] == "Dim niwed"
        assert _choices(form, "contributory_factors")["voice_of_child"] == "Llais y plentyn"
        assert str(_choices(form, "immediate_risk_answer")["not_sure"]) == "Ddim yn siŵr"
    with translation.override("en-gb"):
        english = StaffReportForm(organisations=[])
        assert english.fields["what_happened"].label == "What happened?"
        assert _choices(english, "outcome")["no_harm"] == "No harm"
    # Every labelled field changed language (compared with English, not with itself).
    with translation.override("cy"):
        welsh_labels = {n: str(f.label) for n, f in StaffReportForm(organisations=[]).fields.items()}
    with translation.override("en-gb"):
        english_labels = {n: str(f.label) for n, f in StaffReportForm(organisations=[]).fields.items()}
    assert [n for n in welsh_labels if welsh_labels[n] == english_labels[n]] == []


def test_shared_service_errors_on_the_staff_form_speak_welsh() -> None:
    """The business rules every channel shares (reporting.services) answer in the reader's language."""
    import datetime as dt

    from django.core.exceptions import ValidationError

    from safelearn.reporting.identity import identity_validate
    from safelearn.reporting.services import ReportInput, report_input_validate

    bad = ReportInput(what_happened=" ", mode="shouted", kind="not-a-kind", occurred_on=dt.date(2999, 1, 1))
    for language, expected in (
        (
            "cy",
            {
                "what_happened": "Dywedwch wrthym beth ddigwyddodd",
                "kind": "Dewiswch werth dilys ar gyfer: math o adroddiad",
            },
        ),
        ("en-gb", {"what_happened": "Tell us what happened", "kind": "Choose a valid kind of report"}),
    ):
        with translation.override(language), pytest.raises(ValidationError) as caught:
            report_input_validate(bad, today=dt.date(2026, 1, 1))
        errors = caught.value.message_dict
        assert {key: errors[key][0] for key in expected} == expected
    with translation.override("cy"), pytest.raises(ValidationError) as caught:
        identity_validate(name="x" * 500, contact="")
    assert caught.value.message_dict["identity_name"][0].startswith("Rhaid i’ch enw fod yn")
