"""`safelearn send_query_reports` (alias `send-query-reports`): email each scheduled query's link, once a month."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safelearn.queries.services import query_reports_send


class Command(BaseCommand):
    help = "Email a link to each saved query scheduled monthly (never its numbers); safe to run daily."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = query_reports_send()
        self.stdout.write(f"monthly query emails sent: {sent}")
