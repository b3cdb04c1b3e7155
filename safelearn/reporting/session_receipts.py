"""A just-issued receipt code waits in the session until the reporter confirms they saved it.

Sessions live in the database, so the code is kept there only as ciphertext and removed on confirmation:
the server never holds a readable code after that page.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from safelearn.core.crypto import DecryptionError, decrypt_text, encrypt_text
from safelearn.reporting.receipt_words import code_to_words
from safelearn.reporting.services import SubmissionResult


def receipt_remember(request: HttpRequest, *, result: SubmissionResult, key: str = "receipt") -> None:
    request.session[key] = {
        "report": str(result.report.pk),
        "reference": result.report.reference,
        "escalated": result.escalated,
        "code": encrypt_text(result.receipt_code).decode("ascii"),
    }


def receipt_peek(request: HttpRequest, key: str = "receipt") -> dict[str, Any] | None:
    stored = request.session.get(key)
    if not isinstance(stored, dict):
        return None
    try:
        code = decrypt_text(stored["code"].encode("ascii"))
    except (DecryptionError, KeyError, AttributeError):
        return None
    # The words are worked out from the code each time, never stored.
    return {**stored, "code": code, "words": code_to_words(code)}


def receipt_forget(request: HttpRequest, key: str = "receipt") -> None:
    request.session.pop(key, None)


def receipt_note(request: HttpRequest, key: str, **flags: bool) -> None:
    """Remember yes/no facts about the waiting receipt (e.g. that it was emailed), never what was typed."""
    stored = request.session.get(key)
    if isinstance(stored, dict):
        request.session[key] = {**stored, **flags}
