"""Walk through the API against a running SafeLearn (`make run` first), using only the standard library.

    .venv/bin/python examples/api_walkthrough.py --token "$(.venv/bin/safelearn api_token create \
        --organisation northbridge --name walkthrough --scopes review:read,review:write --user nb-reviewer)"

1. submits an anonymous report, as a young person's app or a partner agency's system would;
2. follows it by receipt code (status and conversation);
3. with a safety lead's organisation token, reads it and moves it to "triaged";
4. checks the status by receipt code again.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
from typing import Any


def call(base: str, method: str, path: str, body: dict[str, Any] | None = None, token: str = "") -> Any:
    request = urllib.request.Request(
        f"{base}/api/v1{path}", method=method, data=json.dumps(body).encode() if body is not None else None
    )
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path} failed: {error.code} {error.read().decode()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--organisation", default="northbridge")
    parser.add_argument("--token", required=True, help="an organisation token with review:read,review:write")
    args = parser.parse_args()

    created = call(
        args.base,
        "POST",
        "/reports",
        {
            "organisation": args.organisation,
            "mode": "anonymous",
            "immediate_risk_answer": "no",
            "what_happened": "The taxi to contact came to the old address, so the visit was late and short.",
            "how_noticed": "Our carer rang the office.",
            "incident_type": "transport_or_supervision_lapse",
        },
    )
    print(f"1. submitted {created['reference']}; receipt code {created['receipt_code']}")
    status = call(args.base, "POST", "/receipts/status", {"code": created["receipt_code"]})
    print(f"2. by receipt code: status {status['status']!r}, {len(status['messages'])} message(s)")
    report = call(args.base, "GET", f"/review/reports/{created['id']}", token=args.token)
    print(f"3. safety lead reads it: allowed next steps {report['allowed_transitions']}")
    moved = call(
        args.base, "POST", f"/review/reports/{created['id']}/transition", {"to_status": "triaged"}, token=args.token
    )
    print(f"   moved to {moved['status']}")
    status = call(args.base, "POST", "/receipts/status", {"code": created["receipt_code"]})
    print(f"4. by receipt code again: status {status['status']!r}")


if __name__ == "__main__":
    main()
