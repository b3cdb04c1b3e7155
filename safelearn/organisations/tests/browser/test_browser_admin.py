"""An organisation administrator runs their organisation in the app, with no Django admin (issue 16).

Invite -> the person creates an account and sets up two-factor sign-in -> the administrator resets their
two-factor sign-in and deactivates them (their session dies each time) -> the administrator changes the duty
contact -> a child-at-risk-now report alerts the new contact. axe-core on every page.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from safelearn.accounts.services import demo_device_ensure, device_current_code
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting.tests.browser.public_steps import report_as_an_anonymous_child
from safelearn.web.tests.browser.checks import BROWSER_TEST, PHONE, check_page

pytestmark = BROWSER_TEST
PASSWORD = "harbour lantern violet 93"
NEW_DUTY = "new-duty@northbridge.example.org"


def check(page: Any, label: str) -> None:
    check_page(page, label, fits_width=True)


def sign_in_with_code(page: Any, username: str, password: str, device: Any) -> None:
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/two-factor/verify/**")
    page.get_by_label("Security code").fill(device_current_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: "/two-factor/" not in url)


def test_admin_invites_resets_two_factor_deactivates_and_changes_the_duty_contact(
    new_page: Any, org: Any, people: dict[str, User], settings: Any
) -> None:
    from conftest import PASSWORD as FIXTURE_PASSWORD

    settings.SAFELEARN_REQUIRE_2FA = True
    admin_user = people["org_admin"]
    admin = new_page()
    admin.set_default_timeout(60_000)
    sign_in_with_code(admin, admin_user.username, FIXTURE_PASSWORD, demo_device_ensure(user=admin_user))

    # People, from the header, then an invitation for a new safety lead.
    admin.get_by_role("link", name="People", exact=True).click()
    admin.get_by_role("heading", name="People").wait_for()
    check(admin, "people")
    admin.get_by_role("button", name="Invite someone").click()
    admin.get_by_role("button", name="Send invitation").click()  # nothing filled in
    admin.locator(".govuk-error-summary").wait_for()
    check(admin, "invite with errors")
    admin.get_by_label("Email address").fill("nia.lead@northbridge.example.org")
    admin.get_by_label("Safety lead (reviewer)").check()
    admin.get_by_role("button", name="Send invitation").click()
    admin.get_by_text("Invitation sent to nia.lead@northbridge.example.org").wait_for()
    assert "nia.lead@northbridge.example.org" in admin.locator("main").inner_text()

    [invitation] = [m for m in mail.outbox if "nia.lead@northbridge.example.org" in m.to]
    link = re.search(r"https?://\S+/organisation/invitations/\S+/", str(invitation.body))
    assert link, invitation.body
    path = "/" + link.group(0).split("/", 3)[3]

    # The invited person, on a phone: account, then two-factor set-up with a code from their app.
    person = new_page(**PHONE)
    person.set_default_timeout(60_000)
    person.goto(path)
    check(person, "create your account")
    person.get_by_label("Full name").fill("Nia Lead")
    person.get_by_label("Create a password").fill("short")
    person.get_by_label("Confirm your password").fill("short")
    person.get_by_role("button", name="Create account").click()
    person.locator(".govuk-error-summary").wait_for()
    check(person, "create your account with errors")
    assert person.get_by_label("Full name").input_value() == "Nia Lead"
    person.get_by_label("Create a password").fill(PASSWORD)
    person.get_by_label("Confirm your password").fill(PASSWORD)
    person.get_by_role("button", name="Create account").click()
    person.get_by_role("heading", name="Set up two-factor sign-in").wait_for()
    check(person, "two-factor set-up after invitation")
    user = get_user_model().objects.get(username="nia.lead@northbridge.example.org")
    pending = TOTPDevice.objects.get(user=user, confirmed=False)
    person.get_by_label("Security code").fill(device_current_code(pending))
    person.get_by_role("button", name="Continue").click()
    person.get_by_text("Two-factor sign-in is set up").wait_for()
    person.goto("/account/my-data/")
    assert "/account/my-data/" in person.url

    # The administrator sees the new person and resets their two-factor sign-in (a lost phone).
    admin.goto(f"/organisation/{org.slug}/people/")
    admin.get_by_role("link", name="Nia Lead").click()
    check(admin, "person")
    assert admin.get_by_text("Authenticator app set up").is_visible()
    admin.get_by_role("link", name=re.compile("^Reset two-factor sign-in")).click()
    check(admin, "reset two-factor confirmation")
    admin.get_by_role("button", name="Yes, reset two-factor sign-in").click()
    admin.get_by_text("two-factor sign-in is reset").wait_for()
    assert admin.get_by_text("Not set up").is_visible()
    assert not TOTPDevice.objects.filter(user=user).exists()
    person.goto("/account/my-data/")
    assert "/sign-in/" in person.url, "the session verified with the old device must be dead"

    # They sign in again with their password and set up a new device.
    person.get_by_label("Username").fill(user.username)
    person.get_by_label("Password").fill(PASSWORD)
    person.get_by_role("button", name="Sign in").click()
    person.get_by_role("heading", name="Set up two-factor sign-in").wait_for()
    pending = TOTPDevice.objects.get(user=user, confirmed=False)
    person.get_by_label("Security code").fill(device_current_code(pending))
    person.get_by_role("button", name="Continue").click()
    person.get_by_text("Two-factor sign-in is set up").wait_for()

    # The administrator deactivates them: signed out at once, and cannot sign in again.
    admin.get_by_role("link", name="Deactivate this account").click()
    check(admin, "deactivate confirmation")
    admin.get_by_role("button", name="Yes, deactivate").click()
    admin.get_by_text("can no longer sign in").wait_for()
    check(admin, "person after deactivation")
    person.goto("/account/my-data/")
    assert "/sign-in/" in person.url, "a deactivated person's session must be dead"
    person.get_by_label("Username").fill(user.username)
    person.get_by_label("Password").fill(PASSWORD)
    person.get_by_role("button", name="Sign in").click()
    person.locator(".govuk-error-summary").wait_for()
    assert "/sign-in/" in person.url
    admin.goto(f"/organisation/{org.slug}/people/")
    assert "Deactivated" in admin.locator("tbody").inner_text()

    # Settings: a new duty contact, after a clear error for an unreadable header colour.
    admin.get_by_role("link", name="Settings", exact=True).first.click()
    check(admin, "settings")
    admin.get_by_label("Duty contact email").fill(NEW_DUTY)
    admin.get_by_label("Header colour (optional)").fill("#ffdd00")
    admin.get_by_role("button", name="Save settings").click()
    admin.locator(".govuk-error-summary").wait_for()
    check(admin, "settings with errors")
    assert admin.get_by_label("Duty contact email").input_value() == NEW_DUTY
    admin.get_by_label("Header colour (optional)").fill("#1d70b8")
    admin.get_by_role("button", name="Save settings").click()
    admin.get_by_text("Settings saved").wait_for()
    org.refresh_from_db()
    assert org.duty_contact_email == NEW_DUTY

    # A child at risk now: the new duty contact is alerted, the old one is not.
    mail.outbox.clear()
    reporter = new_page(**PHONE)
    reporter.set_default_timeout(60_000)
    report_as_an_anonymous_child(
        reporter,
        org.slug,
        danger="I'm not sure",
        what="My friend at the home seemed sad and quiet today. I am worried.",
        when="Today",
    )
    alerted = [address for message in mail.outbox for address in message.to]
    assert NEW_DUTY in alerted and "duty@northbridge.example.org" not in alerted

    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {
        "organisation.invitation_sent",
        "organisation.invitation_accepted",
        "account.two_factor_reset",
        "organisation.person_deactivated",
        "organisation.settings_changed",
    } <= verbs
