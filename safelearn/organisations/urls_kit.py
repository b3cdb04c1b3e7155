from django.urls import path

from safelearn.organisations import views_kit

app_name = "kit"
urlpatterns = [
    path("<slug:org_slug>/", views_kit.kit_page, name="page"),
    path("<slug:org_slug>/poster.pdf", views_kit.kit_poster, name="poster"),
    path("<slug:org_slug>/cards.pdf", views_kit.kit_cards, name="cards"),
]
