"""TOTP devices (django-otp): enrolment with a QR code, verification, and demo devices."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from safelearn.accounts import selectors
from safelearn.core.audit import audit_record
from safelearn.core.types import User

DEVICE_NAME = "Authenticator app"
DEMO_DEVICE_NAME = "Demo authenticator"


def _clean(token: str) -> str:
    return "".join(ch for ch in token if ch.isdigit())


def device_enrol_start(*, user: User) -> TOTPDevice:
    """The user's unconfirmed device (a fresh secret), reused until they confirm it with a code."""
    device = selectors.pending_device(user)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def device_enrol_confirm(*, request: HttpRequest, device: TOTPDevice, token: str) -> bool:
    """Confirm a new device with a code from it; marks this session verified. False for a wrong code."""
    if not device.verify_token(_clean(token)):
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit_record(
            actor=device.user,
            verb="account.two_factor_enrolled",
            target_type="auth.user",
            target_id=str(device.user.pk),
            payload={"device": device.name},
        )
    _verified_login(request, device)
    return True


def device_verify(*, request: HttpRequest, token: str) -> bool:
    """Check a code against the user's confirmed devices (django-otp throttles repeated failures)."""
    device = django_otp.match_token(request.user, _clean(token))
    if device is None or not device.confirmed:
        return False
    _verified_login(request, device)
    return True


def _verified_login(request: HttpRequest, device: TOTPDevice) -> None:
    """Mark the session verified under a new session key (issue 15, finding 7).

    The session key from before the code was typed is known to whatever saw the password step (a shared
    computer, a proxy log, a fixated cookie); once the session becomes fully privileged it must not
    answer to that key any more. cycle_key() keeps the session's contents and deletes the old key.
    """
    django_otp.login(request, device)
    request.session.cycle_key()


def base32_key(device: TOTPDevice) -> str:
    """The secret as people type it into an authenticator app: base32 in groups of four."""
    raw = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// URL as an inline SVG drawn on the server: no script, no third-party service."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=16)
    svg: str = image.to_string(encoding="unicode")
    return svg.split("?>", 1)[-1].strip()  # drop the XML declaration so it can sit inside HTML


def device_current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def _demo_key(username: str) -> str:
    # Derived from the secret key, so each installation's demo devices differ but survive reloads.
    digest = hmac.new(settings.SECRET_KEY.encode(), f"demo-totp:{username}".encode(), hashlib.sha256)
    return digest.hexdigest()[:40]


def demo_device_ensure(*, user: User) -> TOTPDevice:
    """A confirmed TOTP device for a demo user; `safelearn totp_code USERNAME` prints its current code."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name=DEMO_DEVICE_NAME, defaults={"confirmed": True, "key": _demo_key(user.get_username())}
    )
    return device


def two_factor_reset(*, actor: Any, user: User, organisation_id: Any = None) -> int:
    """An administrator removes someone's authenticator (a lost phone): they set one up at their next sign-in.

    Every session they have ends too: a session verified with the old device must not outlive it.
    Returns how many devices were removed.
    """
    from safelearn.accounts.services.sessions import user_sessions_end

    with transaction.atomic():
        removed: int
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        ended = user_sessions_end(user=user)
        audit_record(
            actor=actor,
            verb="account.two_factor_reset",
            target_type="auth.user",
            target_id=str(user.pk),
            organisation_id=organisation_id,
            payload={"devices_removed": removed, "sessions_ended": ended},
        )
    return removed
