"""Issue 15, finding 6: the audit chain is keyed (HMAC) and anchored by signed checkpoints outside the database.

Each tamper is done below the ORM, as someone with the database could: edit, delete in the middle, delete
the tail, and delete then recompute every later hash — with the old unkeyed digest (no key) and with the
application's own keyed digest (an attacker who also stole the key). Each one must be found.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from safelearn.core import audit
from safelearn.core.audit import (
    AuditChainError,
    audit_checkpoint,
    audit_record,
    audit_rekey,
    audit_verify,
)
from safelearn.core.audit_anchor import anchor_path, anchors_read
from safelearn.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _events(n: int) -> list[AuditEvent]:
    return [audit_record(actor="system", verb="test.event", target_type="t", target_id=str(i)) for i in range(n)]


def _sql(statement: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _delete(*ids: int) -> None:
    for event_id in ids:
        _sql("DELETE FROM core_auditevent WHERE id = %s", [event_id])


def _plain_sha256(prev_hash: str, fields: dict[str, Any]) -> str:
    # What anyone could compute before the chain was keyed (the application's digest until issue 15).
    body = json.dumps(fields, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _recompute(digest: Callable[[str, dict[str, Any]], str]) -> None:
    """Re-link and re-hash every remaining event, as a tamperer covering a deletion would."""
    prev = audit.GENESIS
    for event in AuditEvent.objects.order_by("id"):
        new_hash = digest(prev, audit._fields(event))
        _sql("UPDATE core_auditevent SET prev_hash = %s, hash = %s WHERE id = %s", [prev, new_hash, event.id])
        prev = new_hash


def _verify_output() -> tuple[bool, str]:
    out = StringIO()
    try:
        call_command("audit", "verify", stdout=out)
    except CommandError:
        return False, out.getvalue()
    return True, out.getvalue()


def test_intact_chain_verifies_and_each_verify_writes_a_signed_checkpoint() -> None:
    events = _events(4)
    ok, output = _verify_output()
    assert ok and output.startswith("OK: 4 audit events") and str(anchor_path()) in output
    anchors, problems = anchors_read()
    assert problems == [] and len(anchors) == 1
    assert (anchors[0].count, anchors[0].last_id, anchors[0].head) == (4, events[-1].id, events[-1].hash)
    assert anchors[0].chain == events[0].hash
    assert anchor_path().stat().st_mode & 0o777 == 0o600


def test_edit_is_found() -> None:
    events = _events(4)
    _sql("UPDATE core_auditevent SET actor_label = %s WHERE id = %s", ["someone-else", events[1].id])
    assert [p.event_id for p in audit_verify()] == [events[1].id]


def test_delete_in_the_middle_is_found() -> None:
    events = _events(4)
    _delete(events[2].id)
    assert [p.event_id for p in audit_verify()] == [events[3].id]


def test_delete_and_recompute_without_the_key_is_found() -> None:
    """Before the fix this passed: the digest was plain SHA-256, which anyone could recompute."""
    events = _events(5)
    _delete(events[2].id)
    _recompute(_plain_sha256)
    problems = audit_verify()
    assert problems, "a chain recomputed without the key must not verify"
    assert {p.event_id for p in problems} == {e.id for e in events if e.id != events[2].id}


def test_delete_tail_after_a_checkpoint_is_found() -> None:
    """Before the fix a truncated chain verified: nothing recorded how long it had been."""
    events = _events(5)
    assert _verify_output()[0]
    _delete(events[3].id, events[4].id)
    problems = audit_verify()
    assert [p.event_id for p in problems] == [events[4].id]
    assert "missing" in problems[0].problem and "event number 5" in problems[0].problem
    ok, output = _verify_output()
    assert not ok and f"event {events[4].id}: missing" in output


def test_delete_and_recompute_with_the_key_is_found_by_the_checkpoint() -> None:
    """Someone with the database and the key recomputes the chain after deleting; the checkpoint remembers."""
    events = _events(5)
    assert _verify_output()[0]
    _delete(events[1].id)
    _recompute(audit._digest)
    problems = audit_verify()
    assert [p.event_id for p in problems] == [events[4].id, events[4].id]
    assert "recomputed" in problems[0].problem and "were deleted" in problems[1].problem


def test_rewriting_from_the_first_event_with_the_key_is_found() -> None:
    events = _events(4)
    assert _verify_output()[0]
    _delete(events[0].id)
    _recompute(audit._digest)
    problems = audit_verify()
    assert problems and problems[0].event_id is None and "started differently" in problems[0].problem


def test_deleting_every_event_is_found() -> None:
    events = _events(3)
    assert _verify_output()[0]
    _delete(*(e.id for e in events))
    problems = audit_verify()
    assert problems and "no audit events" in problems[-1].problem


def test_an_edited_checkpoint_file_is_found() -> None:
    _events(3)
    assert _verify_output()[0]
    path = anchor_path()
    record = json.loads(path.read_text())
    record["count"] = 2  # make room for a deletion
    path.write_text(json.dumps(record) + "\n")
    problems = audit_verify()
    assert [p.event_id for p in problems] == [None] and "signature" in problems[0].problem


def test_checkpoint_walks_only_new_events_and_refuses_after_a_truncation() -> None:
    events = _events(3)
    problems, first = audit_checkpoint()
    assert problems == [] and first is not None and first.count == 3
    more = _events(2)
    problems, second = audit_checkpoint()
    assert problems == [] and second is not None and (second.count, second.last_id) == (5, more[-1].id)
    _delete(more[0].id)
    _recompute(audit._digest)
    problems, third = audit_checkpoint()
    assert third is None and [p.event_id for p in problems] == [more[-1].id]
    assert len(anchors_read()[0]) == 2  # nothing written for a broken chain
    out = StringIO()
    with pytest.raises(CommandError, match="No checkpoint written"):
        call_command("audit", "checkpoint", stdout=out)
    assert events[0].id not in {p.event_id for p in problems}


def test_a_chain_from_before_the_key_is_rekeyed_once() -> None:
    events = _events(4)
    _recompute(_plain_sha256)  # what an existing installation's chain looks like after upgrading
    problems = audit_verify()
    assert {p.event_id for p in problems} == {e.id for e in events}
    assert "safelearn audit rekey" in problems[0].problem
    out = StringIO()
    call_command("audit", "rekey", stdout=out)
    assert "4 event(s)" in out.getvalue() and "OK: 5 audit events" in out.getvalue()
    assert audit_verify() == []
    assert AuditEvent.objects.order_by("-id")[0].verb == "audit.chain_rekeyed"
    # Once checkpointed, unkeyed events can only be someone's rewrite: re-keying would launder it.
    _recompute(_plain_sha256)
    with pytest.raises(AuditChainError, match="already has checkpoints"):
        audit_rekey()


def test_rekey_refuses_a_broken_chain() -> None:
    events = _events(4)
    _recompute(_plain_sha256)
    _delete(events[1].id)
    with pytest.raises(AuditChainError, match="chain is broken"):
        audit_rekey()
    assert anchors_read() == ([], [])


def test_rekey_of_a_keyed_chain_changes_nothing() -> None:
    events = _events(3)
    assert audit_rekey() == 0
    assert list(AuditEvent.objects.values_list("hash", flat=True)) == [e.hash for e in events]
