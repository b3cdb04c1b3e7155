"""The seed-report generator: writes ``safelearn/learning/data/seed_examples.jsonl``.

The packaged seed reports are composed from hand-written fragments (``incident_fragments``,
``context_fragments``) and whole hand-written reports (``compose.HANDWRITTEN``). Composition is seeded, so
the output is the same every time; ``safelearn/learning/tests/test_seed_data.py`` checks that the committed
file is exactly what :func:`compose.write` produces. Edit the fragments here, then regenerate::

    .venv/bin/python -m tools.seedgen
"""
