"""The database never holds a confidential reporter's name or the narrative in plain text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from safelearn.reporting.models import Report

NAME = "Thaddeus Quillfeather"
CONTACT = "thaddeus.quill@example.org"
SENTENCE = "The overnight placement broke down after the unannounced transfer at Marlowe House."

pytestmark = pytest.mark.django_db(transaction=True)


def _submit_confidential_through_the_public_link(client: Any, org: Any) -> None:
    answers = [
        ("danger", {"immediate_risk_answer": "no"}),
        ("who", {"who": "other_professional"}),
        ("mode", {"mode": "confidential"}),
        ("identity", {"identity_name": NAME, "identity_contact": CONTACT}),
        ("what", {"what_happened": SENTENCE}),
        ("when", {"when": "today"}),
        ("help", {"what_would_help": ""}),
    ]
    for step, data in answers:
        assert client.post(reverse("reporting:public_step", args=[org.slug, step]), data).status_code == 302
    assert client.post(reverse("reporting:public_check", args=[org.slug])).status_code == 302
    sent = client.get(reverse("reporting:public_sent", args=[org.slug]))
    assert sent.status_code == 200


def test_raw_database_has_no_name_contact_or_narrative(client: Any, org: Any) -> None:
    _submit_confidential_through_the_public_link(client, org)
    report = Report.objects.get()
    assert report.identity.name == NAME  # really stored, just not readable without the key
    needles = [NAME.encode(), CONTACT.encode(), SENTENCE.encode(), b"Marlowe House"]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(FULL)")
        path = Path(connection.settings_dict["NAME"])
        assert path.exists(), "this test needs a file-based SQLite database"
        files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal")) if p.exists()]
        for file in files:
            data = file.read_bytes()
            for needle in needles:
                assert needle not in data, f"{needle!r} found in plain text in {file.name}"
                assert needle.lower() not in data.lower()
    # On every database, the columns themselves hold only ciphertext.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, contact FROM privacy_identityvaultentry")
        columns = [bytes(v) for v in cursor.fetchone()]
        cursor.execute("SELECT what_happened FROM reporting_report")
        columns.append(bytes(cursor.fetchone()[0]))
        cursor.execute("SELECT session_data FROM django_session")
        columns += [str(row[0]).encode() for row in cursor.fetchall()]
    for value in columns:
        for needle in needles:
            assert needle not in value
