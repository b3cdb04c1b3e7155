"""Signed checkpoints of the audit chain, kept outside the database.

A hash chain alone shows an edit or a gap in the middle, but not a removed tail, and someone who holds the
chain key could delete events and recompute every later hash. A checkpoint records, at a moment, how many
events the chain had, the id and hash of the newest one, and the chain's first hash (which database it
belongs to). It is written to a file (settings.SAFELEARN_AUDIT_ANCHOR_FILE, appended, never rewritten) and
to the `safelearn.audit.checkpoint` logger, which an installation can ship to a separate log store. Each
line is signed with the audit key, so the file cannot be edited to match a rewritten chain without the key.
Verification then checks that every checkpointed event is still there, at the same position, with the
same hash (safelearn/core/audit.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger("safelearn.audit.checkpoint")


@dataclass(frozen=True)
class Anchor:
    at: str
    chain: str  # the first event's hash: which chain (which database) this checkpoint belongs to
    count: int  # events in the chain up to and including last_id
    last_id: int
    head: str  # the hash of event last_id


def anchor_path() -> Path:
    return Path(settings.SAFELEARN_AUDIT_ANCHOR_FILE)


def _signature(body: dict[str, object]) -> str:
    message = b"audit-anchor:" + json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(settings.SAFELEARN_AUDIT_KEY.encode(), message, hashlib.sha256).hexdigest()


def anchors_read() -> tuple[list[Anchor], list[str]]:
    """Every correctly signed checkpoint in the file, oldest first, and a problem for each line that is not."""
    path = anchor_path()
    if not path.exists():
        return [], []
    anchors: list[Anchor] = []
    problems: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            signature = record.pop("sig")
            anchor = Anchor(**record)
        except (ValueError, TypeError, KeyError, AttributeError):
            problems.append(f"checkpoint file {path}, line {number}: not a checkpoint; the file was edited")
            continue
        if not hmac.compare_digest(str(signature), _signature(asdict(anchor))):
            problems.append(
                f"checkpoint file {path}, line {number}: its signature does not match this installation's "
                "audit key; the file was edited"
            )
            continue
        anchors.append(anchor)
    return anchors, problems


def anchor_write(*, chain: str, count: int, last_id: int, head: str) -> Anchor:
    """Append one signed checkpoint (the file only ever grows) and send it to the checkpoint logger."""
    anchor = Anchor(at=timezone.now().isoformat(), chain=chain, count=count, last_id=last_id, head=head)
    body = asdict(anchor)
    line = json.dumps({**body, "sig": _signature(body)}, sort_keys=True, separators=(",", ":"))
    path = anchor_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, (line + "\n").encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    logger.info("audit checkpoint %s", line)
    return anchor


class AnchorCheck:
    """Compares a walk of the chain, event by event, with every checkpoint recorded for it."""

    def __init__(self, anchors: list[Anchor]) -> None:
        self.anchors = anchors
        self._by_id: dict[int, list[Anchor]] = {}
        self._seen: set[int] = set()

    def first(self, event_hash: str) -> list[str]:
        """The chain starts with this hash: every checkpoint must belong to it (the others are not compared)."""
        others = [a for a in self.anchors if a.chain != event_hash]
        self.anchors = [a for a in self.anchors if a.chain == event_hash]
        for anchor in self.anchors:
            self._by_id.setdefault(anchor.last_id, []).append(anchor)
        if not others:
            return []
        return [
            f"{len(others)} checkpoint(s) from {others[0].at} on belong to a chain that started differently: "
            "the earliest events were rewritten, or the checkpoint file belongs to another database"
        ]

    def see(self, *, event_id: int, event_hash: str, position: int) -> list[tuple[int | None, str]]:
        problems: list[tuple[int | None, str]] = []
        for anchor in self._by_id.get(event_id, []):
            self._seen.add(event_id)
            if anchor.head != event_hash:
                problems.append(
                    (event_id, f"hash differs from the checkpoint of {anchor.at}: the chain was recomputed")
                )
            if anchor.count != position:
                problems.append(
                    (
                        event_id,
                        f"is event number {position} but was number {anchor.count} at the checkpoint of "
                        f"{anchor.at}: events before it were deleted",
                    )
                )
        return problems

    def finish(self) -> list[tuple[int | None, str]]:
        """Checkpointed events the walk never reached: deleted (a truncated tail), or an older backup."""
        return [
            (
                anchor.last_id,
                f"missing, but the checkpoint of {anchor.at} recorded it as event number {anchor.count}: "
                "events were deleted (or a backup older than that checkpoint was restored)",
            )
            for anchor in self.anchors
            if anchor.last_id not in self._seen
        ]
