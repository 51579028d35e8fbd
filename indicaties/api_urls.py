from django.urls import include, path
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("clienten", api.ClientViewSet, basename="client")
router.register("zorgprofielen", api.ZorgprofielViewSet, basename="zorgprofiel")

urlpatterns = [
    path("", include(router.urls)),
    path(
        "clienten/<int:client_pk>/indicaties/",
        api.IndicatiebesluitViewSet.as_view({"get": "list", "post": "create"}),
        name="client-indicaties",
    ),
    path("auth/token/", obtain_auth_token, name="api-token"),
]
