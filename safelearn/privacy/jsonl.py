"""JSON-lines redaction filter: ``{"id","text"[,"known_names"]}`` in, one result line out per input line."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .deid import redact


def _handle(line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"invalid JSON: {exc.msg}"}
    if not isinstance(obj, dict):
        return {"id": None, "error": "each line must be a JSON object"}
    rid = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        return {"id": rid, "error": "missing or non-string 'text'"}
    known = obj.get("known_names") or []
    if not isinstance(known, list) or not all(isinstance(k, str) for k in known):
        return {"id": rid, "error": "'known_names' must be a list of strings"}
    try:
        result = redact(text, known)
    except Exception as exc:  # never let one report stop the stream
        return {"id": rid, "error": f"redaction failed: {type(exc).__name__}"}
    return {
        "id": rid,
        "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in result.spans],
        "redacted": result.redacted_text,
    }


#: Line breaks to tools that split on Unicode lines (Python's str.splitlines, many editors) that JSON leaves raw
#: with ensure_ascii=False; escaped so one output line is always one result.
_UNICODE_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def redact_jsonl(stdin: TextIO, stdout: TextIO) -> int:
    """Process every line of ``stdin``; return 0 (errors are reported per line, not by exit code)."""
    for line in stdin:
        if not line.strip():
            continue
        stdout.write(json.dumps(_handle(line), ensure_ascii=False).translate(_UNICODE_LINE_BREAKS) + "\n")
        stdout.flush()
    return 0
