"""Views for cliëntondersteuners and clients: consented clients, plain-language status.

What a supporter sees is decided by consent (Machtiging) alone; without it every page about
that client answers 404 and the attempt is logged. No internal notes reach these pages: the
timeline is built from the transitions, never from their free-text explanations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from indicaties.audit import log_inzage
from indicaties.models import Client, Indicatiebesluit, Inzagelog, Rol

from .models import AFGESLOTEN, BESLOTEN, TOEGEKEND, Aanvraag, Besluit
from .volgende_stap import volgende_stap

LEESROLLEN = (Rol.CLIENTONDERSTEUNER, Rol.CLIENT)

# Plain Dutch (B1) for each transition. The free-text explanation of staff is never shown.
STAPPEN_IN_GEWONE_TAAL = {
    "indienen": _("De aanvraag is ingediend bij het zorgkantoor."),
    "in_behandeling_nemen": _("Het zorgkantoor is begonnen met het bekijken van de aanvraag."),
    "informatie_vragen": _(
        "Het zorgkantoor heeft om meer informatie gevraagd. Zolang die er "
        "niet is, staat de wachttijd stil."
    ),
    "informatie_ontvangen": _("De gevraagde informatie is binnen. Het zorgkantoor gaat verder."),
    "advies_vragen": _(
        "Het zorgkantoor vraagt advies aan het CCE. Dat is een onafhankelijk "
        "centrum met kennis van zorg bij gedragsproblemen."
    ),
    "advies_uitbrengen": _("Het advies van het CCE is binnen."),
    "besluit_voorstellen": _("Het zorgkantoor rondt de beoordeling af."),
    "besluit_terugnemen": _("Het zorgkantoor kijkt nog een keer naar de aanvraag."),
    "vaststellen": _("Het zorgkantoor heeft een besluit genomen."),
    "tweede_lezer_akkoord": _("Het zorgkantoor heeft een besluit genomen."),
    "intrekken": _("De aanvraag is ingetrokken."),
    "buiten_behandeling_stellen": _(
        "De aanvraag is gestopt, omdat de gevraagde informatie niet op tijd kwam."
    ),
}

UITLEG_REGELING = {
    "meerzorg": _(
        "Meerzorg: extra zorg als iemand veel meer zorg nodig heeft dan in het zorgprofiel past."
    ),
    "toeslag": _(
        "Toeslag: extra geld voor zorg bij een bepaalde aandoening, zoals epilepsie of beademing."
    ),
    "ekt": _("Extra kosten thuis: meer budget zodat iemand thuis kan blijven wonen."),
    "pab": _(
        "Persoonlijk assistentiebudget: een hoger pgb voor mensen die permanent toezicht "
        "nodig hebben en thuis willen wonen."
    ),
}


def weiger(request, client_pk: int | None = None, obj: object | None = None) -> Http404:
    """Log the refused attempt (who tried what) and return the 404 to raise."""
    client = Client.objects.filter(pk=client_pk).first() if client_pk else None
    log_inzage(request, Inzagelog.Actie.GEWEIGERD, client=client, obj=obj or client)
    return Http404()


class LeesrolMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if request.user.rol not in LEESROLLEN:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _clients(user):
    return Client.objects.zichtbaar_voor(user).prefetch_related(
        Prefetch(
            "indicatiebesluiten",
            queryset=Indicatiebesluit.objects.filter(is_actueel=True).select_related("zorgprofiel"),
        )
    )


@dataclass
class ClientOverzicht:
    client: Client
    indicatie: Indicatiebesluit | None
    toekenningen: list[Besluit]
    open_aanvragen: list[tuple[Aanvraag, object]]


def overzicht_voor(user, clients) -> list[ClientOverzicht]:
    """Per client: current indication, active grants, open applications with the next step."""
    aanvragen = (
        Aanvraag.objects.zichtbaar_voor(user)
        .filter(client__in=clients)
        .select_related("besluit", "zorgkantoor")
        .order_by("-aangemaakt_op")
    )
    per_client: dict[int, list[Aanvraag]] = {}
    for a in aanvragen:
        per_client.setdefault(a.client_id, []).append(a)
    vandaag = timezone.localdate()
    rijen = []
    for client in clients:
        eigen = per_client.get(client.pk, [])
        toekenningen = [
            a.besluit
            for a in eigen
            if a.status in TOEGEKEND and a.besluit.einddatum and a.besluit.einddatum >= vandaag
        ]
        open_ = [(a, volgende_stap(a)) for a in eigen if a.status not in AFGESLOTEN]
        rijen.append(ClientOverzicht(client, client.actuele_indicatie, toekenningen, open_))
    return rijen


class DashboardView(LeesrolMixin, View):
    def get(self, request):
        if request.user.rol == Rol.CLIENT:
            return redirect("ondersteuning:mijn_overzicht")
        clients = list(_clients(request.user).order_by("geslachtsnaam", "voornamen"))
        for c in clients:
            log_inzage(request, Inzagelog.Actie.LIJST, client=c, obj=c)
        return render(
            request,
            "ondersteuning/dashboard.html",
            {"rijen": overzicht_voor(request.user, clients)},
        )


def _checker_link(client: Client) -> str | None:
    """'Welke regeling past?' pre-filled with what the system knows about the client."""
    try:
        basis = reverse("regelingen:checker")
    except NoReverseMatch:
        return None
    ind = client.actuele_indicatie
    params: list[tuple[str, str]] = [
        ("peildatum", timezone.localdate().isoformat()),
        ("geboortedatum", client.geboortedatum.isoformat()),
    ]
    if ind:
        params += [("zorgprofiel", ind.zorgprofiel.code), ("leveringsvorm", ind.leveringsvorm)]
        params += [("grondslagen", g) for g in ind.grondslagen]
        params += [("ciz_markers", m) for m in ind.ciz_markers]
    if client.zzp_31_12_2014:
        params.append(("zzp_2014", client.zzp_31_12_2014))
    return f"{basis}?{urlencode(params)}"


class ClientPaginaView(LeesrolMixin, View):
    def get(self, request, pk):
        client = _clients(request.user).filter(pk=pk).first()
        if client is None:
            raise weiger(request, pk)
        return _client_pagina(request, client)


def _client_pagina(request, client: Client, machtiging_form=None, status: int = 200):
    """The client page for a supporter or the client's own account (logged as viewed)."""
    log_inzage(request, Inzagelog.Actie.BEKEKEN, client=client, obj=client)
    alle = (
        Aanvraag.objects.zichtbaar_voor(request.user)
        .filter(client=client)
        .select_related("besluit")
        .order_by("-aangemaakt_op")
    )
    context = {
        "client": client,
        "rij": overzicht_voor(request.user, [client])[0],
        "aanvragen": alle,
        "checker_link": _checker_link(client),
        "uitleg": UITLEG_REGELING,
        **_eigen_machtigingen(request, client, machtiging_form),
    }
    return render(request, "ondersteuning/client.html", context, status=status)


class MijnOverzichtView(LeesrolMixin, View):
    def get(self, request):
        if request.user.rol != Rol.CLIENT:
            return redirect("ondersteuning:dashboard")
        return ClientPaginaView().get(request, request.user.client_id)


@dataclass(frozen=True)
class Gebeurtenis:
    wanneer: object
    tekst: str


def tijdlijn(aanvraag: Aanvraag) -> list[Gebeurtenis]:
    gebeurtenissen = [Gebeurtenis(aanvraag.aangemaakt_op, _("De aanvraag is aangemaakt."))]
    for stap in aanvraag.historie.all():
        tekst = STAPPEN_IN_GEWONE_TAAL.get(stap.overgang)
        if tekst:
            gebeurtenissen.append(Gebeurtenis(stap.op, tekst))
    return gebeurtenissen


class TijdlijnView(LeesrolMixin, View):
    def get(self, request, pk):
        aanvraag = (
            Aanvraag.objects.zichtbaar_voor(request.user)
            .select_related("client", "zorgkantoor", "zorgaanbieder")
            .filter(pk=pk)
            .first()
        )
        if aanvraag is None:
            bestaand = Aanvraag.objects.filter(pk=pk).values_list("client_id", flat=True).first()
            raise weiger(request, bestaand)
        log_inzage(request, Inzagelog.Actie.BEKEKEN, client=aanvraag.client, obj=aanvraag)
        besluit = getattr(aanvraag, "besluit", None)
        besloten = aanvraag.status in BESLOTEN
        bezwaar_tot = None
        if besloten and besluit and besluit.vastgesteld_op:
            from datetime import timedelta

            bezwaar_tot = timezone.localdate(besluit.vastgesteld_op) + timedelta(weeks=6)
        try:
            pdf_url = reverse("aanvragen:beschikking", args=[aanvraag.pk]) if besloten else None
        except NoReverseMatch:
            pdf_url = None
        return render(
            request,
            "ondersteuning/tijdlijn.html",
            {
                "aanvraag": aanvraag,
                "gebeurtenissen": tijdlijn(aanvraag),
                "volgende": volgende_stap(aanvraag),
                "besluit": besluit if besloten else None,
                "bezwaar_tot": bezwaar_tot,
                "pdf_url": pdf_url,
                "uitleg": UITLEG_REGELING.get(aanvraag.regeling),
                "vandaag": date.today(),
            },
        )


def _eigen_machtigingen(request, client: Client, form=None) -> dict:
    """A client manages their own consents; a supporter does not see this part."""
    if request.user.rol != Rol.CLIENT:
        return {}
    from indicaties.forms import MachtigingForm

    return {
        "machtigingen": client.machtigingen.select_related("ondersteuner"),
        "machtiging_form": form or MachtigingForm(),
    }


class EigenMachtigingView(LoginRequiredMixin, View):
    """The client grants or revokes consent for a cliëntondersteuner (recorded like staff's)."""

    def post(self, request):
        from django.contrib import messages

        from indicaties.forms import MachtigingForm
        from indicaties.services import trek_machtiging_in

        if request.user.rol != Rol.CLIENT:
            raise PermissionDenied
        client = request.user.client
        if "intrekken" in request.POST:
            machtiging = client.machtigingen.filter(pk=request.POST["intrekken"]).first()
            if machtiging is None:
                raise Http404
            trek_machtiging_in(machtiging, request.user)
            messages.success(request, _("De toestemming is ingetrokken. Dat geldt meteen."))
            return redirect("ondersteuning:mijn_overzicht")
        form = MachtigingForm(request.POST)
        if form.opslaan(client, request.user):
            messages.success(request, _("De toestemming is vastgelegd."))
            return redirect("ondersteuning:mijn_overzicht")
        return _client_pagina(request, client, form, status=400)
