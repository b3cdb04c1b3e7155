"""Administration of one organisation by its own administrators: people, invitations and settings.

Every write checks the actor is an administrator of the organisation (views check too, but a service
must be safe to call from anywhere), happens in one transaction with its audit event, and refuses to
leave an organisation without an active administrator.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.links import absolute_url
from safelearn.core.notifications import send_email
from safelearn.core.types import RequestUser, User
from safelearn.organisations.branding import clean_brand_colour, logo_content_type
from safelearn.organisations.models import Invitation, Membership, Organisation, Role
from safelearn.organisations.selectors import (
    active_admin_ids,
    assignable_roles,
    invitation_hash,
    invitation_usable,
    user_has_role,
)

INVITATION_DAYS = 7
LAST_ADMIN = "{org} must always have at least one active administrator. Give someone else the administrator role first."


def require_org_admin(user: RequestUser | None, organisation: Organisation) -> None:
    if not user_has_role(user, organisation.pk, Role.ORG_ADMIN):
        raise PermissionDenied("Only the organisation's administrators can do this.")


def _lock(organisation: Organisation) -> None:
    # Two administrators acting at once must not both remove "the other" last administrator.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()


def _would_leave_no_admin(organisation: Organisation, user: User) -> bool:
    return not (active_admin_ids(organisation) - {user.pk})


# --- Invitations ---------------------------------------------------------------------------------------


def invitation_store(
    *, organisation: Organisation, email: str, role: str, actor: Any, days: int, first_admin: bool = False
) -> tuple[Invitation, str]:
    """Record an audited invitation and return it with its one-time secret (only a hash of it is stored).

    A new invitation replaces any earlier one still waiting for the same address. Callers check who may invite.
    """
    secret = secrets.token_urlsafe(32)
    Invitation.objects.filter(
        organisation=organisation, email=email, accepted_at__isnull=True, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=invitation_hash(secret),
        invited_by=actor,
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    payload: dict[str, Any] = {"email": email, "role": role, "expires_at": invitation.expires_at.isoformat()}
    if first_admin:
        payload["first_admin"] = True
    audit_record(actor=actor, verb="organisation.invitation_sent", target=invitation, payload=payload)
    return invitation, secret


def invitation_create(*, actor: Any, organisation: Organisation, email: str, role: str) -> Invitation:
    """Invite one person by email; they get a link that works once, for INVITATION_DAYS days."""
    require_org_admin(actor, organisation)
    email = email.strip().lower()
    if role not in assignable_roles(organisation):
        raise ValidationError({"role": ["Choose a role"]})
    existing = get_user_model().objects.filter(email__iexact=email).first()
    if existing is not None:
        if Membership.objects.filter(user=existing, organisation=organisation).exists():
            raise ValidationError({"email": ["This person already has an account here: change their roles instead"]})
        raise ValidationError(
            {"email": ["There is already a SafeLearn account with this email address; ask the service team to add it"]}
        )
    with transaction.atomic():
        invitation, secret = invitation_store(
            organisation=organisation, email=email, role=role, actor=actor, days=INVITATION_DAYS
        )
    link = absolute_url(reverse("organisations:invitation_accept", kwargs={"token": secret}))
    inviter = actor.get_full_name() or actor.get_username()
    role_label = Role(role).label
    expires = timezone.localtime(invitation.expires_at).strftime("%-d %B %Y")
    send_email(
        [email],
        f"You are invited to SafeLearn for {organisation.name}",
        f"{inviter} has invited you to use SafeLearn for {organisation.name} as: {role_label}.\n\n"
        f"Create your account with this link by {expires}. The link works once:\n{link}\n\n"
        "If you were not expecting this email you can ignore it: nothing happens without the link.",
    )
    return invitation


def invitation_accept(*, token: str, full_name: str, password: str) -> Any:
    """Create the invited person's account (username: their email address) with the invited role."""
    User = get_user_model()
    with transaction.atomic():
        invitation = invitation_usable(token)
        if invitation is None:
            raise ValidationError("This invitation link has expired or has already been used")
        if User.objects.filter(username__iexact=invitation.email).exists():
            raise ValidationError("There is already an account with this email address: sign in instead")
        full_name = " ".join(full_name.split())
        if not full_name:
            raise ValidationError({"full_name": ["Enter your full name"]})
        first, _, last = full_name.partition(" ")
        user = User(username=invitation.email, email=invitation.email, first_name=first[:150], last_name=last[:150])
        try:
            validate_password(password, user=user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from exc
        user.set_password(password)
        user.save()
        Membership.objects.create(user=user, organisation=invitation.organisation, role=invitation.role)
        invitation.accepted_at = timezone.now()
        invitation.accepted_user = user
        invitation.save(update_fields=["accepted_at", "accepted_user", "updated_at"])
        audit_record(
            actor=user, verb="organisation.invitation_accepted", target=invitation, payload={"role": invitation.role}
        )
    return user


# --- People --------------------------------------------------------------------------------------------


def membership_roles_set(*, actor: Any, organisation: Organisation, user: User, roles: Iterable[str]) -> list[str]:
    """Give the person exactly these roles here; returns them. At least one role, never the last admin's."""
    require_org_admin(actor, organisation)
    wanted = {str(r) for r in roles}
    allowed = {r.value for r in assignable_roles(organisation)}
    if not wanted:
        raise ValidationError({"roles": ["Choose at least one role, or deactivate the account instead"]})
    if wanted - allowed:
        raise ValidationError({"roles": ["Choose from the roles listed"]})
    with transaction.atomic():
        _lock(organisation)
        current = set(Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True))
        if not current:
            raise PermissionDenied("This person is not a member of the organisation.")
        if Role.ORG_ADMIN in current and Role.ORG_ADMIN not in wanted and _would_leave_no_admin(organisation, user):
            raise ValidationError({"roles": [LAST_ADMIN.format(org=organisation.name)]})
        if wanted == current:
            return sorted(wanted)
        Membership.objects.filter(user=user, organisation=organisation, role__in=current - wanted).delete()
        for role in wanted - current:
            Membership.objects.create(user=user, organisation=organisation, role=role)
        audit_record(
            actor=actor,
            verb="organisation.roles_changed",
            organisation_id=organisation.pk,
            payload={"before": sorted(current), "after": sorted(wanted)},
            target_type="auth.user",
            target_id=str(user.pk),
        )
    return sorted(wanted)


#: What else switching an account off does, registered by the apps above (accounts ends the sessions, api
#: revokes the tokens the person made) in ``AppConfig.ready``; each returns counts for the audit record.
DeactivationStep = Callable[..., dict[str, int]]
_deactivation_steps: list[DeactivationStep] = []


def deactivation_step_add(step: DeactivationStep) -> None:
    if step not in _deactivation_steps:
        _deactivation_steps.append(step)


def person_deactivate(*, actor: Any, organisation: Organisation, user: User) -> None:
    """Switch the account off now: sessions end and the API tokens they made are revoked at once."""
    require_org_admin(actor, organisation)
    if user.pk == actor.pk:
        raise ValidationError("You cannot deactivate your own account; ask another administrator")
    if user.is_superuser or user.is_staff:
        raise ValidationError("This is a service team account; ask the service team to change it")
    memberships = Membership.objects.filter(user=user)
    if not memberships.filter(organisation=organisation).exists():
        raise PermissionDenied("This person is not a member of the organisation.")
    if memberships.exclude(organisation=organisation).exists():
        # One account, several organisations: switching it off is not one organisation's decision.
        raise ValidationError(
            "This person also works for another organisation; remove their roles here instead, "
            "or ask the service team to deactivate the account"
        )
    with transaction.atomic():
        _lock(organisation)
        if not user.is_active:
            return
        if _would_leave_no_admin(organisation, user):
            raise ValidationError(LAST_ADMIN.format(org=organisation.name))
        user.is_active = False
        user.save(update_fields=["is_active"])
        counts: dict[str, int] = {}
        for step in _deactivation_steps:
            counts.update(step(user=user, actor=actor))
        audit_record(
            actor=actor,
            verb="organisation.person_deactivated",
            organisation_id=organisation.pk,
            payload=counts,
            target_type="auth.user",
            target_id=str(user.pk),
        )


def person_reactivate(*, actor: Any, organisation: Organisation, user: User) -> None:
    """Let a deactivated person sign in again (their revoked tokens stay revoked)."""
    require_org_admin(actor, organisation)
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise PermissionDenied("This person is not a member of the organisation.")
    if user.is_active:
        return
    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            verb="organisation.person_reactivated",
            organisation_id=organisation.pk,
            target_type="auth.user",
            target_id=str(user.pk),
        )


#: How "reset two-factor" is carried out: accounts owns the authenticators and registers it in
#: ``AppConfig.ready`` (organisations sits below accounts in the layers and does not import it).
TwoFactorReset = Callable[..., int]
_two_factor_resets: list[TwoFactorReset] = []


def two_factor_reset_register(reset: TwoFactorReset) -> None:
    _two_factor_resets[:] = [reset]


def person_two_factor_reset(*, actor: Any, organisation: Organisation, user: User) -> int:
    require_org_admin(actor, organisation)
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise PermissionDenied("This person is not a member of the organisation.")
    if not _two_factor_resets:
        raise ImproperlyConfigured("safelearn.accounts is not installed: nothing can reset two-factor sign-in")
    return _two_factor_resets[0](actor=actor, user=user, organisation_id=organisation.pk)


# --- Settings ------------------------------------------------------------------------------------------

#: Settings an administrator may change, with the bounds that keep each one meaningful.
SETTING_FIELDS = (
    "name",
    "duty_contact_email",
    "duty_contact_phone",
    "out_of_hours_contact_email",
    "out_of_hours_contact_phone",
    "second_contact_email",
    "escalation_ack_minutes",
    "triage_target_working_days",
    "immediate_risk_target_hours",
    "feedback_target_working_days",
    "identity_retention_days",
    "raw_retention_days",
    "public_reporting_enabled",
    "brand_colour",
)
BOUNDS = {
    "escalation_ack_minutes": (1, 240),
    "triage_target_working_days": (1, 20),
    "immediate_risk_target_hours": (1, 24),
    "feedback_target_working_days": (1, 90),
    "identity_retention_days": (1, 3650),
    "raw_retention_days": (1, 3650),
}


def _validate_settings(organisation: Organisation, values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    clean = dict(values)
    name = " ".join(str(values.get("name", organisation.name)).split())
    if not name:
        errors["name"] = ["Enter the organisation's name"]
    elif Organisation.objects.filter(name__iexact=name).exclude(pk=organisation.pk).exists():
        errors["name"] = ["Another organisation already has this name"]
    clean["name"] = name
    if not values.get("duty_contact_email", organisation.duty_contact_email):
        errors["duty_contact_email"] = ["Enter the duty contact's email address: child-at-risk-now alerts go there"]
    for key, (low, high) in BOUNDS.items():
        value = values.get(key)
        if value is not None and not (low <= int(value) <= high):
            errors[key] = [f"Enter a whole number from {low} to {high}"]
    if "brand_colour" in values:
        try:
            clean["brand_colour"] = clean_brand_colour(values["brand_colour"])
        except ValidationError as exc:
            errors["brand_colour"] = exc.messages
    if errors:
        raise ValidationError(errors)
    return clean


def organisation_settings_update(
    *,
    actor: Any,
    organisation: Organisation,
    values: dict[str, Any],
    logo: bytes | None = None,
    remove_logo: bool = False,
) -> list[str]:
    """Change the organisation's settings; returns the names of the fields that changed (all audited)."""
    require_org_admin(actor, organisation)
    unknown = set(values) - set(SETTING_FIELDS)
    if unknown:
        raise ValueError(f"not settings: {sorted(unknown)}")
    clean = _validate_settings(organisation, values)
    logo_type = ""
    if logo is not None:
        try:
            logo_type = logo_content_type(logo)
        except ValidationError as exc:
            raise ValidationError({"logo": exc.messages}) from exc
    with transaction.atomic():
        changes: dict[str, dict[str, Any]] = {}
        for key, value in clean.items():
            before = getattr(organisation, key)
            if before != value:
                changes[key] = {"before": before, "after": value}
                setattr(organisation, key, value)
        if logo is not None:
            organisation.logo, organisation.logo_content_type = logo, logo_type
            changes["logo"] = {"before": "", "after": f"{logo_type}, {len(logo)} bytes"}
        elif remove_logo and organisation.logo:
            organisation.logo, organisation.logo_content_type = None, ""
            changes["logo"] = {"before": "a logo", "after": ""}
        if not changes:
            return []
        organisation.save()
        audit_record(
            actor=actor,
            verb="organisation.settings_changed",
            target=organisation,
            organisation_id=organisation.pk,
            payload=changes,
        )
    return sorted(changes)
