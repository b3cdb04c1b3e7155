"""Background work a service starts in an app above it, queued by name once the transaction commits.

The submission service (reporting) starts de-identification (privacy) and coding suggestions (learning).
Those apps sit above reporting in the layers (docs/architecture.md), so each registers its task here
under a name in ``AppConfig.ready``, and the service queues it by that name: the call site still says
exactly what happens next, and no model signal does business work behind its back.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

logger = logging.getLogger(__name__)


class Enqueueable(Protocol):
    def enqueue(self, *args: Any) -> Any: ...


_tasks: dict[str, Enqueueable] = {}


def task_register(name: str, task: Enqueueable) -> None:
    """Register a task (a django-tasks ``@task``) under a dotted name such as ``privacy.deidentify_report``."""
    _tasks[name] = task


def task_enqueue_on_commit(name: str, *args: Any) -> None:
    """Queue the named task after the current transaction commits (at once outside one).

    An unknown name fails now, in the caller's transaction. A queue that is down only logs: background
    work must never fail a submission, and each task has a ``*-pending`` command that catches up.
    """
    task = _tasks.get(name)
    if task is None:
        raise ImproperlyConfigured(f"No task registered as {name!r}: is its app installed?")
    transaction.on_commit(lambda: _enqueue(name, task, args))


def _enqueue(name: str, task: Enqueueable, args: tuple[Any, ...]) -> None:
    try:
        task.enqueue(*args)
    except Exception:
        logger.exception("could not queue %s for %s", name, args)
