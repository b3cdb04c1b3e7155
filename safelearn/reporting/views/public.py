"""The public reporting link /r/<org-slug>/: no log-in, one question per page, answers kept server-side.

Answers are saved (encrypted, keyed by the session) each time the reporter presses Continue, so a
validation error, the back button or a short break loses nothing; after sending, the draft is deleted,
the session key changes and every page is marked no-store so nothing readable stays in the browser.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from safelearn.core.audit import audit_record
from safelearn.organisations.models import Organisation
from safelearn.organisations.permissions import can_report
from safelearn.organisations.selectors import identity_retention_days
from safelearn.reporting import easy_read, public_flow, receipt_email, selectors, services
from safelearn.reporting.limits import ConnectionLimit
from safelearn.reporting.public_forms import ConfirmForm, ModeForm, ReceiptEmailForm
from safelearn.reporting.risk import assess_immediate_risk
from safelearn.reporting.session_receipts import receipt_forget, receipt_note, receipt_peek, receipt_remember
from safelearn.reporting.views.quick_exit import forget_exit, leaves_after_exit

PUBLIC_SESSION_SECONDS = 60 * 60
SUBMIT_LIMIT = ConnectionLimit(group="public-submit", setting="SAFELEARN_PUBLIC_SUBMIT_RATE", default="10/h")


def _session_key(request: HttpRequest) -> str:
    if not request.user.is_authenticated:
        # A short life for public sessions: a shared or family device forgets the answers soon.
        request.session.set_expiry(PUBLIC_SESSION_SECONDS)
    if not request.session.session_key:
        request.session.save()
    return str(request.session.session_key)


def _step_url(org_slug: str, slug: str) -> str:
    if slug == "check":
        return reverse("reporting:public_check", args=[org_slug])
    return reverse("reporting:public_step", args=[org_slug, slug])


def _staff_here(request: HttpRequest, organisation: Organisation) -> AbstractBaseUser | None:
    user = request.user
    return user if user.is_authenticated and can_report(user, organisation.pk) else None


def _page(
    request: HttpRequest, template: str, organisation: Organisation, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    context = {
        "organisation": organisation,
        "timeout_seconds": PUBLIC_SESSION_SECONDS,
        "retention_days": identity_retention_days(organisation),
        "easy_read": easy_read.is_on(request),
        **context,
    }
    return render(request, template, context, status=status)


@never_cache
def public_start(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = selectors.public_organisation(slug=org_slug)
    forget_exit(request)
    return _page(request, "reporting/public/start.html", organisation, {"first_step": public_flow.STEPS[0].slug})


@never_cache
def public_easy_read(request: HttpRequest, org_slug: str) -> HttpResponse:
    """Turn easy read on (``?on=0`` turns it off) for this visit and go to a question page.

    A plain link, so it works without script and mid-journey; answers stay in the draft either way.
    """
    organisation = selectors.public_organisation(slug=org_slug)
    _session_key(request)
    if request.GET.get("on") == "0":
        request.session.pop(easy_read.SESSION_KEY, None)
    else:
        request.session[easy_read.SESSION_KEY] = True
    page = request.GET.get("page", "")
    if page != "check" and page not in public_flow.BY_SLUG:
        page = public_flow.STEPS[0].slug
    return redirect(_step_url(organisation.slug, page))


def _form_for(step: public_flow.Step, request: HttpRequest, organisation: Organisation, **kwargs: Any) -> Any:
    if step.form is ModeForm:
        kwargs["allow_named"] = _staff_here(request, organisation) is not None
        kwargs["retention_days"] = identity_retention_days(organisation)
    form = step.form(**kwargs)
    return easy_read.apply(form, step) if easy_read.is_on(request) else form


@never_cache
@leaves_after_exit
def public_step(request: HttpRequest, org_slug: str, step: str) -> HttpResponse:
    organisation = selectors.public_organisation(slug=org_slug)
    current = public_flow.BY_SLUG.get(step)
    if current is None:
        raise Http404
    key = _session_key(request)
    answers = services.public_draft_load(organisation=organisation, session_key=key)
    if request.method == "POST":
        form = _form_for(current, request, organisation, data=request.POST)
        if form.is_valid():
            if form.cleaned_data.get("website"):
                return _honeypot(request, organisation)
            new = {f: form.cleaned_data.get(f, "") for f in current.fields}
            if step == "mode" and new["mode"] != "confidential":
                # Someone who changes their mind about giving their name: forget the name at once.
                new.update(identity_name="", identity_contact="")
            answers = {**answers, **new}
            services.public_draft_update(organisation=organisation, session_key=key, answers=new)
            return redirect(_step_url(org_slug, public_flow.next_slug(step, answers)))
        status = 400
    else:
        form = _form_for(current, request, organisation, initial={f: answers.get(f, "") for f in current.fields})
        status = 200
    back = public_flow.previous_slug(step, answers)
    easy = easy_read.PAGES[step] if easy_read.is_on(request) else None
    context = {
        "form": form,
        "step": current,
        "easy": easy,
        "question": easy.title if easy else current.title,
        "back_url": reverse("reporting:public_step", args=[org_slug, back])
        if back
        else reverse("reporting:public_start", args=[org_slug]),
        "show_danger_help": step != "danger" and answers.get("immediate_risk_answer") in ("yes", "not_sure"),
        "gentle": answers.get("immediate_risk_answer") == "not_sure",
    }
    return _page(request, "reporting/public/step.html", organisation, context, status=status)


def _honeypot(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    audit_record(
        actor="system",
        verb="public.honeypot_filled",
        organisation_id=organisation.pk,
        target_type="organisation",
        target_id=str(organisation.pk),
    )
    return _page(request, "reporting/public/refused.html", organisation, {}, status=400)


@never_cache
@leaves_after_exit
def public_check(request: HttpRequest, org_slug: str) -> HttpResponse:
    """Check your answers, see what to do now if a child may be in danger, and send."""
    organisation = selectors.public_organisation(slug=org_slug)
    key = _session_key(request)
    answers = services.public_draft_load(organisation=organisation, session_key=key)
    missing = public_flow.first_missing(answers)
    if missing:
        return redirect("reporting:public_step", org_slug=org_slug, step=missing)
    data, identity = public_flow.to_input(answers, timezone.localdate())
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        form = ConfirmForm(request.POST)
        if form.is_valid() and form.cleaned_data.get("website"):
            return _honeypot(request, organisation)
        if SUBMIT_LIMIT.hit(request):
            return _page(request, "reporting/public/too_many.html", organisation, {"what": "reports"}, status=429)
        staff = _staff_here(request, organisation)
        try:
            result = services.report_submit(
                organisation=organisation,
                data=data,
                reporter=staff if data.mode == "named" else None,
                channel="public",
                identity=identity,
            )
        except ValidationError as exc:
            errors = [e for messages in exc.message_dict.values() for e in messages]
            status = 400
        else:
            services.public_draft_discard(organisation=organisation, session_key=key)
            # A new session key: the old one keyed the draft, and nothing should link this visit to it.
            request.session.cycle_key()
            receipt_remember(request, result=result, key="public_receipt")
            return redirect("reporting:public_sent", org_slug=org_slug)
    risk = assess_immediate_risk(
        "\n".join([data.what_happened, data.what_would_help]), answer=data.immediate_risk_answer
    )
    context = {
        "rows": public_flow.summary_rows(
            answers, question_words=easy_read.question, answer_words=easy_read.answer_words
        )
        if easy_read.is_on(request)
        else public_flow.summary_rows(answers),
        "errors": errors,
        "at_risk": risk.at_risk,
        # Calmer words when the only reason is "I'm not sure"; what they wrote may call for the plain ones.
        "gentle": data.immediate_risk_answer == "not_sure" and not risk.text_alone,
        "back_url": _step_url(org_slug, public_flow.previous_slug("check", answers) or "danger"),
        "form": ConfirmForm(),
    }
    return _page(request, "reporting/public/check.html", organisation, context, status=status)


ReceiptView = Callable[[HttpRequest, Organisation, dict[str, Any]], HttpResponse]


def _with_waiting_receipt(view: ReceiptView) -> Callable[[HttpRequest, str], HttpResponse]:
    """A page of the receipt waiting to be saved, given the organisation and the receipt. With none waiting (saved
    already, or another session), back to the link's first page."""

    @wraps(view)
    def page(request: HttpRequest, org_slug: str) -> HttpResponse:
        organisation = selectors.public_organisation(slug=org_slug)
        receipt = receipt_peek(request, "public_receipt")
        if receipt is None:
            return redirect("reporting:public_start", org_slug=org_slug)
        return view(request, organisation, receipt)

    return page


@never_cache
@leaves_after_exit
@_with_waiting_receipt
def public_sent(request: HttpRequest, organisation: Organisation, receipt: dict[str, Any]) -> HttpResponse:
    """The receipt code, shown once, and what happens next. Confirming removes the code from the session."""
    error = ""
    if request.method == "POST":
        if request.POST.get("saved") == "yes":
            receipt_forget(request, "public_receipt")
            return redirect("reporting:public_done", org_slug=organisation.slug)
        error = _("Tick the box to say you have saved your code")
    return _sent_page(request, organisation, receipt, error=error, status=400 if error else 200)


def _sent_page(
    request: HttpRequest,
    organisation: Organisation,
    receipt: dict[str, Any],
    *,
    error: str = "",
    email_form: ReceiptEmailForm | None = None,
    status: int = 200,
) -> HttpResponse:
    report = selectors.report_get_for_receipt_holder(report_id=receipt["report"])
    if report is None:
        raise Http404
    context = {
        "receipt": receipt,
        "error": error,
        "steps": services.next_steps_for(report=report),
        "report": report,
        "email_form": email_form or ReceiptEmailForm(),
    }
    return _page(request, "reporting/public/sent.html", organisation, context, status=status)


@never_cache
@require_POST
@leaves_after_exit
@_with_waiting_receipt
def public_sent_email(request: HttpRequest, organisation: Organisation, receipt: dict[str, Any]) -> HttpResponse:
    """'Email it to me': send the waiting receipt to the typed address now, and keep the address nowhere."""
    form = ReceiptEmailForm(request.POST)
    status = 400
    if form.is_valid():
        if receipt_email.email_limited(request):
            form.add_error("email", _("You have asked for too many emails. Write the code down, or try in an hour."))
            status = 429
        elif receipt_email.receipt_email_send(
            to=form.cleaned_data["email"], code=receipt["code"], words=receipt["words"]
        ):
            receipt_note(request, "public_receipt", emailed=True)
            return redirect("reporting:public_sent", org_slug=organisation.slug)
        else:
            form.add_error("email", _("We could not send the email just now. Write the code down, or try again."))
            status = 503
    return _sent_page(request, organisation, receipt, email_form=form, status=status)


@never_cache
@leaves_after_exit
def public_done(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = selectors.public_organisation(slug=org_slug)
    return _page(request, "reporting/public/done.html", organisation, {})
