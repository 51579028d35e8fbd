"""Web views of the workflow. Thin: scope, call a service, render. Errors become messages next
to the field; a conflict never overwrites, it explains."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View
from django.views.generic import ListView
from django_filters.views import FilterView
from django_fsm import has_transition_perm

from indicaties.audit import log_inzage, log_lijst, log_weigering
from indicaties.models import Client, Indicatiebesluit, Inzagelog, Rol
from indicaties.views import RolVereistMixin
from zorgportaal.forms import fouten_naar_form

from . import services
from .forms import (
    ACTIE_FORMS,
    BesluitForm,
    BijlageForm,
    GesprekForm,
    NieuweAanvraagForm,
    ToewijzenForm,
    WerkvoorraadFilter,
)
from .formulieren import (
    FORMULIEREN,
    ZORGCATEGORIEEN,
    form_naar_inhoud,
    inhoud_naar_initial,
    zorgbehoefte_totaal,
)
from .models import TOEGEKEND, Aanvraag, Bijlage, Status
from .volgende_stap import volgende_stap

ZK = (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR)


def _aanvragen(user):
    return Aanvraag.objects.zichtbaar_voor(user).select_related(
        "client", "zorgaanbieder", "beoordelaar", "zorgkantoor"
    )


def _scoped(request, pk) -> Aanvraag:
    """The application if in scope; otherwise a logged 404 (existence does not leak)."""
    aanvraag = _aanvragen(request.user).filter(pk=pk).first()
    if aanvraag is None:
        log_weigering(request, Client.objects.filter(aanvragen__pk=pk).first())
        raise Http404
    return aanvraag


# --- provider: start, edit, submit --------------------------------------------------------


class NieuweAanvraagView(RolVereistMixin, View):
    rollen = (Rol.ZA_MEDEWERKER, *ZK)
    template_name = "aanvragen/nieuw.html"

    def _form(self, data=None):
        clients = Client.objects.zichtbaar_voor(self.request.user).order_by("geslachtsnaam")
        initial = {
            k: self.request.GET.get(k) for k in ("client", "regeling") if k in self.request.GET
        }
        return NieuweAanvraagForm(data, clients=clients, initial=initial)

    def get(self, request):
        return render(request, self.template_name, {"form": self._form()})

    def post(self, request):
        form = self._form(request.POST)
        if form.is_valid():
            try:
                aanvraag = services.start_aanvraag(
                    form.cleaned_data["client"], form.cleaned_data["regeling"], request.user
                )
            except services.NietToegestaan as exc:
                form.add_error("regeling", str(exc))
            else:
                return redirect("aanvragen:bewerken", pk=aanvraag.pk)
        return render(request, self.template_name, {"form": form}, status=400)


def _profieluren(aanvraag: Aanvraag):
    ind = (
        aanvraag.client.indicatiebesluiten.filter(is_actueel=True)
        .select_related("zorgprofiel")
        .first()
    )
    return ind.zorgprofiel.uren_per_week if ind else None


class AanvraagBewerkenView(LoginRequiredMixin, View):
    """Draft form. Every POST stores what was typed (valid or not) before validating, and a
    small script autosaves while typing, so nothing is lost on an error or a closed tab."""

    template_name = "aanvragen/bewerken.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.aanvraag = _scoped(request, kwargs["pk"])
        if not has_transition_perm(self.aanvraag.indienen, request.user):
            raise PermissionDenied
        if self.aanvraag.status != Status.CONCEPT:
            return redirect("aanvragen:detail", pk=self.aanvraag.pk)
        return super().dispatch(request, *args, **kwargs)

    def _form_class(self):
        return FORMULIEREN[self.aanvraag.regeling]

    def _bijlage(self, bijlage_form: BijlageForm) -> bool:
        """Store the uploaded attachment; errors land on the attachment form's fields."""
        if not bijlage_form.is_valid():
            return False
        try:
            services.voeg_bijlage_toe(
                self.aanvraag,
                bijlage_form.cleaned_data["bestand"],
                bijlage_form.cleaned_data["soort"],
                self.request.user,
            )
        except ValidationError as exc:
            fouten_naar_form(bijlage_form, exc)
            return False
        return True

    def _context(self, form, **extra):
        return {
            "aanvraag": self.aanvraag,
            "form": form,
            "toets": services.regeltoets(self.aanvraag),
            "categorieen": [n for n, _label in ZORGCATEGORIEEN],
            "totaal": zorgbehoefte_totaal(self.aanvraag.inhoud),
            "bijlage_form": extra.pop("bijlage_form", None) or BijlageForm(),
            **extra,
        }

    def get(self, request, pk):
        initial = inhoud_naar_initial(self.aanvraag.inhoud)
        if self.aanvraag.regeling == "meerzorg" and "profiel_uren_per_week" not in initial:
            initial["profiel_uren_per_week"] = _profieluren(self.aanvraag)
        initial["versie"] = self.aanvraag.versie
        form = self._form_class()(initial=initial, heraanvraag=self.aanvraag.soort == "heraanvraag")
        return render(request, self.template_name, self._context(form))

    def post(self, request, pk):
        form = self._form_class()(request.POST, heraanvraag=self.aanvraag.soort == "heraanvraag")
        form.is_valid()
        try:
            versie = int(request.POST.get("versie", "0"))
            services.bewaar_concept(self.aanvraag, form_naar_inhoud(form), versie)
        except (ValueError, services.Conflict) as exc:
            melding = str(exc) if isinstance(exc, services.Conflict) else _("Ongeldige versie.")
            if request.headers.get("X-Autosave"):
                return JsonResponse({"fout": melding}, status=409)
            form.add_error(None, melding)
            return render(request, self.template_name, self._context(form), status=409)
        if request.headers.get("X-Autosave"):
            return JsonResponse({"versie": self.aanvraag.versie, "opgeslagen": timezone.now()})
        if "bijlage_toevoegen" in request.POST or request.FILES.get("bestand"):
            bijlage_form = BijlageForm(request.POST, request.FILES)
            if self._bijlage(bijlage_form) and "bijlage_toevoegen" in request.POST:
                messages.success(request, _("Bijlage toegevoegd. Uw invoer is bewaard."))
                return redirect("aanvragen:bewerken", pk=self.aanvraag.pk)
            if bijlage_form.errors:
                return self._opnieuw(form, bijlage_form=bijlage_form)
        if "indienen" in request.POST and form.is_valid():
            try:
                self.aanvraag = services.indienen(self.aanvraag, request.user)
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            except (services.Conflict, services.NietToegestaan) as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    _(
                        "Uw aanvraag %(ref)s is ingediend. Het zorgkantoor "
                        "beslist uiterlijk %(datum)s."
                    )
                    % {
                        "ref": self.aanvraag.referentie,
                        "datum": self.aanvraag.beslistermijn.strftime("%d-%m-%Y"),
                    },
                )
                return redirect("aanvragen:detail", pk=self.aanvraag.pk)
        elif form.is_valid():
            messages.success(request, _("Concept bewaard."))
            return redirect("aanvragen:bewerken", pk=self.aanvraag.pk)
        return self._opnieuw(form)

    def _opnieuw(self, form, **extra):
        """Show the form again (400) with the draft's new version, so the next submit of this
        page does not conflict with the save it just made."""
        data = self.request.POST.copy()
        data["versie"] = str(self.aanvraag.versie)
        form.data = data
        return render(self.request, self.template_name, self._context(form, **extra), status=400)


class RegeltoetsFragmentView(LoginRequiredMixin, View):
    """Live rule check while filling the form: evaluates the posted values without storing."""

    def post(self, request, pk):
        aanvraag = _scoped(request, pk)
        form = FORMULIEREN[aanvraag.regeling](
            request.POST, heraanvraag=aanvraag.soort == "heraanvraag"
        )
        form.is_valid()
        aanvraag.inhoud = form_naar_inhoud(form)
        html = render_to_string(
            "aanvragen/_regeltoets.html",
            {
                "toets": services.regeltoets(aanvraag),
                "aanvraag": aanvraag,
                "totaal": zorgbehoefte_totaal(aanvraag.inhoud),
            },
            request=request,
        )
        return HttpResponse(html)


class BijlageUploadView(LoginRequiredMixin, View):
    def post(self, request, pk):
        aanvraag = _scoped(request, pk)
        mag = services.is_partij(aanvraag, request.user)
        if not mag:
            raise PermissionDenied
        form = BijlageForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.voeg_bijlage_toe(
                    aanvraag, form.cleaned_data["bestand"], form.cleaned_data["soort"], request.user
                )
                messages.success(request, _("Bijlage toegevoegd."))
            except ValidationError as exc:
                for fouten in exc.message_dict.values():
                    for fout in fouten:
                        messages.error(request, fout)
            except services.NietToegestaan as exc:
                messages.error(request, str(exc))
        else:
            for fouten in form.errors.values():
                for fout in fouten:
                    messages.error(request, fout)
        terug = "aanvragen:bewerken" if aanvraag.status == Status.CONCEPT else "aanvragen:detail"
        return redirect(terug, pk=aanvraag.pk)


class BijlageDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk, bijlage_pk):
        aanvraag = _scoped(request, pk)
        bijlage = get_object_or_404(Bijlage, pk=bijlage_pk, aanvraag=aanvraag)
        log_inzage(request, Inzagelog.Actie.GEDOWNLOAD, client=aanvraag.client, obj=bijlage)
        response = FileResponse(
            bijlage.bestand.open("rb"),
            content_type=bijlage.content_type,
            as_attachment=True,
            filename=bijlage.oorspronkelijke_naam,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class MijnAanvragenView(RolVereistMixin, ListView):
    rollen = (Rol.ZA_MEDEWERKER,)
    template_name = "aanvragen/mijn_aanvragen.html"
    paginate_by = 25

    def get_queryset(self):
        return _aanvragen(self.request.user).select_related("besluit").order_by("-gewijzigd_op")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rijen"] = [(a, volgende_stap(a)) for a in ctx["object_list"]]
        log_lijst(self.request, [a.client for a in ctx["object_list"]], "Aanvraag")
        return ctx


class HeraanvraagView(LoginRequiredMixin, View):
    def post(self, request, pk):
        vorige = _scoped(request, pk)
        try:
            nieuw = services.maak_heraanvraag(vorige, request.user)
        except services.NietToegestaan as exc:
            messages.error(request, str(exc))
            return redirect("aanvragen:detail", pk=vorige.pk)
        messages.success(
            request,
            _(
                "Heraanvraag klaargezet met de gegevens van de vorige "
                "aanvraag. Controleer wat veranderd is en vul de behaalde "
                "resultaten in."
            ),
        )
        return redirect("aanvragen:bewerken", pk=nieuw.pk)


# --- zorgkantoor: queue and detail ---------------------------------------------------------


class WerkvoorraadView(RolVereistMixin, FilterView):
    rollen = ZK
    filterset_class = WerkvoorraadFilter
    template_name = "aanvragen/werkvoorraad.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            _aanvragen(self.request.user)
            .exclude(status=Status.CONCEPT)
            .prefetch_related(
                Prefetch(
                    "client__indicatiebesluiten",
                    queryset=Indicatiebesluit.objects.filter(is_actueel=True).select_related(
                        "zorgprofiel"
                    ),
                )
            )
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        vandaag = timezone.localdate()
        ctx["rijen"] = [(a, services.termijn_status(a, vandaag)) for a in ctx["object_list"]]
        ctx["toewijzen_form"] = ToewijzenForm(zorgkantoor=self.request.user.zorgkantoor)
        log_lijst(self.request, [a.client for a in ctx["object_list"]], "Aanvraag")
        return ctx


class TweedeLezingView(RolVereistMixin, ListView):
    rollen = (Rol.ZK_SENIOR,)
    template_name = "aanvragen/tweede_lezing.html"

    def get_queryset(self):
        return (
            _aanvragen(self.request.user)
            .filter(status=Status.BESLUIT_VOORGESTELD, besluit__tweede_lezer_vereist=True)
            .exclude(besluit__voorgesteld_door=self.request.user)
            .select_related("besluit")
        )


class AdviesvragenView(RolVereistMixin, ListView):
    rollen = (Rol.CCE_ADVISEUR,)
    template_name = "aanvragen/adviesvragen.html"

    def get_queryset(self):
        return _aanvragen(self.request.user).order_by("-gewijzigd_op")


# Workflow actions on the file: (label, css class). Their forms: forms.ACTIE_FORMS.
ACTIES = {
    "in_behandeling_nemen": (_l("In behandeling nemen"), ""),
    "informatie_vragen": (_l("Informatie opvragen"), ""),
    "informatie_ontvangen": (_l("Informatie aanleveren"), ""),
    "advies_vragen": (_l("CCE-advies vragen"), ""),
    "advies_uitbrengen": (_l("Advies uitbrengen"), ""),
    "besluit_voorstellen": (_l("Besluit voorstellen"), ""),
    "besluit_terugnemen": (_l("Voorstel terugnemen"), "knop-tweede"),
    "vaststellen": (_l("Besluit vaststellen"), ""),
    "tweede_lezer_akkoord": (_l("Akkoord als tweede lezer"), ""),
    "intrekken": (_l("Aanvraag intrekken"), "knop-gevaar"),
    "buiten_behandeling_stellen": (_l("Buiten behandeling stellen"), "knop-gevaar"),
}


def _beschikbare_acties(aanvraag: Aanvraag, user) -> list[str]:
    namen = {t.name for t in aanvraag.get_available_user_status_transitions(user)}
    # besluit_voorstellen needs a Besluit first; its form creates one, so offer it to staff.
    if aanvraag.status in (Status.IN_BEHANDELING, Status.ADVIES_ONTVANGEN) and (
        services.is_zorgkantoor_van(aanvraag, user)
    ):
        namen.add("besluit_voorstellen")
    return [n for n in ACTIES if n in namen and n != "indienen"]


class AanvraagDetailView(LoginRequiredMixin, View):
    template_name = "aanvragen/detail.html"

    def get(self, request, pk, fout_actie=None, fout_form=None, status=200):
        aanvraag = _scoped(request, pk)
        if request.user.rol in (Rol.CLIENTONDERSTEUNER, Rol.CLIENT):
            # The internal file is not for them; they get the plain-language timeline.
            return redirect(reverse("ondersteuning:tijdlijn", args=[aanvraag.pk]))
        log_inzage(request, Inzagelog.Actie.BEKEKEN, client=aanvraag.client, obj=aanvraag)
        acties = []
        for naam in _beschikbare_acties(aanvraag, request.user):
            form_class = ACTIE_FORMS[naam]
            label, css = ACTIES[naam]
            form = fout_form if naam == fout_actie else (form_class() if form_class else None)
            if naam == "besluit_voorstellen" and naam != fout_actie:
                form = BesluitForm(initial=services.besluit_initial(aanvraag))
            acties.append({"naam": naam, "label": label, "form": form, "css": css})
        Form = FORMULIEREN[aanvraag.regeling]
        velden = [
            (Form.base_fields[k].label if k in Form.base_fields else k, v)
            for k, v in aanvraag.inhoud.items()
        ]
        ctx = {
            "aanvraag": aanvraag,
            "client": aanvraag.client,
            "indicatie": aanvraag.client.indicatiebesluiten.filter(is_actueel=True)
            .select_related("zorgprofiel")
            .first(),
            "velden": velden,
            "totaal": zorgbehoefte_totaal(aanvraag.inhoud),
            "toets": services.regeltoets(aanvraag),
            "historie": aanvraag.historie.select_related("door"),
            "informatieverzoeken": aanvraag.informatieverzoeken.all(),
            "adviezen": aanvraag.adviezen.select_related("adviseur"),
            "gesprekken": aanvraag.gesprekken.select_related("gevoerd_door"),
            "bijlagen": aanvraag.bijlagen.all(),
            "besluit": getattr(aanvraag, "besluit", None),
            "acties": acties,
            "termijn": services.termijn_status(aanvraag),
            "volgende": volgende_stap(aanvraag),
            "is_zorgkantoor": services.is_zorgkantoor_van(aanvraag, request.user),
            "mag_bijlage": services.is_partij(aanvraag, request.user)
            and not aanvraag.is_afgesloten,
            "bijlage_form": BijlageForm(),
            "gesprek_form": GesprekForm() if aanvraag.regeling == "pab" else None,
            "toewijzen_form": ToewijzenForm(
                zorgkantoor=aanvraag.zorgkantoor, initial={"beoordelaar": aanvraag.beoordelaar_id}
            ),
            "mag_heraanvragen": aanvraag.status in TOEGEKEND
            and services.is_aanvrager_van(aanvraag, request.user),
        }
        return render(request, self.template_name, ctx, status=status)


class AanvraagActieView(LoginRequiredMixin, View):
    """POST /aanvragen/<pk>/actie/<naam>/: validate the small form, call the service."""

    def post(self, request, pk, naam):
        if naam not in ACTIES:
            raise Http404
        aanvraag = _scoped(request, pk)
        form_class = ACTIE_FORMS[naam]
        form = form_class(request.POST) if form_class else None
        if form is not None and not form.is_valid():
            return AanvraagDetailView().get(request, pk, naam, form, status=400)
        data = form.cleaned_data if form else {}
        try:
            services.voer_actie_uit(aanvraag, naam, request.user, data)
        except ValidationError as exc:
            if form is None:
                messages.error(request, " ".join(exc.messages))
                return redirect("aanvragen:detail", pk=pk)
            fouten_naar_form(form, exc)
            return AanvraagDetailView().get(request, pk, naam, form, status=400)
        except (services.Conflict, services.NietToegestaan) as exc:
            messages.error(request, str(exc))
            return redirect("aanvragen:detail", pk=pk)
        messages.success(request, _("Gelukt: %(actie)s.") % {"actie": ACTIES[naam][0]})
        return redirect("aanvragen:detail", pk=pk)


class ToewijzenView(RolVereistMixin, View):
    rollen = ZK

    def post(self, request, pk):
        aanvraag = _scoped(request, pk)
        if request.POST.get("aan_mij"):
            beoordelaar = request.user
        else:
            form = ToewijzenForm(request.POST, zorgkantoor=request.user.zorgkantoor)
            if not form.is_valid():
                messages.error(request, _("Kies een collega om aan toe te wijzen."))
                return redirect(request.POST.get("terug") or reverse("aanvragen:werkvoorraad"))
            beoordelaar = form.cleaned_data["beoordelaar"]
        services.wijs_toe(aanvraag, beoordelaar, request.user)
        messages.success(
            request,
            _("%(ref)s is toegewezen aan %(naam)s.")
            % {
                "ref": aanvraag.referentie,
                "naam": beoordelaar.get_full_name() or beoordelaar.username,
            },
        )
        terug = request.POST.get("terug", "")
        return redirect(
            terug if terug.startswith("/aanvragen/") else reverse("aanvragen:detail", args=[pk])
        )


class GesprekView(RolVereistMixin, View):
    rollen = ZK

    def post(self, request, pk):
        aanvraag = _scoped(request, pk)
        form = GesprekForm(request.POST)
        if form.is_valid():
            try:
                services.registreer_gesprek(aanvraag, request.user, **form.cleaned_data)
                messages.success(request, _("Het gesprek is vastgelegd."))
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            except services.NietToegestaan as exc:
                messages.error(request, str(exc))
        else:
            messages.error(request, _("Vul datum, uitkomst en verslag van het gesprek in."))
        return redirect("aanvragen:detail", pk=pk)
