from django.urls import path

from safelearn.reporting import check_views, exit_views, lead_views, location_views, public_views, views

app_name = "reporting"
urlpatterns = [
    # Staff, signed in.
    path("report/", views.report_new, name="report_new"),
    path("report/sent/", views.submitted, name="submitted"),
    path("my-reports/", views.my_reports, name="my_reports"),
    path("my-reports/<uuid:report_id>/", views.my_report_detail, name="my_report_detail"),
    # Public link per organisation: no log-in.
    path("r/<slug:org_slug>/", public_views.public_start, name="public_start"),
    path("r/<slug:org_slug>/check-answers/", public_views.public_check, name="public_check"),
    path("r/<slug:org_slug>/sent/", public_views.public_sent, name="public_sent"),
    path("r/<slug:org_slug>/sent/email/", public_views.public_sent_email, name="public_sent_email"),
    path("r/<slug:org_slug>/done/", public_views.public_done, name="public_done"),
    path("r/<slug:org_slug>/exit/", exit_views.quick_exit, name="public_exit"),
    path("r/<slug:org_slug>/easy-read/", public_views.public_easy_read, name="public_easy_read"),
    path("r/<slug:org_slug>/<slug:step>/", public_views.public_step, name="public_step"),
    # Check your report with a receipt code: no log-in.
    path("check/", check_views.check_start, name="check_start"),
    path("check/report/", check_views.check_report, name="check_report"),
    path("check/leave/", check_views.check_leave, name="check_leave"),
    path("check/exit/", exit_views.quick_exit, name="check_exit"),
    # Safety leads.
    path("reports/<uuid:report_id>/conversation/", lead_views.conversation_reply, name="conversation_reply"),
    path("reports/<uuid:report_id>/identity/", lead_views.identity_view, name="identity"),
    path("reports/<uuid:report_id>/harm/", lead_views.harm_grade, name="harm_grade"),
    # The organisation administrator's list of locations (beside organisations' own admin pages).
    path("organisation/<slug:org_slug>/locations/", location_views.location_list, name="locations"),
    path("organisation/<slug:org_slug>/locations/add/", location_views.location_add, name="location_add"),
    path(
        "organisation/<slug:org_slug>/locations/<uuid:location_id>/", location_views.location_edit, name="location_edit"
    ),
    path(
        "organisation/<slug:org_slug>/locations/<uuid:location_id>/retire/",
        location_views.location_retire,
        name="location_retire",
    ),
]
