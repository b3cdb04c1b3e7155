"""The one audited path: every state change and every read of a narrative is recorded here.

Events form a keyed hash chain: each event's hash is an HMAC, with a key kept outside the database
(settings.SAFELEARN_AUDIT_KEY), over its fields and the previous event's hash. An edited or deleted row is
detectable, and someone who can rewrite the table but not read the key cannot recompute the chain. Signed
checkpoints outside the database (core/audit_anchor.py) catch what a chain cannot: a deleted tail, or a
rewrite by someone who does hold the key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from safelearn.core.audit_anchor import Anchor, AnchorCheck, anchor_write, anchors_read
from safelearn.core.audit_verbs import audit_verb_known
from safelearn.core.models import AuditEvent

logger = logging.getLogger(__name__)

GENESIS = "0" * 64

# Extra payload for every event recorded while it is set (e.g. the API token a request came with).
_context: ContextVar[dict[str, Any] | None] = ContextVar("safelearn_audit_context", default=None)


@contextmanager
def audit_context() -> Iterator[None]:
    """A fresh, empty context for one request: nothing added in it outlives it."""
    token = _context.set({})
    try:
        yield
    finally:
        _context.reset(token)


def audit_context_add(**values: Any) -> None:
    """Add to the current context's payload (outside audit_context() there is none, and nothing is kept)."""
    current = _context.get()
    if current is not None:
        current.update(values)


def _body(prev_hash: str, fields: dict[str, Any]) -> bytes:
    return (prev_hash + json.dumps(fields, sort_keys=True, default=str, separators=(",", ":"))).encode("utf-8")


def _digest(prev_hash: str, fields: dict[str, Any]) -> str:
    return hmac.new(settings.SAFELEARN_AUDIT_KEY.encode(), _body(prev_hash, fields), hashlib.sha256).hexdigest()


def _legacy_digest(prev_hash: str, fields: dict[str, Any]) -> str:
    # Chains written before issue 15 used plain SHA-256, which anyone able to write the table could
    # recompute. Recognised only to say "run `safelearn audit rekey`", never accepted as intact.
    return hashlib.sha256(_body(prev_hash, fields)).hexdigest()


def _fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "created_at": event.created_at.isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "verb": event.verb,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "organisation_id": str(event.organisation_id) if event.organisation_id else None,
        "payload": event.payload,
    }


def audit_record(
    *,
    actor: Any,
    verb: str,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: str = "",
    organisation_id: Any = None,
    payload: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain. Call inside the transaction that makes the change.

    ``verb`` must be in the registry (core/audit_verbs.py). An unknown verb fails where the check is strict
    (the test suite, and anywhere SAFELEARN_AUDIT_VERBS_STRICT is on); elsewhere it is recorded all the same
    and logged, because losing an audit event, or the user's change with it, is worse than a new word.
    """
    if not audit_verb_known(verb):
        if settings.SAFELEARN_AUDIT_VERBS_STRICT:
            raise ValueError(f"Unknown audit verb {verb!r}: add it to safelearn/core/audit_verbs.py")
        logger.warning("audit verb not in the registry (core/audit_verbs.py)", extra={"verb": verb})
    extra = _context.get()
    if extra:
        payload = {**(payload or {}), **extra}
    user = actor if getattr(actor, "is_authenticated", False) else None
    label = user.get_username() if user is not None else (actor if isinstance(actor, str) else "anonymous")
    if target is not None:
        target_type = target._meta.label_lower
        target_id = str(target.pk)
        organisation_id = organisation_id or getattr(target, "organisation_id", None)
    with transaction.atomic():
        # Lock the chain's tail so two writers never fork it (select_for_update is a no-op on SQLite,
        # where IMMEDIATE transactions already serialise writers).
        last = AuditEvent.objects.select_for_update().order_by("-id").only("hash").first()
        event = AuditEvent(
            created_at=timezone.now(),
            actor=user,
            actor_label=label,
            verb=verb,
            target_type=target_type,
            target_id=target_id,
            organisation_id=organisation_id,
            payload=json.loads(json.dumps(payload or {}, default=str)),
            prev_hash=last.hash if last else GENESIS,
        )
        event.hash = _digest(event.prev_hash, _fields(event))
        event.save()
    return event


@dataclass(frozen=True)
class ChainProblem:
    event_id: int | None  # None: a problem with the checkpoints rather than one event
    problem: str


class AuditChainError(Exception):
    """The chain cannot be re-keyed as asked (the message says why)."""


@dataclass
class _Walk:
    problems: list[ChainProblem] = field(default_factory=list)
    count: int = 0
    first_hash: str | None = None
    head: AuditEvent | None = None


def _walk(check: AnchorCheck, *, after: Anchor | None = None, batch_size: int = 5000) -> _Walk:
    """Check every event's link and keyed hash, from the start or from a trusted checkpoint."""
    walk = _Walk(count=after.count if after else 0, first_hash=after.chain if after else None)
    expected_prev = after.head if after else GENESIS
    for event in _iterate(batch_size, after_id=after.last_id if after else 0):
        walk.count += 1
        if walk.first_hash is None:
            walk.first_hash = event.hash
            walk.problems += [ChainProblem(None, text) for text in check.first(event.hash)]
        if event.prev_hash != expected_prev:
            walk.problems.append(
                ChainProblem(event.id, "previous hash does not match: an event before it was deleted or edited")
            )
        fields = _fields(event)
        if _digest(event.prev_hash, fields) != event.hash:
            if _legacy_digest(event.prev_hash, fields) == event.hash:
                text = "hashed without the audit key (written before the chain was keyed): run `safelearn audit rekey`"
            else:
                text = "contents do not match its hash: the event was edited"
            walk.problems.append(ChainProblem(event.id, text))
        walk.problems += [
            ChainProblem(i, text)
            for i, text in check.see(event_id=event.id, event_hash=event.hash, position=walk.count)
        ]
        expected_prev = event.hash
        walk.head = event
    walk.problems += [ChainProblem(i, text) for i, text in check.finish()]
    return walk


def _verify(batch_size: int) -> _Walk:
    anchors, unreadable = anchors_read()
    check = AnchorCheck(anchors)
    walk = _walk(check, batch_size=batch_size)
    walk.problems[:0] = [ChainProblem(None, text) for text in unreadable]
    if walk.head is None and anchors:
        walk.problems.append(
            ChainProblem(None, f"no audit events, but the checkpoint of {anchors[-1].at} recorded {anchors[-1].count}")
        )
    return walk


def audit_verify(batch_size: int = 5000) -> list[ChainProblem]:
    """Walk the chain and report every edited, reordered or deleted event, comparing with every checkpoint."""
    return _verify(batch_size).problems


def _anchor(walk: _Walk) -> Anchor | None:
    if walk.problems or walk.head is None or walk.first_hash is None:
        return None
    return anchor_write(chain=walk.first_hash, count=walk.count, last_id=walk.head.id, head=walk.head.hash)


def audit_verify_and_checkpoint(batch_size: int = 5000) -> tuple[list[ChainProblem], Anchor | None]:
    """The full walk; when it finds nothing wrong, a checkpoint of what it verified."""
    walk = _verify(batch_size)
    return walk.problems, _anchor(walk)


def audit_checkpoint(batch_size: int = 5000) -> tuple[list[ChainProblem], Anchor | None]:
    """Check the events since the latest checkpoint, and that it still holds; then write a new checkpoint.

    Cheap enough to run every few minutes: it walks only the new events, plus one count. Edits further
    back are for the full `audit verify` to find.
    """
    anchors, unreadable = anchors_read()
    first = AuditEvent.objects.order_by("id").only("hash").first()
    if unreadable or first is None or not anchors:
        return audit_verify_and_checkpoint(batch_size)
    check = AnchorCheck(anchors)
    problems = [ChainProblem(None, text) for text in check.first(first.hash)]
    latest = check.anchors[-1] if check.anchors else None
    if latest is None:
        return problems, None
    head = AuditEvent.objects.filter(id=latest.last_id).only("hash").first()
    position = AuditEvent.objects.filter(id__lte=latest.last_id).count()
    if head is None or head.hash != latest.head or position != latest.count:
        problems.append(
            ChainProblem(
                latest.last_id,
                f"no longer matches the checkpoint of {latest.at} (event number {latest.count}): "
                "events were deleted or the chain recomputed; run `safelearn audit verify`",
            )
        )
        return problems, None
    walk = _walk(AnchorCheck([]), after=latest, batch_size=batch_size)
    walk.problems[:0] = problems
    if walk.head is None:  # nothing new: the same checkpoint again, so the file shows the check ran
        walk.head = head
    return walk.problems, _anchor(walk)


def audit_rekey(batch_size: int = 5000) -> int:
    """Re-hash a chain written before it was keyed, once, after checking it; returns the events re-hashed.

    Refuses when the chain is already checkpointed (checkpoints exist only for keyed chains, so unkeyed
    events there are a rewrite), when an unkeyed event follows a keyed one, and when the chain is broken:
    re-keying must never launder tampering. Run it with the web server and worker stopped.
    """
    anchors, unreadable = anchors_read()
    if anchors or unreadable:
        raise AuditChainError(
            f"The checkpoint file {settings.SAFELEARN_AUDIT_ANCHOR_FILE} already has checkpoints, so this "
            "chain was keyed: unkeyed events in it were written by someone else. Run `safelearn audit verify`."
        )
    update = "UPDATE core_auditevent SET prev_hash = %s, hash = %s WHERE id = %s"
    expected_prev = new_prev = GENESIS
    unkeyed = 0
    keyed_seen = False
    with transaction.atomic():
        pending: list[tuple[str, str, int]] = []
        for event in _iterate(batch_size):
            fields = _fields(event)
            if event.prev_hash != expected_prev:
                raise AuditChainError(f"Event {event.id}: previous hash does not match; the chain is broken.")
            if _digest(event.prev_hash, fields) == event.hash:
                keyed_seen = True
            elif _legacy_digest(event.prev_hash, fields) == event.hash and not keyed_seen:
                unkeyed += 1
            else:
                raise AuditChainError(f"Event {event.id}: contents do not match its hash; the chain is broken.")
            new_hash = _digest(new_prev, fields)
            if (new_prev, new_hash) != (event.prev_hash, event.hash):
                pending.append((new_prev, new_hash, event.id))
            expected_prev, new_prev = event.hash, new_hash
            if len(pending) >= batch_size:
                _execute(update, pending)
        if unkeyed == 0:
            transaction.set_rollback(True)
            return 0
        _execute(update, pending)
        audit_record(actor="system", verb="audit.chain_rekeyed", payload={"events": unkeyed})
    return unkeyed


def _execute(sql: str, rows: list[tuple[str, str, int]]) -> None:
    # Below the ORM on purpose: AuditEvent refuses updates, and this is the one sanctioned rewrite.
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        rows.clear()


def _iterate(batch_size: int, after_id: int = 0) -> Iterator[AuditEvent]:
    last_id = after_id
    while True:
        batch = list(AuditEvent.objects.filter(id__gt=last_id).order_by("id")[:batch_size])
        if not batch:
            return
        yield from batch
        last_id = batch[-1].id


def audit_history(target: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(target_type=target._meta.label_lower, target_id=str(target.pk)).select_related(
        "actor"
    )
