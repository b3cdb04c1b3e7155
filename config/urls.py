from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from config.api import api
from safelearn.web import views as web_views
from safelearn.web.language import switch_language

urlpatterns = [
    path("", web_views.home, name="home"),
    path("sign-in/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("alerts/", web_views.notifications, name="notifications"),
    path("accessibility/", web_views.accessibility, name="accessibility"),
    path("cookies/", web_views.cookies, name="cookies"),
    path("help/", web_views.help_page, name="help"),
    path("privacy/", web_views.privacy, name="privacy"),
    path("privacy/<slug:org_slug>/", web_views.privacy_organisation, name="privacy_organisation"),
    path("favicon.ico", web_views.favicon, name="favicon"),
    path("language/<str:code>/", switch_language, name="switch_language"),  # English or Cymraeg (issue 21)
    path("account/", include("safelearn.accounts.urls")),
    path("sso/", include("safelearn.sso.urls")),
    path("organisation/", include("safelearn.organisations.urls")),  # administrators (issue 16)
    path("", include("safelearn.reporting.urls")),
    path("review/", include("safelearn.review.urls")),
    path("redaction/", include("safelearn.privacy.urls")),
    path("analytics/", include("safelearn.analytics.urls")),
    path("queries/", include("safelearn.queries.urls")),  # query builder, saved queries (issue 17)
    path("case-reviews/", include("safelearn.casereviews.urls")),
    path("imports/", include("safelearn.imports.urls")),
    path("reporting-kit/", include("safelearn.organisations.urls_kit")),  # public link poster and cards (issue 16)
    path("national/", include("safelearn.organisations.urls_national")),  # national administrators (issue 16)
    path("learning/", include("safelearn.learning.urls")),
    path("casework/", include("safelearn.casework.urls")),  # files, additions, linked reports (issue 17)
    path("", include("safelearn.api.urls")),  # API tokens page, report exports (issue 9)
    path("api/v1/", api.urls),
    path("django-admin/", admin.site.urls),
    re_path(r"^assets/(?P<path>[\w./-]+)$", web_views.govuk_asset, name="govuk_asset"),
]

# A locked database gets the 503 "service unavailable" page with Retry-After; anything else the 500 page.
handler500 = "safelearn.web.unavailable.server_error"
