from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from indicaties import views as indicatie_views

from .forms import LoginForm

admin.site.site_header = "Zorgportaal – beheer"
admin.site.site_title = "Zorgportaal beheer"
admin.site.index_title = "Catalogi, organisaties en gebruikers"

api_v1 = [
    path("", include("indicaties.api_urls")),
    path("regelingen/", include("regelingen.api_urls")),
    path("", include("aanvragen.api_urls")),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="v1:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="v1:schema"), name="redoc"),
]

urlpatterns = [
    path("", indicatie_views.StartView.as_view(), name="start"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("clienten/", include("indicaties.urls")),
    path("regelingen/", include("regelingen.urls")),
    path("aanvragen/", include("aanvragen.urls")),
    path("ondersteuning/", include("aanvragen.ondersteuning_urls")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include((api_v1, "v1"), namespace="v1")),
]
