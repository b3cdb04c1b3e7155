"""The one API object: /api/v1/, with OpenAPI at /api/v1/openapi.json and interactive docs at /api/v1/docs."""

from __future__ import annotations

from ninja import NinjaAPI, Swagger

from safelearn.api import errors
from safelearn.api.routers import analytics, exports, queries, reports, review, review_work
from safelearn.api.unavailable import install_database_busy

api = NinjaAPI(
    title="SafeLearn API",
    version="1.0.0",
    description=(
        "Incident and near-miss reporting for children's services.\n\n"
        "**Errors.** Every error response, whatever its status (400, 401, 403, 404, 405, 422, 429, 500, 503), "
        "is an RFC 9457 problem document, `Content-Type: application/problem+json`, with `type`, `title`, "
        "`status` and `detail` (and `errors` by field for 400 and 422). A 429 carries `Retry-After`.\n\n"
        "**Tokens.** An organisation token has the rights of the person who created it, no more, for as long "
        "as they have them; everything done with it is recorded as theirs, with the token's id.\n\n"
        "**Receipt codes.** Look-ups share one limit per address with the web page (20 an hour by default)."
    ),
    urls_namespace="api-v1",
    # Served from django-ninja's own static files (ninja is in INSTALLED_APPS), not a CDN, so the page works
    # under the site's CSP; no validator badge (it would load an image from validator.swagger.io).
    docs=Swagger(settings={"validatorUrl": None}),
)
errors.install(api)
install_database_busy(api)  # a locked database: 503 + Retry-After, not 500
api.add_router("/", reports.router)
api.add_router("/review", review.router)
api.add_router("/review", review_work.router)
api.add_router("/review", exports.router)
api.add_router("/analytics", analytics.router)
api.add_router("/queries", queries.router)  # saved queries, read-only (issue 17)
