from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("aanvragen", api.AanvraagViewSet, basename="aanvraag")

urlpatterns = [path("", include(router.urls))]
