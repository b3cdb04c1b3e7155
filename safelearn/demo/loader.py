"""Demo organisations, users and reports built through the real services, so audit and rules apply."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from safelearn.demo.data import DEMO_PEOPLE_TEXT, DEMO_REPORTS
from safelearn.organisations.models import Membership, Organisation, OrganisationKind, Role
from safelearn.reporting.models import Location, Report, ReportStatus
from safelearn.reporting.services import ChildInput, ReportInput, report_submit
from safelearn.review.models import ClockStatus, StatutoryClock
from safelearn.review.services import clock_record_notification, feedback_send
from safelearn.review.workflow import report_transition

DEMO_PASSWORD = "learn-before-harm-2026"  # noqa: S105 - published demo password, demo data only

ORGS = [
    ("Northbridge Children's Services", "northbridge", "NB", OrganisationKind.LOCAL_AUTHORITY, 4200),
    ("Westmoor Children's Trust", "westmoor", "WM", OrganisationKind.LOCAL_AUTHORITY, 3100),
    ("National Learning Team", "national", "NAT", OrganisationKind.NATIONAL, None),
]

DEMO_USERS = [
    ("nb-reporter", Role.REPORTER, "northbridge"),
    ("nb-reviewer", Role.REVIEWER, "northbridge"),
    ("nb-admin", Role.ORG_ADMIN, "northbridge"),
    ("wm-reporter", Role.REPORTER, "westmoor"),
    ("wm-reviewer", Role.REVIEWER, "westmoor"),
    ("analyst", Role.ANALYST, "national"),
    # Sets up organisations and sees their set-up status (an administrator of the national body, issue 16).
    ("national-admin", Role.ORG_ADMIN, "national"),
]

# Where each demo report ends up, in order, so every status appears.
STATUS_PATHS = [
    [],
    [ReportStatus.TRIAGED],
    [ReportStatus.TRIAGED, ReportStatus.UNDER_REVIEW],
    [ReportStatus.TRIAGED, ReportStatus.UNDER_REVIEW, ReportStatus.ACTIONS_OPEN],
    [ReportStatus.TRIAGED, ReportStatus.UNDER_REVIEW, ReportStatus.CLOSED],
    [ReportStatus.WITHDRAWN],
]

MODES = ["named", "confidential", "anonymous"]

DEMO_REASONS = {
    ReportStatus.WITHDRAWN: "Not a safety report: passed to the complaints team.",
    ReportStatus.CLOSED: "Learning shared at the team meeting; the reporter was thanked in person.",
}
DEMO_FEEDBACK = (
    "Thank you for this report. We talked it through at the team meeting, and the rota now names who covers "
    "each visit when someone is off, so a gap like this is picked up the same day."
)


DEMO_K_REASON = "Demonstration data: no real child is described."


def _meet_closure_criteria(report: Report, reviewer: Any) -> None:
    """What a real safety lead does before closing: duties notified, learning copy approved, reporter told."""
    from safelearn.privacy.services import deidentify_report, redaction_approve

    for clock in StatutoryClock.objects.filter(report=report, status=ClockStatus.RUNNING):
        clock_record_notification(
            clock=clock,
            actor=reviewer,
            notified_to="Duty manager at the notified body (demo)",
            notified_at=min(clock.started_at + dt.timedelta(hours=2), timezone.now()),
            method="email",
        )
    # Demo data describes no real child, so a small group in the pool is no risk.
    redaction_approve(copy=deidentify_report(report_id=report.pk), actor=reviewer, below_k_reason=DEMO_K_REASON)
    feedback_send(report=report, actor=reviewer, body=DEMO_FEEDBACK)


def _organisations() -> dict[str, Organisation]:
    orgs = {}
    for name, slug, code, kind, children in ORGS:
        org, _ = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "code": code,
                "kind": kind,
                "children_supported": children,
                "duty_contact_email": f"duty@{slug}.example.org",
                "out_of_hours_contact_email": f"edt@{slug}.example.org",
                "second_contact_email": f"safeguarding-manager@{slug}.example.org",
            },
        )
        orgs[slug] = org
    return orgs


def _users(orgs: dict[str, Organisation]) -> dict[str, Any]:
    user_model = get_user_model()
    users = {}
    for username, role, slug in DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@{slug}.example.org", "first_name": username.split("-")[-1].title()},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(user=user, organisation=orgs[slug], role=role)
        users[username] = user
    return users


#: Each demo organisation's places (issue 17): staff choose from these; only the type is ever pooled.
DEMO_LOCATIONS = [
    ("Oak House", "childrens_home"),
    ("Birch Lodge", "childrens_home"),
    ("North Family Centre", "family_centre"),
    ("Children in Care Team", "team"),
    ("Fostering Team", "team"),
]
DEMO_AGES = ["0-4", "5-9", "10-12", "13-15", "16-17", "18+"]
DEMO_LEGAL = ["child_in_need", "child_protection_plan", "looked_after", "care_leaver", "none_known"]
DEMO_ETHNICITY = ["white_british", "black_caribbean", "asian_pakistani", "mixed_white_black_african", "not_known", ""]
OTHER_PLACES = ["childs_home", "school", "online", "hospital"]


def _locations(org: Organisation) -> list[Location]:
    return [
        Location.objects.get_or_create(organisation=org, name=name, defaults={"setting_type": kind})[0]
        for name, kind in DEMO_LOCATIONS
    ]


def _where_and_children(rng: random.Random, places: list[Location]) -> dict[str, Any]:
    """A named place or only a type of place, and none, one or two children's details."""
    where: dict[str, Any] = (
        {"location_id": str(rng.choice(places).pk)}
        if rng.random() < 0.7
        else {"location_type": rng.choice(OTHER_PLACES)}
    )
    where["children"] = [
        ChildInput(
            age_band=rng.choice(DEMO_AGES),
            sex=rng.choice(["female", "male", ""]),
            legal_status=rng.choice(DEMO_LEGAL),
            disability=rng.choice(["yes", "no", "not_known", ""]),
            ethnicity=rng.choice(DEMO_ETHNICITY),
            told=rng.choice(["told_and_involved", "told", "not_told", ""]),
        )
        for _ in range(rng.choice([0, 1, 1, 2]))
    ]
    return where


@transaction.atomic
def load_demo(seed: int = 7) -> bool:
    """Create the demo once; returns False when it was already there."""
    orgs = _organisations()
    users = _users(orgs)
    if Report.objects.filter(organisation=orgs["northbridge"]).exists():
        return False
    rng = random.Random(seed)
    places = {slug: _locations(orgs[slug]) for slug in ("northbridge", "westmoor")}
    now = timezone.now()
    count = 0
    for org_slug, prefix in (("northbridge", "nb"), ("westmoor", "wm")):
        for index in range(20):
            what, how, why, itype, area, outcome, factors, recovery = DEMO_REPORTS[(index + count) % len(DEMO_REPORTS)]
            if index == 0 and org_slug == "northbridge":
                what = f"{what} {DEMO_PEOPLE_TEXT}"
            kind = "good_practice" if what.startswith("Good practice") else "incident"
            data = ReportInput(
                what_happened=what,
                how_noticed=how,
                why_happened=why,
                mode=MODES[index % 3],
                kind=kind,
                incident_type=itype,
                service_area=area,
                outcome=outcome,
                contributory_factors=factors,
                recovery_factor=recovery,
                immediate_risk_answer="no",
                occurred_on=(now - dt.timedelta(days=rng.randint(3, 330))).date(),
                reporter_role="social_worker",
                **_where_and_children(random.Random(f"{org_slug}-{index}"), places[org_slug]),
            )
            result = report_submit(organisation=orgs[org_slug], data=data, reporter=users[f"{prefix}-reporter"])
            report = result.report
            Report.objects.filter(pk=report.pk).update(
                submitted_at=timezone.make_aware(
                    dt.datetime.combine(report.occurred_on or now.date(), dt.time(10))
                    + dt.timedelta(days=rng.randint(0, 3))
                )
                if report.occurred_on
                else now
            )
            reviewer = users[f"{prefix}-reviewer"]
            for status in STATUS_PATHS[index % len(STATUS_PATHS)]:
                if status == ReportStatus.CLOSED:
                    _meet_closure_criteria(report, reviewer)
                report = report_transition(
                    report=report, actor=reviewer, to_status=status, reason=DEMO_REASONS.get(status, "")
                )
            count += 1
    return True


PENDING_REDACTION_TEXTS = [
    (
        "Leah Marsh (7) told her teacher at Brookfield Primary on 3 March that her stepdad had hit her. Her mum "
        "Kerry Marsh lives at 14 Cedar Road, NB4 7QT, phone 07700 900123. The school's referral was emailed to "
        "an old duty address and only found two days later when the DSL chased it.",
        "referral_not_actioned",
        "front_door",
    ),
    (
        "Jayden's contact with his dad at Oakwood Family Centre went ahead unsupervised on Tues 14/4 because the "
        "supervisor, Dawn Pike, was moved to cover another visit and nobody told the centre.",
        "contact_arrangement_error",
        "looked_after",
    ),
]


def load_pending_redactions() -> int:
    """Two fresh Northbridge reports full of personal data, left waiting in the redaction review."""
    from safelearn.privacy.services import deidentify_report

    organisation = Organisation.objects.get(slug="northbridge")
    reporter = get_user_model().objects.get(username="nb-reporter")
    made = 0
    for text, itype, area in PENDING_REDACTION_TEXTS:
        if Report.objects.filter(
            organisation=organisation, incident_type=itype, status="submitted", deidentified__status="needs_review"
        ).exists():
            continue
        result = report_submit(
            organisation=organisation,
            reporter=reporter,
            data=ReportInput(
                what_happened=text,
                mode="named",
                incident_type=itype,
                service_area=area,
                outcome="near_miss",
                immediate_risk_answer="no",
                reporter_role="social_worker",
            ),
        )
        deidentify_report(report_id=result.report.pk)
        made += 1
    return made


def load_everything(step: Callable[[str, float], None] | None = None) -> bool:
    """The whole demo: reports, two-factor devices, national learning, case reviews, learning, redactions.

    ``step`` hears each part's name and seconds (the demo command prints them, so a slow part shows)."""
    from safelearn.accounts.demo import demo_two_factor_ensure
    from safelearn.analytics.demo import load_analytics_demo
    from safelearn.casereviews.demo import load_casereviews_demo

    started = time.monotonic()

    def done(name: str) -> None:
        nonlocal started
        if step is not None:
            step(name, time.monotonic() - started)
        started = time.monotonic()

    created = load_demo()
    demo_two_factor_ensure(get_user_model().objects.filter(username__in=[u for u, _, _ in DEMO_USERS]))
    done("demo organisations, users and reports")
    if not created:
        return False  # every step below is for a fresh demo (approving again would approve the pending ones)
    load_analytics_demo()
    done("bulletins and alerts")
    load_casereviews_demo()
    done("case-review library and recurrence matching")
    try:
        from safelearn.learning.demo import load_learning_demo
    except ImportError:  # the learning app's demo arrives with it
        pass
    else:
        load_learning_demo()
        done("learning: suggestions, search indexes, signals")
    from safelearn.casework.demo import load_casework_demo

    load_casework_demo()
    done("casework: a file, an addition and linked reports")
    load_pending_redactions()
    done("reports waiting for redaction review")
    return True
