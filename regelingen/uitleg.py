"""Plain-Dutch presentation of engine results: titles, labels and "wat kunt u doen".

Only wording lives here; every decision comes from `engine.evalueer`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .engine import ONVOLDOENDE_GEGEVENS, VOLDOET, VOLDOET_NIET, Resultaat, Voorwaarde, bedrag_tekst

TITELS = {
    "meerzorg": gettext_lazy("Meerzorg"),
    "toeslag": gettext_lazy("Toeslag"),
    "ekt": gettext_lazy("Extra kosten thuis (ekt)"),
    "pab": gettext_lazy("Persoonlijk assistentiebudget (pab)"),
}
UITLEG = {
    "meerzorg": gettext_lazy(
        "Meer zorg dan het zorgprofiel geeft, als de zorgbehoefte veel hoger is."
    ),
    "toeslag": gettext_lazy(
        "Extra geld voor zorg bij bepaalde aandoeningen, zoals beademing of epilepsie."
    ),
    "ekt": gettext_lazy("Meer budget voor zorg thuis, zodat de cliënt thuis kan blijven wonen."),
    "pab": gettext_lazy(
        "Een hoger pgb voor volwassenen met een zware lichamelijke beperking die hun leven "
        "zelf regelen."
    ),
}
UITKOMST_LABELS = {
    VOLDOET: gettext_lazy("Voldoet"),
    VOLDOET_NIET: gettext_lazy("Voldoet niet"),
    ONVOLDOENDE_GEGEVENS: gettext_lazy("Onvoldoende gegevens"),
}
AANVRAGER = {
    "zorgaanbieder": gettext_lazy("De zorgaanbieder vraagt dit aan bij het zorgkantoor."),
    "client": gettext_lazy(
        "De cliënt (of de vertegenwoordiger) vraagt dit zelf aan bij het zorgkantoor."
    ),
    "zorgaanbieder of client": gettext_lazy(
        "Bij een pgb vraagt de cliënt dit aan; bij zorg in natura doet de zorgaanbieder dat."
    ),
}


@dataclass(frozen=True)
class VoorwaardeRegel:
    status: str  # "voldaan" | "niet_voldaan" | "onbekend", also the CSS modifier
    label: str
    voorwaarde: Voorwaarde


@dataclass(frozen=True)
class Kaart:
    regeling: str
    titel: str
    uitleg: str
    uitkomst: str
    uitkomst_label: str
    samenvatting: str
    voorwaarden: list[VoorwaardeRegel]
    stappen: list[str]
    documenten: list[str]
    grenzen: list[tuple[str, str]]
    opmerkingen: list[str]


def _regel(v: Voorwaarde) -> VoorwaardeRegel:
    if v.voldaan is True:
        return VoorwaardeRegel("voldaan", _("Voldaan"), v)
    if v.voldaan is False:
        return VoorwaardeRegel("niet_voldaan", _("Niet voldaan"), v)
    return VoorwaardeRegel("onbekend", _("Niet bekend"), v)


def _samenvatting(r: Resultaat) -> str:
    naam = str(TITELS[r.regeling]).lower() if r.regeling != "toeslag" else _("een toeslag")
    if r.uitkomst == VOLDOET:
        return _("De cliënt voldoet aan alle voorwaarden voor %(r)s.") % {"r": naam}
    if r.uitkomst == VOLDOET_NIET:
        return _("De cliënt voldoet niet aan alle voorwaarden voor %(r)s.") % {"r": naam}
    return _("We weten nog niet genoeg om te zeggen of %(r)s past.") % {"r": naam}


def wat_kunt_u_doen(r: Resultaat) -> list[str]:
    """Next steps for this outcome: apply, complete the facts, or ask for advice."""
    g = r.grenzen
    stappen: list[str] = []
    if r.uitkomst == VOLDOET:
        stappen.append(str(AANVRAGER.get(g.get("aanvrager"), "")))
        for advies in g.get("vereist_advies") or []:
            stappen.append(_("Het zorgkantoor vraagt advies aan het %(a)s.") % {"a": advies})
        stappen.extend(g.get("vereiste_stappen") or [])
        stappen.append(_("Het zorgkantoor beslist binnen 8 weken nadat de aanvraag compleet is."))
    elif r.uitkomst == ONVOLDOENDE_GEGEVENS:
        stappen.append(
            _("Vul de gegevens in die hierboven als 'niet bekend' staan en toets opnieuw.")
        )
        if g.get("aanvrager"):
            stappen.append(str(AANVRAGER[g["aanvrager"]]))
    else:
        stappen.append(
            _(
                "Deze regeling past nu niet, om de reden die hierboven staat. Klopt een gegeven "
                "niet, of verandert de situatie? Toets dan opnieuw."
            )
        )
        stappen.append(
            _("Twijfelt u? Vraag het zorgkantoor of een onafhankelijke cliëntondersteuner.")
        )
    return [s for s in stappen if s]


def _grenzen(r: Resultaat) -> list[tuple[str, str]]:
    g = r.grenzen
    regels: list[tuple[str, str]] = []
    if g.get("max_periode_maanden"):
        regels.append((_("Maximale duur"), _("%(m)s maanden") % {"m": g["max_periode_maanden"]}))
    if "max_ophoging_procent" in g:
        waarde = g["max_ophoging_procent"]
        regels.append(
            (
                _("Maximale verhoging"),
                _("naar behoefte") if waarde is None else f"{waarde}%",
            )
        )
    if g.get("max_bedrag_per_jaar") is not None:
        regels.append((_("Maximaal budget per jaar"), bedrag_tekst(g["max_bedrag_per_jaar"])))
    if g.get("mantelzorg_aftrek_uren_per_week") is not None:
        regels.append(
            (
                _("Aftrek bij mantelzorg"),
                _("%(u)s uur per week") % {"u": g["mantelzorg_aftrek_uren_per_week"]},
            )
        )
    if g.get("overschrijding_procent") is not None:
        regels.append(
            (
                _("Zorgbehoefte boven het profiel"),
                f"{str(g['overschrijding_procent']).replace('.', ',')}%",
            )
        )
    return regels


def kaarten(resultaten: list[Resultaat]) -> list[Kaart]:
    return [
        Kaart(
            regeling=r.regeling,
            titel=str(TITELS[r.regeling]),
            uitleg=str(UITLEG[r.regeling]),
            uitkomst=r.uitkomst,
            uitkomst_label=str(UITKOMST_LABELS[r.uitkomst]),
            samenvatting=_samenvatting(r),
            voorwaarden=[_regel(v) for v in r.voorwaarden],
            stappen=wat_kunt_u_doen(r),
            documenten=list(r.grenzen.get("vereiste_documenten") or []),
            grenzen=_grenzen(r),
            opmerkingen=list(r.grenzen.get("opmerkingen") or []),
        )
        for r in resultaten
    ]
