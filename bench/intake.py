"""Intake through the real HTTP stack: gunicorn on 127.0.0.1, several client processes, staff report form.

    .venv/bin/python bench/intake.py [--database-url postgres://...] [--clients 4] [--requests 400]
    .venv/bin/python bench/intake.py --reuse-url postgres://.../demo1m   # into a filled (1M) database

Phase 1 (floor): signed-in GET of the home page (template + session + auth, no work). Phase 2: POST of
the staff report form (validation, encryption, receipt code with its Argon2 hash, audit, reference
counter, task enqueued for de-identification; no worker runs, so background work is not in the request).
Prints requests/s and p50/p95/p99 latency for both, the ratio, and the peak memory of the web workers.
Bounded: --requests per phase and --seconds per phase, whichever comes first.

It cannot pass on errors: the floor must answer 200 and every submission must be acknowledged (302 to
/report/sent/; a 200 is the form shown again with an error), and every acknowledged submission must be
stored exactly once. Anything else is printed and the bench exits 1 (the table is still recorded, marked
FAILED). ``--port`` chooses gunicorn's port on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import re
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    ROOT,
    add_database_args,
    add_port_arg,
    bench_database,
    bench_env,
    db_label,
    fail_if,
    free_port,
    peak_rss_mb,
    percentiles,
    report,
    setup_django,
    table,
)

PASSWORD = "bench-intake-password-1"  # noqa: S105 - throw-away user in a throw-away database
SEEDS = ROOT / "safelearn" / "learning" / "data" / "seed_examples.jsonl"


class Client:
    """A tiny cookie-keeping HTTP client: one connection per request (gunicorn sync workers close anyway)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: Mapping[str, object] | None = None) -> tuple[int, str]:
        status, text, _ = self.request_full(method, path, form)
        return status, text

    def request_full(self, method: str, path: str, form: Mapping[str, object] | None = None) -> tuple[int, str, str]:
        """(status, body, Location header)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Host": "127.0.0.1"}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        text = resp.read().decode("utf-8", "replace")
        for header, value in resp.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        location = resp.getheader("Location") or ""
        conn.close()
        return resp.status, text, location

    def csrf(self, path: str) -> str:
        status, text = self.request("GET", path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
        if status != 200 or not match:
            raise RuntimeError(f"GET {path} gave {status}")
        return match.group(1)

    def sign_in(self, username: str) -> None:
        token = self.csrf("/sign-in/")
        status, _ = self.request(
            "POST", "/sign-in/", {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        )
        if status != 302:
            raise RuntimeError(f"sign-in failed: {status}")


#: What counts as success in each phase: the floor page, and a submission acknowledged (redirect to the
#: confirmation page). A 200 after a POST is the form redisplayed with an error: a failure, not a result.
def _succeeded(phase: str, status: int, location: str) -> bool:
    if phase == "floor":
        return status == 200
    return status == 302 and location.rstrip("/").endswith("/report/sent")


def _error_text(page: str) -> str:
    """The GOV.UK error summary's messages on a redisplayed form, so a failure says why."""
    summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', page, re.S)
    if not summary:
        return ""
    return "; ".join(
        " ".join(re.sub(r"<[^>]+>", " ", li).split()) for li in re.findall(r"<li>(.*?)</li>", summary.group(1), re.S)
    )


def _client_run(
    args: tuple[int, str, str, int, float, str, list[str]],
) -> tuple[list[tuple[float, int, bool]], float, float, str]:
    port, username, phase, count, deadline, org_id, texts = args
    client = Client(port)
    client.sign_in(username)
    samples: list[tuple[float, int, bool]] = []
    first_error = ""
    token = client.csrf("/report/") if phase == "submit" else ""
    began = time.time()  # sign-in (Argon2) and the form GET are set-up, not part of the measured phase
    for i in range(count):
        if time.time() > deadline:
            break
        start = time.perf_counter()
        if phase == "floor":
            status, body, location = client.request_full("GET", "/")
        else:
            form = {
                "csrfmiddlewaretoken": token,
                "organisation": org_id,
                "mode": ("named", "confidential", "anonymous")[i % 3],
                "immediate_risk_answer": "no",
                "kind": "incident",
                "location_type": "foster_placement",  # where it happened: required since the where/who pass
                "what_happened": texts[i % len(texts)],
                "outcome": "near_miss",
                "incident_type": "information_not_shared",
                "service_area": "child_protection",
                "contributory_factors": ["workload_and_staffing", "communication_information_sharing"],
            }
            status, body, location = client.request_full("POST", "/report/", form)
        good = _succeeded(phase, status, location)
        samples.append((time.perf_counter() - start, status, good))
        if not good and not first_error:
            first_error = _error_text(body) or f"HTTP {status}"
    return samples, began, time.time(), first_error


def _profile_submissions(n: int, org: object, texts: list[str], username: str) -> str:
    """cProfile of n staff-form posts through Django's full stack in this process (no network)."""
    import cProfile
    import io
    import pstats

    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=username))
    form = {
        "organisation": str(org.pk),  # type: ignore[attr-defined]
        "mode": "anonymous",
        "immediate_risk_answer": "no",
        "kind": "incident",
        "location_type": "foster_placement",
        "outcome": "near_miss",
        "incident_type": "information_not_shared",
        "service_area": "child_protection",
    }
    client.post("/report/", {**form, "what_happened": texts[0]})  # warm-up
    prof = cProfile.Profile()
    for i in range(n):
        prof.runcall(client.post, "/report/", {**form, "what_happened": texts[i % len(texts)]})
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(
        r"safelearn|argon2|hashers|fernet|template|sessions|execute\b|render"
    )
    keep = [line for line in out.getvalue().splitlines() if line.strip() and ("(" in line or "ncalls" in line)]
    return "\n".join(keep[:28])


def _worker_pids(master: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except OSError:
        return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_database_args(parser)
    parser.add_argument("--clients", type=int, default=4, help="client processes")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers (2 x cores - 1 here)")
    parser.add_argument("--requests", type=int, default=400, help="requests per phase (all clients together)")
    parser.add_argument("--seconds", type=float, default=90, help="time limit per phase")
    parser.add_argument("--profile", type=int, default=20, help="profile this many submissions in-process (0: none)")
    parser.add_argument(
        "--reuse-url",
        default="",
        help="submit into an already filled database (e.g. the 1M demo); only a bench organisation and its users are added",
    )
    add_port_arg(parser)
    opts = parser.parse_args()

    with bench_database(opts.database_url, "intake", keep=opts.keep, reuse=opts.reuse_url) as url:
        setup_django(url)
        from django.contrib.auth import get_user_model

        from safelearn.organisations.models import Membership, Organisation, Role

        # A new organisation and users each run, so a reused database can be benched again.
        run = uuid.uuid4().hex[:5]
        org = Organisation.objects.create(
            name=f"Bench Authority {run}", slug=f"bench-{run}", code=f"B{run[:5]}".upper()
        )
        users = []
        for n in range(opts.clients):
            user = get_user_model().objects.create_user(f"bench{n}-{run}", f"bench{n}-{run}@example.org", PASSWORD)
            Membership.objects.create(user=user, organisation=org, role=Role.REPORTER)
            users.append(user.username)
        texts = [json.loads(line)["text"][:3000] for line in SEEDS.read_text().splitlines()[:200]]
        from django_tasks_db.models import DBTaskResult

        queued_before = DBTaskResult.objects.count()  # a reused database may hold tasks already

        port = free_port(opts.port)
        server = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "config.wsgi:application",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                str(opts.workers),
                "--timeout",
                "300",
                "--access-logfile",
                "-",
                "--error-logfile",
                "-",
                "--log-level",
                "warning",
            ],
            env=bench_env(url),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        try:
            # Wait until every worker has answered a few times: the first request in a worker imports the
            # URLconf and views, which is start-up, not intake.
            answered, waited = 0, time.time()
            while answered < 3 * opts.workers and time.time() - waited < 300:
                try:
                    answered += Client(port).request("GET", "/sign-in/")[0] == 200
                except OSError:
                    time.sleep(0.2)
            problems: list[str] = []
            if answered < 3 * opts.workers:
                problems.append(f"gunicorn on port {port} did not answer /sign-in/ with 200 within 300 s")
            results = {}
            per_client = max(1, opts.requests // opts.clients)
            acked: dict[str, int] = {}
            with mp.Pool(opts.clients) as pool:
                for phase in ("floor", "submit"):
                    deadline = time.time() + opts.seconds
                    jobs = [(port, u, phase, per_client, deadline, str(org.pk), texts) for u in users]
                    outcomes = pool.map(_client_run, jobs)
                    samples = [s for chunk, _, _, _ in outcomes for s in chunk]
                    # Throughput over the measured span only: first client starting to last client ending.
                    total_span = max(o[2] for o in outcomes) - min(o[1] for o in outcomes)
                    ok = [d for d, _, good in samples if good]
                    bad = Counter(status for _, status, good in samples if not good)
                    if bad or not samples:
                        problems.append(
                            f"{phase}: {sum(bad.values())} of {len(samples)} requests failed "
                            f"(status: {', '.join(f'{s} x{n}' for s, n in sorted(bad.items())) or 'no requests made'}; "
                            f"first: {next((o[3] for o in outcomes if o[3]), '-')})"
                        )
                    acked[phase] = len(ok)
                    rate = len(ok) / total_span if total_span > 0 else 0.0
                    results[phase] = (len(samples), len(samples) - len(ok), rate, *percentiles(ok))
            peaks = [peak_rss_mb(pid) for pid in _worker_pids(server.pid)]
        finally:
            server.terminate()
            server.wait(timeout=30)

        from safelearn.reporting.models import Report

        stored = Report.objects.filter(organisation=org).count()
        if stored != acked.get("submit", 0):
            problems.append(f"{acked.get('submit', 0)} submissions acknowledged but {stored} reports stored")
        queued = DBTaskResult.objects.count() - queued_before
        profile_text = _profile_submissions(opts.profile, org, texts, users[0]) if opts.profile else ""

    floor, submit = results["floor"], results["submit"]
    rows = [
        ("home page, signed in (floor)", *floor[:3], *(x * 1000 for x in floor[3:])),
        ("submit staff report form", *submit[:3], *(x * 1000 for x in submit[3:])),
    ]
    body = table(["request", "requests", "errors", "per second", "p50 ms", "p95 ms", "p99 ms"], rows)
    ratio_p50 = submit[3] / floor[3] if floor[3] else 0
    ratio_rate = floor[2] / submit[2] if submit[2] else 0
    body += (
        f"\n\n{db_label(url)}; gunicorn {opts.workers} sync workers, {opts.clients} client processes on loopback. "
        f"Submission cost = **{ratio_p50:.1f}× the floor at p50**, {ratio_rate:.1f}× in throughput (target ≤ 3×). "
        f"Reports stored: {stored:,}; background tasks queued: {queued:,} (no worker ran).\n"
        f"Peak memory (VmHWM) of the gunicorn workers: {', '.join(f'{p:.0f} MB' for p in peaks) or 'n/a'}."
    )
    if profile_text:
        body += (
            f"\n\nWhere a submission's time goes ({opts.profile} form posts in-process under cProfile, "
            f"cumulative, selected lines):\n\n```\n{profile_text}\n```"
        )
    if problems:
        body = "**FAILED** — " + "; ".join(problems) + "\n\n" + body
    report(
        f"intake through gunicorn ({db_label(url)})",
        "python bench/intake.py" + (" --database-url postgres://..." if url.startswith("postgres") else ""),
        body,
        opts.no_results,
    )
    fail_if(problems)


if __name__ == "__main__":
    main()
