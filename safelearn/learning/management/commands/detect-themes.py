"""`safelearn detect-themes`: the hyphenated name the operator docs use; same command as detect_themes."""

from safelearn.learning.management.commands.detect_themes import Command

__all__ = ["Command"]
