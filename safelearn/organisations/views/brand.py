"""An organisation's header colour (as a stylesheet: the CSP allows no inline styles) and its logo."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from safelearn.organisations.selectors import organisation_by_slug


@require_GET
def brand_css(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = organisation_by_slug(org_slug)
    if organisation is None:
        raise Http404
    css = ""
    if organisation.brand_colour:  # validated on saving: '#' and six hex digits, dark enough for white text
        colour = organisation.brand_colour
        css = (
            f".sl-brand .govuk-header__container {{ border-bottom-color: {colour}; }}\n"
            f".sl-brand .sl-brand-band {{ background-color: {colour}; color: #ffffff; }}\n"
        )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_GET
def logo(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = organisation_by_slug(org_slug)
    if organisation is None or not organisation.logo or not organisation.logo_content_type:
        raise Http404
    response = HttpResponse(bytes(organisation.logo), content_type=organisation.logo_content_type)
    response["Content-Disposition"] = 'inline; filename="logo"'
    response["Cache-Control"] = "private, max-age=300"
    return response
