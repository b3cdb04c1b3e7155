"""Analysts never reach raw or unapproved text; organisation users never see another organisation's reports."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import pyarrow.parquet as pq
import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safelearn.analytics import services
from safelearn.analytics.opendata import Quarter
from safelearn.analytics.selectors import PoolFilters, pool_reports_for_analyst, pool_rows
from safelearn.core.types import User
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.privacy.services import redaction_approve

pytestmark = pytest.mark.django_db

DISTINCTIVE = "Zebra lantern protocol was skipped on the night shift."
RAW_ONLY = ("Hollingsworth", "07700 900123", "jane.h@example.org")
NARRATIVE = f"{DISTINCTIVE} Mrs Jane Hollingsworth phoned 07700 900123 and emailed jane.h@example.org."
FIGURES = ["over-time", "factors", "types", "heat-map", "culture", "rates", "timings", "actions"]


def _analyst_pages(client: Any) -> list[bytes]:
    quarter = str(Quarter.containing(timezone.localdate()))
    urls = [
        reverse("analytics:home"),
        reverse("analytics:dashboard"),
        reverse("analytics:pool"),
        reverse("analytics:bulletin_list"),
        reverse("analytics:bulletin_feed"),
        reverse("analytics:alert_list"),
        reverse("analytics:open_data"),
        *(reverse("analytics:dashboard_csv", args=[f]) for f in FIGURES),
        *(
            reverse("analytics:open_data_download", args=[quarter, name])
            for name in ("data.csv", "data.xlsx", "data.parquet", "dictionary.csv")
        ),
    ]
    bodies = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        bodies.append(response.content)
    return bodies


def _all_text(bodies: list[bytes]) -> str:
    """Page text, plus what is inside the XLSX (a zip of XML) and the Parquet file."""
    texts = []
    for body in bodies:
        if body[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                texts += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
        elif body[:4] == b"PAR1":
            texts.append(str(pq.read_table(io.BytesIO(body)).to_pylist()))
        else:
            texts.append(body.decode("utf-8", "replace"))
    return "\n".join(texts)


def test_unapproved_text_never_reaches_an_analyst(
    approved_report: Callable[..., Any], client_for: Callable[..., Any], people: dict[str, User]
) -> None:
    report = approved_report(what_happened=NARRATIVE, approve=False)
    copy = DeidentifiedCopy.objects.get(report=report)
    assert copy.status == "needs_review"
    client = client_for("analyst")
    with CaptureQueriesContext(connection) as queries:
        text = _all_text(_analyst_pages(client))
    assert DISTINCTIVE not in text
    for fragment in RAW_ONLY:
        assert fragment not in text
    assert pool_rows(filters=PoolFilters()) == []
    # No query on any analytics page selected a raw narrative column.
    assert not [q["sql"] for q in queries.captured_queries if "what_happened" in q["sql"]]

    # Once a safety lead approves, only the de-identified text appears.
    redaction_approve(copy=copy, actor=people["reviewer"])
    with CaptureQueriesContext(connection) as queries:
        text = _all_text(_analyst_pages(client))
    assert DISTINCTIVE in text
    for fragment in RAW_ONLY:
        assert fragment not in text
    assert not [q["sql"] for q in queries.captured_queries if "what_happened" in q["sql"]]
    (row,) = pool_reports_for_analyst(user=people["analyst"], filters=PoolFilters())
    assert DISTINCTIVE in row["text"] and "[PERSON 1]" in row["text"]
    assert "what_happened" not in row and "how_noticed" not in row


def test_open_data_holds_no_free_text(approved_report: Callable[..., Any], client_for: Callable[..., Any]) -> None:
    for _ in range(6):
        approved_report(what_happened=NARRATIVE)
    quarter = str(Quarter.containing(timezone.localdate()))
    client = client_for("analyst")
    text = _all_text(
        [
            client.get(reverse("analytics:open_data_download", args=[quarter, name])).content
            for name in ("data.csv", "data.xlsx", "data.parquet")
        ]
    )
    assert "Zebra" not in text and "Hollingsworth" not in text
    assert "missed_visit_or_contact" in text  # the structured fields are there


def test_bulletin_quotes_only_the_approved_copy(
    approved_report: Callable[..., Any], people: dict[str, User], client_for: Callable[..., Any]
) -> None:
    report = approved_report(what_happened=NARRATIVE)
    analyst = people["analyst"]
    bulletin = services.bulletin_create(actor=analyst, data=services.BulletinInput(title="Night shifts", summary="S"))
    item = services.bulletin_item_add(bulletin=bulletin, actor=analyst, copy_id=report.deidentified.pk)
    assert DISTINCTIVE in item.quoted_text
    assert all(fragment not in item.quoted_text for fragment in RAW_ONLY)
    # An unapproved copy cannot be added at all.
    pending = approved_report(what_happened="Another story entirely.", approve=False)
    with pytest.raises(Http404):
        services.bulletin_item_add(bulletin=bulletin, actor=analyst, copy_id=pending.deidentified.pk)
    assert bulletin.items.count() == 1


def test_organisation_user_sees_only_aggregates_of_other_organisations(
    approved_report: Callable[..., Any], client_for: Callable[..., Any], other_org: Any, org: Any
) -> None:
    approved_report(organisation=other_org, what_happened=NARRATIVE)
    approved_report(what_happened="Our own report about a late visit.")
    for who in ("reporter", "reviewer", "org_admin"):
        client = client_for(who)
        bodies = [client.get(reverse("analytics:dashboard")).content]
        bodies += [client.get(reverse("analytics:dashboard_csv", args=[f])).content for f in FIGURES]
        bodies.append(client.get(reverse("analytics:bulletin_list")).content)
        text = _all_text(bodies)
        assert DISTINCTIVE not in text and "Our own report" not in text
        assert other_org.name not in text  # not even the other organisation's own figures
        assert org.name in text
        # The pool of texts is for analysts only.
        assert client.get(reverse("analytics:pool")).status_code == 403
    # Their dashboard counts their one report, and the national picture counts both.
    page = client_for("reviewer").get(reverse("analytics:dashboard"))
    board = page.context["board"]
    assert board.total == 1 and board.national_total == 2
