"""Bytes stored encrypted: the database only ever holds ciphertext (the keys and rotation of the narratives)."""

from __future__ import annotations

from typing import Any

from django.db import models

from safelearn.core.crypto import decrypt_bytes, encrypt_bytes
from safelearn.core.fields import EncryptedTextField


class EncryptedBinaryField(EncryptedTextField):
    """Plain bytes in Python, Fernet ciphertext in the database.

    A subclass of EncryptedTextField so that `safelearn rotate-keys` (privacy.rotation) re-encrypts it with
    every other encrypted column: it reads the plain bytes through this field and writes them back.
    """

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> bytes | None:  # type: ignore[override]
        if value is None:
            return None
        return decrypt_bytes(bytes(value))

    def to_python(self, value: Any) -> Any:
        return value

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if value is None:
            return None
        return models.BinaryField.get_db_prep_value(self, encrypt_bytes(bytes(value)), connection, prepared)

    def value_to_string(self, obj: models.Model) -> str:
        return ""  # never serialised (dumpdata, fixtures): the content stays ciphertext in the database
