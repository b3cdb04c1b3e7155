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
from safelearn.core.types import RequestUser, User
from safelearn.organisations.models import Organisation, OrganisationKind, Role
from safelearn.organisations.permissions import can_report, can_review
from safelearn.organisations.selectors import user_has_role

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
    days: int = 90,
    recorded_by: Any = None,
) -> IssuedToken:
    """A token carrying `created_by`'s rights in `organisation`, limited to `scopes`.

    `recorded_by` is who the creation's audit event names when that is not the token's person (the
    command line, run by an operator); requests made with the token are always recorded as `created_by`.
    """
    unknown = set(scopes) - set(Scope.values)
    if unknown or not scopes:
        raise ValidationError({"scopes": [f"Choose valid scopes: {', '.join(Scope.values)}"]})
    if not 1 <= days <= 366:
        raise ValidationError({"days": ["A token lasts between 1 and 366 days"]})
    if not getattr(created_by, "is_authenticated", False) or not created_by.is_active:
        raise ValidationError({"created_by": ["A token carries one active person's rights; name them"]})
    refused = scopes_beyond(user=created_by, organisation=organisation, scopes=scopes)
    if refused:
        raise ValidationError({"scopes": refused})
    prefix = secrets.token_hex(4)
    secret = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            organisation=organisation,
            name=name,
            prefix=prefix,
            token_hash=_hash(secret),
            scopes=sorted(set(scopes)),
            created_by=created_by,
            expires_at=timezone.now() + dt.timedelta(days=days),
        )
        audit_record(
            actor=recorded_by or created_by,
            verb="api.token_created",
            target=token,
            organisation_id=organisation.pk,
            payload={"scopes": token.scopes, "name": name, "api_token": str(token.pk), "holder_id": created_by.pk},
        )
    return IssuedToken(token=token, secret=secret)


def scope_allowed(*, user: RequestUser | None, organisation: Organisation, scope: str) -> bool:
    """Whether `user` personally holds the right `scope` stands for in `organisation` (now)."""
    if scope == Scope.REPORT_SUBMIT:
        return can_report(user, organisation.pk)
    if scope in (Scope.REVIEW_READ, Scope.REVIEW_WRITE):
        return can_review(user, organisation.pk)
    if scope == Scope.ANALYTICS_READ:
        return organisation.kind == OrganisationKind.NATIONAL and user_has_role(user, organisation.pk, Role.ANALYST)
    return False


def scopes_beyond(*, user: RequestUser | None, organisation: Organisation, scopes: list[str]) -> list[str]:
    """One message per scope the person does not hold themselves: a token never exceeds its creator."""
    reasons = {
        Scope.REPORT_SUBMIT: "Only a member of {org} can give a token the right to submit its reports",
        Scope.REVIEW_READ: "Only a safety lead of {org} can give a token the right to read its reports",
        Scope.REVIEW_WRITE: "Only a safety lead of {org} can give a token the right to review its reports",
        Scope.ANALYTICS_READ: "Only a national analyst of the national organisation can give a token national data",
    }
    return [
        reasons[Scope(scope)].format(org=organisation.name)
        for scope in sorted(set(scopes))
        if not scope_allowed(user=user, organisation=organisation, scope=scope)
    ]


def require_token_admin(user: RequestUser | None, organisation_id: Any) -> None:
    if not user_has_role(user, organisation_id, Role.ORG_ADMIN):
        raise PermissionDenied("Only the organisation's administrators can manage its API tokens.")


def token_issue(*, actor: Any, organisation: Organisation, name: str, scopes: list[str], days: int) -> IssuedToken:
    """An administrator issues a token for their own organisation with their own rights (the secret is shown once)."""
    require_token_admin(actor, organisation.pk)
    if not name.strip():
        raise ValidationError({"name": ["Give the token a name, such as the system that will use it"]})
    return token_create(organisation=organisation, name=name.strip(), scopes=scopes, created_by=actor, days=days)


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
    token = ApiToken.objects.select_related("organisation", "created_by").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.token_hash, _hash(secret)):
        return None
    now = timezone.now()
    if token.revoked_at or token.expires_at <= now:
        return None
    # The token acts only as its creator: without an active creator it acts as nobody.
    if token.created_by is None or not token.created_by.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def tokens_revoke_on_deactivation(*, user: User, actor: Any) -> dict[str, int]:
    """The API tokens a deactivated person made stop working at once (organisations.person_deactivate)."""
    tokens = list(ApiToken.objects.filter(created_by=user, revoked_at__isnull=True))
    for token in tokens:
        token_revoke(token=token, actor=actor)
    return {"tokens_revoked": len(tokens)}
