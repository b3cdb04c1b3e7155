"""Developer tools that are not part of the running service: not installed with the package, never imported
by ``safelearn``. Run from the repository root, e.g. ``.venv/bin/python -m tools.seedgen``."""
