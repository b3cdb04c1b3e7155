"""`safelearn api_token create|list|revoke` — manage an organisation's API tokens from the command line."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from safelearn.api.models import ApiToken
from safelearn.api.services import token_create, token_revoke
from safelearn.organisations.models import Organisation


class Command(BaseCommand):
    help = "Create, list or revoke API tokens. The secret is printed once, at creation."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("--organisation", required=True)
        create.add_argument("--name", required=True)
        create.add_argument("--scopes", required=True, help="comma-separated, e.g. review:read,review:write")
        create.add_argument(
            "--user",
            required=True,
            help="username of the person whose rights the token carries (never more than theirs; "
            "everything done with it is recorded as theirs)",
        )
        create.add_argument("--days", type=int, default=90)
        listing = sub.add_parser("list")
        listing.add_argument("--organisation", required=True)
        revoke = sub.add_parser("revoke")
        revoke.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "revoke":
            token = ApiToken.objects.filter(prefix=options["prefix"]).first()
            if token is None:
                raise CommandError("no token with that prefix")
            token_revoke(token=token, actor="command line")
            self.stdout.write(f"Revoked {token}.")
            return
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"no organisation '{options['organisation']}'")
        if action == "list":
            for token in ApiToken.objects.filter(organisation=organisation):
                state = "revoked" if token.revoked_at else f"expires {token.expires_at:%Y-%m-%d}"
                self.stdout.write(f"{token.prefix}  {token.name}  {','.join(token.scopes)}  {state}")
            return
        holder = get_user_model().objects.filter(username=options["user"]).first()
        if holder is None:
            raise CommandError(f"no user '{options['user']}'")
        try:
            issued = token_create(
                organisation=organisation,
                name=options["name"],
                created_by=holder,
                recorded_by="command line",
                scopes=[s.strip() for s in options["scopes"].split(",") if s.strip()],
                days=options["days"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(issued.secret)
