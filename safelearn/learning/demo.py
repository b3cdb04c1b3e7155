"""Demo data for the learning engine: an emerging theme across both demo organisations, suggestions, signals.

Call :func:`load_learning_demo` after the demo reports' de-identified copies are approved. It is idempotent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from safelearn.learning.search import POOL, index_build, org_scope
from safelearn.learning.services import signals_detect, suggestions_compute
from safelearn.organisations.models import Organisation
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.reporting.models import EXCLUDED_FROM_STATISTICS, Report
from safelearn.reporting.services import ReportInput, report_submit

MARKER = "food delivery"
# A new pattern, written for the demo: young people recruited as riders for food delivery work through an app,
# using accounts in an adult's name, seen in both councils within a few weeks.
THEME_REPORTS = [
    (
        "northbridge",
        "A 15-year-old in supported accommodation was working late shifts for a food delivery app on an "
        "e-scooter, using an account in an adult's name. Staff had not asked where the money came from.",
    ),
    (
        "westmoor",
        "Foster carers found that the young person was doing food delivery rounds at night on a borrowed "
        "e-scooter. The delivery app account belonged to an older man he met online.",
    ),
    (
        "northbridge",
        "The residential home noticed a child coming back after midnight with food delivery bags. He said "
        "an adult lets him use his delivery app account and takes half the pay.",
    ),
    (
        "westmoor",
        "At the review the young person said he earns cash from food delivery using someone else's delivery "
        "app account. Nobody had recorded it or shared it with the exploitation team.",
    ),
    (
        "northbridge",
        "A social worker saw the care leaver's younger brother riding an e-scooter for a food delivery "
        "app late at night. The account holder is an adult known to police.",
    ),
    (
        "westmoor",
        "School raised that a Year 10 pupil was falling asleep in class after food delivery work on an "
        "e-scooter until 1am, on an adult's delivery app account.",
    ),
    (
        "northbridge",
        "The personal adviser learned that several young people at the hostel rent delivery app accounts "
        "from an adult for food delivery work; one was hurt in an e-scooter fall.",
    ),
]


def _reporter(org: Organisation) -> Any:
    user_model = get_user_model()
    return user_model.objects.filter(memberships__organisation=org, memberships__role="reporter").first()


@transaction.atomic
def _inject_theme(orgs: dict[str, Organisation]) -> int:
    now = timezone.now()
    made = 0
    for i, (slug, text) in enumerate(THEME_REPORTS):
        org = orgs[slug]
        reporter = _reporter(org)
        data = ReportInput(
            what_happened=text,
            mode="named" if reporter else "anonymous",
            kind="incident",
            immediate_risk_answer="no",
            occurred_on=(now - dt.timedelta(days=3 + 3 * i)).date(),
            reporter_role="social_worker",
        )
        report = report_submit(organisation=org, data=data, reporter=reporter).report
        submitted = now - dt.timedelta(days=2 + 3 * i)
        Report.objects.filter(pk=report.pk).update(submitted_at=submitted)
        # The demo's words contain no personal data, so the approved copy is the text itself.
        DeidentifiedCopy.objects.update_or_create(
            report=report,
            defaults={
                "organisation_id": org.pk,
                "status": DeidentifiedStatus.APPROVED,
                "text": text,
                "approved_at": submitted + dt.timedelta(hours=4),
                "engine_version": "demo",
            },
        )
        made += 1
    return made


def load_learning_demo() -> dict[str, int]:
    """Inject the emerging theme (once), suggest codes for demo reports, build indexes, detect themes."""
    orgs = {o.slug: o for o in Organisation.objects.filter(slug__in=["northbridge", "westmoor"])}
    injected = 0
    if len(orgs) == 2 and not DeidentifiedCopy.objects.filter(text__contains=MARKER).exists():
        injected = _inject_theme(orgs)
    pending = (
        Report.objects.filter(organisation__in=orgs.values(), learning_suggestions__isnull=True)
        .exclude(status__in=EXCLUDED_FROM_STATISTICS)
        .select_related("deidentified")
    )
    suggested = sum(1 for report in pending if suggestions_compute(report=report))
    for scope in (POOL, *(org_scope(o.pk) for o in orgs.values())):
        index_build(scope)
    signals = signals_detect()
    return {"injected": injected, "suggested": suggested, "signals": len(signals)}
