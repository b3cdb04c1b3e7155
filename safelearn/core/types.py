"""The types every app shares for the person using SafeLearn.

SafeLearn uses Django's own user model (``AUTH_USER_MODEL`` is not set), so ``User`` is
``django.contrib.auth.models.User``: the signed-in person, with their memberships, profile and devices.
Code that runs on ``request.user`` before knowing whether anyone is signed in takes a ``RequestUser``.
It lives in ``core`` because every layer above (organisations, reporting, accounts, ...) passes users around.
"""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest

__all__ = ["AnonymousUser", "AuthenticatedHttpRequest", "RequestUser", "User"]

# What `request.user` can be: a signed-in user or the anonymous one.
RequestUser: TypeAlias = User | AnonymousUser


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a view behind ``login_required``: someone is signed in, so ``user`` is a ``User``.

    For the type checker only (Django builds a plain HttpRequest); annotate such views' ``request`` with it.
    """

    user: User
