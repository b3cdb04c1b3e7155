"""Encryption at rest for narratives and identities, with keys held outside the database.

Keys come from SAFELEARN_ENCRYPTION_KEYS (comma-separated Fernet keys, newest first) or from the key
file (one key per line, newest first), generated on first use. MultiFernet decrypts with any listed key
and encrypts with the first, which is what makes rotation (``safelearn rotate-keys``) possible.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class DecryptionError(Exception):
    """Ciphertext could not be read with any configured key."""


def _load_keys() -> list[bytes]:
    configured = str(getattr(settings, "SAFELEARN_ENCRYPTION_KEYS", "") or "")
    if configured.strip():
        return [k.strip().encode() for k in configured.split(",") if k.strip()]
    path = Path(settings.SAFELEARN_KEY_FILE)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Fernet.generate_key().decode() + "\n")
        path.chmod(0o600)
    return [line.strip().encode() for line in path.read_text().splitlines() if line.strip()]


@lru_cache(maxsize=1)
def _cipher() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in _load_keys()])


def reset_cipher_cache() -> None:
    _cipher.cache_clear()


def encrypt_text(text: str) -> bytes:
    return _cipher().encrypt(text.encode("utf-8"))


def decrypt_text(token: bytes) -> str:
    try:
        return _cipher().decrypt(bytes(token)).decode("utf-8")
    except InvalidToken as exc:
        raise DecryptionError("cannot decrypt with the configured keys") from exc


def encrypt_bytes(data: bytes) -> bytes:
    """Bytes (an attachment's content) under the same keys as the narratives."""
    return _cipher().encrypt(bytes(data))


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return _cipher().decrypt(bytes(token))
    except InvalidToken as exc:
        raise DecryptionError("cannot decrypt with the configured keys") from exc


def rotate_token(token: bytes) -> bytes:
    """Re-encrypt under the newest key."""
    return _cipher().rotate(bytes(token))


def add_new_key_to_file() -> Path:
    """Prepend a fresh key to the key file; older keys stay so existing data stays readable."""
    path = Path(settings.SAFELEARN_KEY_FILE)
    existing = path.read_text() if path.exists() else ""
    path.write_text(Fernet.generate_key().decode() + "\n" + existing)
    path.chmod(0o600)
    reset_cipher_cache()
    return path
