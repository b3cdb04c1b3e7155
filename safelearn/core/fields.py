"""A text field stored encrypted: the database only ever holds ciphertext."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from safelearn.core.crypto import decrypt_text, encrypt_text

if TYPE_CHECKING:
    # Generic in the type stubs only: Django's BinaryField cannot be subscripted at run time.
    _BinaryField = models.BinaryField[Any, Any]
else:
    _BinaryField = models.BinaryField


class EncryptedTextField(_BinaryField):
    """Text in Python, Fernet ciphertext in the database. Not searchable or orderable by design."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("editable", True)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return decrypt_text(bytes(value))

    def to_python(self, value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value
        return decrypt_text(bytes(value))

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            value = encrypt_text(value)
        return super().get_db_prep_value(value, connection, prepared)

    def value_to_string(self, obj: models.Model) -> str:
        return str(self.value_from_object(obj) or "")
