import io
import json

from safelearn.privacy.jsonl import redact_jsonl


class _CountingIO(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


def test_one_output_line_per_input_line_with_errors_and_flushes() -> None:
    lines = [
        json.dumps({"id": "r1", "text": "Keira Blackwood rang on 07700 900123."}),
        "",
        "{not json",
        json.dumps({"id": "r2"}),
        json.dumps({"id": "r3", "text": 42}),
        json.dumps([1, 2]),
        json.dumps({"id": "r4", "text": "Saw Ottoline.", "known_names": ["Ottoline Vance"]}),
        json.dumps({"id": "r5", "text": "x", "known_names": "nope"}),
    ]
    out = _CountingIO()
    rc = redact_jsonl(io.StringIO("\n".join(lines) + "\n"), out)
    assert rc == 0
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(rows) == 7  # blank line skipped
    assert out.flushes >= 7
    first = rows[0]
    assert first["id"] == "r1"
    assert {"start", "end", "label"} <= set(first["spans"][0])
    assert "Blackwood" not in first["redacted"] and "[PHONE]" in first["redacted"]
    assert rows[1] == {"id": None, "error": rows[1]["error"]}
    assert rows[2]["id"] == "r2" and "error" in rows[2]
    assert rows[3]["id"] == "r3" and "error" in rows[3]
    assert rows[4]["id"] is None and "error" in rows[4]
    assert "Ottoline" not in rows[5]["redacted"]
    assert "error" in rows[6]


def test_unicode_line_breaks_never_split_a_result_line() -> None:
    """U+2028, U+2029 and NEL are legal inside JSON strings, but line-splitting readers break a result on them."""
    text = "Mum rang\u2028the duty line\u2029twice\x85today"
    out = io.StringIO()
    redact_jsonl(io.StringIO(json.dumps({"id": "a\u2028b", "text": text}, ensure_ascii=False) + "\n"), out)
    [line] = out.getvalue().splitlines()
    result = json.loads(line)
    assert result["id"] == "a\u2028b" and result["redacted"] == text
