"""The public reporting link kit: the QR code on the printed poster and cards opens the public form."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse

from safelearn.core.types import User

pypdf = pytest.importorskip("pypdf", reason="dev dependency: pip install -e '.[dev]'")
zxingcpp = pytest.importorskip("zxingcpp", reason="dev dependency: pip install -e '.[dev]'")

pytestmark = pytest.mark.django_db

SITE = "https://safelearn.example.gov.uk"


@pytest.fixture(autouse=True)
def _site(settings: Any) -> None:
    settings.SITE_URL = SITE


def _decoded_qr_codes(pdf: bytes) -> list[str]:
    """Take every image out of the PDF's pages and decode what QR codes they hold."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found: list[str] = []
    for page in reader.pages:
        for image in page.images:
            found += [code.text for code in zxingcpp.read_barcodes(image.image)]
    return found


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.mark.parametrize("name", ["kit:poster", "kit:cards"])
def test_printed_qr_code_decodes_to_the_public_link(client: Any, people: dict[str, User], org: Any, name: str) -> None:
    client.force_login(people["org_admin"])
    response = client.get(reverse(name, args=[org.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    pdf = response.content
    link = f"{SITE}/r/{org.slug}/"
    assert link == SITE + reverse("reporting:public_start", args=[org.slug])
    codes = _decoded_qr_codes(pdf)
    assert codes and set(codes) == {link}
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    text = _text(pdf)
    assert link in text  # typed too, for people who cannot scan
    assert org.name in text
    assert "call 999" in text
    assert "do not need to give your name" in text


def test_poster_is_a4_with_plain_language_for_children_and_families(
    client: Any, people: dict[str, User], org: Any
) -> None:
    client.force_login(people["reviewer"])  # safety leads may print it too
    pdf = client.get(reverse("kit:poster", args=[org.slug])).content
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = _text(pdf)
    assert "children and young people, parents and carers" in text
    assert "Childline" in text


def test_markup_in_an_organisation_name_is_printed_as_text(client: Any, people: dict[str, User], org: Any) -> None:
    org.name = "Northbridge <b>& Partners</b>"
    org.save()
    client.force_login(people["org_admin"])
    pdf = client.get(reverse("kit:poster", args=[org.slug])).content
    assert "Northbridge <b>& Partners</b>" in _text(pdf)


def test_kit_page_shows_the_link_and_qr_code(client: Any, people: dict[str, User], org: Any) -> None:
    client.force_login(people["org_admin"])
    page = client.get(reverse("kit:page", args=[org.slug])).content.decode()
    assert f'href="{SITE}/r/{org.slug}/"' in page
    assert "<svg" in page
    assert reverse("kit:poster", args=[org.slug]) in page
    assert reverse("kit:cards", args=[org.slug]) in page


def test_no_poster_while_public_reporting_is_switched_off(client: Any, people: dict[str, User], org: Any) -> None:
    org.public_reporting_enabled = False
    org.save()
    client.force_login(people["org_admin"])
    response = client.get(reverse("kit:poster", args=[org.slug]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("kit:page", args=[org.slug])
    page = response.content.decode()
    assert "Public reporting is switched off" in page
    assert reverse("kit:poster", args=[org.slug]) not in page


@pytest.mark.parametrize("name", ["kit:page", "kit:poster", "kit:cards"])
@pytest.mark.parametrize(
    ("who", "status"),
    [("reporter", 403), ("other_reviewer", 404), ("other_reporter", 404), ("analyst", 404), ("no_role", 404)],
)
def test_only_the_organisations_admins_and_safety_leads_get_the_kit(
    client: Any, people: dict[str, User], org: Any, name: str, who: str, status: int
) -> None:
    client.force_login(people[who])
    assert client.get(reverse(name, args=[org.slug])).status_code == status


@pytest.mark.parametrize("name", ["kit:page", "kit:poster", "kit:cards"])
def test_signed_out_visitors_are_sent_to_sign_in(client: Any, org: Any, name: str) -> None:
    response = client.get(reverse(name, args=[org.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_unknown_organisation_is_not_found(client: Any, people: dict[str, User]) -> None:
    client.force_login(people["org_admin"])
    assert client.get(reverse("kit:poster", args=["no-such-org"])).status_code == 404
