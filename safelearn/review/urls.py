from django.urls import path

from safelearn.review import views

app_name = "review"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("triage/", views.triage, name="triage"),
    path("actions/", views.actions, name="actions"),
    path("actions/<uuid:action_id>/", views.action_update, name="action_update"),
    path("preferences/", views.preferences, name="preferences"),
    path("reports/<uuid:report_id>/", views.report_detail, name="report_detail"),
    # The parts of a report's review (the summary above is the first).
    path("reports/<uuid:report_id>/account/", views.report_account, name="report_account"),
    path("reports/<uuid:report_id>/grading/", views.report_grading, name="report_grading"),
    path("reports/<uuid:report_id>/actions/", views.report_actions, name="report_actions"),
    path("reports/<uuid:report_id>/feedback/", views.report_feedback, name="report_feedback"),
    path("reports/<uuid:report_id>/learning/", views.report_learning, name="report_learning"),
    path("reports/<uuid:report_id>/history/", views.report_history, name="report_history"),
    path("reports/<uuid:report_id>/transition/", views.report_transition, name="report_transition"),
    path("reports/<uuid:report_id>/close/", views.report_close, name="report_close"),
    path("reports/<uuid:report_id>/assign/", views.report_assign, name="report_assign"),
    path(
        "reports/<uuid:report_id>/acknowledge-risk/",
        views.escalation_acknowledge_view,
        name="escalation_acknowledge",
    ),
    path("reports/<uuid:report_id>/grade/", views.report_grade, name="report_grade"),
    path("reports/<uuid:report_id>/response/", views.report_response, name="report_response"),
    path("reports/<uuid:report_id>/clocks/", views.clock_start, name="clock_start"),
    path("reports/<uuid:report_id>/actions/add/", views.action_add, name="action_add"),
    path("reports/<uuid:report_id>/feedback/send/", views.feedback_send, name="feedback_send"),
    path("reports/<uuid:report_id>/systems-review/", views.systems_review, name="systems_review"),
    path("reports/<uuid:report_id>/systems-review/findings/", views.finding_add, name="finding_add"),
    path("reports/<uuid:report_id>/just-culture/", views.just_culture, name="just_culture"),
    path("reports/<uuid:report_id>/codes/<str:field>/", views.code_choose_view, name="code_choose"),
    path("clocks/<uuid:clock_id>/", views.clock_update, name="clock_update"),
    path("clocks/<uuid:clock_id>/notification/", views.notification_edit, name="notification_edit"),
    path("clocks/<uuid:clock_id>/notification/print/", views.notification_print, name="notification_print"),
    path("clocks/<uuid:clock_id>/notification/pdf/", views.notification_pdf_view, name="notification_pdf"),
    path("clocks/<uuid:clock_id>/notification/sent/", views.notification_sent, name="notification_sent"),
    path("episodes/<uuid:episode_id>/factors/", views.factor_add, name="factor_add"),
]
