"""What SafeLearn remembers about a signed-in person's account, beyond Django's user (issue 21)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from safelearn.core.models import BaseModel


class AccountSettings(BaseModel):
    """One row per user who has chosen something; no row means every default applies.

    ``language`` is the language the person chose with the language select, applied when they sign in
    on any device (the language cookie only remembers it on one browser).
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_settings")
    #: A code from settings.LANGUAGES (checked by the service, so adding a language needs no migration).
    language = models.CharField(max_length=10, blank=True)

    def __str__(self) -> str:
        return f"settings of user {self.user_id}"
