"""The audit-verb registry is complete and exact: every verb the code records is listed, nothing else is."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.test import override_settings

from safelearn.core.audit import audit_record
from safelearn.core.audit_verbs import AuditVerb
from safelearn.core.models import AuditEvent

ROOT = Path(__file__).resolve().parents[2]  # the safelearn package
DOCS = ROOT.parent / "docs" / "audit-verbs.md"


def _recorded_verbs() -> tuple[set[str], set[str]]:
    """Literal verbs, and the fixed prefixes of verbs built with an f-string, from every audit_record call."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    for path in ROOT.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "audit_record"):
                continue
            for keyword in node.keywords:
                if keyword.arg != "verb":
                    continue
                value = keyword.value
                options = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
                for option in options:
                    if isinstance(option, ast.Constant):
                        literal.add(str(option.value))
                    elif isinstance(option, ast.JoinedStr) and isinstance(option.values[0], ast.Constant):
                        prefixes.add(str(option.values[0].value))
                    else:
                        raise AssertionError(f"{path}: an audit verb the registry test cannot read: {ast.dump(option)}")
    return literal, prefixes


def test_every_recorded_verb_is_registered_and_every_registered_verb_is_recorded() -> None:
    literal, prefixes = _recorded_verbs()
    registered = set(AuditVerb.values)
    assert literal - registered == set(), "add these to safelearn/core/audit_verbs.py"
    built = registered - literal
    assert {v for v in built if not any(v.startswith(p) for p in prefixes)} == set(), "nothing records these"
    assert all(any(v.startswith(p) for v in registered) for p in prefixes)


def test_the_docs_list_every_verb() -> None:
    text = DOCS.read_text()
    assert [v for v in AuditVerb.values if f"`{v}`" not in text] == []


@pytest.mark.django_db
def test_an_unknown_verb_is_refused_when_strict_and_recorded_otherwise() -> None:
    with pytest.raises(ValueError, match=r"audit_verbs\.py"):
        audit_record(actor="system", verb="report.submited", target_type="t", target_id="1")
    assert not AuditEvent.objects.filter(verb="report.submited").exists()
    with override_settings(SAFELEARN_AUDIT_VERBS_STRICT=False):
        audit_record(actor="system", verb="report.submited", target_type="t", target_id="1")
    assert AuditEvent.objects.filter(verb="report.submited").exists()  # never lose an event in production
    audit_record(actor="system", verb=AuditVerb.REPORT_SUBMITTED, target_type="t", target_id="2")
