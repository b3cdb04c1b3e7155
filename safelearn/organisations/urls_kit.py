from django.urls import path

from safelearn.organisations.views import kit

app_name = "kit"
urlpatterns = [
    path("<slug:org_slug>/", kit.kit_page, name="page"),
    path("<slug:org_slug>/poster.pdf", kit.kit_poster, name="poster"),
    path("<slug:org_slug>/cards.pdf", kit.kit_cards, name="cards"),
]
