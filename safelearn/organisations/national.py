"""National administration: setting up organisations and seeing whether each is ready to take reports.

A national administrator is an organisation administrator of the national learning body (kind NATIONAL):
no new role, see docs/decisions/0009-reporting-kit.md. They create an organisation with its first
administrator, who gets an invitation link (the same one-time link an organisation's own administrators
send, accepted at organisations:invitation_accept); someone who already has an account is given the
role straight away and told by email. They see counts only, never a report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.links import absolute_url
from safelearn.core.notifications import send_email
from safelearn.core.quarters import quarter_of, quarter_start
from safelearn.organisations.models import Invitation, Membership, Organisation, OrganisationKind, Role
from safelearn.organisations.permissions import require_national_admin
from safelearn.organisations.services import invitation_store

#: Days the first administrator's link works: longer than a colleague's invitation, since a new
#: organisation's administrator may be on leave when it is set up.
FIRST_ADMIN_INVITATION_DAYS = 14


@dataclass(frozen=True)
class SetupStatus:
    organisation: Organisation
    duty_contact_set: bool
    active_users: dict[str, int]  # role value -> number of active people with it
    pending_invitations: int
    reports_this_quarter: int

    @property
    def has_admin(self) -> bool:
        return self.active_users.get(Role.ORG_ADMIN, 0) > 0

    @property
    def ready(self) -> bool:
        """Can take reports safely: someone answers a child-at-risk alert, someone runs the organisation."""
        return self.duty_contact_set and self.has_admin and self.active_users.get(Role.REVIEWER, 0) > 0

    def users(self, role: str) -> int:
        return self.active_users.get(role, 0)


def setup_statuses(*, now: dt.datetime | None = None) -> tuple[str, list[SetupStatus]]:
    """Every organisation's set-up at a glance, and the quarter the report counts cover (e.g. "2026-Q4")."""
    now = now or timezone.now()
    since = quarter_start(now)
    organisations = Organisation.objects.annotate(
        reports_this_quarter=Count("reports", filter=Q(reports__submitted_at__gte=since), distinct=True)
    ).order_by("name")
    counts: dict[Any, dict[str, int]] = {}
    active = Membership.objects.filter(user__is_active=True).values("organisation_id", "role")
    for row in active.annotate(n=Count("user", distinct=True)):
        counts.setdefault(row["organisation_id"], {})[row["role"]] = row["n"]
    pending: dict[Any, int] = dict(
        Invitation.objects.filter(accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=now)
        .values_list("organisation_id")
        .annotate(n=Count("id"))
        .values_list("organisation_id", "n")
    )
    statuses = [
        SetupStatus(
            organisation=org,
            duty_contact_set=bool(org.duty_contact_email or org.duty_contact_phone),
            active_users=counts.get(org.pk, {}),
            pending_invitations=pending.get(org.pk, 0),
            reports_this_quarter=int(getattr(org, "reports_this_quarter", 0)),
        )
        for org in organisations
    ]
    return quarter_of(now), statuses


def _unique(field: str, value: str, message: str) -> None:
    if Organisation.objects.filter(**{f"{field}__iexact": value}).exists():
        raise ValidationError({field: [message]})


def organisation_create(
    *,
    actor: Any,
    name: str,
    slug: str,
    code: str,
    kind: str,
    duty_contact_email: str,
    admin_email: str,
) -> Organisation:
    """A new organisation and its first administrator (invited, or given the role if they have an account)."""
    require_national_admin(actor)
    name, slug, code = " ".join(name.split()), slug.strip().lower(), code.strip().upper()
    admin_email = admin_email.strip().lower()
    if kind not in OrganisationKind.values or kind == OrganisationKind.NATIONAL:
        raise ValidationError({"kind": ["Choose what kind of organisation this is"]})
    _unique("name", name, "There is already an organisation with this name")
    _unique("slug", slug, "This web address is already used by another organisation")
    _unique("code", code, "This reference prefix is already used by another organisation")
    existing = get_user_model().objects.filter(email__iexact=admin_email, is_active=True).first()
    secret = ""
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(
                name=name, slug=slug, code=code, kind=kind, duty_contact_email=duty_contact_email.strip()
            )
            audit_record(
                actor=actor,
                verb="organisation.created",
                target=organisation,
                organisation_id=organisation.pk,
                payload={"name": name, "slug": slug, "code": code, "kind": kind},
            )
            if existing is not None:
                Membership.objects.create(user=existing, organisation=organisation, role=Role.ORG_ADMIN)
                audit_record(
                    actor=actor,
                    verb="organisation.role_granted",
                    target_type="auth.user",
                    target_id=str(existing.pk),
                    organisation_id=organisation.pk,
                    payload={"role": Role.ORG_ADMIN, "first_admin": True},
                )
            else:
                _, secret = invitation_store(
                    organisation=organisation,
                    email=admin_email,
                    role=Role.ORG_ADMIN,
                    actor=actor,
                    days=FIRST_ADMIN_INVITATION_DAYS,
                    first_admin=True,
                )
    except IntegrityError as exc:  # two national administrators creating the same organisation at once
        raise ValidationError({"name": ["There is already an organisation with this name"]}) from exc
    _tell_first_admin(organisation=organisation, email=admin_email, secret=secret, actor=actor)
    return organisation


def _tell_first_admin(*, organisation: Organisation, email: str, secret: str, actor: Any) -> None:
    inviter = actor.get_full_name() or actor.get_username()
    steps = (
        "Once you are in, please:\n"
        "- check the duty contact who is told at once when a child may be at risk now\n"
        "- invite your safety leads and colleagues (People)\n"
        "- print the poster with your public reporting link (Public reporting link and posters)\n"
    )
    if secret:
        link = absolute_url(reverse("organisations:invitation_accept", kwargs={"token": secret}))
        expires = timezone.localtime(timezone.now() + dt.timedelta(days=FIRST_ADMIN_INVITATION_DAYS))
        body = (
            f"{inviter} has set up SafeLearn for {organisation.name} and made you its first administrator.\n\n"
            f"Create your account with this link by {expires:%d %B %Y}. The link works once:\n{link}\n\n"
            f"{steps}\nIf you were not expecting this email you can ignore it: nothing happens without the link."
        )
    else:
        body = (
            f"{inviter} has set up SafeLearn for {organisation.name} and made you its administrator. "
            f"Sign in with your existing account:\n{absolute_url(reverse('login'))}\n\n{steps}"
        )
    send_email([email], f"SafeLearn is ready for {organisation.name}: you are its administrator", body)
