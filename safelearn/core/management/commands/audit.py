"""`safelearn audit verify` — walk the hash-chained audit log and say where it was tampered with."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from safelearn.core.audit import audit_verify
from safelearn.core.models import AuditEvent


class Command(BaseCommand):
    help = "Audit log tools. `audit verify`: check every event's hash and link; exit 1 on any problem."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("action", choices=["verify"], help="verify: check the whole hash chain")

    def handle(self, *args: Any, **options: Any) -> None:
        problems = audit_verify()
        count = AuditEvent.objects.count()
        if not problems:
            self.stdout.write(self.style.SUCCESS(f"OK: {count} audit events, hash chain intact."))
            return
        for problem in problems:
            self.stdout.write(f"event {problem.event_id}: {problem.problem}")
        raise CommandError(f"Audit chain broken: {len(problems)} problem(s) in {count} events.")
