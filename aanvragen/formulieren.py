"""The application forms per regeling: fields, draft storage and what submitting requires.

The meerzorg form replaces the Excel minute system: care need in hours per week per category,
compared with the profile's hours, the excess shown live.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from regelingen.models import Regeling

ZORGCATEGORIEEN = [
    ("uren_adl", _("ADL en persoonlijke verzorging")),
    ("uren_verpleging", _("Verpleging")),
    ("uren_begeleiding_individueel", _("Begeleiding individueel")),
    ("uren_begeleiding_groep", _("Begeleiding in een groep")),
    ("uren_toezicht", _("Toezicht")),
    ("uren_gedragsregulering", _("Gedragsregulering")),
    ("uren_dagbesteding", _("Dagbesteding")),
    ("uren_nachtzorg", _("Nachtzorg")),
]

JA_NEE = [("", _("Nog niet bekend")), ("ja", _("Ja")), ("nee", _("Nee"))]
TOESLAG_TYPES = [
    ("epilepsie", _("Gespecialiseerde epilepsiezorg")),
    ("beademing_invasief", _("Chronische invasieve beademing")),
    ("beademing_non_invasief", _("Non-invasieve beademing")),
    ("klinisch_intensieve_behandeling", _("Klinisch intensieve behandeling")),
    ("forensische_psychiatrie", _("Niet-strafrechtelijke forensische psychiatrie")),
    ("cva", _("CVA")),
    ("huntington", _("Huntington")),
    ("observatie", _("Observatie")),
    ("jonger_dan_23", _("Jonger dan 23 jaar en verblijf in een instelling")),
]


def _ja_nee(label, help_text=""):
    return forms.TypedChoiceField(
        label=label,
        choices=JA_NEE,
        required=False,
        help_text=help_text,
        coerce=lambda v: {"ja": True, "nee": False}.get(v),
        empty_value=None,
        widget=forms.RadioSelect,
    )


def _uren(label):
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_value=168,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
        error_messages={
            "max_value": _("Een week heeft 168 uur; vul hooguit 168 in."),
            "min_value": _("Vul 0 of meer uren in."),
        },
    )


def _tekst(label, help_text=""):
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=help_text,
        max_length=5000,
    )


class AanvraagFormBasis(forms.Form):
    """Every field is optional while drafting; `verplichte_velden` says what submitting needs."""

    versie = forms.IntegerField(widget=forms.HiddenInput)

    heraanvraag_velden: tuple[str, ...] = ()

    def __init__(self, *args, heraanvraag: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not heraanvraag:
            for veld in self.heraanvraag_velden:
                self.fields.pop(veld, None)


class MeerzorgForm(AanvraagFormBasis):
    profiel_uren_per_week = forms.DecimalField(
        label=_("Uren zorg in het zorgprofiel (per week)"),
        required=False,
        min_value=0,
        max_value=168,
        decimal_places=1,
        help_text=_(
            "Het midden van de bandbreedte van het profiel. Staat het al ingevuld, dan "
            "komt het uit de catalogus."
        ),
    )
    uren_adl = _uren(_("ADL en persoonlijke verzorging"))
    uren_verpleging = _uren(_("Verpleging"))
    uren_begeleiding_individueel = _uren(_("Begeleiding individueel"))
    uren_begeleiding_groep = _uren(_("Begeleiding in een groep"))
    uren_toezicht = _uren(_("Toezicht"))
    uren_gedragsregulering = _uren(_("Gedragsregulering"))
    uren_dagbesteding = _uren(_("Dagbesteding"))
    uren_nachtzorg = _uren(_("Nachtzorg"))
    doelen = _tekst(_("Doelen van de extra zorg"))
    verwachte_resultaten = _tekst(_("Verwachte resultaten"))
    behoefte_blijvend = _ja_nee(
        _("Is de extra zorgbehoefte blijvend?"),
        _("Blijvend: de langste periode die de regeling toestaat. Tijdelijk: hooguit 12 maanden."),
    )
    gedragsproblematiek = _ja_nee(
        _("Is er sprake van gedragsproblematiek?"),
        _("Zo ja, dan vraagt het zorgkantoor advies aan het CCE."),
    )
    behaalde_resultaten = _tekst(
        _("Behaalde resultaten in de vorige periode"),
        _("Verplicht bij een heraanvraag: wat heeft de extra zorg opgeleverd?"),
    )
    toelichting = _tekst(_("Toelichting (optioneel)"))

    heraanvraag_velden = ("behaalde_resultaten",)


class ToeslagForm(AanvraagFormBasis):
    toeslag_type = forms.ChoiceField(
        label=_("Soort toeslag"), choices=[("", "—"), *TOESLAG_TYPES], required=False
    )
    toelichting = _tekst(_("Onderbouwing"), _("Waarom heeft de cliënt deze extra zorg nodig?"))
    behaalde_resultaten = _tekst(_("Behaalde resultaten in de vorige periode"))

    heraanvraag_velden = ("behaalde_resultaten",)


class EktForm(AanvraagFormBasis):
    kind_jonger_dan_18 = _ja_nee(_("Heeft de cliënt een of meer kinderen jonger dan 18 jaar?"))
    werk_of_studie = _ja_nee(_("Wil de cliënt vanuit huis werken of studeren?"))
    gevraagde_ophoging_procent = forms.DecimalField(
        label=_("Gevraagde verhoging (%)"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
        help_text=_("Hooguit 25%; bij VV10 zo veel als nodig."),
    )
    toelichting = _tekst(_("Onderbouwing"))
    behaalde_resultaten = _tekst(_("Ervaringen in de vorige periode"))

    heraanvraag_velden = ("behaalde_resultaten",)


class PabForm(AanvraagFormBasis):
    medische_noodzaak_permanent_toezicht = _ja_nee(
        _(
            "Is de cliënt om medische redenen aangewezen op permanent toezicht of 24 uur zorg in "
            "de nabijheid?"
        )
    )
    cognitieve_beperking = _ja_nee(_("Heeft de cliënt een cognitieve beperking?"))
    zelf_pgb_beheren = _ja_nee(_("Kan de cliënt het pgb zelf, zonder vertegenwoordiger, beheren?"))
    mantelzorg = _ja_nee(_("Is er mantelzorg?"), _("Met mantelzorg gaat er 8 uur per week af."))
    gevraagd_bedrag_per_jaar = forms.DecimalField(
        label=_("Gevraagd budget per jaar (€)"),
        required=False,
        min_value=0,
        decimal_places=2,
    )
    toelichting = _tekst(_("Toelichting"))


FORMULIEREN: dict[str, type[AanvraagFormBasis]] = {
    Regeling.MEERZORG: MeerzorgForm,
    Regeling.TOESLAG: ToeslagForm,
    Regeling.EKT: EktForm,
    Regeling.PAB: PabForm,
}

VERPLICHT = {
    Regeling.MEERZORG: [
        "profiel_uren_per_week",
        "doelen",
        "verwachte_resultaten",
        "behoefte_blijvend",
        "gedragsproblematiek",
    ],
    Regeling.TOESLAG: ["toeslag_type", "toelichting"],
    Regeling.EKT: ["gevraagde_ophoging_procent", "toelichting"],
    Regeling.PAB: [
        "medische_noodzaak_permanent_toezicht",
        "cognitieve_beperking",
        "zelf_pgb_beheren",
        "mantelzorg",
        "gevraagd_bedrag_per_jaar",
    ],
}


def verplichte_velden(regeling: str, soort: str) -> list[str]:
    velden = list(VERPLICHT[regeling])
    if soort == "heraanvraag" and regeling != Regeling.PAB:
        velden.append("behaalde_resultaten")
    if regeling == Regeling.MEERZORG:
        velden.append("uren_adl")  # at least the first category; see zorgbehoefte_totaal
    return velden


def _json_waarde(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral() else str(value)
    return value


def form_naar_inhoud(form: AanvraagFormBasis) -> dict[str, Any]:
    """Keep everything typed, valid or not: valid values cleaned, invalid ones as typed."""
    inhoud: dict[str, Any] = {}
    for naam, veld in form.fields.items():
        if naam == "versie":
            continue
        ruw = form.data.get(form.add_prefix(naam), "")
        try:
            waarde = veld.clean(ruw)
        except ValidationError:
            waarde = ruw
        if waarde not in (None, ""):
            inhoud[naam] = _json_waarde(waarde)
    return inhoud


def inhoud_naar_initial(inhoud: dict[str, Any]) -> dict[str, Any]:
    return {
        k: ({True: "ja", False: "nee"}[v] if isinstance(v, bool) else v) for k, v in inhoud.items()
    }


def zorgbehoefte_totaal(inhoud: dict[str, Any]) -> Decimal | None:
    """Sum of the hours per category; None when nothing (valid) was filled in."""
    totaal, gevonden = Decimal(0), False
    for naam, _label in ZORGCATEGORIEEN:
        try:
            waarde = Decimal(str(inhoud[naam]))
        except (KeyError, InvalidOperation):
            continue
        totaal += waarde
        gevonden = True
    return totaal if gevonden else None
