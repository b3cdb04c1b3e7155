"""Issue 15, finding 4: a control character in one narrative broke every XLSX export (500) and the exception
put the narrative into the server log. Exports now drop illegal characters, and logs never carry an
exception's message."""

from __future__ import annotations

import csv
import io
import logging
from typing import Any

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from openpyxl import load_workbook

from safelearn.core.logscrub import WITHHELD, scrubbed_traceback
from safelearn.core.spreadsheets import safe_cell
from safelearn.core.types import User

MARKER = "ZEBRA-7731-CONFIDENTIAL"


@pytest.fixture
def nasty_report(submit_report: Any) -> Any:
    text = f"Line one of {MARKER}\x0bline two after a Word line break\x01, and a bell\x07."
    return submit_report(what_happened=text).report


def test_safe_cell_drops_characters_a_spreadsheet_cannot_hold() -> None:
    assert safe_cell("a\x0bb\x0cc") == "a\nb\nc"  # Word's line and page breaks stay line breaks
    assert safe_cell("a\x00b\x01c\x1fd\x08") == "abcd"
    assert safe_cell("tab\tnew\nline\rok") == "tab\tnew\nline\rok"  # legal in XML: unchanged
    assert safe_cell("\x01=1+1") == "'=1+1"  # cleaned first, then still neutralised
    assert safe_cell(3) == 3 and safe_cell(None) is None


def test_web_xlsx_with_a_vertical_tab_downloads_with_the_narrative(
    client: Client, people: dict[str, User], nasty_report: Any
) -> None:
    client.force_login(people["reviewer"])
    response = client.get("/exports/reports.xlsx", {"narratives": "1"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    narrative = next(sheet.iter_rows(min_row=2, values_only=True))[header.index("what_happened")]
    assert narrative == f"Line one of {MARKER}\nline two after a Word line break, and a bell."


def test_api_xlsx_with_a_vertical_tab_downloads(client: Client, people: dict[str, User], nasty_report: Any) -> None:
    client.force_login(people["reviewer"])  # the API's session authentication; tokens reach the same code
    response = client.get("/api/v1/review/export", {"format": "xlsx", "narratives": "true"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert MARKER in str(list(sheet.iter_rows(min_row=2, values_only=True)))


def test_csv_export_drops_them_too(client: Client, people: dict[str, User], nasty_report: Any) -> None:
    client.force_login(people["reviewer"])
    response = client.get("/exports/reports.csv", {"narratives": "1"})
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text)))
    assert "\x0b" not in row["what_happened"] and "\x07" not in row["what_happened"]


def test_a_failing_export_logs_the_error_but_never_the_narrative(
    client: Client,
    people: dict[str, User],
    nasty_report: Any,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The pre-fix failure, reproduced: the exception quotes the narrative; the log must not."""
    monkeypatch.setattr("safelearn.api.exports.safe_cell", lambda value: value)
    client.raise_request_exception = False
    client.force_login(people["reviewer"])
    with caplog.at_level(logging.ERROR):
        response = client.get("/exports/reports.xlsx", {"narratives": "1"})
    assert response.status_code == 500 and MARKER.encode() not in response.content
    assert "Internal Server Error: /exports/reports.xlsx" in caplog.text
    assert "IllegalCharacterError" in caplog.text and "export_xlsx" in caplog.text  # still diagnosable
    assert MARKER not in caplog.text


@pytest.fixture
def server_log() -> Any:
    """What the configured root handler (the server's log) writes, whatever stream it had."""
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


@pytest.mark.parametrize("name", ["django_tasks", "django.request", "safelearn.learning.signals", "some.library"])
def test_exceptions_on_any_logger_are_logged_without_their_message(
    name: str, server_log: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tasks worker sets its loggers' level from its verbosity; an earlier in-process run must not hide these.
    # setLevel (not the attribute) also clears the logger's cache of enabled levels.
    logger = logging.getLogger(name)
    monkeypatch.setattr(logger, "level", logger.level)  # restored after the test
    logger.setLevel(logging.NOTSET)
    try:
        try:
            raise KeyError(f"lookup of {MARKER}")
        except KeyError as inner:
            raise ValueError(f"could not process {MARKER}") from inner
    except ValueError as exc:
        logging.getLogger(name).exception("task failed: %s", exc)
        logging.getLogger(name).error(exc)
    text = server_log.getvalue()
    assert MARKER not in text
    assert "ValueError" in text and "KeyError" in text and "direct cause" in text and WITHHELD in text
    assert "test_exceptions_on_any_logger" in text  # the frames are kept


def test_scrubbed_traceback_keeps_frames_and_types_only() -> None:
    nothing: dict[str, str] = {}
    try:
        nothing[MARKER]
    except KeyError as exc:
        text = scrubbed_traceback(exc)
    assert text.startswith("Traceback (most recent call last):") and "KeyError: " + WITHHELD in text
    assert MARKER not in text.replace("nothing[MARKER]", "")
