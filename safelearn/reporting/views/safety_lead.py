"""Safety-lead pages owned by reporting: answering the conversation and reading a vaulted identity."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from safelearn.core.forms import form_submit
from safelearn.organisations.permissions import require_reviewer
from safelearn.reporting import selectors, services
from safelearn.reporting.forms import HarmForm
from safelearn.reporting.identity import identity_keeper
from safelearn.reporting.models import Report
from safelearn.reporting.public_forms import SafetyLeadMessageForm


def _report_for_lead(request: HttpRequest, report_id: str) -> Report:
    report = Report.objects.select_related("organisation").defer("what_happened").filter(pk=report_id).first()
    if report is None:
        raise Http404
    require_reviewer(request.user, report.organisation_id)
    return report


@login_required
@require_POST
def conversation_reply(request: HttpRequest, report_id: str) -> HttpResponse:
    report = _report_for_lead(request, report_id)
    form = SafetyLeadMessageForm(request.POST)
    if form.is_valid():
        try:
            services.conversation_post_as_safety_lead(
                user=request.user, report=report, body=form.cleaned_data["body"], kind=form.cleaned_data["kind"]
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else "body", errors)
        else:
            messages.success(request, "Your message has been sent. The reporter sees it with their receipt code.")
            return redirect(reverse("review:report_feedback", args=[report.pk]) + "#conversation-heading")
    conversation = selectors.conversation_for_safety_lead(user=request.user, report=report)
    return render(
        request,
        "reporting/conversation_reply.html",
        {"report": report, "conversation": conversation, "conversation_form": form},
        status=400,
    )


@never_cache
@login_required
def identity_view(request: HttpRequest, report_id: str) -> HttpResponse:
    """Reading an identity is a deliberate, recorded act: a button press, never a page load."""
    report = _report_for_lead(request, report_id)
    identity = None
    revealed = False
    if request.method == "POST":
        identity = identity_keeper().identity_read(
            user=request.user, report=report, reason=request.POST.get("reason", "")
        )
        revealed = True
    return render(
        request,
        "reporting/identity.html",
        {
            "report": report,
            "identity": identity,
            "revealed": revealed,
            "has_identity": identity_keeper().identity_exists(report=report),
        },
    )


@login_required
@require_POST
def harm_grade(request: HttpRequest, report_id: str) -> HttpResponse:
    """The reviewer grades physical and psychological harm apart, and any missed opportunity."""
    report = _report_for_lead(request, report_id)
    form = HarmForm(request.POST, prefix="harm")
    if form_submit(
        request,
        form,
        lambda: services.harm_grade(
            report=report,
            actor=request.user,
            physical_harm=form.cleaned_data["physical_harm"],
            psychological_harm=form.cleaned_data["psychological_harm"],
            missed_opportunity=form.cleaned_data["missed_opportunity"] == "yes",
        ),
        "Harm graded",
    ):
        return redirect(reverse("review:report_grading", args=[report.pk]) + "#harm")
    return render(request, "reporting/harm_grade.html", {"report": report, "harm_form": form}, status=400)
