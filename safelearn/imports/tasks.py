from __future__ import annotations

import base64
import json

from django_tasks import task

from safelearn.core.crypto import decrypt_text
from safelearn.imports.mapping import MappingError, load_mapping
from safelearn.imports.models import BatchStatus, ImportBatch
from safelearn.imports.services import batch_record_result, import_rows, read_rows


@task()
def import_batch_task(batch_id: str) -> str:
    """Run an uploaded import in the background; progress is written to the batch as it goes."""
    batch = ImportBatch.objects.select_related("organisation", "started_by").get(pk=batch_id)
    if batch.payload is None:
        return batch.status
    payload = json.loads(decrypt_text(bytes(batch.payload)))
    ImportBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.RUNNING)
    try:
        mapping = load_mapping(payload["mapping"])
        data = base64.b64decode(payload["data"])
        result = import_rows(
            organisation=batch.organisation,
            rows=read_rows(data, batch.filename),
            mapping=mapping,
            dry_run=batch.dry_run,
            actor=batch.started_by,
            batch=batch,
        )
    except MappingError as exc:
        batch.status = BatchStatus.FAILED
        batch.bad_rows = [{"line": 0, "source_id": "", "errors": {"mapping": [str(exc)]}}]
        batch.payload = None
        batch.save()
        return batch.status
    batch.refresh_from_db()
    batch.status = BatchStatus.DONE
    batch_record_result(batch=batch, result=result)
    return batch.status
