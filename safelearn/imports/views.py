"""Upload page for organisation administrators; the import itself runs as a background task."""

from __future__ import annotations

import base64
import json
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from safelearn.core.audit import audit_record
from safelearn.core.crypto import encrypt_text
from safelearn.imports.forms import ImportUploadForm
from safelearn.imports.mapping import MappingError, load_mapping
from safelearn.imports.models import BatchStatus, ImportBatch
from safelearn.imports.tasks import import_batch_task
from safelearn.organisations.models import Organisation, Role
from safelearn.organisations.selectors import organisations_where


def _admin_organisation(request: HttpRequest) -> Organisation:
    organisations = organisations_where(request.user, Role.ORG_ADMIN)
    if not organisations:
        raise PermissionDenied("Only organisation administrators can import.")
    return organisations[0]


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    organisation = _admin_organisation(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        mapping_text = form.cleaned_data["mapping_file"].read().decode("utf-8", errors="replace")
        try:
            mapping = load_mapping(mapping_text)
        except MappingError as exc:
            form.add_error("mapping_file", str(exc))
        else:
            data = form.cleaned_data["data_file"].read()
            payload = json.dumps({"mapping": mapping_text, "data": base64.b64encode(data).decode()})
            with transaction.atomic():
                batch = ImportBatch.objects.create(
                    organisation=organisation,
                    started_by=cast(Any, request.user),
                    source=mapping.source,
                    filename=form.cleaned_data["data_file"].name,
                    dry_run=form.cleaned_data["dry_run"],
                    payload=encrypt_text(payload),
                )
                audit_record(
                    actor=request.user,
                    verb="import.started",
                    target=batch,
                    organisation_id=organisation.pk,
                    payload={"dry_run": batch.dry_run, "file": batch.filename},
                )
                transaction.on_commit(lambda: import_batch_task.enqueue(str(batch.pk)))
            messages.success(request, "Your file is being processed. This page shows progress.")
            return redirect("imports:batch", batch_id=batch.pk)
    batches = ImportBatch.objects.filter(organisation=organisation).defer("payload")[:20]
    return render(
        request,
        "imports/upload.html",
        {"form": form, "batches": batches, "organisation": organisation},
        status=400 if form.errors else 200,
    )


@login_required
def batch_detail(request: HttpRequest, batch_id: str) -> HttpResponse:
    organisation = _admin_organisation(request)
    batch = ImportBatch.objects.filter(pk=batch_id, organisation=organisation).defer("payload").first()
    if batch is None:
        raise Http404
    running = batch.status in (BatchStatus.QUEUED, BatchStatus.RUNNING)
    return render(request, "imports/batch.html", {"batch": batch, "running": running})
