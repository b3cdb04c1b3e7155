"""`safelearn demo` — a demo organisation with users and reports; safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safelearn.core import demo


class Command(BaseCommand):
    help = "Load the demo organisations, users and reports (idempotent) and print the demo log-ins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the log-ins")

    def handle(self, *args: Any, **options: Any) -> None:
        created = demo.load_demo()
        self.stdout.write("Demo data loaded." if created else "Demo data already present; nothing duplicated.")
        if not options["quiet_logins"]:
            self.stdout.write(f"\nDemo log-ins (password for all: {demo.DEMO_PASSWORD})")
            for username, role, org in demo.DEMO_USERS:
                self.stdout.write(f"  {username:<14} {role:<10} {org}")
