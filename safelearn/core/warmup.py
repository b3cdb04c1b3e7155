"""Work a serving process does once at start, before the first request or task needs it (a model to train,
say). Apps above core register here in ``AppConfig.ready``; the web server and the worker call
``warm_up`` once they start, so core's worker command never imports those apps."""

from __future__ import annotations

from collections.abc import Callable

_steps: list[Callable[[], object]] = []


def warm_up_register(step: Callable[[], object]) -> None:
    """Register once (a repeated registration of the same function is ignored). Steps must not block."""
    if step not in _steps:
        _steps.append(step)


def warm_up() -> None:
    """Run every registered step, in registration order."""
    for step in _steps:
        step()
