"""API tokens: created once (the secret is shown once), stored as a SHA-256 hash, revocable."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safelearn.api.models import ApiToken, Scope
from safelearn.core.audit import audit_record
from safelearn.core.permissions import can_review
from safelearn.organisations.models import Organisation, OrganisationKind, Role
from safelearn.organisations.selectors import is_analyst, user_has_role

TOKEN_PREFIX = "slt_"  # noqa: S105 - a public marker, not a secret


def _hash(secret: str) -> str:
    # Tokens carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str


def token_create(
    *,
    organisation: Organisation,
    name: str,
    scopes: list[str],
    created_by: Any,
    acting_user: Any = None,
    days: int = 90,
) -> IssuedToken:
    unknown = set(scopes) - set(Scope.values)
    if unknown or not scopes:
        raise ValidationError({"scopes": [f"Choose valid scopes: {', '.join(Scope.values)}"]})
    if not 1 <= days <= 366:
        raise ValidationError({"days": ["A token lasts between 1 and 366 days"]})
    _check_acting_user(organisation=organisation, scopes=scopes, acting_user=acting_user)
    prefix = secrets.token_hex(4)
    secret = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            organisation=organisation,
            name=name,
            prefix=prefix,
            token_hash=_hash(secret),
            scopes=sorted(set(scopes)),
            created_by=created_by if getattr(created_by, "is_authenticated", False) else None,
            acting_user=acting_user,
            expires_at=timezone.now() + dt.timedelta(days=days),
        )
        audit_record(
            actor=created_by,
            verb="api.token_created",
            target=token,
            organisation_id=organisation.pk,
            payload={"scopes": token.scopes, "name": name},
        )
    return IssuedToken(token=token, secret=secret)


def _check_acting_user(*, organisation: Organisation, scopes: list[str], acting_user: Any) -> None:
    """National data only for national tokens acting as an analyst; review scopes act as a safety lead."""
    errors: dict[str, list[str]] = {}
    if Scope.ANALYTICS_READ in scopes:
        if organisation.kind != OrganisationKind.NATIONAL:
            errors["scopes"] = ["Only the national organisation's tokens can read national data"]
        elif acting_user is not None and not is_analyst(acting_user):
            errors["acting_user"] = ["A token that reads national data must act as a national analyst"]
    review = {Scope.REVIEW_READ, Scope.REVIEW_WRITE} & set(scopes)
    if review and acting_user is not None and not can_review(acting_user, organisation.pk):
        errors["acting_user"] = ["A token that reviews reports must act as one of your safety leads"]
    if errors:
        raise ValidationError(errors)


def require_token_admin(user: Any, organisation_id: Any) -> None:
    if not user_has_role(user, organisation_id, Role.ORG_ADMIN):
        raise PermissionDenied("Only the organisation's administrators can manage its API tokens.")


def token_issue(
    *, actor: Any, organisation: Organisation, name: str, scopes: list[str], acting_user: Any, days: int
) -> IssuedToken:
    """An administrator issues a token for their own organisation (the secret is shown once)."""
    require_token_admin(actor, organisation.pk)
    if not name.strip():
        raise ValidationError({"name": ["Give the token a name, such as the system that will use it"]})
    return token_create(
        organisation=organisation,
        name=name.strip(),
        scopes=scopes,
        created_by=actor,
        acting_user=acting_user,
        days=days,
    )


def token_withdraw(*, token: ApiToken, actor: Any) -> None:
    """An administrator revokes one of their organisation's tokens; it stops working at once."""
    require_token_admin(actor, token.organisation_id)
    if token.revoked_at is None:
        token_revoke(token=token, actor=actor)


def token_revoke(*, token: ApiToken, actor: Any) -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
        audit_record(actor=actor, verb="api.token_revoked", target=token, organisation_id=token.organisation_id)


def token_authenticate(secret: str) -> ApiToken | None:
    """The live token for a presented secret, or None (unknown, wrong, revoked or expired)."""
    if not secret.startswith(TOKEN_PREFIX) or secret.count("_") < 2:
        return None
    prefix = secret[len(TOKEN_PREFIX) :].split("_", 1)[0]
    token = ApiToken.objects.select_related("organisation", "acting_user").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.token_hash, _hash(secret)):
        return None
    now = timezone.now()
    if token.revoked_at or token.expires_at <= now:
        return None
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
