"""Crash safety: SIGKILL the real server while reports are being submitted, and prove nothing acknowledged is lost.

Starts gunicorn on loopback over a fresh SQLite database in a temporary directory, runs several client
processes that sign in as a reporter and submit reports through the staff form (CSRF token and all),
kills the whole server process group with SIGKILL at random moments, restarts it, and finally checks:

  * every submission that got a success response (302 to /report/sent/) is stored exactly once, with
    its reference and its full narrative text intact (decrypted and compared byte for byte);
  * nothing is half-written: every report has a reference, a receipt hash and its `report.submitted`
    audit event, SQLite's integrity check passes and the audit hash chain verifies.

Two more scenarios (issue 15, finding 3), for the background worker:

  * worker-kill: reports queue de-identification tasks; `safelearn worker` is SIGKILLed while a task is
    RUNNING, several times, and restarted (short lease). Every task must finish (none RUNNING for ever, none
    given up) and every report's de-identified copy must leave `pending`.
  * write-lock: another process holds SQLite's write lock for 40 s while the worker runs and a web page and
    an API call write. The worker must stay up and finish its queue; the page must be the 503 "service
    unavailable" page and the API a 503 problem document, both with Retry-After; writes work afterwards.

Usage: .venv/bin/python bench/crash.py [--scenario all|server|worker-kill|write-lock] [--kills 8] [--clients 4]
       [--seed 1] [--worker-kills 6] [--lock-seconds 40]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import multiprocessing as mp
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PASSWORD = "crash-bench-password-2026"  # noqa: S105 - throwaway user in a temporary database


def free_port(wanted: int = 0) -> int:
    """``wanted`` (from --port) when given and free, else one the OS picks."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", wanted))
        except OSError as exc:
            raise SystemExit(
                f"FAILED: port {wanted} on 127.0.0.1 is not free ({exc}); choose another with --port"
            ) from None
        return int(s.getsockname()[1])


def django_env(var_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SAFELEARN_VAR_DIR": str(var_dir),
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "LOG_LEVEL": "ERROR",
        # Recurring jobs would add their own tasks to the counts the scenarios check.
        "SAFELEARN_SCHEDULE_ENABLED": "false",
    }


SETUP = f"""
import django; django.setup()
from django.contrib.auth import get_user_model
from safelearn.organisations.models import Membership, Organisation, Role
org = Organisation.objects.create(name="Crashfield", slug="crashfield", code="CF", duty_contact_email="d@x.org")
for i in range(16):
    u = get_user_model().objects.create_user(username=f"crash{{i}}", password={PASSWORD!r})
    Membership.objects.create(user=u, organisation=org, role=Role.REPORTER)
print(org.pk)
"""

VERIFY = """
import json, sys, django; django.setup()
from django.db import connection
from safelearn.core.audit import audit_verify
from safelearn.core.models import AuditEvent
from safelearn.reporting.models import Report
reports = list(Report.objects.all())
submitted = set(AuditEvent.objects.filter(verb="report.submitted").values_list("target_id", flat=True))
with connection.cursor() as c:
    c.execute("PRAGMA integrity_check"); integrity = c.fetchone()[0]
print(json.dumps({
    "reports": [[r.reference, r.what_happened, bool(r.receipt_hash), str(r.pk) in submitted] for r in reports],
    "integrity": integrity,
    "chain_problems": len(audit_verify()),
    "events": AuditEvent.objects.count(),
}))
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def client_loop(index: int, base: str, org_id: str, out_path: str, stop: object, seed: int) -> None:
    """Sign in, then submit reports until told to stop; log each acknowledged one (flushed at once)."""
    rng = random.Random(seed * 1000 + index)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    signed_in = False
    sequence = 0
    with open(out_path, "a", encoding="utf-8") as out:
        for _attempt in range(100_000):  # bounded: the controller stops us long before this
            if stop.is_set():  # type: ignore[attr-defined]
                return
            try:
                if not signed_in:
                    signed_in = _sign_in(opener, jar, base, f"crash{index}")
                    continue
                sequence += 1
                words = " ".join(
                    rng.choice(["rota", "visit", "handover", "record", "duty", "carer"]) for _ in range(40)
                )
                narrative = f"crash-bench client {index} seq {sequence}: {words}. End of report {index}-{sequence}."
                status, location = _submit(opener, jar, base, org_id, narrative)
                if status == 302 and location.endswith("/report/sent/"):
                    out.write(json.dumps({"client": index, "seq": sequence, "narrative": narrative}) + "\n")
                    out.flush()
                    os.fsync(out.fileno())
                elif status == 302 and "/sign-in/" in location:
                    signed_in = False
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError, http.client.HTTPException):
                time.sleep(0.05)  # server down (killed): retry; an unanswered submission is not acknowledged


def _csrf(jar: http.cookiejar.CookieJar) -> str:
    return next((c.value for c in jar if c.name == "csrftoken"), "") or ""


def _sign_in(opener: urllib.request.OpenerDirector, jar: http.cookiejar.CookieJar, base: str, username: str) -> bool:
    opener.open(f"{base}/sign-in/", timeout=10).read()
    data = urllib.parse.urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": _csrf(jar)})
    try:
        opener.open(
            urllib.request.Request(f"{base}/sign-in/", data.encode(), headers={"Referer": base + "/"}), timeout=10
        )
    except urllib.error.HTTPError as exc:
        return exc.code == 302
    return False


def _submit(
    opener: urllib.request.OpenerDirector, jar: http.cookiejar.CookieJar, base: str, org_id: str, narrative: str
) -> tuple[int, str]:
    opener.open(f"{base}/report/", timeout=10).read()
    fields = {
        "csrfmiddlewaretoken": _csrf(jar),
        "organisation": org_id,
        "mode": "named",
        "immediate_risk_answer": "no",
        "kind": "incident",
        "what_happened": narrative,
    }
    request = urllib.request.Request(
        f"{base}/report/", urllib.parse.urlencode(fields).encode(), headers={"Referer": base + "/"}
    )
    try:
        response = opener.open(request, timeout=15)
        return response.status, ""
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "")


def start_server(var_dir: Path, port: int, log: Path, timeout: int = 30) -> subprocess.Popen[bytes]:
    command = [str(BIN / "gunicorn"), "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--timeout", str(timeout)]
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        env=django_env(var_dir),
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # own process group, so SIGKILL takes master and workers
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/sign-in/", timeout=2).read()
            return proc
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"server did not start; see {log}")


def kill_hard(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenario", choices=["all", "server", "worker-kill", "write-lock"], default="all")
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--port", type=int, default=0, help="serve on this 127.0.0.1 port (default: a free one)")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker-kills", type=int, default=6)
    parser.add_argument("--lock-seconds", type=float, default=40.0)
    parser.add_argument("--drain-timeout", type=float, default=600.0)
    parser.add_argument(
        "--worker-command", default="worker", help="db_worker runs the library's plain worker, to compare"
    )
    args = parser.parse_args()
    scenarios: dict[str, Callable[[argparse.Namespace], int]] = {
        "server": server_scenario,
        "worker-kill": worker_kill_scenario,
        "write-lock": write_lock_scenario,
    }
    chosen = list(scenarios) if args.scenario == "all" else [args.scenario]
    failures = 0
    for name in chosen:
        failures += scenarios[name](args)
        print()
    return 1 if failures else 0


def server_scenario(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="safelearn-crash-") as tmp:
        var_dir = Path(tmp)
        env = django_env(var_dir)
        subprocess.run([str(BIN / "safelearn"), "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
        org_id = (
            subprocess.run(
                [str(BIN / "python"), "-c", SETUP], cwd=ROOT, env=env, check=True, capture_output=True, text=True
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        port = free_port(args.port)
        base = f"http://127.0.0.1:{port}"
        log = var_dir / "server.log"
        stop = mp.Event()
        logs = [var_dir / f"client{i}.jsonl" for i in range(args.clients)]
        server = start_server(var_dir, port, log)
        clients = [
            mp.Process(target=client_loop, args=(i, base, org_id, str(logs[i]), stop, args.seed))
            for i in range(args.clients)
        ]
        for c in clients:
            c.start()
        rows = []
        for kill in range(1, args.kills + 1):
            time.sleep(rng.uniform(1.0, 3.0))
            acknowledged = sum(len(p.read_text().splitlines()) for p in logs if p.exists())
            kill_hard(server)
            rows.append((kill, acknowledged))
            time.sleep(rng.uniform(0.0, 0.5))
            server = start_server(var_dir, port, log)
        time.sleep(1.0)
        stop.set()
        for c in clients:
            c.join(timeout=30)
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        verified = json.loads(
            subprocess.run(
                [str(BIN / "python"), "-c", VERIFY], cwd=ROOT, env=env, check=True, capture_output=True, text=True
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        acked = logs_content(logs)
    return report(rows, acked, verified, args)


def logs_content(paths: list[Path]) -> list[dict[str, object]]:
    entries = []
    for path in paths:
        if path.exists():
            entries += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return entries


def report(
    rows: list[tuple[int, int]], acked: list[dict[str, object]], verified: dict[str, object], args: argparse.Namespace
) -> int:
    stored: dict[str, list[str]] = {}
    half_written = 0
    for reference, text, has_hash, has_event in verified["reports"]:  # type: ignore[union-attr,attr-defined]
        stored.setdefault(text, []).append(reference)
        complete = bool(reference) and has_hash and has_event and re.search(r"End of report \d+-\d+\.$", text)
        half_written += 0 if complete else 1
    missing = [a for a in acked if len(stored.get(str(a["narrative"]), [])) != 1]
    total_reports = len(verified["reports"])  # type: ignore[arg-type]
    print(
        f"Crash safety: {args.clients} clients, {args.kills} SIGKILLs of the whole gunicorn process group, seed {args.seed}"
    )
    print()
    print("| kill | acknowledged so far |")
    print("| ---: | ---: |")
    for kill, acknowledged in rows:
        print(f"| {kill} | {acknowledged} |")
    print()
    print("| check | result |")
    print("| --- | ---: |")
    print(f"| submissions acknowledged (302 to /report/sent/) | {len(acked)} |")
    print(f"| reports stored | {total_reports} |")
    print(f"| stored but never acknowledged (killed before the reply) | {total_reports - len(acked)} |")
    print(f"| acknowledged but missing, duplicated or altered | {len(missing)} |")
    print(f"| half-written reports (no reference, receipt, audit event or full text) | {half_written} |")
    print(f"| SQLite integrity check | {verified['integrity']} |")
    print(f"| audit chain problems ({verified['events']} events) | {verified['chain_problems']} |")
    ok = not missing and not half_written and verified["integrity"] == "ok" and verified["chain_problems"] == 0
    print()
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


# --- Worker scenarios (issue 15, finding 3) -------------------------------------------------------------------

QUEUE = """
import django; django.setup()
import sys
from django.contrib.auth import get_user_model
from safelearn.organisations.models import Membership, Organisation, Role
from safelearn.reporting.services import ReportInput, report_submit
org = Organisation.objects.get(slug="crashfield")
reporter = get_user_model().objects.get(username="crash0")
words = "The evening handover at the children's home missed the medication change for the young person. " * 12
for i in range(int(sys.argv[1])):
    report_submit(organisation=org, reporter=reporter, data=ReportInput(what_happened=f"Queue report {i}. {words}"))
"""

REVIEWER_SETUP = """
import django; django.setup()
from django.contrib.auth import get_user_model
from safelearn.api.services import token_create
from safelearn.organisations.models import Membership, Organisation, Role
from safelearn.reporting.models import Report
org = Organisation.objects.get(slug="crashfield")
lead = get_user_model().objects.create_user(username="crashlead", password="unused-crash-password-2026")
Membership.objects.create(user=lead, organisation=org, role=Role.REVIEWER)
token = token_create(organisation=org, name="crash", scopes=["review:read", "review:write"], created_by=lead)
print(token.secret, Report.objects.order_by("created_at").first().pk)
"""

TASKS_STATE = """
import json, django; django.setup()
from django.db import connection
from django_tasks_db.models import DBTaskResult
from safelearn.core.audit import audit_verify
from safelearn.core.models import AuditEvent
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.reporting.models import Report
with connection.cursor() as c:
    c.execute("PRAGMA integrity_check"); integrity = c.fetchone()[0]
tasks = list(DBTaskResult.objects.values("status", "worker_ids", "exception_class_path"))
copies = {}
for status in DeidentifiedCopy.objects.values_list("status", flat=True):
    copies[status] = copies.get(status, 0) + 1
print(json.dumps({
    "tasks": len(tasks),
    "by_status": {s: sum(t["status"] == s for t in tasks) for s in ("READY", "RUNNING", "SUCCESSFUL", "FAILED")},
    "requeued": sum(len(t["worker_ids"]) > 1 for t in tasks),
    "failures": sorted({t["exception_class_path"] for t in tasks if t["status"] == "FAILED"}),
    "reports": Report.objects.count(),
    "copies": copies,
    "requeue_events": AuditEvent.objects.filter(verb="task.requeued").count(),
    "abandon_events": AuditEvent.objects.filter(verb="task.abandoned").count(),
    "integrity": integrity,
    "chain_problems": len(audit_verify()),
}))
"""


def fresh_database(var_dir: Path) -> tuple[dict[str, str], str]:
    env = django_env(var_dir)
    subprocess.run([str(BIN / "safelearn"), "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    org_id = run_python(SETUP, env).splitlines()[-1]
    return env, org_id


def run_python(code: str, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(BIN / "python"), "-c", code, *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def tasks_state(env: dict[str, str]) -> dict[str, object]:
    return dict(json.loads(run_python(TASKS_STATE, env).splitlines()[-1]))


def running_task_ids(db: Path) -> set[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
        rows = conn.execute("SELECT id FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'").fetchall()
    return {str(row[0]) for row in rows}


def task_counts(db: Path) -> dict[str, int]:
    """Read the queue straight from the file (read-only, WAL lets us read beside the writer)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
        rows = conn.execute(
            "SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
        ).fetchall()
    return {str(status): int(count) for status, count in rows}


def start_worker(
    var_dir: Path, log: Path, env_extra: dict[str, str], *extra: str, command_name: str = "worker"
) -> subprocess.Popen[bytes]:
    command = [str(BIN / "safelearn"), command_name, "--interval", "0.2", "--no-startup-delay", "-v", "1", *extra]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**django_env(var_dir), "LOG_LEVEL": "WARNING", **env_extra},
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def worker_kill_scenario(args: argparse.Namespace) -> int:
    """SIGKILL the worker while a task is RUNNING; after restarts every task must still finish."""
    rng = random.Random(args.seed)
    reports = 40
    lease = 3.0
    with tempfile.TemporaryDirectory(prefix="safelearn-crash-worker-") as tmp:
        var_dir = Path(tmp)
        env, _org = fresh_database(var_dir)
        run_python(QUEUE, env, str(reports))
        db = var_dir / "safelearn.sqlite3"
        log = var_dir / "worker.log"
        lease_env = {"SAFELEARN_TASK_LEASE_SECONDS": str(lease)}
        rows: list[tuple[int, int, int, str]] = []
        orphaned: set[str] = set()
        worker_id = "crash-host-1"
        worker = start_worker(var_dir, log, lease_env, "--worker-id", worker_id, command_name=args.worker_command)
        for kill in range(1, args.worker_kills + 1):
            done_before = task_counts(db).get("SUCCESSFUL", 0)
            # Kill only after it has finished two more tasks and started another, so kills spread over the
            # queue instead of hitting the re-queued task again and again.
            wait_for(lambda n=done_before: task_counts(db).get("SUCCESSFUL", 0) >= n + 2, timeout=120)
            wait_for(lambda: task_counts(db).get("RUNNING", 0) > 0, timeout=60, step=0.005)
            time.sleep(rng.uniform(0.0, 0.05))
            kill_hard(worker)
            running = running_task_ids(db)
            orphaned |= running
            # Alternate restarts under the killed worker's id (it takes its task back at once) and under a new
            # id (the task waits for the lease to expire).
            same_id = kill % 2 == 0
            rows.append((kill, len(running), task_counts(db).get("SUCCESSFUL", 0), "same" if same_id else "new"))
            worker_id = worker_id if same_id else f"crash-host-{kill + 1}"
            worker = start_worker(var_dir, log, lease_env, "--worker-id", worker_id, command_name=args.worker_command)
        started = time.time()
        finished = wait_for(
            lambda: not ({"READY", "RUNNING"} & set(task_counts(db))), timeout=args.drain_timeout, step=0.5
        )
        drain = time.time() - started
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
        state = tasks_state(env)
    print(
        f"Worker crash safety: {reports} reports queue {state['tasks']} tasks; `safelearn {args.worker_command}` "
        f"SIGKILLed {args.worker_kills} times while a task was RUNNING; lease {lease:g} s, seed {args.seed}"
    )
    print()
    print("| kill | tasks RUNNING just after the kill | tasks finished so far | restarted with |")
    print("| ---: | ---: | ---: | --- |")
    for kill, running, done, restart in rows:
        print(f"| {kill} | {running} | {done} | {restart} worker id |")
    by_status = state["by_status"]
    copies = state["copies"]
    print()
    print("| check | result |")
    print("| --- | ---: |")
    print(f"| distinct tasks orphaned by the kills (RUNNING, worker dead) | {len(orphaned)} |")
    print(f"| tasks re-queued after their worker died (attempts > 1) | {state['requeued']} |")
    print(
        f"| `task.requeued` / `task.abandoned` audit events | {state['requeue_events']} / {state['abandon_events']} |"
    )
    print(f"| tasks finished (SUCCESSFUL) | {by_status['SUCCESSFUL']} of {state['tasks']} |")  # type: ignore[index]
    print(
        f"| tasks FAILED / still READY or RUNNING | {by_status['FAILED']} / {by_status['READY'] + by_status['RUNNING']} |"
    )  # type: ignore[index]
    print(f"| queue drained after the last restart | {'yes' if finished else 'NO'} ({drain:.1f} s) |")
    print(f"| de-identified copies by status | {json.dumps(copies, sort_keys=True)} |")
    print(f"| SQLite integrity check | {state['integrity']} |")
    print(f"| audit chain problems | {state['chain_problems']} |")
    ok = (
        finished
        and by_status["SUCCESSFUL"] == state["tasks"]  # type: ignore[index]
        and state["requeued"] >= len(orphaned) > 0
        and copies.get("pending", 0) == 0  # type: ignore[union-attr]
        and state["integrity"] == "ok"
        and state["chain_problems"] == 0
    )
    print()
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def _timed_request(
    request: urllib.request.Request | str, opener: urllib.request.OpenerDirector | None
) -> dict[str, object]:
    started = time.time()
    try:
        response = (opener.open if opener else urllib.request.urlopen)(request, timeout=120)
        status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        status, headers, body = exc.code, exc.headers, exc.read()
    return {
        "status": status,
        "content_type": headers.get("Content-Type", ""),
        "retry_after": headers.get("Retry-After", ""),
        "body": body.decode("utf-8", "replace"),
        "seconds": round(time.time() - started, 1),
    }


def write_lock_scenario(args: argparse.Namespace) -> int:
    """Hold SQLite's write lock for 40 s while the worker runs and a page and an API call try to write."""
    import threading

    with tempfile.TemporaryDirectory(prefix="safelearn-crash-lock-") as tmp:
        var_dir = Path(tmp)
        env, org_id = fresh_database(var_dir)
        run_python(QUEUE, env, "20")
        token, report_id = run_python(REVIEWER_SETUP, env).splitlines()[-1].split()
        db = var_dir / "safelearn.sqlite3"
        port = free_port(args.port)
        base = f"http://127.0.0.1:{port}"
        log = var_dir / "server.log"
        # --timeout above SQLite's 30 s busy timeout, so a waiting request is answered (503), not killed.
        server = start_server(var_dir, port, log, timeout=90)
        worker = start_worker(var_dir, var_dir / "worker.log", {})
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
        assert _sign_in(opener, jar, base, "crash1"), "could not sign in"
        opener.open(f"{base}/report/", timeout=10).read()
        form = {
            "csrfmiddlewaretoken": _csrf(jar),
            "organisation": org_id,
            "mode": "named",
            "immediate_risk_answer": "no",
            "kind": "incident",
            "what_happened": "Submitted while another process held the database's write lock.",
        }
        page_request = urllib.request.Request(
            f"{base}/report/", urllib.parse.urlencode(form).encode(), headers={"Referer": base + "/"}
        )
        api_request = urllib.request.Request(
            f"{base}/api/v1/review/reports/{report_id}/transition",
            json.dumps({"to_status": "triaged"}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        wait_for(lambda: task_counts(db).get("SUCCESSFUL", 0) >= 1, timeout=120)  # the worker is busy
        results: dict[str, dict[str, object]] = {}
        locker = sqlite3.connect(db, timeout=60, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        lock_taken = time.time()
        threads = [
            threading.Thread(target=lambda: results.update(page=_timed_request(page_request, opener))),
            threading.Thread(target=lambda: results.update(api=_timed_request(api_request, None))),
        ]
        for thread in threads:
            thread.start()
        time.sleep(max(0.0, args.lock_seconds - (time.time() - lock_taken)))
        worker_alive_during = worker.poll() is None
        locker.execute("ROLLBACK")
        locker.close()
        held = time.time() - lock_taken
        for thread in threads:
            thread.join(timeout=120)
        after = _timed_request(page_request, opener)  # the same submission, once the lock is gone
        drained = wait_for(lambda: not ({"READY", "RUNNING"} & set(task_counts(db))), timeout=300, step=0.5)
        worker_alive_after = worker.poll() is None
        worker_log = (var_dir / "worker.log").read_text(errors="replace")
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        state = tasks_state(env)
    page, api = results.get("page", {}), results.get("api", {})
    print(f"Write lock: another process held SQLite's write lock for {held:.0f} s (BEGIN IMMEDIATE) while")
    print("`safelearn worker` worked through 20 queued de-identification tasks and a page and an API call wrote")
    print()
    print("| check | result |")
    print("| --- | --- |")
    print(
        f"| web: report submitted during the lock | {page.get('status')} after {page.get('seconds')} s, Retry-After {page.get('retry_after') or '-'} |"
    )
    print(
        f"| web: page shown | {'GOV.UK “Sorry, the service is unavailable”' if 'service is unavailable' in str(page.get('body')) else 'other'} |"
    )
    print(
        f"| API: review transition during the lock | {api.get('status')} {api.get('content_type')} after {api.get('seconds')} s, Retry-After {api.get('retry_after') or '-'} |"
    )
    print(
        f"| worker running during / after the lock | {'yes' if worker_alive_during else 'NO'} / {'yes' if worker_alive_after else 'NO'} |"
    )
    retries = worker_log.count("retries in") + worker_log.count("retrying in")
    print(
        f"| worker: lock back-offs / tasks re-queued after meeting the lock / missed heartbeats | {retries} / {worker_log.count('met a locked database')} / {worker_log.count('missed')} |"
    )
    print(
        f"| tasks finished after the lock | {state['by_status']['SUCCESSFUL']} of {state['tasks']} (queue drained: {'yes' if drained else 'NO'}; {json.dumps(state['by_status'])}) |"
    )  # type: ignore[index]
    print(f"| same submission after the lock | {after.get('status')} |")
    print(f"| SQLite integrity check / audit chain problems | {state['integrity']} / {state['chain_problems']} |")
    ok = (
        page.get("status") == 503
        and bool(page.get("retry_after"))
        and api.get("status") == 503
        and str(api.get("content_type")).startswith("application/problem+json")
        and bool(api.get("retry_after"))
        and worker_alive_during
        and worker_alive_after
        and drained
        and state["by_status"]["SUCCESSFUL"] == state["tasks"]  # type: ignore[index]
        and after.get("status") == 302
        and state["integrity"] == "ok"
        and state["chain_problems"] == 0
    )
    print()
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
