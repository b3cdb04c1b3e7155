"""A tiny but real OpenID Connect provider for tests: discovery, authorize, token, JWKS, userinfo.

Runs a wsgiref server on 127.0.0.1 on a random port in a thread. /authorize consents at once as the
configured user; /token checks the client secret, redirect_uri and PKCE verifier, and returns an
RS256 id_token. Knobs on `tamper` let tests produce bad tokens (wrong issuer, audience, nonce, expired,
signed by a stranger's key) the way a broken or hostile provider would.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class TestUser:
    sub: str = "user-123"
    email: str = "sam.patel@northbridge.gov.uk"
    given_name: str = "Sam"
    family_name: str = "Patel"
    groups: list[str] = field(default_factory=lambda: ["grp-reviewers"])
    amr: list[str] = field(default_factory=lambda: ["pwd"])


@dataclass
class Tamper:
    issuer: str | None = None
    audience: str | list[str] | None = None
    nonce: str | None = None
    expired: bool = False
    foreign_key: bool = False
    userinfo_sub: str | None = None


@functools.cache
def _rsa_key(name: str) -> rsa.RSAPrivateKey:
    """One key per name per test process: generating 2048-bit keys for every test is slow."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _b64url_sha256(text: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()


class OIDCTestProvider:
    def __init__(self, client_id: str = "safelearn-test", client_secret: str = "s3cret-for-tests") -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.user = TestUser()
        self.tamper = Tamper()
        self.kid = "test-key-1"
        self._key = _rsa_key("provider")
        self._foreign_key = _rsa_key("stranger")
        self._codes: dict[str, dict[str, Any]] = {}
        self._access_tokens: dict[str, dict[str, Any]] = {}
        self.token_requests: list[dict[str, str]] = []
        self.authorize_requests: list[dict[str, str]] = []
        self._server: WSGIServer | None = None
        self._thread: threading.Thread | None = None
        self.issuer = ""

    # --- lifecycle ---
    def start(self) -> OIDCTestProvider:
        self._server = make_server("127.0.0.1", 0, self._app, handler_class=_QuietHandler)
        self.issuer = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # --- WSGI app ---
    def _app(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        path = environ.get("PATH_INFO", "")
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        routes = {
            "/.well-known/openid-configuration": self._discovery,
            "/authorize": self._authorize,
            "/token": self._token,
            "/jwks": self._jwks,
            "/userinfo": self._userinfo,
        }
        handler = routes.get(path)
        if handler is None:
            return self._json(start_response, {"error": "not_found"}, "404 Not Found")
        return handler(environ, query, start_response)

    @staticmethod
    def _json(start_response: Any, body: Any, status: str = "200 OK") -> list[bytes]:
        data = json.dumps(body).encode()
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
        return [data]

    def _discovery(self, environ: dict[str, Any], query: dict[str, str], start_response: Any) -> list[bytes]:
        return self._json(
            start_response,
            {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "userinfo_endpoint": f"{self.issuer}/userinfo",
                "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
            },
        )

    def _authorize(self, environ: dict[str, Any], query: dict[str, str], start_response: Any) -> list[bytes]:
        self.authorize_requests.append(query)
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return self._json(start_response, {"error": "unauthorized_client"}, "400 Bad Request")
        code = secrets.token_urlsafe(16)
        self._codes[code] = {
            "nonce": query.get("nonce"),
            "redirect_uri": query["redirect_uri"],
            "code_challenge": query.get("code_challenge"),
            "user": self.user,
        }
        location = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        start_response("302 Found", [("Location", location), ("Content-Length", "0")])
        return [b""]

    def _token(self, environ: dict[str, Any], query: dict[str, str], start_response: Any) -> list[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(length).decode()).items()}
        self.token_requests.append(form)
        grant = self._codes.pop(form.get("code", ""), None)  # codes are single-use
        if form.get("client_id") != self.client_id or form.get("client_secret") != self.client_secret:
            return self._json(start_response, {"error": "invalid_client"}, "401 Unauthorized")
        if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
            return self._json(start_response, {"error": "invalid_grant"}, "400 Bad Request")
        if grant["code_challenge"] and _b64url_sha256(form.get("code_verifier", "")) != grant["code_challenge"]:
            return self._json(
                start_response, {"error": "invalid_grant", "error_description": "PKCE"}, "400 Bad Request"
            )
        user: TestUser = grant["user"]
        now = int(time.time())
        claims = {
            "iss": self.tamper.issuer or self.issuer,
            "aud": self.tamper.audience or self.client_id,
            "sub": user.sub,
            "iat": now - (7200 if self.tamper.expired else 0),
            "exp": now - 3600 if self.tamper.expired else now + 600,
            "nonce": self.tamper.nonce or grant["nonce"],
            "email": user.email,
            "groups": user.groups,
            "amr": user.amr,
        }
        key = self._foreign_key if self.tamper.foreign_key else self._key
        id_token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})
        access_token = secrets.token_urlsafe(24)
        self._access_tokens[access_token] = {
            "sub": self.tamper.userinfo_sub or user.sub,
            "email": user.email,
            "given_name": user.given_name,
            "family_name": user.family_name,
        }
        return self._json(
            start_response,
            {"access_token": access_token, "token_type": "Bearer", "expires_in": 600, "id_token": id_token},
        )

    def _jwks(self, environ: dict[str, Any], query: dict[str, str], start_response: Any) -> list[bytes]:
        jwk = RSAAlgorithm.to_jwk(self._key.public_key(), as_dict=True)
        jwk.update({"kid": self.kid, "alg": "RS256", "use": "sig"})
        return self._json(start_response, {"keys": [jwk]})

    def _userinfo(self, environ: dict[str, Any], query: dict[str, str], start_response: Any) -> list[bytes]:
        token = environ.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
        info = self._access_tokens.get(token)
        if info is None:
            return self._json(start_response, {"error": "invalid_token"}, "401 Unauthorized")
        return self._json(start_response, info)
