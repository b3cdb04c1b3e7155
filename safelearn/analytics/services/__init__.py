"""Writes for national learning. Import from here: ``from safelearn.analytics.services import bulletin_publish``."""

from safelearn.analytics.services.alerts import (
    AlertInput,
    alert_acknowledge,
    alert_issue,
    alert_record_actions,
)
from safelearn.analytics.services.bulletins import (
    BulletinInput,
    bulletin_create,
    bulletin_item_add,
    bulletin_item_remove,
    bulletin_publish,
    bulletin_send_emails,
    bulletin_tell_reporters,
    bulletin_update,
    subscription_set,
)
from safelearn.analytics.services.organisations import organisation_children_supported_set

__all__ = [
    "AlertInput",
    "BulletinInput",
    "alert_acknowledge",
    "alert_issue",
    "alert_record_actions",
    "bulletin_create",
    "bulletin_item_add",
    "bulletin_item_remove",
    "bulletin_publish",
    "bulletin_send_emails",
    "bulletin_tell_reporters",
    "bulletin_update",
    "organisation_children_supported_set",
    "subscription_set",
]
