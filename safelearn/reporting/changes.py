"""Who must hear that a report's pool-visible state changed (status, codes, or its approved copy).

Analytics keeps summary counts in step with reports, but sits above reporting, review and privacy in the
layers; so those lower layers call ``report_changed`` explicitly, inside their own transaction, and the
analytics app registers its updater here in ``AppConfig.ready``. A plain list, not a signal: every caller
is a service that names the call, and a failing listener rolls the change back with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

ReportChangeListener = Callable[[list[uuid.UUID]], object]

_listeners: list[ReportChangeListener] = []


def report_change_listen(listener: ReportChangeListener) -> None:
    """Register once (repeated registration of the same function is ignored)."""
    if listener not in _listeners:
        _listeners.append(listener)


def report_changed(report_ids: Iterable[uuid.UUID]) -> None:
    """Tell every listener these reports changed; call inside the transaction that changed them."""
    ids = list(report_ids)
    if not ids:
        return
    for listener in _listeners:
        listener(ids)
