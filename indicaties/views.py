"""Thin views: scope the queryset, log access, render. Rules live in services and scoping."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView

from .audit import log_inzage, log_lijst, log_weigering
from .forms import ClientForm, IndicatiebesluitForm, MachtigingForm
from .models import Client, Indicatiebesluit, Inzagelog, Rol
from .services import registreer_indicatiebesluit, trek_machtiging_in


class RolVereistMixin(LoginRequiredMixin):
    """Refuse (403) users whose role is not in `rollen`. Object scoping is separate (404)."""

    rollen: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.rollen and request.user.rol not in self.rollen and not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# Where each role goes next. (url name, title, explanation). A url that does not exist yet is
# shown as "nog niet beschikbaar" so the landing page never links to a 404.
VERVOLGSTAPPEN: dict[str, list[tuple[str, str, str]]] = {
    Rol.ZK_MEDEWERKER: [
        ("aanvragen:werkvoorraad", "Werkvoorraad", "Aanvragen in uw regio die op u wachten."),
        ("clienten:lijst", "Cliënten", "Zoek een cliënt op BSN of naam."),
        ("clienten:nieuw", "Cliënt registreren", "Leg een nieuwe cliënt vast."),
        ("regelingen:checker", "Welke regeling past?", "Toets een situatie aan de regels."),
    ],
    Rol.ZK_SENIOR: [
        ("aanvragen:tweede_lezing", "Tweede lezing", "Besluiten die uw akkoord nodig hebben."),
        ("aanvragen:werkvoorraad", "Werkvoorraad", "Alle aanvragen in uw regio."),
        ("clienten:lijst", "Cliënten", "Zoek een cliënt op BSN of naam."),
    ],
    Rol.ZA_MEDEWERKER: [
        ("aanvragen:mijn_aanvragen", "Mijn aanvragen", "Status en volgende stap van uw aanvragen."),
        ("clienten:lijst", "Mijn cliënten", "Cliënten aan wie u zorg levert; start een aanvraag."),
        ("regelingen:checker", "Welke regeling past?", "Toets een situatie aan de regels."),
    ],
    Rol.CLIENTONDERSTEUNER: [
        ("ondersteuning:dashboard", "Mijn cliënten", "Waar staan de aanvragen van uw cliënten?"),
        ("regelingen:checker", "Welke regeling past?", "Toets een situatie aan de regels."),
    ],
    Rol.CCE_ADVISEUR: [
        ("aanvragen:adviesvragen", "Adviesvragen", "Meerzorgaanvragen die op uw advies wachten."),
    ],
    Rol.FUNCTIONEEL_BEHEERDER: [
        ("admin:index", "Beheer", "Zorgprofielen, regio's, toeslagen, bedragen en gebruikers."),
    ],
    Rol.CLIENT: [
        ("ondersteuning:mijn_overzicht", "Mijn overzicht", "Uw indicatie, aanvragen en besluiten."),
        ("regelingen:checker", "Welke regeling past?", "Toets uw situatie aan de regels."),
    ],
}


class StartView(LoginRequiredMixin, TemplateView):
    template_name = "start.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        stappen = []
        for naam, titel, uitleg in VERVOLGSTAPPEN.get(self.request.user.rol, []):
            try:
                url = reverse(naam)
            except NoReverseMatch:
                url = None
            stappen.append({"url": url, "titel": titel, "uitleg": uitleg})
        ctx["stappen"] = stappen
        ctx["rol"] = Rol(self.request.user.rol).label if self.request.user.rol else ""
        return ctx


CLIENT_LEESROLLEN = (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR, Rol.ZA_MEDEWERKER)


def _met_actuele_indicatie(qs):
    return qs.select_related("zorgkantoor").prefetch_related(
        Prefetch(
            "indicatiebesluiten",
            queryset=Indicatiebesluit.objects.filter(is_actueel=True).select_related("zorgprofiel"),
        )
    )


class ClientListView(RolVereistMixin, ListView):
    rollen = CLIENT_LEESROLLEN
    template_name = "indicaties/client_list.html"
    paginate_by = 25

    def get_queryset(self):
        qs = Client.objects.zichtbaar_voor(self.request.user)
        zoek = self.request.GET.get("q", "").strip()
        if zoek:
            if zoek.isdigit():
                qs = qs.filter(bsn__startswith=zoek)
            else:
                qs = qs.filter(Q(geslachtsnaam__icontains=zoek) | Q(voornamen__icontains=zoek))
        return _met_actuele_indicatie(qs).order_by("geslachtsnaam", "voornamen", "pk")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["q"] = self.request.GET.get("q", "")
        log_lijst(self.request, ctx["object_list"])
        return ctx


class ClientDetailView(RolVereistMixin, DetailView):
    rollen = CLIENT_LEESROLLEN
    template_name = "indicaties/client_detail.html"
    context_object_name = "client"

    def get_object(self, queryset=None):
        qs = Client.objects.zichtbaar_voor(self.request.user).select_related("zorgkantoor")
        client = qs.filter(pk=self.kwargs["pk"]).first()
        if client is None:
            log_weigering(self.request, Client.objects.filter(pk=self.kwargs["pk"]).first())
            raise Http404
        log_inzage(self.request, Inzagelog.Actie.BEKEKEN, client=client, obj=client)
        return client

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["indicaties"] = self.object.indicatiebesluiten.select_related("zorgprofiel")
        ctx["toewijzingen"] = self.object.zorgtoewijzingen.select_related("zorgaanbieder")
        ctx["mag_indicatie_registreren"] = self.request.user.is_zorgkantoor
        if self.request.user.is_zorgkantoor:
            ctx["machtigingen"] = self.object.machtigingen.select_related("ondersteuner")
            ctx["machtiging_form"] = kwargs.get("machtiging_form") or MachtigingForm()
            ctx["vandaag"] = timezone.localdate()
        return ctx


class ClientCreateView(RolVereistMixin, CreateView):
    rollen = (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR)
    form_class = ClientForm
    template_name = "indicaties/client_form.html"

    def form_valid(self, form):
        client = form.instance
        if client.zorgkantoor_id != self.request.user.zorgkantoor_id:
            form.add_error(
                "postcode",
                _(
                    "Deze postcode hoort bij %(regio)s; u kunt alleen cliënten in uw eigen regio "
                    "registreren."
                )
                % {"regio": client.zorgkantoor.naam},
            )
            return self.form_invalid(form)
        try:
            with transaction.atomic():
                self.object = form.save()
        except IntegrityError:
            form.add_error("bsn", _("Er is al een cliënt met dit BSN."))
            return self.form_invalid(form)
        log_inzage(self.request, Inzagelog.Actie.GEWIJZIGD, client=self.object, obj=self.object)
        messages.success(
            self.request, _("Cliënt %(naam)s is geregistreerd.") % {"naam": self.object.naam}
        )
        return redirect("clienten:detail", pk=self.object.pk)


class IndicatieCreateView(RolVereistMixin, FormView):
    rollen = (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR)
    form_class = IndicatiebesluitForm
    template_name = "indicaties/indicatie_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.client = get_object_or_404(
                Client.objects.zichtbaar_voor(request.user), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(client=self.client, **kwargs)

    def form_valid(self, form):
        d = form.cleaned_data
        try:
            registreer_indicatiebesluit(self.client, **d)
        except IntegrityError:
            form.add_error("besluitnummer", _("Dit besluitnummer is al geregistreerd."))
            return self.form_invalid(form)
        log_inzage(self.request, Inzagelog.Actie.GEWIJZIGD, client=self.client, obj=self.client)
        messages.success(self.request, _("Het indicatiebesluit is geregistreerd en is nu actueel."))
        return redirect("clienten:detail", pk=self.client.pk)


class MachtigingView(RolVereistMixin, View):
    """Zorgkantoor staff record a client's consent for a supporter, or revoke it."""

    rollen = (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR)

    def post(self, request, pk):
        client = get_object_or_404(Client.objects.zichtbaar_voor(request.user), pk=pk)
        if "intrekken" in request.POST:
            machtiging = get_object_or_404(client.machtigingen, pk=request.POST["intrekken"])
            trek_machtiging_in(machtiging, request.user)
            messages.success(request, _("De machtiging is ingetrokken; dit geldt direct."))
            return redirect("clienten:detail", pk=pk)
        form = MachtigingForm(request.POST)
        if form.opslaan(client, request.user):
            messages.success(request, _("De machtiging is vastgelegd."))
            return redirect("clienten:detail", pk=pk)
        view = ClientDetailView()
        view.setup(request, pk=pk)
        view.object = client
        return view.render_to_response(view.get_context_data(machtiging_form=form), status=400)
