"""Learning bulletins: analysts compose and publish; members read them on the web, as PDF and as Atom."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from safelearn.analytics import access, selectors, services
from safelearn.analytics.forms import BulletinForm, BulletinItemForm, SubscriptionForm
from safelearn.analytics.models import Bulletin
from safelearn.analytics.pdf import bulletin_pdf
from safelearn.analytics.views.common import apply_errors, download
from safelearn.core.types import AuthenticatedHttpRequest
from safelearn.organisations.selectors import is_analyst


@login_required
def bulletin_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    access.require_member(request.user)
    analyst = is_analyst(request.user)
    bulletins = (
        selectors.bulletin_list_for_analyst(user=request.user) if analyst else selectors.bulletin_list_published()
    )
    return render(
        request,
        "analytics/bulletin_list.html",
        {"bulletins": bulletins, "is_analyst": analyst, "subscription": selectors.subscription_for(request.user)},
    )


def _analyst_draft(request: HttpRequest, bulletin_id: str) -> Bulletin:
    access.require_analyst(request.user)
    bulletin = selectors.bulletin_get_for_reader(user=request.user, bulletin_id=bulletin_id)
    if bulletin.is_published:
        raise Http404
    return bulletin


def _run_and_say(request: HttpRequest, service: Callable[[], object], done: str) -> None:
    """Run a service on the bulletin and say how it went: its refusal as an error message, or ``done``."""
    try:
        service()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)


BULLETIN_FIELDS = ("title", "summary", "findings", "lessons", "discussion_questions")


def _bulletin_form(
    request: HttpRequest, bulletin: Bulletin | None, save: Callable[[services.BulletinInput], Bulletin], done: str
) -> HttpResponse:
    """The form of a new bulletin (``bulletin`` None) or of a draft; on success, to the bulletin's page."""
    initial = {f: getattr(bulletin, f) for f in BULLETIN_FIELDS} if bulletin is not None else None
    form = BulletinForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(services.BulletinInput(**form.cleaned_data))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect("analytics:bulletin_detail", saved.pk)
    status = 400 if form.errors else 200
    return render(request, "analytics/bulletin_form.html", {"form": form, "bulletin": bulletin}, status=status)


@login_required
def bulletin_new(request: HttpRequest) -> HttpResponse:
    access.require_analyst(request.user)

    def save(data: services.BulletinInput) -> Bulletin:
        return services.bulletin_create(actor=request.user, data=data)

    return _bulletin_form(request, None, save, "Draft bulletin saved. Now add de-identified reports from the pool.")


@login_required
def bulletin_edit(request: HttpRequest, bulletin_id: str) -> HttpResponse:
    bulletin = _analyst_draft(request, bulletin_id)

    def save(data: services.BulletinInput) -> Bulletin:
        services.bulletin_update(bulletin=bulletin, actor=request.user, data=data)
        return bulletin

    return _bulletin_form(request, bulletin, save, "Bulletin saved")


@login_required
def bulletin_detail(request: HttpRequest, bulletin_id: str) -> HttpResponse:
    bulletin = selectors.bulletin_get_for_reader(user=request.user, bulletin_id=bulletin_id)
    return render(
        request,
        "analytics/bulletin_detail.html",
        {"bulletin": bulletin, "items": list(bulletin.items.all()), "is_analyst": is_analyst(request.user)},
    )


@login_required
def bulletin_pdf_download(request: HttpRequest, bulletin_id: str) -> HttpResponse:
    bulletin = selectors.bulletin_get_for_reader(user=request.user, bulletin_id=bulletin_id)
    return download(bulletin_pdf(bulletin), f"safelearn-bulletin-{bulletin.pk}.pdf", "application/pdf")


@login_required
@require_POST
def bulletin_item_add(request: HttpRequest, bulletin_id: str) -> HttpResponse:
    bulletin = _analyst_draft(request, bulletin_id)
    form = BulletinItemForm(request.POST)
    if form.is_valid():
        _run_and_say(
            request,
            lambda: services.bulletin_item_add(bulletin=bulletin, actor=request.user, **form.cleaned_data),
            "Report added to the bulletin",
        )
    else:
        messages.error(request, "Choose a report to add")
    return redirect("analytics:bulletin_detail", bulletin.pk)


@login_required
@require_POST
def bulletin_item_remove(request: HttpRequest, bulletin_id: str, item_id: str) -> HttpResponse:
    bulletin = _analyst_draft(request, bulletin_id)
    services.bulletin_item_remove(bulletin=bulletin, actor=request.user, item_id=item_id)
    messages.success(request, "Report removed from the bulletin")
    return redirect("analytics:bulletin_detail", bulletin.pk)


#: The confirmation page's button sends this; a bare POST only shows the confirmation again.
PUBLISH_CONFIRMED = "yes"


@login_required
@require_http_methods(["GET", "POST"])
def bulletin_publish(request: HttpRequest, bulletin_id: str) -> HttpResponse:
    """Publishing cannot be undone (emails, feed, reporters told), so it always passes a confirmation page."""
    bulletin = _analyst_draft(request, bulletin_id)
    if request.method != "POST" or request.POST.get("confirm") != PUBLISH_CONFIRMED:
        context = {"bulletin": bulletin, "item_count": bulletin.items.count(), "confirmed": PUBLISH_CONFIRMED}
        return render(request, "analytics/bulletin_publish_confirm.html", context)
    _run_and_say(
        request,
        lambda: services.bulletin_publish(bulletin=bulletin, actor=request.user),
        "Bulletin published: on the web, as a PDF and in the feed. Subscribers are emailed.",
    )
    return redirect("analytics:bulletin_detail", bulletin.pk)


@login_required
@require_POST
def subscription(request: HttpRequest) -> HttpResponse:
    access.require_member(request.user)
    form = SubscriptionForm(request.POST)
    active = form.is_valid() and form.cleaned_data["active"]
    services.subscription_set(user=request.user, active=active)
    messages.success(request, "You will get each new bulletin by email" if active else "Bulletin emails stopped")
    return redirect("analytics:bulletin_list")
