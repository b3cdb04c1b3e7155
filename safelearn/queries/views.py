"""The query builder, saved queries and their exports. Thin: access in access/selectors, rules in services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from safelearn.core.forms import apply_errors, form_submit
from safelearn.core.types import AuthenticatedHttpRequest
from safelearn.queries import selectors, services
from safelearn.queries.access import Scope, query_scope_for
from safelearn.queries.definition import QueryDefinition, definition_validate
from safelearn.queries.engine import QueryResult, query_run
from safelearn.queries.exports import CSV_TYPE, XLSX_TYPE, result_csv, result_xlsx
from safelearn.queries.fields import field_get
from safelearn.queries.forms import QueryForm, SaveForm, ScheduleForm
from safelearn.queries.models import SavedQuery

FORMATS = ("csv", "xlsx")


def _run(request: HttpRequest, form: QueryForm, scope: Scope) -> QueryResult | None:
    if not form.is_bound or not form.is_valid():
        return None
    return query_run(form.definition(), scope=scope, actor=request.user)


def _hidden_params(form: QueryForm) -> list[tuple[str, str]]:
    """The builder's answers as hidden inputs, so the save form posts exactly the query shown."""
    if not form.is_bound:
        return []
    data: Any = form.data
    return [(k, v) for k in data for v in data.getlist(k) if k in form.fields and v != ""]


def _builder_page(
    request: HttpRequest,
    *,
    scope: Scope,
    form: QueryForm,
    save_form: SaveForm,
    query: SavedQuery | None = None,
    status: int | None = None,
) -> HttpResponse:
    result = _run(request, form, scope)
    has_errors = bool(form.errors or save_form.errors)
    error_links = form.error_links() + [
        ("#main-content" if name == "__all__" else f"#id_{name}", str(e))
        for name, errors in save_form.errors.items()
        for e in errors
    ]
    return render(
        request,
        "queries/builder.html",
        {
            "scope": scope,
            "form": form,
            "save_form": save_form,
            "result": result,
            "query": query,
            "hidden_params": _hidden_params(form),
            "export_query": request.GET.urlencode() if request.method == "GET" else "",
            "has_errors": has_errors,
            "error_links": error_links,
        },
        status=status or (400 if has_errors else 200),
    )


@login_required
def query_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    scope = query_scope_for(request.user)
    queries = list(selectors.saved_queries_for(user=request.user))
    pinned = {q.pk for q in selectors.pinned_queries_for(user=request.user)}
    return render(request, "queries/list.html", {"scope": scope, "queries": queries, "pinned": pinned})


@login_required
def builder(request: HttpRequest) -> HttpResponse:
    scope = query_scope_for(request.user)
    form = QueryForm(request.GET or None, national=scope.national)
    return _builder_page(request, scope=scope, form=form, save_form=SaveForm())


@login_required
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    scope = query_scope_for(request.user)
    return _save_posted(request, scope=scope, query=None)


def _save_posted(request: HttpRequest, *, scope: Scope, query: SavedQuery | None) -> HttpResponse:
    """Save the posted query as new (``query`` None) or over the owner's ``query``; the builder again on errors."""
    form = QueryForm(request.POST, national=scope.national)
    save_form = SaveForm(request.POST)
    if form.is_valid() and save_form.is_valid():
        fields = {
            "actor": request.user,
            "name": save_form.cleaned_data["name"],
            "definition": form.definition(),
            "shared": save_form.cleaned_data["shared"],
        }
        try:
            if query is None:
                saved = services.saved_query_create(scope=scope, **fields)
            else:
                saved = services.saved_query_update(query=query, **fields)
        except ValidationError as exc:
            apply_errors(save_form, exc)
        else:
            messages.success(request, f"Query {'saved' if query is None else 'changed'}: {saved.name}")
            return redirect("queries:detail", saved.pk)
    return _builder_page(request, scope=scope, form=form, save_form=save_form, query=query, status=400)


def _saved_result(request: HttpRequest, query: SavedQuery) -> tuple[Scope, QueryResult]:
    scope = query_scope_for(request.user)
    definition = QueryDefinition.from_json(query.definition)
    try:
        definition_validate(definition, national=scope.national)
    except ValidationError:
        raise Http404("This query uses a field that no longer exists: edit it to choose another.") from None
    return scope, query_run(definition, scope=scope, actor=request.user)


@login_required
def detail(request: AuthenticatedHttpRequest, query_id: Any) -> HttpResponse:
    query = selectors.saved_query_get(user=request.user, query_id=query_id)
    scope, result = _saved_result(request, query)
    definition = result.definition
    filters = []
    for name, codes in definition.filters.items():
        found = field_get(name)
        if found is not None:
            labels = found.labels()
            filters.append((found.label, [labels.get(c, c) for c in codes]))
    return render(
        request,
        "queries/detail.html",
        {
            "query": query,
            "scope": scope,
            "result": result,
            "filters": filters,
            "is_owner": query.owner_id == request.user.pk,
            "pinned": selectors.is_pinned(user=request.user, query=query),
            "edit_params": definition.as_params(),
        },
    )


@login_required
def edit(request: HttpRequest, query_id: Any) -> HttpResponse:
    query = selectors.saved_query_get_for_owner(user=request.user, query_id=query_id)
    scope = query_scope_for(request.user)
    if request.method == "POST":
        return _save_posted(request, scope=scope, query=query)
    if request.GET:
        form = QueryForm(request.GET, national=scope.national)
    else:
        form = QueryForm(_as_querydict(QueryDefinition.from_json(query.definition)), national=scope.national)
    save_form = SaveForm(initial={"name": query.name, "shared": "yes" if query.shared else "no"})
    return _builder_page(request, scope=scope, form=form, save_form=save_form, query=query)


def _as_querydict(definition: QueryDefinition) -> Any:
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, value in definition.as_params():
        data.appendlist(key, value)
    return data


@login_required
def delete(request: HttpRequest, query_id: Any) -> HttpResponse:
    query = selectors.saved_query_get_for_owner(user=request.user, query_id=query_id)
    if request.method == "POST":
        name = query.name
        services.saved_query_delete(actor=request.user, query=query)
        messages.success(request, f"Query deleted: {name}")
        return redirect("queries:list")
    return render(request, "queries/delete.html", {"query": query})


@login_required
@require_POST
def pin(request: HttpRequest, query_id: Any) -> HttpResponse:
    query = selectors.saved_query_get(user=request.user, query_id=query_id)
    pinned = request.POST.get("pinned") == "yes"
    services.query_pin(actor=request.user, query=query, pinned=pinned)
    messages.success(request, "Pinned to your dashboard" if pinned else "Removed from your dashboard")
    return redirect("queries:detail", query.pk)


@login_required
def schedule(request: HttpRequest, query_id: Any) -> HttpResponse:
    query = selectors.saved_query_get_for_owner(user=request.user, query_id=query_id)
    people = selectors.recipient_choices(query=query)
    initial = {"email_monthly": "yes" if query.email_monthly else "no", "recipients": list(query.recipients.all())}
    form = ScheduleForm(request.POST or None, people=people, initial=initial)
    if request.method == "POST" and form_submit(
        request,
        form,
        lambda: services.saved_query_schedule_set(actor=request.user, query=query, **form.cleaned_data),
        "Monthly email saved",
    ):
        return redirect("queries:detail", query.pk)
    chosen = {str(v) for v in (form["recipients"].value() or [])}
    return render(
        request,
        "queries/schedule.html",
        {"query": query, "form": form, "people": people, "chosen": chosen},
        status=400 if form.errors else 200,
    )


def _download(result: QueryResult, name: str, file_format: str) -> HttpResponse:
    stamp = f"{timezone.localdate():%Y%m%d}"
    if file_format == "csv":
        response = HttpResponse(result_csv(result), content_type=CSV_TYPE)
    else:
        response = HttpResponse(result_xlsx(result, name), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="safelearn-query-{stamp}.{file_format}"'
    return response


@login_required
def export(request: HttpRequest, query_id: Any, file_format: str) -> HttpResponse:
    if file_format not in FORMATS:
        raise Http404
    query = selectors.saved_query_get(user=request.user, query_id=query_id)
    _, result = _saved_result(request, query)
    services.query_exported(
        actor=request.user, query=query, organisation_id=query.organisation_id, file_format=file_format
    )
    return _download(result, query.name, file_format)


@login_required
def export_unsaved(request: HttpRequest, file_format: str) -> HttpResponse:
    """The builder's current table, before (or without) saving it."""
    if file_format not in FORMATS:
        raise Http404
    scope = query_scope_for(request.user)
    form = QueryForm(request.GET or None, national=scope.national)
    if not form.is_bound or not form.is_valid():
        return _builder_page(request, scope=scope, form=form, save_form=SaveForm(), status=400)
    result = query_run(form.definition(), scope=scope, actor=request.user)
    services.query_exported(
        actor=request.user, query=None, organisation_id=scope.organisation.pk, file_format=file_format
    )
    return _download(result, "", file_format)
