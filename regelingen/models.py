"""The four Wlz extra-care regelingen and the dated values their rules use."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Regeling(models.TextChoices):
    MEERZORG = "meerzorg", _("Meerzorg")
    TOESLAG = "toeslag", _("Toeslag")
    EKT = "ekt", _("Extra kosten thuis (ekt)")
    PAB = "pab", _("Persoonlijk assistentiebudget (pab)")
