"""Background pipeline throughput: reports/s from submitted to processed by `safelearn worker`, 1 and 2 workers.

    .venv/bin/python bench/pipeline.py [--database-url postgres://...] [--reports 300] [--workers 1 2]

For each worker count: N reports are submitted through the real service (`report_submit`: encryption,
receipt, audit, and the post-save hooks that queue background tasks), then that many `safelearn worker`
processes (django-tasks-db `db_worker`) are started and timed until every queued task has finished.
Whatever report tasks exist are measured (today: de-identification; suggestion and indexing tasks are
counted too when their apps queue them). Throughput is taken from the tasks' own started/finished
times, so worker start-up is left out; the wall time from launch is printed as well. Peak memory
(VmHWM) of each worker is read from /proc before it is stopped. Bounded by --timeout per run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    ROOT,
    SAFELEARN,
    add_database_args,
    bench_database,
    bench_env,
    db_label,
    peak_rss_mb,
    report,
    setup_django,
    table,
)

SEEDS = ROOT / "safelearn" / "learning" / "data" / "seed_examples.jsonl"


def _submit(n: int, org: object, texts: list[str]) -> None:
    from safelearn.reporting.services import ReportInput, report_submit

    for i in range(n):
        data = ReportInput(
            mode="anonymous",
            immediate_risk_answer="no",
            kind="incident",
            what_happened=texts[i % len(texts)],
            outcome="near_miss",
            incident_type="information_not_shared",
            service_area="child_protection",
        )
        report_submit(organisation=org, data=data)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_database_args(parser)
    parser.add_argument("--reports", type=int, default=300, help="reports per run")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run")
    opts = parser.parse_args()

    rows = []
    with bench_database(opts.database_url, "pipeline", keep=opts.keep) as url:
        setup_django(url)
        from django.db.models import Max, Min
        from django_tasks_db.models import DBTaskResult

        from safelearn.organisations.models import Organisation
        from safelearn.privacy.models import DeidentifiedCopy

        org = Organisation.objects.create(name="Pipeline Authority", slug="pipeline", code="PL")
        texts = [json.loads(line)["text"][:3000] for line in SEEDS.read_text().splitlines()[:300]]
        for workers in opts.workers:
            DBTaskResult.objects.all().delete()
            start_submit = time.perf_counter()
            _submit(opts.reports, org, texts)
            submit_s = time.perf_counter() - start_submit
            queued = Counter(DBTaskResult.objects.values_list("task_path", flat=True))
            launched = time.perf_counter()
            procs = [
                subprocess.Popen(
                    [*SAFELEARN, "worker", "--interval", "0.2", "--no-startup-delay", "--worker-id", f"bench-{w}"],
                    env=bench_env(url),
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for w in range(workers)
            ]
            peaks: list[float] = []
            try:
                while time.perf_counter() - launched < opts.timeout:
                    time.sleep(0.5)
                    peaks = [
                        max(p, peak_rss_mb(proc.pid)) for p, proc in zip(peaks or [0.0] * workers, procs, strict=True)
                    ]
                    if not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
                        break
                wall = time.perf_counter() - launched
            finally:
                for proc in procs:
                    proc.terminate()
                for proc in procs:
                    proc.wait(timeout=30)
            done = DBTaskResult.objects.filter(status="SUCCESSFUL")
            span = done.aggregate(first=Min("started_at"), last=Max("finished_at"))
            seconds = (span["last"] - span["first"]).total_seconds() if span["first"] else float("nan")
            failed = DBTaskResult.objects.filter(status="FAILED").count()
            ready = DeidentifiedCopy.objects.filter(organisation_id=org.pk).exclude(status="pending").count()
            rows.append(
                (
                    workers,
                    opts.reports,
                    ", ".join(f"{k.rsplit('.', 1)[-1]} {v}" for k, v in sorted(queued.items())),
                    done.count(),
                    failed,
                    opts.reports / seconds if seconds else 0.0,
                    wall,
                    opts.reports / submit_s,
                    ", ".join(f"{p:.0f}" for p in peaks),
                )
            )
            print(rows[-1], f"copies processed so far: {ready}")
    body = table(
        [
            "workers",
            "reports",
            "tasks queued",
            "succeeded",
            "failed",
            "reports/s (task span)",
            "wall s from launch",
            "submit/s (in-process service)",
            "worker peak MB",
        ],
        rows,
    )
    body += f"\n\n{db_label(url)}. Each run submits its own reports, then starts the workers."
    report(
        f"background pipeline ({db_label(url)})",
        "python bench/pipeline.py" + (" --database-url postgres://..." if url.startswith("postgres") else ""),
        body,
        opts.no_results,
    )


if __name__ == "__main__":
    main()
