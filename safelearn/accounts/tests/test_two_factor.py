"""Two-factor sign-in: who must use it, enrolment with a QR code, verification, and no way round it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from safelearn.accounts.services import demo_device_ensure, device_current_code
from safelearn.accounts.testing import login_verified
from safelearn.core.models import AuditEvent
from safelearn.core.types import User

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _require_2fa(settings: Any) -> None:
    settings.SAFELEARN_REQUIRE_2FA = True


@pytest.mark.parametrize("who", ["reviewer", "org_admin", "analyst"])
def test_privileged_roles_are_sent_to_set_up_before_any_page(client: Client, people: dict[str, User], who: str) -> None:
    client.force_login(people[who])
    for url in ["/", "/review/", "/alerts/", "/my-reports/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/account/two-factor/set-up/?next="), url


def test_reporters_are_not_made_to_use_two_factor(client: Client, people: dict[str, User]) -> None:
    client.force_login(people["reporter"])
    assert client.get("/report/").status_code == 200


def test_switching_it_off_is_a_setting(client: Client, people: dict[str, User], settings: Any) -> None:
    settings.SAFELEARN_REQUIRE_2FA = False
    client.force_login(people["reviewer"])
    assert client.get("/review/").status_code == 200


def test_enrolment_shows_a_server_drawn_qr_code_and_the_key_and_confirms_with_a_code(
    client: Client, people: dict[str, User]
) -> None:
    reviewer = people["reviewer"]
    client.force_login(reviewer)
    page = client.get("/account/two-factor/set-up/?next=/review/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in body and "<script>" not in body and "onload" not in body
    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    assert 'id="manual-key"' in body

    wrong_code = "000000" if device_current_code(device) != "000000" else "111111"
    wrong = client.post("/account/two-factor/set-up/", {"token": wrong_code, "next": "/review/"})
    assert wrong.status_code == 400
    assert "The security code is not correct" in wrong.content.decode()
    assert "govuk-error-summary" in wrong.content.decode()

    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp slows down guessing after each wrong code
    device.throttle_reset()
    ok = client.post("/account/two-factor/set-up/", {"token": device_current_code(device), "next": "/review/"})
    assert ok.status_code == 302 and ok["Location"] == "/review/"
    assert client.get("/review/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(verb="account.two_factor_enrolled", target_id=str(reviewer.pk)).exists()


def test_a_new_sign_in_needs_a_code_and_cannot_enrol_another_device(client: Client, people: dict[str, User]) -> None:
    reviewer = people["reviewer"]
    device = demo_device_ensure(user=reviewer)
    client.force_login(reviewer)  # password step done, second step not
    assert client.get("/review/")["Location"].startswith("/account/two-factor/verify/")
    # Holding the password alone must not let someone add their own authenticator.
    assert client.get("/account/two-factor/set-up/")["Location"] == "/account/two-factor/verify/"
    bad = client.post("/account/two-factor/verify/", {"token": "12ab", "next": "/review/"})
    assert bad.status_code == 400 and "6 digits" in bad.content.decode()
    good = client.post("/account/two-factor/verify/", {"token": device_current_code(device), "next": "/review/"})
    assert good.status_code == 302 and good["Location"] == "/review/"
    assert client.get("/review/").status_code == 200


def test_verify_never_redirects_off_site(client: Client, people: dict[str, User]) -> None:
    device = demo_device_ensure(user=people["reviewer"])
    client.force_login(people["reviewer"])
    response = client.post(
        "/account/two-factor/verify/", {"token": device_current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_the_login_verified_helper_gives_a_verified_session(client: Client, people: dict[str, User]) -> None:
    login_verified(client, people["analyst"])
    assert client.get("/").status_code == 200


def test_totp_code_command_prints_demo_codes_only(people: dict[str, User], settings: Any) -> None:
    from django.core.management import CommandError, call_command

    settings.DEBUG = False
    demo_device_ensure(user=people["reviewer"])  # organisation "northbridge" is a demo organisation slug
    from io import StringIO

    out = StringIO()
    call_command("totp_code", "reviewer", stdout=out)
    assert out.getvalue().strip().isdigit() and len(out.getvalue().strip()) == 6
    with pytest.raises(CommandError, match="no demo authenticator"):
        call_command("totp_code", "other-reviewer")
    from safelearn.organisations.models import Organisation

    Organisation.objects.filter(slug="northbridge").update(slug="real-council")
    people["reviewer"].__dict__.pop("_safelearn_memberships", None)
    with pytest.raises(CommandError, match="Refused"):
        call_command("totp_code", "reviewer")
