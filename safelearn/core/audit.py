"""The one audited path: every state change and every read of a narrative is recorded here.

Events form a hash chain (each hash covers the previous one), so an edited or deleted row is detectable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from safelearn.core.models import AuditEvent

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


def _digest(prev_hash: str, fields: dict[str, Any]) -> str:
    body = json.dumps(fields, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


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
    """Append one event to the chain. Call inside the transaction that makes the change."""
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
    event_id: int | None
    problem: str


def audit_verify(batch_size: int = 5000) -> list[ChainProblem]:
    """Walk the chain and report every edited, reordered or deleted event."""
    problems: list[ChainProblem] = []
    expected_prev = GENESIS
    for event in _iterate(batch_size):
        if event.prev_hash != expected_prev:
            problems.append(
                ChainProblem(event.id, "previous hash does not match: an event before it was deleted or edited")
            )
        if _digest(event.prev_hash, _fields(event)) != event.hash:
            problems.append(ChainProblem(event.id, "contents do not match its hash: the event was edited"))
        expected_prev = event.hash
    return problems


def _iterate(batch_size: int) -> Iterator[AuditEvent]:
    last_id = 0
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
