"""Small forms for the workflow actions (the application content forms are in formulieren.py)."""

from __future__ import annotations

from datetime import timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indicaties.models import Client, Rol, Sector, Zorgaanbieder
from regelingen.models import Regeling

from .models import Aanvraag, Adviesverzoek, Besluit, Bijlage, Gesprek, Status

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NieuweAanvraagForm(forms.Form):
    client = forms.ModelChoiceField(queryset=Client.objects.none(), label=_("Cliënt"))
    regeling = forms.ChoiceField(choices=Regeling.choices, label=_("Regeling"))

    def __init__(self, *args, clients=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = clients if clients is not None else Client.objects.none()
        self.fields["client"].label_from_instance = lambda c: f"{c.naam} – BSN {c.bsn}"


class InformatieVragenForm(forms.Form):
    vraag = forms.CharField(
        label=_("Welke informatie ontbreekt?"), widget=forms.Textarea(attrs={"rows": 4})
    )
    uiterlijk = forms.DateField(label=_("Antwoord uiterlijk"), widget=DATUM)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"uiterlijk": timezone.localdate() + timedelta(weeks=2)})
        super().__init__(*args, **kwargs)


class AntwoordForm(forms.Form):
    antwoord = forms.CharField(label=_("Uw antwoord"), widget=forms.Textarea(attrs={"rows": 4}))


class AdviesVragenForm(forms.Form):
    vraag = forms.CharField(
        label=_("Adviesvraag aan het CCE"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AdviesForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label=_("Advies"), choices=Adviesverzoek.Uitkomst.choices, widget=forms.RadioSelect
    )
    advies = forms.CharField(label=_("Onderbouwing"), widget=forms.Textarea(attrs={"rows": 5}))


class GesprekForm(forms.ModelForm):
    class Meta:
        model = Gesprek
        fields = ["datum", "uitkomst", "verslag"]
        widgets = {"datum": DATUM, "verslag": forms.Textarea(attrs={"rows": 3})}


class BesluitForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label=_("Besluit"), choices=Besluit.Uitkomst.choices, widget=forms.RadioSelect
    )
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), required=False, widget=DATUM)
    einddatum = forms.DateField(label=_("Einddatum"), required=False, widget=DATUM)
    bedrag_per_jaar = forms.DecimalField(
        label=_("Bedrag per jaar (€)"), required=False, min_value=0, decimal_places=2
    )
    uren_per_week = forms.DecimalField(
        label=_("Uren per week"), required=False, min_value=0, max_value=168, decimal_places=1
    )
    motivering = forms.CharField(
        label=_("Motivering"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Noem de voorwaarden en artikelen waarop het besluit "
            "rust; de regeltoets hierboven helpt daarbij."
        ),
    )


class ToelichtingForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


# The data each workflow action takes (None: none). Web and API validate with the same forms.
ACTIE_FORMS: dict[str, type[forms.Form] | None] = {
    "in_behandeling_nemen": None,
    "informatie_vragen": InformatieVragenForm,
    "informatie_ontvangen": AntwoordForm,
    "advies_vragen": AdviesVragenForm,
    "advies_uitbrengen": AdviesForm,
    "besluit_voorstellen": BesluitForm,
    "besluit_terugnemen": ToelichtingForm,
    "vaststellen": None,
    "tweede_lezer_akkoord": None,
    "intrekken": ToelichtingForm,
    "buiten_behandeling_stellen": ToelichtingForm,
}


class BijlageForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort document"), choices=Bijlage.Soort.choices)
    bestand = forms.FileField(
        label=_("Bestand (PDF, PNG of JPEG, hooguit 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )


class ToewijzenForm(forms.Form):
    beoordelaar = forms.ModelChoiceField(queryset=None, label=_("Toewijzen aan"))

    def __init__(self, *args, zorgkantoor=None, **kwargs):
        super().__init__(*args, **kwargs)
        from indicaties.models import Gebruiker

        self.fields["beoordelaar"].queryset = Gebruiker.objects.filter(
            zorgkantoor=zorgkantoor, rol__in=[Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR], is_active=True
        ).order_by("first_name")
        self.fields["beoordelaar"].label_from_instance = lambda g: g.get_full_name() or g.username


OPEN_STATUSSEN = [
    s
    for s in Status.values
    if s
    not in (
        "concept",
        "toegekend",
        "deels_toegekend",
        "afgewezen",
        "ingetrokken",
        "buiten_behandeling",
    )
]


class WerkvoorraadFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="zoek", label=_("BSN of naam"))
    regeling = django_filters.ChoiceFilter(
        choices=Regeling.choices, label=_("Regeling"), empty_label=_("Alle")
    )
    status = django_filters.ChoiceFilter(
        choices=[(s, Status(s).label) for s in Status.values if s != "concept"],
        label=_("Status"),
        empty_label=_("Alle open"),
        method="filter_status",
    )
    sector = django_filters.ChoiceFilter(
        choices=Sector.choices, method="filter_sector", label=_("Sector"), empty_label=_("Alle")
    )
    zorgaanbieder = django_filters.ModelChoiceFilter(
        queryset=Zorgaanbieder.objects.all(), label=_("Zorgaanbieder"), empty_label=_("Alle")
    )
    te_laat = django_filters.BooleanFilter(
        method="filter_te_laat", label=_("Alleen te laat"), widget=forms.CheckboxInput
    )
    mijn = django_filters.BooleanFilter(
        method="filter_mijn", label=_("Alleen aan mij toegewezen"), widget=forms.CheckboxInput
    )
    sorteer = django_filters.OrderingFilter(
        fields=(("ingediend_op", "ontvangen"), ("beslistermijn", "termijn")),
        field_labels={"ingediend_op": _("Ontvangen"), "beslistermijn": _("Beslistermijn")},
        label=_("Sorteer op"),
        empty_label=_("Beslistermijn (eerst)"),
    )

    class Meta:
        model = Aanvraag
        fields = ["regeling", "zorgaanbieder"]

    def zoek(self, qs, name, value):
        value = value.strip()
        if value.isdigit():
            return qs.filter(client__bsn__startswith=value)
        return qs.filter(
            Q(client__geslachtsnaam__icontains=value)
            | Q(client__voornamen__icontains=value)
            | Q(referentie__iexact=value)
        )

    def filter_status(self, qs, name, value):
        return qs.filter(status=value) if value else qs

    def filter_sector(self, qs, name, value):
        return qs.filter(
            client__indicatiebesluiten__is_actueel=True,
            client__indicatiebesluiten__zorgprofiel__sector=value,
        )

    def filter_te_laat(self, qs, name, value):
        if not value:
            return qs
        return qs.filter(
            beslistermijn__lt=timezone.localdate(),
            opgeschort_sinds__isnull=True,
            status__in=OPEN_STATUSSEN,
        )

    def filter_mijn(self, qs, name, value):
        return qs.filter(beoordelaar=self.request.user) if value else qs

    @property
    def qs(self):
        qs = super().qs
        gekozen = getattr(self.form, "cleaned_data", {})
        if not gekozen.get("status"):
            qs = qs.filter(status__in=OPEN_STATUSSEN)
        if not gekozen.get("sorteer"):
            qs = qs.order_by("beslistermijn", "ingediend_op")
        return qs
