from django.urls import path

from . import ondersteuning as views

app_name = "ondersteuning"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("mijn-overzicht/", views.MijnOverzichtView.as_view(), name="mijn_overzicht"),
    path(
        "mijn-overzicht/toestemming/", views.EigenMachtigingView.as_view(), name="eigen_machtiging"
    ),
    path("clienten/<int:pk>/", views.ClientPaginaView.as_view(), name="client"),
    path("aanvragen/<int:pk>/", views.TijdlijnView.as_view(), name="tijdlijn"),
]
