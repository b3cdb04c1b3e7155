from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from pytest_django import Settings

from safelearn.core import crypto
from safelearn.core.types import User
from safelearn.reporting.services import SubmissionResult


@pytest.fixture
def key_file(settings: Settings, tmp_path: Path) -> Iterator[Path]:
    settings.SAFELEARN_ENCRYPTION_KEYS = ""
    settings.SAFELEARN_KEY_FILE = tmp_path / "keys"
    crypto.reset_cipher_cache()
    yield settings.SAFELEARN_KEY_FILE
    crypto.reset_cipher_cache()


def test_round_trip_and_ciphertext_hides_text(key_file: Any) -> None:
    token = crypto.encrypt_text("Jasmine's placement address")
    assert b"Jasmine" not in token
    assert crypto.decrypt_text(token) == "Jasmine's placement address"
    assert key_file.exists() and oct(key_file.stat().st_mode & 0o777) == "0o600"


def test_wrong_key_cannot_decrypt(key_file: Any, settings: Settings) -> None:
    token = crypto.encrypt_text("secret")
    settings.SAFELEARN_ENCRYPTION_KEYS = Fernet.generate_key().decode()
    crypto.reset_cipher_cache()
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(token)


def test_rotation_reencrypts_rows_so_the_old_key_can_go(
    key_file: Any, people: dict[str, User], submit_report: Callable[..., SubmissionResult]
) -> None:
    report = submit_report(what_happened="The escort for the child was not booked.").report
    old_key = key_file.read_text().strip()
    call_command("rotate_keys")
    keys = key_file.read_text().split()
    assert len(keys) == 2 and keys[1] == old_key
    key_file.write_text(keys[0] + "\n")  # drop the old key entirely
    crypto.reset_cipher_cache()
    from safelearn.reporting.models import Report

    assert Report.objects.get(pk=report.pk).what_happened == "The escort for the child was not booked."
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT what_happened FROM reporting_report WHERE id = %s",
            [report.pk.hex if connection.vendor == "sqlite" else report.pk],
        )
        assert b"escort" not in bytes(cursor.fetchone()[0])
