"""`safelearn suggest-pending` (hyphenated name); same command as suggest_pending."""

from safelearn.learning.management.commands.suggest_pending import Command

__all__ = ["Command"]
