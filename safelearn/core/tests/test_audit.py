from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from safelearn.core.audit import audit_record, audit_verify
from safelearn.core.models import AuditEvent


@pytest.fixture
def chain(db: None) -> list[AuditEvent]:
    return [
        audit_record(actor="system", verb=f"test.step{i}", target_type="thing", target_id=str(i), payload={"n": i})
        for i in range(5)
    ]


def test_intact_chain_verifies(chain: Any) -> None:
    assert audit_verify() == []
    assert chain[1].prev_hash == chain[0].hash


def test_events_cannot_be_changed_or_deleted_through_the_orm(chain: Any) -> None:
    event = AuditEvent.objects.get(pk=chain[2].pk)
    event.verb = "tampered"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(verb="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_edit_behind_the_orm_is_detected_at_that_event(chain: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET verb = %s WHERE id = %s", ["edited", chain[2].pk])
    problems = audit_verify()
    assert [p.event_id for p in problems] == [chain[2].pk]
    assert "edited" in problems[0].problem


def test_deleted_event_is_detected_at_the_next_one(chain: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [chain[3].pk])
    problems = audit_verify()
    assert [p.event_id for p in problems] == [chain[4].pk]
    assert "deleted" in problems[0].problem
