"""``python -m tools.seedgen``: regenerate the packaged seed reports and print how many were written."""

from safelearn.learning.engine.data import SEED_PATH

from .compose import write

if __name__ == "__main__":
    print(f"{write()} seed reports written to {SEED_PATH}")
