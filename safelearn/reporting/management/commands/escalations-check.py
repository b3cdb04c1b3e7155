"""`safelearn escalations-check`: re-escalate every child-at-risk-now alert nobody acknowledged in time."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safelearn.reporting.services.escalation import escalations_check


class Command(BaseCommand):
    help = (
        "Re-escalate unacknowledged child-at-risk-now alerts past their acknowledgement time (second contact "
        "and every safety lead). Safe to run as often as you like; schedule it every few minutes as a "
        "catch-up for the task worker."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = escalations_check()
        self.stdout.write(f"{count} alert{'s' if count != 1 else ''} re-escalated")
