"""`safelearn import FILE --organisation SLUG --mapping MAP.yaml [--dry-run]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from safelearn.imports.mapping import MappingError, load_mapping
from safelearn.imports.services import import_rows, read_rows
from safelearn.organisations.models import Organisation


class Command(BaseCommand):
    help = "Import historic incidents from CSV or JSON lines, mapped to the taxonomy by a mapping file."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="CSV (with a header row) or JSON lines (.jsonl)")
        parser.add_argument("--organisation", required=True, help="The organisation's slug")
        parser.add_argument("--mapping", required=True, help="YAML or JSON mapping file")
        parser.add_argument("--dry-run", action="store_true", help="Validate every row; import nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"no organisation with slug '{options['organisation']}'")
        try:
            mapping = load_mapping(Path(options["mapping"]).read_text(encoding="utf-8"))
            data = Path(options["file"]).read_bytes()
        except (OSError, MappingError) as exc:
            raise CommandError(str(exc)) from exc
        result = import_rows(
            organisation=organisation,
            rows=read_rows(data, options["file"]),
            mapping=mapping,
            dry_run=options["dry_run"],
            actor="import",
        )
        prefix = "Dry run – nothing imported. " if options["dry_run"] else ""
        self.stdout.write(prefix + result.summary(dry_run=options["dry_run"]))
        for bad in result.bad:
            problems = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in bad.errors.items())
            self.stdout.write(f"  line {bad.line} (id {bad.source_id or '?'}): {problems}")
