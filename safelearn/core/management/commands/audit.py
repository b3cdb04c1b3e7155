"""`safelearn audit verify|checkpoint|rekey` — check the keyed audit chain against its signed checkpoints."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from safelearn.core.audit import (
    AuditChainError,
    ChainProblem,
    audit_checkpoint,
    audit_rekey,
    audit_verify_and_checkpoint,
)
from safelearn.core.audit_anchor import anchor_path


class Command(BaseCommand):
    help = (
        "Audit log tools. `verify`: check every event and every checkpoint, then write a checkpoint; "
        "`checkpoint`: check the events since the last checkpoint and write a new one (schedule it); "
        "`rekey`: once, after upgrading, re-hash a chain written before it was keyed. Exit 1 on any problem."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("action", choices=["verify", "checkpoint", "rekey"])

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "rekey":
            try:
                count = audit_rekey()
            except AuditChainError as exc:
                raise CommandError(str(exc)) from exc
            if count == 0:
                self.stdout.write("Nothing to re-key: every event is already hashed with the audit key.")
            else:
                self.stdout.write(f"Re-keyed the chain: {count} event(s) written before it was keyed.")
            action = "verify"
        problems, anchor = audit_verify_and_checkpoint() if action == "verify" else audit_checkpoint()
        if not problems and anchor is not None:
            self.stdout.write(
                self.style.SUCCESS(
                    f"OK: {anchor.count} audit events, hash chain intact. Checkpoint written to {anchor_path()}."
                )
            )
            return
        if not problems:
            self.stdout.write(self.style.SUCCESS("OK: 0 audit events."))
            return
        self._report(problems)

    def _report(self, problems: list[ChainProblem]) -> None:
        for problem in problems:
            where = f"event {problem.event_id}" if problem.event_id is not None else "checkpoints"
            self.stdout.write(f"{where}: {problem.problem}")
        raise CommandError(f"Audit chain broken: {len(problems)} problem(s). No checkpoint written.")
