from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from safelearn.api.services import token_create
from safelearn.core.types import User
from safelearn.organisations.models import Organisation


@pytest.fixture
def reviewer_token(people: dict[str, User], org: Organisation) -> str:
    return token_create(
        organisation=org,
        name="case system",
        scopes=["review:read", "review:write", "report:submit"],
        created_by=people["reviewer"],
    ).secret


@pytest.fixture
def api_post(client: Client) -> Callable[..., Any]:
    def post(path: str, body: dict[str, Any], token: str | None = None, **extra: Any) -> Any:
        headers: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        return client.post(f"/api/v1{path}", body, content_type="application/json", **headers, **extra)

    return post


@pytest.fixture
def api_get(client: Client) -> Callable[..., Any]:
    def get(path: str, token: str | None = None, **params: Any) -> Any:
        headers: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        return client.get(f"/api/v1{path}", params, **headers)

    return get
