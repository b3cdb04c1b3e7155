"""`safelearn send_reminders` (alias `send-reminders`): send due review reminders and daily digests now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safelearn.review.services import review_send_reminders


class Command(BaseCommand):
    help = "Send reminders for statutory clocks, actions, harm revisits, overdue triage, and daily digests."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--enqueue", action="store_true", help="Queue the work for the task worker instead")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from safelearn.review.tasks import send_reminders_task

            result = send_reminders_task.enqueue()
            self.stdout.write(f"queued {result.id}")
            return
        counts = review_send_reminders()
        sent = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "nothing due"
        self.stdout.write(f"reminders sent – {sent}")
