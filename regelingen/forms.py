"""The situation form of "Welke regeling past?". Every question may stay "weet ik niet"."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indicaties.models import CizMarker, Grondslag, Leveringsvorm, Sector, Zorgprofiel

from .engine import Situatie, met_catalogusuren
from .models import Regeling, ToeslagType

WEET_NIET = ""
GEEN = "geen"
JA_NEE = [("ja", _("Ja")), ("nee", _("Nee")), (WEET_NIET, _("Weet ik niet"))]
JA_NEE_VELDEN = (
    "kind_jonger_dan_18",
    "werk_of_studie",
    "cognitieve_beperking",
    "medische_noodzaak_permanent_toezicht",
    "zelf_pgb_beheren",
    "gedragsproblematiek",
    "mantelzorg",
)
# Query-string spellings accepted for a yes/no pre-fill, so API-style links work too.
JA_NEE_ALIASSEN = {"true": "ja", "1": "ja", "false": "nee", "0": "nee"}


def _ja_nee(label, help_text="") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=JA_NEE,
        required=False,
        initial=WEET_NIET,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


def _profielkeuzes(eerste: list[tuple[str, str]]) -> list:
    per_sector: dict[str, list[tuple[str, str]]] = {}
    for code, sector, naam in Zorgprofiel.objects.filter(actief=True).values_list(
        "code", "sector", "naam"
    ):
        per_sector.setdefault(sector, []).append((code, f"{code} – {naam}"))
    labels = dict(Sector.choices)
    return eerste + [(labels.get(s, s), keuzes) for s, keuzes in per_sector.items()]


class SituatieForm(forms.Form):
    peildatum = forms.DateField(
        label=_("Peildatum"),
        help_text=_("De datum waarop u wilt toetsen. Meestal vandaag."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    zorgprofiel = forms.ChoiceField(
        label=_("Zorgprofiel"),
        required=False,
        help_text=_("Staat in het indicatiebesluit van het CIZ, bijvoorbeeld VG7."),
    )
    zzp_2014 = forms.ChoiceField(
        label=_("Zorgzwaartepakket (zzp) op 31 december 2014"),
        required=False,
        help_text=_("Alleen nodig als het zorgprofiel niet op de lijst staat."),
    )
    leveringsvorm = forms.ChoiceField(
        label=_("Hoe krijgt de cliënt de zorg?"),
        required=False,
        choices=[(WEET_NIET, _("— Weet ik niet —")), *Leveringsvorm.choices],
    )
    grondslagen = forms.MultipleChoiceField(
        label=_("Grondslagen"),
        required=False,
        choices=Grondslag.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Staan in het indicatiebesluit. Niets aangevinkt: niet bekend."),
    )
    ciz_markers = forms.MultipleChoiceField(
        label=_("Kenmerken van het CIZ"),
        required=False,
        choices=[*CizMarker.choices, (GEEN, _("Geen van deze"))],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Staan in het indicatiebesluit. Niets aangevinkt: niet bekend."),
    )
    geboortedatum = forms.DateField(
        label=_("Geboortedatum van de cliënt"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    kind_jonger_dan_18 = _ja_nee(_("Heeft de cliënt een kind jonger dan 18 jaar?"))
    werk_of_studie = _ja_nee(_("Wil de cliënt vanuit huis werken of studeren?"))
    cognitieve_beperking = _ja_nee(_("Heeft de cliënt een cognitieve beperking?"))
    medische_noodzaak_permanent_toezicht = _ja_nee(
        _("Heeft de cliënt om medische redenen permanent toezicht nodig?"),
        _("Of 24 uur per dag zorg in de buurt, voor de veiligheid in levensbedreigende situaties."),
    )
    zelf_pgb_beheren = _ja_nee(
        _("Kan de cliënt het pgb zelf beheren, zonder vertegenwoordiger?"),
    )
    mantelzorg = _ja_nee(_("Is er mantelzorg?"))
    gedragsproblematiek = _ja_nee(_("Gaat de extra zorg over gedragsproblemen?"))
    zorgbehoefte_uren_per_week = forms.DecimalField(
        label=_("Zorgbehoefte in uren per week"),
        required=False,
        min_value=0,
        max_digits=6,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("Hoeveel uur zorg per week de cliënt echt nodig heeft."),
    )
    profiel_uren_per_week = forms.DecimalField(
        label=_("Uren van het zorgprofiel per week"),
        required=False,
        min_value=0,
        max_digits=6,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("Leeg laten: dan gebruiken we de uren uit de catalogus, als die bekend zijn."),
    )
    gebruikte_regelingen = forms.MultipleChoiceField(
        label=_("Welke regelingen heeft de cliënt al?"),
        required=False,
        choices=[*Regeling.choices, (GEEN, _("Geen van deze"))],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: niet bekend."),
    )
    toeslag_type = forms.ChoiceField(
        label=_("Om welke toeslag gaat het?"),
        required=False,
        help_text=_("Alleen nodig als u een toeslag wilt toetsen."),
    )

    FIELDSETS = [
        (_("Peildatum"), ["peildatum"]),
        (
            _("Het indicatiebesluit"),
            ["zorgprofiel", "zzp_2014", "leveringsvorm", "grondslagen", "ciz_markers"],
        ),
        (
            _("Over de cliënt"),
            [
                "geboortedatum",
                "kind_jonger_dan_18",
                "werk_of_studie",
                "cognitieve_beperking",
                "medische_noodzaak_permanent_toezicht",
                "zelf_pgb_beheren",
                "mantelzorg",
            ],
        ),
        (
            _("De extra zorg"),
            [
                "gedragsproblematiek",
                "zorgbehoefte_uren_per_week",
                "profiel_uren_per_week",
                "gebruikte_regelingen",
                "toeslag_type",
            ],
        ),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zorgprofiel"].choices = _profielkeuzes([(WEET_NIET, _("— Weet ik niet —"))])
        self.fields["zzp_2014"].choices = _profielkeuzes(
            [(WEET_NIET, _("— Weet ik niet —")), (GEEN, _("Geen zzp van de lijst, of geen zzp"))]
        )
        toeslagen: dict[str, str] = {}
        for code, naam in (
            ToeslagType.objects.filter(actief=True)
            .order_by("naam", "-geldig_vanaf")
            .values_list("code", "naam")
        ):
            toeslagen.setdefault(code, naam)
        self.fields["toeslag_type"].choices = [
            (WEET_NIET, _("— Geen toeslag gekozen —")),
            *toeslagen.items(),
        ]

    def fieldsets(self):
        return [(legend, [self[naam] for naam in namen]) for legend, namen in self.FIELDSETS]

    @classmethod
    def initial_uit_query(cls, query) -> dict:
        """Pre-fill from a link such as ?zorgprofiel=VG7&leveringsvorm=pgb (nothing stored)."""
        initial: dict = {"peildatum": timezone.localdate()}
        for naam, veld in cls.base_fields.items():
            if naam not in query:
                continue
            if isinstance(veld, forms.MultipleChoiceField):
                initial[naam] = query.getlist(naam)
            elif naam in JA_NEE_VELDEN:
                waarde = query.get(naam, "").lower()
                initial[naam] = JA_NEE_ALIASSEN.get(waarde, waarde)
            else:
                initial[naam] = query.get(naam)
        return initial

    def clean_peildatum(self):
        peildatum = self.cleaned_data["peildatum"]
        if peildatum < date(2015, 1, 1):
            raise forms.ValidationError(
                _("De Wlz bestaat sinds 1 januari 2015. Kies een latere datum.")
            )
        return peildatum

    def _clean_met_geen(self, naam: str) -> list[str]:
        waarden = self.cleaned_data[naam]
        if GEEN in waarden and len(waarden) > 1:
            raise forms.ValidationError(_("Kies 'Geen van deze' of een of meer andere opties."))
        return waarden

    def clean_ciz_markers(self):
        return self._clean_met_geen("ciz_markers")

    def clean_gebruikte_regelingen(self):
        return self._clean_met_geen("gebruikte_regelingen")

    def clean(self):
        data = super().clean()
        geboren, peildatum = data.get("geboortedatum"), data.get("peildatum")
        if geboren and peildatum and geboren > peildatum:
            self.add_error("geboortedatum", _("De geboortedatum ligt na de peildatum."))
        return data

    def situatie(self) -> Situatie:
        """The facts as the engine reads them: "weet ik niet" and nothing ticked become None."""
        d = self.cleaned_data

        def keuze(naam):
            return d.get(naam) or None

        def lijst(naam):
            waarden = d.get(naam) or []
            if not waarden:
                return None
            return frozenset(w for w in waarden if w != GEEN)

        zzp = d.get("zzp_2014")
        return met_catalogusuren(
            Situatie(
                zorgprofiel=keuze("zorgprofiel"),
                zzp_2014="" if zzp == GEEN else (zzp or None),
                leveringsvorm=keuze("leveringsvorm"),
                geboortedatum=d.get("geboortedatum"),
                grondslagen=lijst("grondslagen"),
                ciz_markers=lijst("ciz_markers"),
                gebruikte_regelingen=lijst("gebruikte_regelingen"),
                toeslag_type=keuze("toeslag_type"),
                zorgbehoefte_uren_per_week=d.get("zorgbehoefte_uren_per_week"),
                profiel_uren_per_week=d.get("profiel_uren_per_week"),
                **{naam: {"ja": True, "nee": False}.get(d.get(naam)) for naam in JA_NEE_VELDEN},
            )
        )
