"""Admin for the functioneel beheerder: catalogues, regions, organisations and users.

Personal data (clients, indications) is read-only here and every view of it is logged.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .audit import log_inzage
from .models import (
    Client,
    Gebruiker,
    Indicatiebesluit,
    Inzagelog,
    Machtiging,
    PostcodeGebied,
    Zorgaanbieder,
    Zorgkantoor,
    Zorgprofiel,
    Zorgtoewijzing,
)


class PostcodeGebiedInline(admin.TabularInline):
    model = PostcodeGebied
    extra = 0


@admin.register(Zorgkantoor)
class ZorgkantoorAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "email", "telefoon"]
    search_fields = ["code", "naam"]
    inlines = [PostcodeGebiedInline]


@admin.register(PostcodeGebied)
class PostcodeGebiedAdmin(admin.ModelAdmin):
    list_display = ["postcode_van", "postcode_tot", "zorgkantoor"]
    list_filter = ["zorgkantoor"]
    search_fields = ["zorgkantoor__naam", "postcode_van"]
    list_select_related = ["zorgkantoor"]


@admin.register(Zorgaanbieder)
class ZorgaanbiederAdmin(admin.ModelAdmin):
    list_display = ["naam", "agb_code", "plaats", "email"]
    search_fields = ["naam", "agb_code", "plaats"]


@admin.register(Zorgprofiel)
class ZorgprofielAdmin(admin.ModelAdmin):
    list_display = ["code", "sector", "naam", "uren_per_week", "actief"]
    list_filter = ["sector", "actief"]
    search_fields = ["code", "naam"]
    list_editable = ["uren_per_week", "actief"]


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "get_full_name", "rol", "zorgkantoor", "zorgaanbieder", "is_active"]
    list_filter = ["rol", "is_active", "zorgkantoor"]
    search_fields = ["username", "first_name", "last_name", "email"]
    list_select_related = ["zorgkantoor", "zorgaanbieder"]
    autocomplete_fields = ["zorgaanbieder", "client"]
    fieldsets = UserAdmin.fieldsets + (
        (
            _("Rol en organisatie"),
            {"fields": ["rol", "zorgkantoor", "zorgaanbieder", "organisatie", "client"]},
        ),
    )
    add_fieldsets = UserAdmin.add_fieldsets + (
        (
            _("Rol en organisatie"),
            {"fields": ["rol", "zorgkantoor", "zorgaanbieder", "organisatie", "client"]},
        ),
    )


class AlleenLezenMetLog(admin.ModelAdmin):
    """Personal data: viewable for support, never edited in the admin; each view logged."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None:
            client = obj if isinstance(obj, Client) else getattr(obj, "client", None)
            log_inzage(request, Inzagelog.Actie.BEKEKEN, client=client, obj=obj)
        return super().change_view(request, object_id, form_url, extra_context)


class IndicatiebesluitInline(admin.TabularInline):
    model = Indicatiebesluit
    extra = 0
    can_delete = False
    fields = ["besluitnummer", "zorgprofiel", "leveringsvorm", "ingangsdatum", "is_actueel"]
    readonly_fields = fields


@admin.register(Client)
class ClientAdmin(AlleenLezenMetLog):
    list_display = ["geslachtsnaam", "voornamen", "bsn", "geboortedatum", "zorgkantoor"]
    list_filter = ["zorgkantoor"]
    search_fields = ["=bsn", "geslachtsnaam"]
    list_select_related = ["zorgkantoor"]
    inlines = [IndicatiebesluitInline]


@admin.register(Indicatiebesluit)
class IndicatiebesluitAdmin(AlleenLezenMetLog):
    list_display = [
        "besluitnummer",
        "client",
        "zorgprofiel",
        "leveringsvorm",
        "ingangsdatum",
        "is_actueel",
    ]
    list_filter = ["is_actueel", "leveringsvorm", "zorgprofiel__sector"]
    search_fields = ["besluitnummer", "=client__bsn", "client__geslachtsnaam"]
    list_select_related = ["client", "zorgprofiel"]


@admin.register(Zorgtoewijzing)
class ZorgtoewijzingAdmin(AlleenLezenMetLog):
    list_display = ["client", "zorgaanbieder", "leveringsvorm", "ingangsdatum", "einddatum"]
    list_filter = ["leveringsvorm"]
    search_fields = ["=client__bsn", "zorgaanbieder__naam"]
    list_select_related = ["client", "zorgaanbieder"]


@admin.register(Machtiging)
class MachtigingAdmin(AlleenLezenMetLog):
    list_display = ["client", "ondersteuner", "ingangsdatum", "einddatum", "ingetrokken_op"]
    list_select_related = ["client", "ondersteuner"]


@admin.register(Inzagelog)
class InzagelogAdmin(admin.ModelAdmin):
    list_display = ["tijdstip", "gebruiker", "rol", "actie", "objecttype", "object_id", "client"]
    list_filter = ["actie", "rol", "objecttype"]
    search_fields = ["=client__bsn", "gebruiker__username"]
    list_select_related = ["gebruiker", "client"]
    date_hierarchy = "tijdstip"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
