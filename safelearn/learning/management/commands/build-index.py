"""`safelearn build-index` (hyphenated name); same command as build_index."""

from safelearn.learning.management.commands.build_index import Command

__all__ = ["Command"]
