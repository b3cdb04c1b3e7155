"""Who a confidential reporter is, and the names anyone lists privately, are kept apart from the report in
privacy's encrypted vault (the "ID strip"). Privacy sits above reporting in the layers (it works on
reports), so reporting owns this small interface and the rules for what a reporter may give, and the
privacy app registers its vault here in ``AppConfig.ready``, as learning registers the risk detector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext

from safelearn.core.types import RequestUser

if TYPE_CHECKING:
    from safelearn.reporting.models import Report

NAME_MAX = 200
CONTACT_MAX = 300


def identity_validate(*, name: str, contact: str) -> None:
    """A confidential reporter's name and contact, checked before anything is stored."""
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["identity_name"] = [gettext("Enter your name")]
    elif len(name) > NAME_MAX:
        errors["identity_name"] = [gettext("Your name must be %(max)s characters or fewer") % {"max": NAME_MAX}]
    if len(contact) > CONTACT_MAX:
        errors["identity_contact"] = [
            gettext("Contact details must be %(max)s characters or fewer") % {"max": CONTACT_MAX}
        ]
    if errors:
        raise ValidationError(errors)


class ReporterIdentityRead(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def contact(self) -> str: ...


class IdentityKeeper(Protocol):
    """What reporting asks of the vault. Each call is audited by the vault; none is made outside a service."""

    def identity_create(self, *, report: Report, name: str, contact: str = "") -> object: ...
    def involved_people_keep(self, *, report: Report, names: str) -> object: ...
    def identity_exists(self, *, report: Report) -> bool: ...
    def identity_read(
        self, *, user: RequestUser | None, report: Report, reason: str = ""
    ) -> ReporterIdentityRead | None: ...
    def identity_contact_for_acknowledgement(self, *, report: Report) -> str: ...


_keepers: list[IdentityKeeper] = []


def identity_keeper_register(keeper: IdentityKeeper) -> None:
    _keepers[:] = [keeper]


def identity_keeper() -> IdentityKeeper:
    if not _keepers:
        raise ImproperlyConfigured("No identity vault registered: is safelearn.privacy installed?")
    return _keepers[0]
