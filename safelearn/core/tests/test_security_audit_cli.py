"""`safelearn audit verify`: OK with the count, or each broken event and what is wrong, exit non-zero."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from safelearn.core.audit import audit_record
from safelearn.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _events(n: int) -> list[AuditEvent]:
    return [audit_record(actor="system", verb="test.event", target_type="t", target_id=str(i)) for i in range(n)]


def test_intact_chain_prints_ok_and_the_count() -> None:
    _events(3)
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert out.getvalue().startswith("OK: 3 audit events")


def test_an_edited_event_is_named(capsys: Any) -> None:
    events = _events(3)
    with connection.cursor() as cursor:  # tamper below the ORM, as someone with the database file could
        cursor.execute(
            "UPDATE core_auditevent SET payload = %s WHERE id = %s", [json.dumps({"sneaky": True}), events[1].id]
        )
    out = StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("audit", "verify", stdout=out)
    assert f"event {events[1].id}: contents do not match its hash" in out.getvalue()


def test_a_deleted_event_is_found_at_the_next_one() -> None:
    events = _events(3)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [events[1].id])
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("audit", "verify", stdout=out)
    assert f"event {events[2].id}: previous hash does not match" in out.getvalue()


def test_the_orm_refuses_to_change_or_delete_events() -> None:
    event = _events(1)[0]
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(verb="x")
    with pytest.raises(PermissionError):
        event.delete()
