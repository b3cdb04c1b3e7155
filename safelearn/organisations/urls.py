from django.urls import path

from safelearn.organisations.views import brand, invitations, people, settings

app_name = "organisations"
urlpatterns = [
    path("invitations/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    path("<slug:org_slug>/people/", people.people, name="people"),
    path("<slug:org_slug>/people/invite/", people.invite, name="invite"),
    path("<slug:org_slug>/people/<int:user_id>/", people.person, name="person"),
    path("<slug:org_slug>/people/<int:user_id>/deactivate/", people.person_deactivate, name="person_deactivate"),
    path("<slug:org_slug>/people/<int:user_id>/reactivate/", people.person_reactivate, name="person_reactivate"),
    path(
        "<slug:org_slug>/people/<int:user_id>/reset-two-factor/",
        people.person_reset_two_factor,
        name="person_reset_two_factor",
    ),
    path("<slug:org_slug>/settings/", settings.organisation_settings, name="settings"),
    path("<slug:org_slug>/brand.css", brand.brand_css, name="brand_css"),
    path("<slug:org_slug>/logo", brand.logo, name="logo"),
]
