"""The error body every endpoint answers with (RFC 9457 problem details)."""

from __future__ import annotations

from ninja import Schema


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str = ""
    errors: dict[str, list[str]] | None = None
