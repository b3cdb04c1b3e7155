"""Import throughput: rows/s for `safelearn import` of a synthetic legacy CSV, as a user would run it.

    .venv/bin/python bench/import_rows.py [--rows 10000] [--database-url postgres://...]

Writes the CSV with examples/make_legacy_csv.py (with a few bad rows), runs the real command
(`safelearn import FILE --organisation ... --mapping examples/legacy_mapping.yaml`) as a separate
process, once with --dry-run (validation only) and once for real, and reads its peak memory.
Start-up (Django, ~1-2 s) is inside the wall time, as a user would see it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    PYTHON,
    ROOT,
    SAFELEARN,
    WORK,
    add_database_args,
    bench_database,
    bench_env,
    db_label,
    report,
    setup_django,
    table,
)


def _run_timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS MB (from GNU time's getrusage of the child) and the command's last line."""
    start = time.perf_counter()
    proc = subprocess.run(
        [
            PYTHON,
            "-c",
            "import resource,subprocess,sys; r=subprocess.run(sys.argv[1:], capture_output=True, text=True);"
            "print(r.stdout.strip().splitlines()[0] if r.stdout.strip() else r.stderr[-500:]);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
            *cmd,
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    lines = proc.stdout.strip().splitlines()
    return seconds, int(lines[-1]) / 1024, lines[0] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_database_args(parser)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--bad", type=int, default=5)
    opts = parser.parse_args()

    csv_path = WORK / f"legacy_{opts.rows}.csv"
    WORK.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [PYTHON, str(ROOT / "examples" / "make_legacy_csv.py"), str(opts.rows), str(csv_path), "--bad", str(opts.bad)],
        check=True,
        cwd=ROOT,
    )
    rows = []
    with bench_database(opts.database_url, "import", keep=opts.keep) as url:
        setup_django(url)
        from safelearn.organisations.models import Organisation
        from safelearn.reporting.models import Report

        Organisation.objects.create(name="Import Authority", slug="import-bench", code="IB")
        env = bench_env(url)
        base = [
            *SAFELEARN,
            "import",
            str(csv_path),
            "--organisation",
            "import-bench",
            "--mapping",
            str(ROOT / "examples" / "legacy_mapping.yaml"),
        ]
        for label, extra in (("dry run (validate only)", ["--dry-run"]), ("import", [])):
            seconds, peak, summary = _run_timed([*base, *extra], env)
            rows.append((label, opts.rows, seconds, opts.rows / seconds, peak, summary[:90]))
            print(rows[-1], flush=True)
        stored = Report.objects.count()
    csv_path.unlink(missing_ok=True)
    body = table(["run", "rows", "wall s", "rows/s", "peak MB", "command says"], rows)
    body += f"\n\n{db_label(url)}; reports stored after the import: {stored:,}."
    report(f"import ({db_label(url)})", f"python bench/import_rows.py --rows {opts.rows}", body, opts.no_results)


if __name__ == "__main__":
    main()
