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


# --- Jobs and letters (issue 5): what was issued and sent, and what failed ---------------------

from django.contrib import messages as _messages  # noqa: E402
from django.utils.translation import gettext_lazy as _  # noqa: E402

from .models import Beschikking, Herinnering, Signalering, VerzondenMail  # noqa: E402


@admin.register(Beschikking)
class BeschikkingAdmin(AlleenLezenMetLog):
    """Issued letters with their status; a failed one can be tried again from here."""

    list_display = [
        "__str__",
        "versie",
        "status",
        "pogingen",
        "aangemaakt_op",
        "klaar_op",
        "sha256",
    ]
    list_filter = ["status"]
    search_fields = ["besluit__aanvraag__referentie", "taak_id"]
    list_select_related = ["besluit__aanvraag"]
    readonly_fields = [
        "besluit",
        "versie",
        "status",
        "bestand",
        "sha256",
        "grootte",
        "reden",
        "taak_id",
        "pogingen",
        "fout",
        "aangemaakt_op",
        "gewijzigd_op",
        "klaar_op",
    ]
    actions = ["opnieuw_proberen"]

    @admin.action(description=_("Mislukte beschikkingen opnieuw maken"), permissions=["view"])
    def opnieuw_proberen(self, request, queryset):
        from .beschikking import _in_wachtrij

        ids = list(queryset.filter(status=Beschikking.Status.MISLUKT).values_list("pk", flat=True))
        Beschikking.objects.filter(pk__in=ids).update(status=Beschikking.Status.PENDING, pogingen=0)
        for pk in ids:
            _in_wachtrij(pk)
        self.message_user(
            request, _("%(n)s beschikking(en) opnieuw in de wachtrij.") % {"n": len(ids)}
        )


@admin.register(VerzondenMail)
class VerzondenMailAdmin(AlleenLezenMetLog):
    """Outgoing mail: who got what, when, and what failed (with the last error)."""

    list_display = [
        "aangemaakt_op",
        "soort",
        "aan",
        "onderwerp",
        "status",
        "pogingen",
        "verzonden_op",
    ]
    list_filter = ["status", "soort"]
    search_fields = ["aan", "onderwerp", "aanvraag__referentie"]
    date_hierarchy = "aangemaakt_op"
    readonly_fields = [
        "sleutel",
        "soort",
        "aan",
        "onderwerp",
        "tekst",
        "aanvraag",
        "client",
        "status",
        "taak_id",
        "pogingen",
        "fout",
        "aangemaakt_op",
        "verzonden_op",
    ]
    exclude = ["html"]
    actions = ["opnieuw_versturen"]

    @admin.action(description=_("Mislukte e-mails opnieuw versturen"), permissions=["view"])
    def opnieuw_versturen(self, request, queryset):
        from .notificaties import zet_mail_in_wachtrij

        ids = list(
            queryset.filter(status=VerzondenMail.Status.MISLUKT).values_list("pk", flat=True)
        )
        VerzondenMail.objects.filter(pk__in=ids).update(
            status=VerzondenMail.Status.WACHTRIJ, pogingen=0
        )
        for pk in ids:
            zet_mail_in_wachtrij(pk)
        self.message_user(
            request, _("%(n)s e-mail(s) opnieuw in de wachtrij.") % {"n": len(ids)}, _messages.INFO
        )


@admin.register(Herinnering)
class HerinneringAdmin(AlleenLezenMetLog):
    list_display = [
        "besluit",
        "moment",
        "peildatum",
        "verwerkt_op",
        "overgeslagen",
        "aantal_berichten",
    ]
    list_filter = ["moment", "overgeslagen"]
    search_fields = ["besluit__aanvraag__referentie"]
    list_select_related = ["besluit__aanvraag__client"]


@admin.register(Signalering)
class SignaleringAdmin(AlleenLezenMetLog):
    list_display = ["client", "regeling", "uitkomst", "van_toepassing", "gemeld", "aangemaakt_op"]
    list_filter = ["regeling", "van_toepassing", "gemeld"]
    search_fields = ["=client__bsn"]
    list_select_related = ["client"]
