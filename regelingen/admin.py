"""Admin for the functioneel beheerder: the dated rule values and the toeslag catalogue.

A new year's value is a new row with its own `geldig vanaf`; old rows stay, so a decision can
always be re-evaluated at its own peildatum.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Regelwaarde, ToeslagType


@admin.register(Regelwaarde)
class RegelwaardeAdmin(admin.ModelAdmin):
    list_display = ["sleutel", "geldig_vanaf", "geldig_tot", "waarde", "bron"]
    list_filter = ["sleutel"]
    search_fields = ["sleutel", "bron", "toelichting"]
    date_hierarchy = "geldig_vanaf"
    readonly_fields = ["gewijzigd_op"]
    fieldsets = [
        (None, {"fields": ["sleutel", "waarde"]}),
        (_("Geldigheid"), {"fields": ["geldig_vanaf", "geldig_tot"]}),
        (_("Verantwoording"), {"fields": ["bron", "toelichting", "gewijzigd_op"]}),
    ]


@admin.register(ToeslagType)
class ToeslagTypeAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "naam",
        "instellingsgebonden",
        "leveringsvormen",
        "geldig_vanaf",
        "geldig_tot",
        "actief",
    ]
    list_filter = ["instellingsgebonden", "actief"]
    search_fields = ["code", "naam", "artikel"]
