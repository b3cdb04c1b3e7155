"""Demo data for national learning: approved pool, a draft bulletin and an alert. Safe to run again."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from safelearn.analytics import services
from safelearn.analytics.models import Bulletin, SafetyAlert
from safelearn.analytics.selectors import PoolFilters, pool_reports_for_analyst
from safelearn.organisations.models import Organisation
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.privacy.services import deidentify_report, redaction_approve
from safelearn.reporting.models import Report

DEMO_BULLETIN_TITLE = "When the rota has a gap, visits go missing"
DEMO_ALERT_TITLE = "Check cover arrangements for statutory visits"
# Which demo safety lead approves each organisation's copies (the demo's own usernames).
REVIEWERS = {"northbridge": "nb-reviewer", "westmoor": "wm-reviewer"}


def _approve_pool() -> int:
    """Approve every demo report's de-identified copy through the real services (the human gate, scripted)."""
    users = get_user_model().objects.filter(username__in=REVIEWERS.values())
    by_name = {u.username: u for u in users}
    approved = 0
    for slug, username in REVIEWERS.items():
        reviewer = by_name.get(username)
        organisation = Organisation.objects.filter(slug=slug).first()
        if reviewer is None or organisation is None:
            continue
        report_ids = Report.objects.filter(organisation=organisation).values_list("pk", flat=True)
        done = set(
            DeidentifiedCopy.objects.filter(report_id__in=report_ids, status=DeidentifiedStatus.APPROVED).values_list(
                "report_id", flat=True
            )
        )
        for report_id in report_ids:
            if report_id in done:
                continue
            copy = deidentify_report(report_id=report_id)
            if copy.status == DeidentifiedStatus.NEEDS_REVIEW:
                # Demo data describes no real child, so a small group in the pool is no risk.
                redaction_approve(copy=copy, actor=reviewer, below_k_reason="Demonstration data: no real child.")
                approved += 1
    return approved


def load_analytics_demo() -> bool:
    """Approve the demo's copies, then add a draft bulletin and an alert once. Returns False if nothing to do."""
    analyst = get_user_model().objects.filter(username="analyst").first()
    if analyst is None:
        return False
    changed = _approve_pool() > 0
    with transaction.atomic():
        if not Bulletin.objects.filter(title=DEMO_BULLETIN_TITLE).exists():
            bulletin = services.bulletin_create(
                actor=analyst,
                data=services.BulletinInput(
                    title=DEMO_BULLETIN_TITLE,
                    summary=(
                        "Across both organisations, near misses describe planned visits that did not happen "
                        "because nobody was named to cover a gap in the rota. Each was caught, but late."
                    ),
                    findings="The rota shows who is off, but not who covers their visits.",
                    lessons="Name a cover worker for every statutory visit in the rota\nCheck the week's visits every Monday",
                    discussion_questions=(
                        "How would your team know a visit had been missed?\nWho covers your visits when you are away?"
                    ),
                ),
            )
            for row in pool_reports_for_analyst(user=analyst, filters=PoolFilters(), limit=3):
                services.bulletin_item_add(bulletin=bulletin, actor=analyst, copy_id=row["copy_id"])
            changed = True
        if not SafetyAlert.objects.filter(title=DEMO_ALERT_TITLE).exists():
            organisations = Organisation.objects.filter(slug__in=REVIEWERS.keys())
            if organisations:
                services.alert_issue(
                    actor=analyst,
                    data=services.AlertInput(
                        title=DEMO_ALERT_TITLE,
                        why="Pooled near misses from several organisations describe statutory visits missed when "
                        "rotas had gaps and no cover was named.",
                        what_to_do="Check that every statutory visit due in the next four weeks has a named "
                        "worker and a named cover worker. Record what you found and changed.",
                        respond_by=timezone.localdate() + dt.timedelta(days=14),
                        organisation_ids=[o.pk for o in organisations],
                    ),
                )
                changed = True
    return changed
