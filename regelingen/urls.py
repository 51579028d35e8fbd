from django.urls import path

from . import views

app_name = "regelingen"

urlpatterns = [
    path("welke-regeling-past/", views.CheckerView.as_view(), name="checker"),
]
