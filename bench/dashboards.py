"""Every national and organisation dashboard view, timed server-side and checked against direct SQL counts.

    .venv/bin/python bench/dashboards.py [--reports 1000000] [--database-url postgres://...]
    .venv/bin/python bench/dashboards.py --reuse-url sqlite:////path/to/filled.sqlite3   # already generated

Fills a fresh database with `safelearn demo --reports N` (or reuses one given with --reuse-url, which is
only read; its key file must be var/bench/encryption.keys), signs in an analyst (national) and a
reviewer of the largest generated organisation, and requests each page through Django's full
request/response stack in this process (server time: middleware, view, queries, template; no
network). Each view is requested --repeats times; the table shows the best and the median. Correctness:
the national dashboard's total, every monthly count and every incident-type count (reports with no type
counted as such) must equal counts made directly by the database (GROUP BY). Target: under 1 s server
time per view.

It cannot pass on errors: any response other than 200, or any count that differs from direct SQL, is
printed and the bench exits 1 (the table is still recorded, marked FAILED).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    ROOT,
    SAFELEARN,
    Timer,
    add_database_args,
    bench_database,
    bench_env,
    db_label,
    fail_if,
    peak_rss_mb,
    report,
    setup_django,
    table,
)


def _direct_counts(start: object, end: object) -> tuple[int, Counter[str], Counter[str]]:
    """Counts made by the database itself, not by the dashboard code."""
    from django.db.models import Count
    from django.db.models.functions import TruncMonth

    from safelearn.privacy.models import DeidentifiedCopy
    from safelearn.reporting.models import EXCLUDED_FROM_STATISTICS

    qs = (
        DeidentifiedCopy.objects.filter(status="approved")
        .exclude(report__status__in=EXCLUDED_FROM_STATISTICS)
        .filter(report__submitted_at__date__gte=start, report__submitted_at__date__lte=end)
    )
    total = qs.count()
    months = Counter(
        {
            f"{row['m']:%b %Y}": row["n"]
            for row in qs.annotate(m=TruncMonth("report__submitted_at")).values("m").annotate(n=Count("id"))
        }
    )
    types: Counter[str] = Counter()
    for row in qs.values("report__incident_type").annotate(n=Count("id")):
        types[row["report__incident_type"] or ""] += row["n"]  # NULL and "" are both "no type"
    return total, months, types


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_database_args(parser)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--reuse-url", default="", help="an already generated database (not modified beyond users)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary of the slowest view")
    parser.add_argument(
        "--uncached", action="store_true", help="turn the dashboard's time-based cache off: every request counts"
    )
    opts = parser.parse_args()

    with bench_database(opts.database_url, "dashboards", keep=opts.keep, reuse=opts.reuse_url) as url:
        if not opts.reuse_url:
            with Timer() as gen:
                subprocess.run(
                    [*SAFELEARN, "demo", "--reports", str(opts.reports), "--quiet-logins"],
                    env=bench_env(url),
                    cwd=ROOT,
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
            print(f"generated {opts.reports:,} reports in {gen.seconds:.0f} s")
        setup_django(url)
        from django.conf import settings

        if opts.uncached:
            settings.ANALYTICS_DASHBOARD_CACHE_SECONDS = 0
        from django.contrib.auth import get_user_model
        from django.db.models import Count
        from django.test import Client
        from django.utils import timezone

        from safelearn.analytics.dashboard import dashboard_build, default_period
        from safelearn.analytics.selectors import PoolFilters
        from safelearn.organisations.models import Membership, Organisation, OrganisationKind, Role
        from safelearn.reporting.models import Report

        n_reports = Report.objects.count()
        national, _ = Organisation.objects.get_or_create(
            slug="bench-national",
            defaults={"name": "Bench national", "code": "BNAT", "kind": OrganisationKind.NATIONAL},
        )
        biggest = (
            Organisation.objects.filter(slug__startswith="gen-").annotate(n=Count("reports")).order_by("-n").first()
        )
        users = {}
        for name, org, role in (("bench-analyst", national, Role.ANALYST), ("bench-reviewer", biggest, Role.REVIEWER)):
            user, _ = get_user_model().objects.get_or_create(username=name)
            Membership.objects.get_or_create(user=user, organisation=org, role=role)
            users[name] = user
        pages = [
            ("national", "bench-analyst", "/analytics/"),
            ("national", "bench-analyst", "/analytics/dashboard/"),
            ("national", "bench-analyst", "/analytics/pool/"),
            ("national", "bench-analyst", "/analytics/open-data/"),
            ("organisation", "bench-reviewer", "/analytics/dashboard/"),
        ]
        figures = ["over-time", "factors", "types", "heat", "culture", "rates", "timings", "actions"]
        pages += [("national", "bench-analyst", f"/analytics/dashboard/{f}.csv") for f in figures[:1]]
        pages += [("organisation", "bench-reviewer", f"/analytics/dashboard/{f}.csv") for f in figures[:1]]
        warm = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
        warm.force_login(users["bench-analyst"])
        warm.get("/analytics/open-data/")  # first request loads templates and modules: not what we measure
        rows = []
        problems: list[str] = []
        slowest: tuple[float, str, str] = (0.0, "", "")
        for scope, username, path in pages:
            client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
            client.force_login(users[username])
            times, statuses = [], []
            for _ in range(opts.repeats):
                start = time.perf_counter()
                statuses.append(client.get(path).status_code)
                times.append(time.perf_counter() - start)
            best = min(times)
            bad = [s for s in statuses if s != 200]
            if bad:
                problems.append(f"{scope} {path}: HTTP {', '.join(map(str, bad))}")
            rows.append(
                (
                    scope,
                    path,
                    "/".join(str(s) for s in sorted(set(statuses))),
                    best * 1000,
                    statistics.median(times) * 1000,
                    "FAILED (not 200)" if bad else ("yes" if best < 1 else "NO"),
                )
            )
            print(rows[-1], flush=True)
            slowest = max(slowest, (best, username, path))

        # Correctness: the national figures against the database's own counts.
        start_d, end_d = default_period(timezone.localdate())
        try:
            board = dashboard_build(filters=PoolFilters(), compare_org=None)
        except Exception as exc:  # e.g. SQLite's parameter limit: record it rather than lose the timings
            print(f"dashboard_build failed: {exc!r}")
            board = None
        checks: list[tuple[str, object, object, str]] = [("dashboard_build", "failed", "-", "NO")]
        if board is not None:
            total, months, types = _direct_counts(start_d, end_d)
            fig_months = Counter({r[0]: r[1] for r in board.figures["over-time"].rows})
            from safelearn.core.taxonomy import get_taxonomy

            tax = get_taxonomy()
            # The types figure leaves uncoded reports out: they are the total less what it shows.
            fig_types = Counter({r[0]: r[1] for r in board.figures["types"].rows})
            fig_types["(no type)"] = board.total - sum(fig_types.values())
            want_types = Counter({(tax.label("incident_type", k) if k else "(no type)"): v for k, v in types.items()})
            checks = [
                ("national total", board.total, total, "yes" if board.total == total else "NO"),
                (
                    f"monthly counts ({len(months)} months, each)",
                    sum(fig_months.values()),
                    sum(months.values()),
                    "yes" if +fig_months == +months else "NO",
                ),
                (
                    f"incident-type counts ({len(want_types)} types incl. none, each)",
                    sum(fig_types.values()),
                    sum(want_types.values()),
                    "yes" if +fig_types == +want_types else "NO",
                ),
            ]
            for name, got, want in (("months", fig_months, months), ("types", fig_types, want_types)):
                for key in sorted(set(got) | set(want)):
                    if got[key] != want[key]:
                        problems.append(f"{name} {key}: dashboard {got[key]}, direct SQL {want[key]}")
        problems += [f"{c[0]}: dashboard {c[1]}, direct SQL {c[2]}" for c in checks if c[3] != "yes"]
        profile_text = ""
        if opts.profile and slowest[1]:
            client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
            client.force_login(users[slowest[1]])
            prof = cProfile.Profile()
            prof.runcall(client.get, slowest[2])
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(25)
            profile_text = out.getvalue()
            print(profile_text)
        peak = peak_rss_mb(__import__("os").getpid())

    body = table(["scope", "view", "status", "best ms", "median ms", "< 1 s"], rows)
    if problems:
        body = "**FAILED** — " + "; ".join(problems[:10]) + "\n\n" + body
    body += "\n\n" + table(["correctness check", "dashboard", "direct SQL", "match"], checks)
    body += (
        f"\n\n{db_label(url)}, {n_reports:,} reports in the database; organisation view as a reviewer of the "
        f"largest generated organisation; {opts.repeats} requests each, in-process (server time)"
        f"{', dashboard cache off' if opts.uncached else ''}. "
        f"Peak RSS of the process: {peak:.0f} MB."
    )
    report(
        f"dashboards at {n_reports:,} reports ({db_label(url)})", "python bench/dashboards.py", body, opts.no_results
    )
    fail_if(problems)


if __name__ == "__main__":
    main()
