from __future__ import annotations

from typing import Any

import pytest

from safelearn.api.services import token_create


@pytest.fixture
def reviewer_token(people: dict[str, Any], org: Any) -> str:
    return token_create(
        organisation=org,
        name="case system",
        scopes=["review:read", "review:write", "report:submit"],
        created_by=people["reviewer"],
    ).secret


@pytest.fixture
def api_post(client: Any):
    def post(path: str, body: dict[str, Any], token: str | None = None, **extra: Any) -> Any:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        return client.post(f"/api/v1{path}", body, content_type="application/json", **headers, **extra)

    return post


@pytest.fixture
def api_get(client: Any):
    def get(path: str, token: str | None = None, **params: Any) -> Any:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        return client.get(f"/api/v1{path}", params, **headers)

    return get
