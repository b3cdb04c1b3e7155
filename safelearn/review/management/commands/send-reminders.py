"""`safelearn send-reminders`: the hyphenated name the operator docs use; same command as send_reminders."""

from safelearn.review.management.commands.send_reminders import Command

__all__ = ["Command"]
