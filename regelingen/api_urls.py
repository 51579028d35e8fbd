from django.urls import path

from . import api

urlpatterns = [
    path("toets/", api.ToetsView.as_view(), name="regelingen-toets"),
]
