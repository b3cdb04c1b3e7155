"""`safelearn build-index`: rebuild the search / similar-report indexes (pool and every organisation)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safelearn.learning.search import POOL, index_build, org_scope
from safelearn.organisations.models import Organisation


class Command(BaseCommand):
    help = "Rebuild the persisted search indexes under VAR_DIR/index/ (run nightly, or after a key rotation)."

    def handle(self, *args: Any, **options: Any) -> None:
        scopes = [POOL, *(org_scope(pk) for pk in Organisation.objects.values_list("pk", flat=True))]
        for scope in scopes:
            built = index_build(scope)
            self.stdout.write(f"{scope}: {len(built.ids)} documents")
