"""Shared plumbing for the scale benchmarks: a throw-away database, machine facts, results, memory.

Every benchmark runs against its own database: a temporary SQLite file under var/bench/ or a fresh
PostgreSQL database created next to the one named by ``--database-url``/DATABASE_URL (and dropped
afterwards unless ``--keep``). It never touches var/safelearn.sqlite3.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
WORK = ROOT / "var" / "bench"
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
SAFELEARN = [PYTHON, "-m", "safelearn.cli"]


def add_database_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="postgres://user:pass@127.0.0.1/db to run on PostgreSQL (a fresh database is created beside it); "
        "default: a temporary SQLite file",
    )
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
    parser.add_argument("--no-results", action="store_true", help="print only; do not append to RESULTS.md")


def add_port_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port", type=int, default=0, help="serve on this 127.0.0.1 port (default: a free one chosen by the OS)"
    )


def free_port(wanted: int = 0) -> int:
    """``wanted`` when given (it must be free), else one the OS picks."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", wanted))
        except OSError as exc:
            raise SystemExit(
                f"FAILED: port {wanted} on 127.0.0.1 is not free ({exc}); choose another with --port"
            ) from None
        return int(s.getsockname()[1])


def fail_if(problems: Sequence[str]) -> None:
    """Print every problem loudly and exit non-zero; do nothing when there are none."""
    if problems:
        print("\nBENCH FAILED:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        raise SystemExit(1)


def bench_env(database_url: str) -> dict[str, str]:
    """Environment for every process of a run: its own var dir (keys, secret), its database, quiet e-mail."""
    WORK.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        SAFELEARN_VAR_DIR=str(WORK),
        DJANGO_SETTINGS_MODULE="config.settings",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        SAFELEARN_REQUIRE_2FA="false",
        AXES_FAILURE_LIMIT="100000",
        SAFELEARN_SCHEDULE_ENABLED="false",  # workers measure the bench's own tasks, not the recurring jobs
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(ROOT),
    )
    return env


@contextmanager
def bench_database(base_url: str, name: str, keep: bool = False, reuse: str = "") -> Iterator[str]:
    """Yield a DATABASE_URL for a fresh, migrated database; remove it afterwards unless kept or reused."""
    if reuse:
        yield reuse
        return
    tag = f"{name}_{uuid.uuid4().hex[:8]}"
    if base_url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(base_url)
        url = urlunsplit(parts._replace(path=f"/safelearn_bench_{tag}"))
        with psycopg.connect(base_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "safelearn_bench_{tag}"')

        def dropper() -> None:
            _pg_drop(base_url, f"safelearn_bench_{tag}")

    else:
        path = WORK / f"{tag}.sqlite3"
        WORK.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{path}"

        def dropper() -> None:
            for p in WORK.glob(f"{tag}.sqlite3*"):
                p.unlink(missing_ok=True)

    try:
        # migrate alone must leave a database ready to serve (cache table included): no extra step here,
        # so a bench proves it.
        subprocess.run([*SAFELEARN, "migrate", "-v0"], env=bench_env(url), check=True, cwd=ROOT)
        yield url
    finally:
        if keep:
            print(f"kept database: {url}")
        else:
            dropper()


def _pg_drop(base_url: str, db: str) -> None:
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def setup_django(database_url: str) -> None:
    os.environ.update(bench_env(database_url))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def db_label(url: str) -> str:
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{mem_kb / 1024 / 1024:.0f} GB RAM"
    except OSError:
        mem = "? RAM"
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores ({cpu}), {mem}, Python {platform.python_version()}, load average {load}"


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a live process, in MB; 0 when it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def percentiles(samples: Sequence[float]) -> tuple[float, float, float]:
    if len(samples) < 2:
        v = samples[0] if samples else 0.0
        return v, v, v
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return statistics.median(samples), q[94], q[98]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(v: object) -> str:
        if isinstance(v, float):
            return f"{v:,.1f}" if abs(v) >= 10 else f"{v:,.3f}"
        if isinstance(v, int):
            return f"{v:,}"
        return str(v)

    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|",
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def report(title: str, command: str, body: str, no_results: bool = False) -> None:
    """Print the block and append it, dated and with the machine, to bench/RESULTS.md."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = f"\n## Scale: {title} — {stamp}\n\nMachine: {machine()}.\nCommand: `{command}`\n\n{body}\n"
    print(block)
    if not no_results:
        with RESULTS.open("a", encoding="utf-8") as fh:
            fh.write(block)


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
