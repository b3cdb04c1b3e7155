"""Crash safety: SIGKILL the real server while reports are being submitted, and prove nothing acknowledged is lost.

Starts gunicorn on loopback over a fresh SQLite database in a temporary directory, runs several client
processes that sign in as a reporter and submit reports through the staff form (CSRF token and all),
kills the whole server process group with SIGKILL at random moments, restarts it, and finally checks:

  * every submission that got a success response (302 to /report/sent/) is stored exactly once, with
    its reference and its full narrative text intact (decrypted and compared byte for byte);
  * nothing is half-written: every report has a reference, a receipt hash and its `report.submitted`
    audit event, SQLite's integrity check passes and the audit hash chain verifies.

Usage: .venv/bin/python bench/crash.py [--kills 8] [--clients 4] [--seed 1]
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
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PASSWORD = "crash-bench-password-2026"  # noqa: S105 - throwaway user in a temporary database


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
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


def start_server(var_dir: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [str(BIN / "gunicorn"), "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--timeout", "30"]
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
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="safelearn-crash-") as tmp:
        var_dir = Path(tmp)
        env = django_env(var_dir)
        subprocess.run([str(BIN / "safelearn"), "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
        subprocess.run([str(BIN / "safelearn"), "createcachetable"], cwd=ROOT, env=env, check=True)
        org_id = (
            subprocess.run(
                [str(BIN / "python"), "-c", SETUP], cwd=ROOT, env=env, check=True, capture_output=True, text=True
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        port = free_port()
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


if __name__ == "__main__":
    sys.exit(main())
