"""Keep report content out of the server log: exceptions are logged by type and traceback frames only.

An exception's message is built from whatever values were at hand when it was raised, and in SafeLearn
those are often a child's safeguarding narrative or a reporter's name: openpyxl's IllegalCharacterError
quotes the whole cell, PostgreSQL's IntegrityError quotes the key's value, a ValidationError quotes the
input. The log leaves the service's boundary (hosting provider, log shipping, support staff), so a message
cannot be trusted not to carry content. Instead of trying to recognise content (a losing game) the filter
withholds every exception message and keeps what a developer needs to find the fault: the exception's
class and the file, line and code of every frame, for the exception and each one chained to it.

Attached in config/settings.py LOGGING to the root handler and to the loggers Django, django-tasks and
SafeLearn log exceptions on, so Django's own handlers (mail_admins) only ever see the scrubbed record.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

WITHHELD = "[message withheld from the log: it may contain report content]"


def _describe(exc: BaseException) -> str:
    kind = type(exc)
    module = kind.__module__
    name = kind.__qualname__ if module in ("builtins", "__main__") else f"{module}.{kind.__qualname__}"
    return f"{name}: {WITHHELD}"


def scrubbed_traceback(exc: BaseException) -> str:
    """The traceback as Python prints it, chained exceptions included, with every message withheld."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            link = "\nThe above exception was the direct cause of the following exception:\n\n"
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            link = "\nDuring handling of the above exception, another exception occurred:\n\n"
            current = current.__context__
        else:
            current = None
    parts: list[str] = []
    for index, (item, _) in enumerate(reversed(chain)):
        if index:
            parts.append(chain[len(chain) - index][1])
        if item.__traceback__ is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.format_tb(item.__traceback__))
        parts.append(_describe(item) + "\n")
    return "".join(parts).rstrip("\n")


def _scrub_value(value: Any) -> Any:
    return _describe(value) if isinstance(value, BaseException) else value


class ScrubExceptionText(logging.Filter):
    """Replace exception messages on a log record by the exception's class (the record still goes out)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            # Set the text formatters print, and drop exc_info so that no handler (mail_admins, an error
            # tracker) can rebuild the message or the frames' local variables from the exception itself.
            record.exc_text = scrubbed_traceback(record.exc_info[1])
            record.exc_info = None
        # logger.exception(exc) (django-ninja in DEBUG) or logger.error("failed: %s", exc) interpolate the
        # exception itself into the message.
        record.msg = _scrub_value(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_scrub_value(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _scrub_value(arg) for key, arg in record.args.items()}
        return True
