"""Accessibility scans with axe-core (installed by npm) against WCAG 2.0, 2.1 and 2.2 A and AA."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

AXE_PATH = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@cache
def _axe_source() -> str:
    if not AXE_PATH.exists():
        raise AssertionError(f"{AXE_PATH} is missing: run `make install` (npm ci installs axe-core)")
    return AXE_PATH.read_text(encoding="utf-8")


def _inject(page: Any) -> None:
    """Load axe into the page without weakening the page's CSP.

    ``page.add_script_tag`` adds an inline <script>, which our ``script-src 'self'`` refuses (and logs as a
    CSP violation). ``bypass_csp=True`` would make it work but would also apply inline styles the real CSP
    blocks, so the scan would judge a page no user sees. DevTools evaluation is not subject to the page's
    CSP, so we evaluate the library source instead.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(f"() => {{ {_axe_source()}\n}}")


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}  <{violation['helpUrl']}>")
        for node in violation["nodes"][:10]:
            target = " ".join(str(t) for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}: {summary}")
    return "\n".join(lines)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    _inject(page)
    result = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return results.violations;
        }""",
        WCAG_TAGS,
    )
    return list(result)


def assert_accessible(page: Any, label: str = "") -> None:
    """Fail with each axe violation (rule, impact, selectors) on the page as it is now."""
    violations = axe_violations(page)
    where = label or page.url
    assert not violations, f"axe found {len(violations)} accessibility violation(s) on {where}:\n" + format_violations(
        violations
    )
