"""The one API object: /api/v1/, with OpenAPI at /api/v1/openapi.json and interactive docs at /api/v1/docs."""

from __future__ import annotations

from ninja import NinjaAPI

from safelearn.api import errors
from safelearn.api.routers import analytics, exports, reports, review, review_work

api = NinjaAPI(
    title="SafeLearn API",
    version="1.0.0",
    description="Incident and near-miss reporting for children's services. Errors are RFC 9457 problem details.",
    urls_namespace="api-v1",
)
errors.install(api)
api.add_router("/", reports.router)
api.add_router("/review", review.router)
api.add_router("/review", review_work.router)
api.add_router("/review", exports.router)
api.add_router("/analytics", analytics.router)
