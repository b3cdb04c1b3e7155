"""Background work for national learning, never in the request path."""

from __future__ import annotations

from django_tasks import task

from safelearn.analytics.models import Bulletin


@task()
def bulletin_follow_up_task(bulletin_id: str) -> dict[str, int]:
    """After publishing: email subscribers and tell each quoted reporter that their report helped."""
    from safelearn.analytics.services import bulletin_send_emails, bulletin_tell_reporters

    bulletin = Bulletin.objects.get(pk=bulletin_id)
    return {
        "emailed": bulletin_send_emails(bulletin=bulletin),
        "reporters_told": bulletin_tell_reporters(bulletin=bulletin),
    }
