"""Receipt codes: the anonymous reporter's only key back to their report.

A code is 5 groups of 4 Crockford base-32 characters (100 bits from ``secrets``). The first two groups
are a look-up handle, stored only as an HMAC keyed outside the database, so the row can be found; the
whole code is stored only as an Argon2 hash, so the server can verify a code but never recover one.
The same code can also be written as 8 words (receipt_words.py); either form opens the report.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from safelearn.reporting.receipt_words import words_to_code

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
GROUPS = 5
GROUP_SIZE = 4
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})

#: Receipt-code look-ups per IP address: one budget shared by the web page and the API, so neither is a
#: faster way to guess codes. Override with the SAFELEARN_RECEIPT_CHECK_RATE setting.
LOOKUP_LIMIT_GROUP = "receipt-check"
LOOKUP_RATE_SETTING = "SAFELEARN_RECEIPT_CHECK_RATE"


def lookup_rate() -> str:
    return str(getattr(settings, LOOKUP_RATE_SETTING, "20/h"))


def lookup_limited(request: HttpRequest) -> bool:
    """Count one look-up against the client's address; True once it is over the limit (web and API alike)."""
    return bool(
        is_ratelimited(request, group=LOOKUP_LIMIT_GROUP, key="ip", rate=lookup_rate(), method="POST", increment=True)
    )


def generate_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_SIZE))
    return "-".join(chars[i : i + GROUP_SIZE] for i in range(0, len(chars), GROUP_SIZE))


def normalise_code(raw: str) -> str | None:
    """Accept any case, spaces or dashes and common misreadings, or the code's 8 words; None when neither."""
    cleaned = "".join(ch for ch in raw.upper() if ch.isalnum()).translate(_CONFUSABLE)
    if len(cleaned) != GROUPS * GROUP_SIZE or any(ch not in ALPHABET for ch in cleaned):
        return words_to_code(raw).code
    return "-".join(cleaned[i : i + GROUP_SIZE] for i in range(0, len(cleaned), GROUP_SIZE))


def lookup_handle(code: str) -> str:
    key = settings.SAFELEARN_RECEIPT_KEY.encode()
    return hmac.new(key, b"receipt:" + code[: 2 * GROUP_SIZE + 1].encode(), hashlib.sha256).hexdigest()


def hash_code(code: str) -> str:
    return _hasher.hash(code)


def verify_code(code: str, stored_hash: str) -> bool:
    try:
        return _hasher.verify(stored_hash, code)
    except (VerificationError, InvalidHashError):
        return False
