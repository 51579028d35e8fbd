from django.urls import path

from . import views

app_name = "aanvragen"

urlpatterns = [
    path("", views.MijnAanvragenView.as_view(), name="mijn_aanvragen"),
    path("nieuw/", views.NieuweAanvraagView.as_view(), name="nieuw"),
    path("werkvoorraad/", views.WerkvoorraadView.as_view(), name="werkvoorraad"),
    path("tweede-lezing/", views.TweedeLezingView.as_view(), name="tweede_lezing"),
    path("adviesvragen/", views.AdviesvragenView.as_view(), name="adviesvragen"),
    path("<int:pk>/", views.AanvraagDetailView.as_view(), name="detail"),
    path("<int:pk>/bewerken/", views.AanvraagBewerkenView.as_view(), name="bewerken"),
    path("<int:pk>/regeltoets/", views.RegeltoetsFragmentView.as_view(), name="regeltoets"),
    path("<int:pk>/bijlagen/", views.BijlageUploadView.as_view(), name="bijlage_upload"),
    path(
        "<int:pk>/bijlagen/<int:bijlage_pk>/", views.BijlageDownloadView.as_view(), name="bijlage"
    ),
    path("<int:pk>/heraanvraag/", views.HeraanvraagView.as_view(), name="heraanvraag"),
    path("<int:pk>/toewijzen/", views.ToewijzenView.as_view(), name="toewijzen"),
    path("<int:pk>/gesprek/", views.GesprekView.as_view(), name="gesprek"),
    path("<int:pk>/actie/<str:naam>/", views.AanvraagActieView.as_view(), name="actie"),
]

# Decision letters (issue 5): download of the issued PDF; layout check in DEBUG only.
from . import beschikking  # noqa: E402

urlpatterns += [
    path(
        "<int:pk>/beschikking/", beschikking.BeschikkingDownloadView.as_view(), name="beschikking"
    ),
    path(
        "<int:pk>/beschikking/v<int:versie>/",
        beschikking.BeschikkingDownloadView.as_view(),
        name="beschikking_versie",
    ),
    path(
        "<int:pk>/beschikking/ontwerp/",
        beschikking.BeschikkingOntwerpView.as_view(),
        name="beschikking_ontwerp",
    ),
]
