"""The public reporting link kit page and its PDFs (poster, cards). Thin: kit.py draws, permissions decide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from safelearn.organisations import kit
from safelearn.organisations.models import Organisation
from safelearn.organisations.permissions import require_reporting_kit
from safelearn.organisations.selectors import organisation_by_slug


def _organisation(request: HttpRequest, org_slug: str) -> Organisation:
    organisation = organisation_by_slug(org_slug)
    if organisation is None:
        raise Http404
    require_reporting_kit(request.user, organisation.pk)
    return organisation


@login_required
def kit_page(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = _organisation(request, org_slug)
    url = kit.public_link(organisation)
    context = {"organisation": organisation, "link": url, "qr_svg": kit.qr_svg(url)}
    return render(request, "organisations/kit.html", context)


def _pdf(request: HttpRequest, org_slug: str, *, poster: bool) -> HttpResponse:
    organisation = _organisation(request, org_slug)
    if not organisation.public_reporting_enabled:
        # A poster for a link that shows "closed" would send children to a dead end.
        messages.error(request, "Public reporting is switched off, so there is nothing to print yet.")
        return redirect("kit:page", org_slug=organisation.slug)
    data = kit.poster_pdf(organisation) if poster else kit.cards_pdf(organisation)
    response = HttpResponse(data, content_type="application/pdf")
    name = "poster" if poster else "cards"
    response["Content-Disposition"] = f'attachment; filename="safelearn-{organisation.slug}-{name}.pdf"'
    return response


@login_required
def kit_poster(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _pdf(request, org_slug, poster=True)


@login_required
def kit_cards(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _pdf(request, org_slug, poster=False)
