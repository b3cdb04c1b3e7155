"""Server-side drafts, encrypted like the narrative: signed-in drafts by owner, public ones by session."""

from __future__ import annotations

import json
import re
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format

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
    encoded = json.dumps(payload, default=str)
    draft = None
    if draft_id:
        draft = ReportDraft.objects.filter(pk=draft_id, owner=owner, session_key=session_key).first()
    if draft is None and owner is not None:
        # The same words sent again from a fresh form (the Back button, a second tab, the Report link)
        # must not pile up identical drafts: reuse the one that already holds exactly this.
        draft = _identical_draft(owner=owner, encoded=encoded)
    if draft is None:
        draft = ReportDraft(organisation=organisation, owner=owner, session_key=session_key)
    draft.payload = encoded
    draft.save()
    return draft


def _identical_draft(*, owner: Any, encoded: str) -> ReportDraft | None:
    # Payloads are encrypted, so compare in Python; a person has a handful of drafts at most.
    for draft in ReportDraft.objects.filter(owner=owner, session_key="")[:_DRAFTS_COMPARED]:
        if draft.payload == encoded:
            return draft
    return None


_DRAFTS_COMPARED = 50
_TITLE_WORDS = 8


def draft_title(*, draft: ReportDraft) -> str:
    """A draft's name in lists: the first words of what happened and the date, e.g. "The visit rota had a gap… (3 Jan 2026)".

    Only the draft's owner sees their list, so showing their own words is no disclosure.
    """
    words = _draft_words(draft)
    date = date_format(timezone.localtime(draft.updated_at), "j M Y") if draft.updated_at else ""
    if not words:
        return f"Draft with no description yet ({date})" if date else "Draft with no description yet"
    parts = words.split()
    text = " ".join(parts[:_TITLE_WORDS]) + ("…" if len(parts) > _TITLE_WORDS else "")
    return f"{text} ({date})" if date else text


def _draft_words(draft: ReportDraft) -> str:
    try:
        payload = json.loads(draft.payload)
    except (TypeError, ValueError):
        return ""
    if not isinstance(payload, dict):
        return ""
    value = payload.get("what_happened", "")
    if isinstance(value, list):  # staff drafts keep POST lists
        value = value[0] if value else ""
    return re.sub(r"\s+", " ", str(value)).strip()


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


def public_drafts_discard_for_session(*, session_key: str) -> int:
    """Quick exit: every public draft this browser session started, in any organisation, is deleted."""
    if not session_key:
        return 0
    deleted, _ = ReportDraft.objects.filter(owner=None, session_key=session_key).delete()
    return deleted
