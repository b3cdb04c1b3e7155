"""`safelearn send-query-reports`: the hyphenated name the operator docs use; same command as send_query_reports."""

from safelearn.queries.management.commands.send_query_reports import Command

__all__ = ["Command"]
