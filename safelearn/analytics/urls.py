from django.urls import path

from safelearn.analytics.feeds import BulletinFeed
from safelearn.analytics.views import alerts, bulletins, dashboard, equality, opendata

app_name = "analytics"

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/<slug:figure_id>.csv", dashboard.dashboard_csv, name="dashboard_csv"),
    path("pool/", dashboard.pool, name="pool"),
    path("equality/", equality.equality, name="equality"),
    path("equality/tables.csv", equality.equality_csv, name="equality_csv"),
    path("organisation/children-supported/", dashboard.children_supported, name="children_supported"),
    path("bulletins/", bulletins.bulletin_list, name="bulletin_list"),
    path("bulletins/new/", bulletins.bulletin_new, name="bulletin_new"),
    path("bulletins/subscription/", bulletins.subscription, name="subscription"),
    path("bulletins/feed/", BulletinFeed(), name="bulletin_feed"),
    path("bulletins/feed/<str:token>/", BulletinFeed(), name="bulletin_feed_token"),
    path("bulletins/<uuid:bulletin_id>/", bulletins.bulletin_detail, name="bulletin_detail"),
    path("bulletins/<uuid:bulletin_id>/edit/", bulletins.bulletin_edit, name="bulletin_edit"),
    path("bulletins/<uuid:bulletin_id>/pdf/", bulletins.bulletin_pdf_download, name="bulletin_pdf"),
    path("bulletins/<uuid:bulletin_id>/items/", bulletins.bulletin_item_add, name="bulletin_item_add"),
    path(
        "bulletins/<uuid:bulletin_id>/items/<uuid:item_id>/remove/",
        bulletins.bulletin_item_remove,
        name="bulletin_item_remove",
    ),
    path("bulletins/<uuid:bulletin_id>/publish/", bulletins.bulletin_publish, name="bulletin_publish"),
    path("alerts/", alerts.alert_list, name="alert_list"),
    path("alerts/new/", alerts.alert_new, name="alert_new"),
    path("alerts/<uuid:alert_id>/", alerts.alert_detail, name="alert_detail"),
    path("organisation/alerts/", alerts.organisation_alerts, name="organisation_alerts"),
    path("organisation/alerts/<uuid:recipient_id>/", alerts.alert_respond, name="alert_respond"),
    path("open-data/", opendata.open_data, name="open_data"),
    path("open-data/<str:quarter>/<str:filename>", opendata.open_data_download, name="open_data_download"),
]
