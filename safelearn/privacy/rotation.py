"""Re-encrypt every encrypted column under the newest key (after a key is added)."""

from __future__ import annotations

from django.apps import apps
from django.db import transaction

from safelearn.core.crypto import rotate_token
from safelearn.core.fields import EncryptedTextField


def reencrypt_all(batch_size: int = 500) -> int:
    """Rewrite ciphertext with the first key; rows stay readable throughout (MultiFernet reads all keys)."""
    rewritten = 0
    for model in apps.get_models():
        fields = [f for f in model._meta.get_fields() if isinstance(f, EncryptedTextField)]
        if not fields:
            continue
        names = [f.attname for f in fields]
        # values_list() decrypts through the field; update() encrypts again under the newest key.
        rows = model._base_manager.values_list("pk", *names)
        for pk, *values in rows.iterator(chunk_size=batch_size):
            updates = {}
            for name, value in zip(names, values, strict=True):
                if value is not None:
                    updates[name] = value  # already decrypted by the field; re-saved below under the newest key
            if updates:
                with transaction.atomic():
                    model._base_manager.filter(pk=pk).update(**updates)
                rewritten += 1
    return rewritten


__all__ = ["reencrypt_all", "rotate_token"]
