from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from safelearn.core.crypto import add_new_key_to_file, reset_cipher_cache
from safelearn.privacy.rotation import reencrypt_all


class Command(BaseCommand):
    help = (
        "Rotate the encryption key: add a new key (key file) and re-encrypt all narratives and identities with it. "
        "With keys in SAFELEARN_ENCRYPTION_KEYS, put the new key first yourself and run with --reencrypt-only."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--reencrypt-only", action="store_true", help="Do not add a key; just re-encrypt")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["reencrypt_only"]:
            if settings.SAFELEARN_ENCRYPTION_KEYS:
                self.stderr.write(
                    "Keys come from SAFELEARN_ENCRYPTION_KEYS: add the new key there, then use --reencrypt-only."
                )
                return
            path = add_new_key_to_file()
            self.stdout.write(f"Added a new key to {path}. Older keys stay until you remove them.")
        reset_cipher_cache()
        count = reencrypt_all()
        self.stdout.write(
            f"Re-encrypted {count} row(s) under the newest key. Old keys can be removed once backups age out."
        )
