"""Receipt words: the same code as 8 words, accepted on Check your report, from a fixed published list."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.urls import reverse

from safelearn.reporting import receipt_words, receipts
from safelearn.reporting.public_forms import ReceiptCodeForm

#: Pinned: a change to the list would change the words of every receipt already given out.
WORDS_SHA256 = "3ea7b5c056fbd64510b0705aa3a157c0807d61d15520666d73ff0a3e520377a7"
#: Stems that must never appear in a child's receipt (the list's filter, docs/decisions/0010-receipt-words.md).
NEVER = (
    "abus",
    "kill",
    "murder",
    "suicid",
    "corpse",
    "coffin",
    "naked",
    "nude",
    "porn",
    "sexual",
    "rape",
    "drug",
    "dead",
    "death",
    "bomb",
    "blood",
    "knife",
    "handgun",
    "prison",
    "poison",
    "strangl",
    "hate",
)


def test_the_word_list_is_the_published_one_with_no_duplicates_and_enough_words() -> None:
    words = receipt_words.words()
    text = "\n".join(words) + "\n"
    assert hashlib.sha256(text.encode()).hexdigest() == WORDS_SHA256
    assert len(set(words)) == len(words)
    assert all(w.isalpha() and w.islower() and 3 <= len(w) <= 9 for w in words)
    # 8 words carry at least the code's 100 bits, so every code has its own words.
    assert len(words) ** receipt_words.WORD_COUNT >= 2**100


@pytest.mark.parametrize("stem", NEVER)
def test_no_distressing_word_is_on_the_list(stem: str) -> None:
    offending = [w for w in receipt_words.words() if w.startswith(stem) or (len(stem) > 4 and stem in w)]
    assert offending == []


def test_words_and_characters_turn_into_each_other_exactly() -> None:
    for code in [
        "0000-0000-0000-0000-0000",
        "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ",
        *(receipts.generate_code() for _ in range(200)),
    ]:
        words = receipt_words.code_to_words(code)
        assert len(words.split()) == 8
        assert receipt_words.words_to_code(words).code == code
    assert receipt_words.code_to_words("0000-0000-0000-0000-0001") != receipt_words.code_to_words(
        "0000-0000-0000-0000-0002"
    )


def test_words_are_read_with_any_case_spaces_hyphens_or_commas() -> None:
    code = receipts.generate_code()
    words = receipt_words.code_to_words(code)
    for typed in [words.upper(), "-".join(words.split()), ",  ".join(words.split()), f"  {words}\n"]:
        assert receipts.normalise_code(typed) == code


def test_words_beyond_any_code_are_not_a_code() -> None:
    last = receipt_words.words()[-1]
    assert receipt_words.words_to_code(" ".join([last] * 8)).code is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda ws: [ws[0] + "x", *ws[1:]], "is not one of our receipt words"),
        (lambda ws: ws[:7], "has 8 words and you entered 7"),
        (lambda ws: [receipt_words.words()[-1]] * 8, "check their order"),
    ],
)
def test_a_mistake_in_the_words_says_check_the_words(change: Any, message: str) -> None:
    words = receipt_words.code_to_words(receipts.generate_code()).split()
    form = ReceiptCodeForm({"code": " ".join(change(words))})
    assert not form.is_valid()
    assert "Check the words" in form.errors["code"][0]
    assert message in form.errors["code"][0]


@pytest.mark.django_db
def test_check_your_report_opens_with_the_words_from_the_receipt_page(
    client: Any, org: Any, walk_public: Any, django_capture_on_commit_callbacks: Any
) -> None:
    walk_public(org.slug)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reporting:public_check", args=[org.slug]), {})
    sent = client.get(reverse("reporting:public_sent", args=[org.slug]))
    code, words = sent.context["receipt"]["code"], sent.context["receipt"]["words"]
    assert words.encode() in sent.content and b'id="receipt-words"' in sent.content
    assert words == receipt_words.code_to_words(code)
    assert words not in str(dict(client.session))  # worked out for the page, never kept

    other = type(client)()
    typo = other.post(reverse("reporting:check_start"), {"code": words.replace(words.split()[2], "zzzq")})
    assert typo.status_code == 400 and b"Check the words" in typo.content
    opened = other.post(reverse("reporting:check_start"), {"code": words.title()})
    assert opened.status_code == 302 and opened["Location"] == reverse("reporting:check_report")
