"""`safelearn totp_code USERNAME` — the current code of a demo user's demo authenticator.

Refuses unless DEBUG is on or the user belongs only to demo organisations: it must never become a way
round two-factor sign-in on a real installation.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from safelearn.accounts.services import DEMO_DEVICE_NAME, device_current_code
from safelearn.organisations.selectors import memberships_for

DEMO_ORGANISATION_SLUGS = frozenset({"northbridge", "westmoor", "national"})


class Command(BaseCommand):
    help = "Print the current two-factor code of a demo user (demo installations only)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user called {options['username']!r}.")
        orgs = {m.organisation.slug for m in memberships_for(user)}
        if not settings.DEBUG and not (orgs and orgs <= DEMO_ORGANISATION_SLUGS):
            raise CommandError("Refused: codes are printed only for demo users or with DEBUG on.")
        device = TOTPDevice.objects.filter(user=user, name=DEMO_DEVICE_NAME, confirmed=True).first()
        if device is None:
            raise CommandError(f"{user.get_username()} has no demo authenticator; run `safelearn demo` first.")
        self.stdout.write(device_current_code(device))
