"""Shapes for national analysts: the de-identified pool, the dashboard's figures, the open-data release."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from ninja import Field, Schema


class PoolQuery(Schema):
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    organisation_id: uuid.UUID | None = None
    service_area: str = Field(default="", max_length=48)
    incident_type: str = Field(default="", max_length=48)
    outcome: str = Field(default="", max_length=48)
    kind: str = Field(default="", max_length=48)


class PoolPageQuery(PoolQuery):
    limit: int = Field(default=50, ge=1, le=200)
    offset: int = Field(default=0, ge=0, le=10_000)


class PoolItem(Schema):
    copy_id: uuid.UUID
    organisation_id: uuid.UUID
    approved_at: dt.datetime | None
    heading: str
    text: str = Field(description="The approved de-identified text (never the reporter's own words)")
    kind: str
    outcome: str
    incident_type: str
    service_area: str
    contributory_factors: list[str]
    recovery_factor: str
    agencies_involved: list[str]
    status: str
    submitted_at: dt.datetime
    location_type: str = Field(default="", description="Type of setting only; a named location is never pooled")


class PoolPage(Schema):
    items: list[PoolItem]
    limit: int
    offset: int
    next_offset: int | None = Field(description="Pass as offset for the next page; null on the last page")


class FigureOut(Schema):
    id: str
    title: str
    description: str
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str]


class AggregatesOut(Schema):
    scope: str
    date_from: dt.date | None
    date_to: dt.date | None
    total: int
    national_total: int
    figures: list[FigureOut]


class OpenDataRow(Schema):
    quarter: str
    table: str
    row_dimension: str
    row_code: str
    row_label: str
    column_dimension: str
    column_code: str
    column_label: str
    count: int | None = Field(description="null where suppressed (a small count, or one that would reveal one)")
    suppressed: bool


class OpenDataOut(Schema):
    quarter: str
    csv_url: str
    rows: list[OpenDataRow]
