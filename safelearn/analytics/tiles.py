"""Dashboard tiles from apps above analytics (saved queries pinned to the dashboard).

Analytics imports nothing from those apps: each registers a provider in its AppConfig.ready, and the
dashboard and analyst home pages show whatever tiles the providers give the signed-in person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from safelearn.core.types import RequestUser


@dataclass(frozen=True)
class Tile:
    title: str
    url: str  # where the tile's full page is
    columns: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)


TileProvider = Callable[[Any], list[Tile]]
_providers: list[TileProvider] = []


def tile_provider_register(provider: TileProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def dashboard_tiles(user: RequestUser | None) -> list[Tile]:
    """Every provider's tiles for this person (each provider decides what they may see)."""
    return [tile for provider in _providers for tile in provider(user)]
