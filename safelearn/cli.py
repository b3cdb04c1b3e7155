"""`safelearn` — Django management under a friendly name, plus fast commands that need no database.

`safelearn redact-jsonl`, `safelearn suggest-jsonl` and `safelearn model ...` are stable interfaces for
batch use and evaluation; they run without setting up Django so they start quickly and need no database.
"""

from __future__ import annotations

import os
import sys

# `worker` is our own command (safelearn/core/management/commands/worker.py), not the library's db_worker.
ALIASES = {"serve": "runserver", "totp-code": "totp_code"}


def _django(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    command = argv[0] if argv else "help"
    # Friendly hyphenated names map to Django's underscored command modules (purge-raw → purge_raw).
    name = ALIASES.get(command, command.replace("-", "_") if not command.startswith("-") else command)
    execute_from_command_line(["safelearn", name, *argv[1:]])
    return 0


def main(argv: list[str] | None = None) -> int:
    # Files SafeLearn creates (database, -wal/-shm, keys, backups, models) are readable by its user only.
    os.umask(0o077)
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else ""
    if command == "redact-jsonl":
        from safelearn.privacy.jsonl import redact_jsonl

        return redact_jsonl(sys.stdin, sys.stdout)
    if command == "suggest-jsonl":
        from safelearn.learning.cli import suggest_jsonl

        return suggest_jsonl(sys.stdin, sys.stdout)
    if command == "model":
        from safelearn.learning.cli import model_main

        return model_main(args[1:])
    return _django(args)


if __name__ == "__main__":
    sys.exit(main())
