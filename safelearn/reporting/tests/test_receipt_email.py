"""Issue 21: 'email it to me' on the receipt page: sent at once, never stored, rate-limited, plain errors."""

from __future__ import annotations

import logging
import re
import smtplib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import translation

from safelearn.core.types import User
from safelearn.reporting import receipt_email

ADDRESS = "quillon.marbury@example.net"


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """A Welsh request leaves Welsh active in this thread; later tests expect the default language."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _sent(client: Any, walk_public: Callable[..., Any], org: Any) -> tuple[str, str]:
    """Send a report through the public link; the receipt code and words shown on the receipt page."""
    walk_public(org.slug, client)
    assert client.post(reverse("reporting:public_check", args=[org.slug])).status_code == 302
    page = client.get(reverse("reporting:public_sent", args=[org.slug])).content.decode()
    code = re.search(r'id="receipt-code">([^<]+)<', page)
    words = re.search(r'id="receipt-words">([^<]+)<', page)
    assert code and words
    return code.group(1).strip(), words.group(1).strip()


def _email(client: Any, org: Any, address: str = ADDRESS, **extra: Any) -> Any:
    return client.post(reverse("reporting:public_sent_email", args=[org.slug]), {"email": address}, **extra)


@pytest.mark.django_db
def test_the_email_has_the_code_the_words_and_an_absolute_check_link(
    client: Any, walk_public: Callable[..., Any], org: Any, settings: Any
) -> None:
    settings.SITE_URL = "https://safelearn.example.org"
    code, words = _sent(client, walk_public, org)
    page = client.get(reverse("reporting:public_sent", args=[org.slug]))
    assert b"Email the code to me (optional)" in page.content

    response = _email(client, org)
    assert response.status_code == 302 and response["Location"] == reverse("reporting:public_sent", args=[org.slug])
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [ADDRESS]
    assert code in message.body and words in message.body
    assert "English words" not in message.body  # said only to readers of another language (decision 0010)
    assert "https://safelearn.example.org/check/" in message.body
    assert org.name not in f"{message.subject}{message.body}"  # an inbox may be shared

    after = client.get(reverse("reporting:public_sent", args=[org.slug]))
    assert b"We have emailed you your code and words." in after.content
    assert ADDRESS.encode() not in after.content
    assert code.encode() in after.content  # still on screen until they tick 'I have saved my code'


@pytest.mark.django_db
def test_a_mistyped_address_keeps_what_was_typed_and_sends_nothing(
    client: Any, walk_public: Callable[..., Any], org: Any
) -> None:
    _sent(client, walk_public, org)
    response = _email(client, org, "quillon.marbury@example")
    assert response.status_code == 400
    assert b"Enter an email address like name@example.com" in response.content
    assert b'value="quillon.marbury@example"' in response.content
    assert b'href="#id_email"' in response.content  # the GOV.UK error summary links to the box
    assert b'<details class="govuk-details sl-no-print" open>' in response.content
    empty = _email(client, org, "")
    assert empty.status_code == 400 and b"Enter your email address" in empty.content
    assert mail.outbox == []


@pytest.mark.django_db
def test_emails_have_their_own_rate_limit_per_connection(
    client: Any, walk_public: Callable[..., Any], org: Any, settings: Any
) -> None:
    settings.SAFELEARN_RECEIPT_EMAIL_RATE = "2/h"
    _sent(client, walk_public, org)
    assert _email(client, org).status_code == 302
    assert _email(client, org).status_code == 302
    blocked = _email(client, org)
    assert blocked.status_code == 429
    assert b"You have asked for too many emails" in blocked.content
    assert f'value="{ADDRESS}"'.encode() in blocked.content
    assert len(mail.outbox) == 2
    # Another connection has its own budget; receipt look-ups are counted separately.
    assert _email(client, org, REMOTE_ADDR="198.51.100.7").status_code == 302
    assert receipt_email.EMAIL_LIMIT_GROUP != "receipt-check"


@pytest.mark.django_db
def test_a_mail_failure_says_so_plainly_and_logs_no_address(
    client: Any, walk_public: Callable[..., Any], org: Any, monkeypatch: Any, caplog: Any
) -> None:
    _sent(client, walk_public, org)

    def refuse(*args: Any, **kwargs: Any) -> int:
        raise smtplib.SMTPRecipientsRefused({ADDRESS: (550, b"no such user " + ADDRESS.encode())})

    monkeypatch.setattr(receipt_email, "send_mail", refuse)
    with caplog.at_level(logging.DEBUG):
        response = _email(client, org)
    assert response.status_code == 503
    assert b"We could not send the email just now" in response.content
    assert b"SMTPRecipientsRefused" not in response.content
    assert f'value="{ADDRESS}"'.encode() in response.content
    assert ADDRESS not in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize("who", [None, "reporter", "reviewer", "other_reviewer", "analyst"])
def test_nobody_can_email_a_receipt_that_is_not_waiting_in_their_own_session(
    client: Any,
    walk_public: Callable[..., Any],
    org: Any,
    people: dict[str, User],
    who: str | None,
    django_user_model: Any,
) -> None:
    from django.test import Client

    _sent(Client(), walk_public, org)  # someone else's report, someone else's session
    if who:
        client.force_login(people[who])
    response = _email(client, org)
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:public_start", args=[org.slug])
    assert mail.outbox == []
    assert client.get(reverse("reporting:public_sent_email", args=[org.slug])).status_code == 405


@pytest.mark.django_db
def test_after_saving_the_code_it_can_no_longer_be_emailed(
    client: Any, walk_public: Callable[..., Any], org: Any
) -> None:
    _sent(client, walk_public, org)
    client.post(reverse("reporting:public_sent", args=[org.slug]), {"saved": "yes"})
    assert _email(client, org).status_code == 302
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_email_speaks_welsh_to_a_welsh_visitor(client: Any, walk_public: Callable[..., Any], org: Any) -> None:
    client.get(reverse("switch_language", args=["cy"]))
    code, _ = _sent(client, walk_public, org)
    assert _email(client, org).status_code == 302
    assert mail.outbox[0].subject == "Eich cod derbynneb"
    assert code in mail.outbox[0].body and "Here is your receipt code" not in mail.outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_the_address_is_in_no_table_no_session_and_not_in_the_database_file(
    client: Any, walk_public: Callable[..., Any], org: Any
) -> None:
    _sent(client, walk_public, org)
    assert _email(client, org).status_code == 302
    assert len(mail.outbox) == 1
    needle = ADDRESS.lower()
    local_part = needle.split("@")[0]
    found: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)}")  # noqa: S608 (names from the schema)
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = bytes(value).decode("latin-1") if isinstance(value, bytes | memoryview) else str(value)
                    if local_part in text.lower():
                        found.append(f"{table}.{column}")
        # Session rows are signed and compressed: decode each one before looking.
        cursor.execute("SELECT session_data FROM django_session")
        for (data,) in cursor.fetchall():
            if local_part in str(SessionStore().decode(data)).lower():
                found.append("django_session (decoded)")
    assert not found, f"the email address is stored in {found}"
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(FULL)")
        path = Path(connection.settings_dict["NAME"])
        for file in (p for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal")) if p.exists()):
            assert local_part.encode() not in file.read_bytes().lower(), f"address bytes found in {file.name}"
