"""The organisation's settings page: validated, audited, and read by the code that uses each setting."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.organisations.branding import clean_brand_colour, contrast_with_white
from safelearn.organisations.forms import SettingsForm
from safelearn.organisations.models import Organisation
from safelearn.organisations.selectors import identity_retention_days, raw_retention_days

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def _admin(people: dict[str, User]) -> Client:
    client = Client()
    client.force_login(people["org_admin"])
    return client


def _form_data(org: Organisation, **changes: Any) -> dict[str, Any]:
    data = {k: ("" if v is None else v) for k, v in SettingsForm.initial_for(org).items()}
    data.update(changes)
    return data


def _url(org: Organisation) -> str:
    return reverse("organisations:settings", kwargs={"org_slug": org.slug})


def test_wcag_contrast_is_computed_as_specified() -> None:
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)
    assert contrast_with_white("#1d70b8") == pytest.approx(5.17, abs=0.01)  # GOV.UK blue
    assert clean_brand_colour("1D70B8") == "#1d70b8"
    assert clean_brand_colour("") == ""


def test_settings_change_is_saved_and_audited(people: dict[str, User], org: Organisation) -> None:
    client = _admin(people)
    assert client.get(_url(org)).status_code == 200
    data = _form_data(
        org,
        duty_contact_email="new-duty@northbridge.example.org",
        out_of_hours_contact_phone="01632 960 001",
        escalation_ack_minutes="10",
        identity_retention_days="60",
        public_reporting_enabled="no",
        brand_colour="#0b0c0c",
    )
    response = client.post(_url(org), data)
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.duty_contact_email == "new-duty@northbridge.example.org"
    assert org.escalation_ack_minutes == 10 and org.public_reporting_enabled is False
    assert identity_retention_days(org) == 60 and org.brand_colour == "#0b0c0c"
    event = AuditEvent.objects.get(verb="organisation.settings_changed")
    assert event.actor == people["org_admin"] and event.organisation_id == org.pk
    assert event.payload["duty_contact_email"] == {
        "before": "duty@northbridge.example.org",
        "after": "new-duty@northbridge.example.org",
    }
    assert set(event.payload) == {
        "duty_contact_email",
        "out_of_hours_contact_phone",
        "escalation_ack_minutes",
        "identity_retention_days",
        "public_reporting_enabled",
        "brand_colour",
    }
    # The public reporting link is now off.
    assert Client().get(reverse("reporting:public_start", kwargs={"org_slug": org.slug})).status_code == 404


def test_unreadable_colour_and_bad_input_get_clear_errors_and_keep_what_was_typed(
    people: dict[str, User], org: Organisation
) -> None:
    data = _form_data(
        org,
        name="Northbridge Council",
        brand_colour="#ffdd00",  # GOV.UK yellow: white text on it is unreadable
        duty_contact_phone="call me",
        escalation_ack_minutes="0",
        duty_contact_email="",
    )
    response = _admin(people).post(_url(org), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in body and "Traceback" not in body
    assert "choose a darker colour" in body
    assert "Enter a telephone number" in body
    assert "Ensure this value is greater than or equal to 1" in body or "from 1 to 240" in body
    assert "Enter the duty contact" in body
    assert 'value="Northbridge Council"' in body and 'value="#ffdd00"' in body
    org.refresh_from_db()
    assert org.name != "Northbridge Council" and org.brand_colour == ""
    assert not AuditEvent.objects.filter(verb="organisation.settings_changed").exists()


def test_logo_png_is_accepted_and_svg_refused(people: dict[str, User], org: Organisation) -> None:
    client = _admin(people)
    refused = client.post(_url(org), {**_form_data(org), "logo": SimpleUploadedFile("logo.svg", SVG, "image/png")})
    assert refused.status_code == 400 and b"must be a PNG or JPEG image" in refused.content
    accepted = client.post(_url(org), {**_form_data(org), "logo": SimpleUploadedFile("logo.png", PNG, "image/png")})
    assert accepted.status_code == 302
    logo = Client().get(reverse("organisations:logo", kwargs={"org_slug": org.slug}))
    assert logo.status_code == 200 and logo["Content-Type"] == "image/png" and logo.content == PNG
    # Staff of the organisation see it in the header.
    assert b'class="sl-brand-logo"' in client.get(reverse("home")).content


def test_header_colour_is_served_as_a_stylesheet(people: dict[str, User], org: Organisation) -> None:
    org.brand_colour = "#00703c"
    org.save()
    css = Client().get(reverse("organisations:brand_css", kwargs={"org_slug": org.slug}))
    assert css["Content-Type"].startswith("text/css") and b"#00703c" in css.content
    home = _admin(people).get(reverse("home")).content.decode()
    assert reverse("organisations:brand_css", kwargs={"org_slug": org.slug}) in home and "sl-brand" in home


def test_retention_falls_back_to_the_installation_default(org: Organisation, settings: Any) -> None:
    settings.SAFELEARN_IDENTITY_RETENTION_DAYS = 30
    settings.SAFELEARN_RAW_RETENTION_DAYS = 90
    assert identity_retention_days(org) == 30 and raw_retention_days(org) == 90
    org.raw_retention_days = 45
    assert raw_retention_days(org) == 45 and raw_retention_days(None) == 90


def test_settings_page_links_the_children_supported_page(people: dict[str, User], org: Organisation) -> None:
    body = _admin(people).get(_url(org)).content.decode()
    assert reverse("analytics:children_supported") in body


def test_admin_navigation_has_people_and_settings(people: dict[str, User], org: Organisation) -> None:
    body = _admin(people).get(reverse("home")).content.decode()
    assert reverse("organisations:people", kwargs={"org_slug": org.slug}) in body
    assert reverse("organisations:settings", kwargs={"org_slug": org.slug}) in body
    reviewer = Client()
    reviewer.force_login(people["reviewer"])
    assert "/organisation/" not in reviewer.get(reverse("home")).content.decode()
