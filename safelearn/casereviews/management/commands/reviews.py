"""`safelearn reviews import FILE [--dry-run] [--mapping MAP.json]` and `safelearn reviews match`, `safelearn reviews reindex`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Case review library: import findings from CSV or JSON lines, or match recent reports to findings."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Load review findings (one row per finding, review columns repeated)")
        imp.add_argument("file")
        imp.add_argument("--dry-run", action="store_true", help="Validate and count; write nothing")
        imp.add_argument("--mapping", help="JSON file mapping source columns and codes to the taxonomy")
        imp.add_argument("--format", choices=["csv", "jsonl"], default="", help="Default: from the file name")
        imp.add_argument("--json", action="store_true", help="End with one JSON line of the counts")
        sub.add_parser("match", help="Match recent de-identified reports against the findings (recurrence)")
        sub.add_parser("reindex", help="Rebuild the library's full-text search index (SQLite; no-op on PostgreSQL)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "reindex":
            from safelearn.casereviews.search_index import search_index_rebuild

            self.stdout.write(f"Indexed {search_index_rebuild()} findings and recommendations.")
            return
        if options["action"] == "match":
            from safelearn.casereviews.services import recurrence_refresh

            run = recurrence_refresh(actor="command")
            self.stdout.write(f"Matched {run.copies_scanned} reports: {run.echoes} links to review findings.")
            return
        from safelearn.casereviews.services import reviews_import

        try:
            result = reviews_import(
                path=options["file"],
                dry_run=options["dry_run"],
                mapping_path=options["mapping"],
                fmt=options["format"],
                actor="import",
            )
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        verb = "Would add" if result.dry_run else "Added"
        self.stdout.write(
            f"{'DRY RUN: ' if result.dry_run else ''}{result.rows} rows read, {result.good_rows} good, "
            f"{len(result.errors)} bad."
        )
        self.stdout.write(
            f"{verb} {result.reviews_created} reviews, {result.findings_created} findings "
            f"({result.findings_existing} already present), {result.recommendations_created} recommendations; "
            f"{result.codes_suggested} code suggestions stored."
        )
        for error in result.errors:
            self.stderr.write(f"line {error.line}: {error.message}")
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {k: v for k, v in vars(result).items() if k != "errors"}
                    | {"bad_rows": [vars(e) for e in result.errors]}
                )
            )
