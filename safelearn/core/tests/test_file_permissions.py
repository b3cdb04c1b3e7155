"""The first run creates var/ (0700) and the SQLite database with its -wal and -shm (0600): owner only."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SAFELEARN = Path(sys.executable).with_name("safelearn")

OPEN_AND_WRITE = """
import json, os
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE first_run (x integer)")
    cursor.execute("INSERT INTO first_run VALUES (1)")
    path = connection.settings_dict["NAME"]
    # Asked while the connection is open: SQLite removes -wal and -shm when the last one closes.
    print(json.dumps({suffix: os.stat(path + suffix).st_mode for suffix in ("", "-wal", "-shm")}))
"""


def mode(value: int) -> str:
    return oct(stat.S_IMODE(value))


def test_a_first_run_of_the_cli_creates_files_only_their_owner_can_read(tmp_path: Path) -> None:
    var = tmp_path / "install" / "var"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SAFELEARN_KEY_FILE"}}
    env.update({"SAFELEARN_VAR_DIR": str(var), "DJANGO_SETTINGS_MODULE": "config.settings"})
    done = subprocess.run(
        [str(SAFELEARN), "shell", "-c", OPEN_AND_WRITE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=180,
        # A typical login umask (group and world may read): what the service user's shell would have.
        preexec_fn=lambda: os.umask(0o022),
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    modes = json.loads(done.stdout.strip().splitlines()[-1])
    assert mode(var.stat().st_mode) == "0o700"
    assert {name: mode(value) for name, value in modes.items()} == {"": "0o600", "-wal": "0o600", "-shm": "0o600"}
    for path in var.rglob("*"):  # the generated secret keys too
        assert mode(path.stat().st_mode) == ("0o700" if path.is_dir() else "0o600"), path.name
