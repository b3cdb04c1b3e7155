"""Receipt codes: the anonymous reporter's only key back to their report.

A code is 5 groups of 4 Crockford base-32 characters (100 bits from ``secrets``). The first two groups
are a look-up handle, stored only as an HMAC keyed outside the database, so the row can be found; the
whole code is stored only as a keyed verifier (HMAC-SHA256 under the same out-of-database key, with its
own label), so the server can verify a code but never recover one. A random 100-bit code needs no slow
password hash: see docs/decisions/0014-receipt-code-verifier.md. Codes issued before that decision are
stored as Argon2 hashes and still verify. The same code can also be written as 8 words
(receipt_words.py); either form opens the report.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from django.conf import settings
from django.http import HttpRequest

from safelearn.reporting.limits import ConnectionLimit
from safelearn.reporting.receipt_words import words_to_code

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
GROUPS = 5
GROUP_SIZE = 4
#: Verifies the Argon2 hashes stored before decision 0014; new codes are never hashed with it.
_legacy_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
VERIFIER_PREFIX = "hmac-sha256$"
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})

#: Receipt-code look-ups per IP address: one budget shared by the web page and the API, so neither is a
#: faster way to guess codes. Override with the SAFELEARN_RECEIPT_CHECK_RATE setting.
LOOKUP_LIMIT = ConnectionLimit(group="receipt-check", setting="SAFELEARN_RECEIPT_CHECK_RATE", default="20/h")
LOOKUP_LIMIT_GROUP = LOOKUP_LIMIT.group


def lookup_rate() -> str:
    return LOOKUP_LIMIT.rate()


def lookup_limited(request: HttpRequest) -> bool:
    """Count one look-up against the client's address; True once it is over the limit (web and API alike)."""
    return LOOKUP_LIMIT.hit(request)


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


def _verifier(code: str) -> str:
    key = settings.SAFELEARN_RECEIPT_KEY.encode()
    # Its own label, so the verifier of a whole code is never the handle of anything.
    return hmac.new(key, b"receipt-verifier:" + code.encode(), hashlib.sha256).hexdigest()


def hash_code(code: str) -> str:
    """What is stored to verify ``code`` later: a keyed HMAC-SHA256 (microseconds, not Argon2's ~20 ms)."""
    return VERIFIER_PREFIX + _verifier(code)


def verify_code(code: str, stored_hash: str) -> bool:
    """True when ``code`` is the one ``stored_hash`` was made from (new HMAC verifiers and old Argon2 hashes)."""
    if stored_hash.startswith(VERIFIER_PREFIX):
        return hmac.compare_digest(stored_hash.removeprefix(VERIFIER_PREFIX), _verifier(code))
    if stored_hash.startswith("$argon2"):
        try:
            return _legacy_hasher.verify(stored_hash, code)
        except (VerificationError, InvalidHashError):
            return False
    return False
