from django.urls import path

from . import views

app_name = "clienten"

urlpatterns = [
    path("", views.ClientListView.as_view(), name="lijst"),
    path("nieuw/", views.ClientCreateView.as_view(), name="nieuw"),
    path("<int:pk>/", views.ClientDetailView.as_view(), name="detail"),
    path("<int:pk>/machtigingen/", views.MachtigingView.as_view(), name="machtigingen"),
    path("<int:pk>/indicatie/nieuw/", views.IndicatieCreateView.as_view(), name="indicatie_nieuw"),
]
