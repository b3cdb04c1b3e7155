"""Server-side drafts, encrypted like the narrative: signed-in drafts by owner, public ones by session."""

from __future__ import annotations

import json
from typing import Any

from safelearn.organisations.models import Organisation
from safelearn.reporting.models import ReportDraft


def draft_save(
    *,
    organisation: Organisation,
    payload: dict[str, Any],
    owner: Any = None,
    session_key: str = "",
    draft_id: Any = None,
) -> ReportDraft:
    """Save a half-typed report server-side (encrypted), so nothing typed is ever lost."""
    owner = owner if getattr(owner, "is_authenticated", False) else None
    draft = None
    if draft_id:
        draft = ReportDraft.objects.filter(pk=draft_id, owner=owner, session_key=session_key).first()
    if draft is None:
        draft = ReportDraft(organisation=organisation, owner=owner, session_key=session_key)
    draft.payload = json.dumps(payload, default=str)
    draft.save()
    return draft


def draft_discard(*, draft: ReportDraft) -> None:
    draft.delete()


def public_draft_load(*, organisation: Organisation, session_key: str) -> dict[str, Any]:
    """The public reporter's answers so far, keyed by their session (no account, nothing in the browser)."""
    if not session_key:
        return {}
    draft = ReportDraft.objects.filter(organisation=organisation, owner=None, session_key=session_key).first()
    if draft is None:
        return {}
    loaded = json.loads(draft.payload)
    return loaded if isinstance(loaded, dict) else {}


def public_draft_update(*, organisation: Organisation, session_key: str, answers: dict[str, Any]) -> ReportDraft:
    """Merge new answers into the public draft; each Continue saves, so a time-out loses little."""
    draft = ReportDraft.objects.filter(organisation=organisation, owner=None, session_key=session_key).first()
    payload: dict[str, Any] = json.loads(draft.payload) if draft else {}
    payload.update(answers)
    if draft is None:
        draft = ReportDraft(organisation=organisation, owner=None, session_key=session_key)
    draft.payload = json.dumps(payload, default=str)
    draft.save()
    return draft


def public_draft_discard(*, organisation: Organisation, session_key: str) -> None:
    if session_key:
        ReportDraft.objects.filter(organisation=organisation, owner=None, session_key=session_key).delete()
