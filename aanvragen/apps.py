from django.apps import AppConfig


class AanvragenConfig(AppConfig):
    name = "aanvragen"
    verbose_name = "Aanvragen en besluiten"
