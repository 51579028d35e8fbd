from django.contrib import admin

from indicaties.admin import AlleenLezenMetLog

from .models import Aanvraag, Statusovergang


class StatusovergangInline(admin.TabularInline):
    model = Statusovergang
    extra = 0
    can_delete = False
    readonly_fields = ["van", "naar", "overgang", "door", "op", "toelichting"]


@admin.register(Aanvraag)
class AanvraagAdmin(AlleenLezenMetLog):
    list_display = ["referentie", "client", "regeling", "status", "zorgkantoor", "beslistermijn"]
    list_filter = ["regeling", "status", "zorgkantoor"]
    search_fields = ["referentie", "=client__bsn"]
    list_select_related = ["client", "zorgkantoor"]
    inlines = [StatusovergangInline]
