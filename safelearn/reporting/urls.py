from django.urls import path

from safelearn.reporting.views import check, locations, public, quick_exit, safety_lead, staff

app_name = "reporting"
urlpatterns = [
    # Staff, signed in.
    path("report/", staff.report_new, name="report_new"),
    path("report/sent/", staff.submitted, name="submitted"),
    path("my-reports/", staff.my_reports, name="my_reports"),
    path("my-reports/<uuid:report_id>/", staff.my_report_detail, name="my_report_detail"),
    # Public link per organisation: no log-in.
    path("r/<slug:org_slug>/", public.public_start, name="public_start"),
    path("r/<slug:org_slug>/check-answers/", public.public_check, name="public_check"),
    path("r/<slug:org_slug>/sent/", public.public_sent, name="public_sent"),
    path("r/<slug:org_slug>/sent/email/", public.public_sent_email, name="public_sent_email"),
    path("r/<slug:org_slug>/done/", public.public_done, name="public_done"),
    path("r/<slug:org_slug>/exit/", quick_exit.quick_exit, name="public_exit"),
    path("r/<slug:org_slug>/easy-read/", public.public_easy_read, name="public_easy_read"),
    path("r/<slug:org_slug>/<slug:step>/", public.public_step, name="public_step"),
    # Check your report with a receipt code: no log-in.
    path("check/", check.check_start, name="check_start"),
    path("check/report/", check.check_report, name="check_report"),
    path("check/leave/", check.check_leave, name="check_leave"),
    path("check/exit/", quick_exit.quick_exit, name="check_exit"),
    # Safety leads.
    path("reports/<uuid:report_id>/conversation/", safety_lead.conversation_reply, name="conversation_reply"),
    path("reports/<uuid:report_id>/identity/", safety_lead.identity_view, name="identity"),
    path("reports/<uuid:report_id>/harm/", safety_lead.harm_grade, name="harm_grade"),
    # The organisation administrator's list of locations (beside organisations' own admin pages).
    path("organisation/<slug:org_slug>/locations/", locations.location_list, name="locations"),
    path("organisation/<slug:org_slug>/locations/add/", locations.location_add, name="location_add"),
    path("organisation/<slug:org_slug>/locations/<uuid:location_id>/", locations.location_edit, name="location_edit"),
    path(
        "organisation/<slug:org_slug>/locations/<uuid:location_id>/retire/",
        locations.location_retire,
        name="location_retire",
    ),
]
