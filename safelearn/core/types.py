"""The types every app shares for the person using SafeLearn.

SafeLearn uses Django's own user model (``AUTH_USER_MODEL`` is not set), so ``User`` is
``django.contrib.auth.models.User``: the signed-in person, with their memberships, profile and devices.
Code that runs on ``request.user`` before knowing whether anyone is signed in takes a ``RequestUser``.
It lives in ``core`` because every layer above (organisations, reporting, accounts, ...) passes users around.
"""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser, User

__all__ = ["AnonymousUser", "RequestUser", "User"]

# What `request.user` can be: a signed-in user or the anonymous one.
RequestUser: TypeAlias = User | AnonymousUser
