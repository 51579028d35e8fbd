"""The rules of meerzorg, toeslagen, ekt and pab as explainable checks at a peildatum.

Every other part of the system (API, checker page, application workflow) calls `evalueer`;
nothing else re-implements a rule. The rules are small functions over a `Situatie` (facts,
`None` = unknown) and a `Regelset` (dated values from the database). Each condition answers
True, False or None (three-valued logic); an unknown fact never becomes a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from types import MappingProxyType
from typing import Any

from django.utils.translation import gettext as _

from indicaties.models import CizMarker

from .models import Regeling, Regelsleutel, Regelwaarde, ToeslagType

VOLDOET = "voldoet"
VOLDOET_NIET = "voldoet_niet"
ONVOLDOENDE_GEGEVENS = "onvoldoende_gegevens"
UITKOMSTEN = (VOLDOET, VOLDOET_NIET, ONVOLDOENDE_GEGEVENS)

REGELINGEN: tuple[str, ...] = tuple(Regeling.values)  # canonical output order

PERMANENT_TOEZICHT = CizMarker.PERMANENT_TOEZICHT_SOMATISCH.value
ONDERZOEK_MEERZORG = CizMarker.ONDERZOEK_MEERZORG.value
BEADEMING_MARKERS = (CizMarker.INVASIEVE_BEADEMING.value, CizMarker.NON_INVASIEVE_BEADEMING.value)

K = Regelsleutel


# --- Facts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Situatie:
    """The facts about one client. Every field is optional: None means "unknown".

    `zzp_2014` is the zzp on 31-12-2014 (same codes as the profiles); the empty string means
    "known: no zzp on that list", None means "not known". Set-valued fields use frozensets so
    the order in which facts arrive cannot matter.
    """

    zorgprofiel: str | None = None
    zzp_2014: str | None = None
    leveringsvorm: str | None = None
    geboortedatum: date | None = None
    grondslagen: frozenset[str] | None = None
    kind_jonger_dan_18: bool | None = None
    werk_of_studie: bool | None = None
    cognitieve_beperking: bool | None = None
    medische_noodzaak_permanent_toezicht: bool | None = None
    zelf_pgb_beheren: bool | None = None
    gedragsproblematiek: bool | None = None
    ciz_markers: frozenset[str] | None = None
    gebruikte_regelingen: frozenset[str] | None = None
    toeslag_type: str | None = None
    zorgbehoefte_uren_per_week: Decimal | None = None
    profiel_uren_per_week: Decimal | None = None
    mantelzorg: bool | None = None  # pab: 8 h/week deducted when informal care exists

    def __post_init__(self) -> None:
        # Accept any iterable for the set fields; store frozensets (order-free, hashable).
        for naam in ("grondslagen", "ciz_markers", "gebruikte_regelingen"):
            waarde = getattr(self, naam)
            if waarde is not None and not isinstance(waarde, frozenset):
                object.__setattr__(self, naam, frozenset(waarde))
        for naam in ("zorgbehoefte_uren_per_week", "profiel_uren_per_week"):
            waarde = getattr(self, naam)
            if waarde is not None and not isinstance(waarde, Decimal):
                object.__setattr__(self, naam, Decimal(str(waarde)))


SITUATIE_VELDEN: tuple[str, ...] = tuple(f.name for f in fields(Situatie))


# --- Results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Voorwaarde:
    code: str
    voldaan: bool | None
    artikel: str
    toelichting: str

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "voldaan": self.voldaan,
            "artikel": self.artikel,
            "toelichting": self.toelichting,
        }


@dataclass(frozen=True)
class Resultaat:
    regeling: str
    uitkomst: str  # "voldoet" | "voldoet_niet" | "onvoldoende_gegevens"
    voorwaarden: tuple[Voorwaarde, ...]
    grenzen: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        """JSON-ready: the contract of POST /api/v1/regelingen/toets/."""
        return {
            "regeling": self.regeling,
            "uitkomst": self.uitkomst,
            "voorwaarden": [v.as_dict() for v in self.voorwaarden],
            "grenzen": _json(self.grenzen),
        }

    def voorwaarde(self, code: str) -> Voorwaarde:
        return next(v for v in self.voorwaarden if v.code == code)


def _json(waarde: Any) -> Any:
    if isinstance(waarde, Decimal):
        return str(waarde)
    if isinstance(waarde, Mapping):
        return {str(k): _json(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple | frozenset | set):
        items = [_json(v) for v in waarde]
        return sorted(items) if isinstance(waarde, frozenset | set) else items
    return waarde


def uitkomst_van(voorwaarden: Iterable[Voorwaarde]) -> str:
    """ "voldoet" only if every condition is met; "voldoet_niet" if any is not; else unknown."""
    waarden = [v.voldaan for v in voorwaarden]
    if any(w is False for w in waarden):
        return VOLDOET_NIET
    if waarden and all(w is True for w in waarden):
        return VOLDOET
    return ONVOLDOENDE_GEGEVENS


# --- Dated rule values ----------------------------------------------------------------------


@dataclass(frozen=True)
class ToeslagSoort:
    code: str
    naam: str
    artikel: str
    instellingsgebonden: bool
    leveringsvormen: tuple[str, ...]
    leeftijd_jonger_dan: int | None = None
    vereist_ciz_kenmerk: str = ""


@dataclass(frozen=True)
class Regelset:
    """All rule values valid at one peildatum. Build once (two queries), evaluate many times."""

    peildatum: date
    waarden: Mapping[str, Any] = field(default_factory=dict)
    toeslagtypen: Mapping[str, ToeslagSoort] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "waarden", MappingProxyType(dict(self.waarden)))
        object.__setattr__(self, "toeslagtypen", MappingProxyType(dict(self.toeslagtypen)))

    @classmethod
    def laad(cls, peildatum: date) -> Regelset:
        # Ascending geldig_vanaf: a later start date overwrites an earlier one that still runs.
        waarden: dict[str, Any] = {}
        for sleutel, waarde in (
            Regelwaarde.objects.geldig_op(peildatum)
            .order_by("sleutel", "geldig_vanaf")
            .values_list("sleutel", "waarde")
        ):
            waarden[sleutel] = waarde
        toeslagen: dict[str, ToeslagSoort] = {}
        for t in (
            ToeslagType.objects.geldig_op(peildatum)
            .filter(actief=True)
            .order_by("code", "geldig_vanaf")
        ):
            toeslagen[t.code] = ToeslagSoort(
                code=t.code,
                naam=t.naam,
                artikel=t.artikel,
                instellingsgebonden=t.instellingsgebonden,
                leveringsvormen=t.toegestane_leveringsvormen,
                leeftijd_jonger_dan=t.leeftijd_jonger_dan,
                vereist_ciz_kenmerk=t.vereist_ciz_kenmerk,
            )
        return cls(peildatum=peildatum, waarden=waarden, toeslagtypen=toeslagen)

    def lijst(self, sleutel: str) -> tuple[str, ...] | None:
        waarde = self.waarden.get(sleutel)
        return None if waarde is None else tuple(waarde)

    def getal(self, sleutel: str) -> int | None:
        waarde = self.waarden.get(sleutel)
        return None if waarde is None else int(waarde)

    def bedrag(self, sleutel: str) -> Decimal | None:
        waarde = self.waarden.get(sleutel)
        return None if waarde is None else Decimal(str(waarde)).quantize(Decimal("0.01"))

    def tabel(self, sleutel: str) -> Mapping[str, Any] | None:
        waarde = self.waarden.get(sleutel)
        return None if waarde is None else dict(waarde)


# --- Small helpers --------------------------------------------------------------------------


def _en(*waarden: bool | None) -> bool | None:
    if any(w is False for w in waarden):
        return False
    return True if all(w is True for w in waarden) else None


def _of(*waarden: bool | None) -> bool | None:
    if any(w is True for w in waarden):
        return True
    return False if all(w is False for w in waarden) else None


def leeftijd_op(geboortedatum: date, peildatum: date) -> int:
    return (
        peildatum.year
        - geboortedatum.year
        - ((peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day))
    )


def meerzorg_overschrijding_procent(behoefte: Decimal, profiel: Decimal) -> Decimal:
    """How far the need exceeds the profile hours, in percent, rounded DOWN to 2 decimals.

    Rounding down means the shown figure reaches the threshold exactly when the true value
    does, so "25,00%" never fails and "24,99%" never passes.
    """
    if profiel <= 0:
        raise ValueError("profieluren moeten groter dan 0 zijn")
    procent = (Decimal(behoefte) - Decimal(profiel)) * 100 / Decimal(profiel)
    return procent.quantize(Decimal("0.01"), rounding=ROUND_FLOOR)


def getal_tekst(d: Decimal | int) -> str:
    """Dutch notation without trailing zeros: 24,9 / 25 / 36,36."""
    tekst = f"{Decimal(d):f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


def bedrag_tekst(d: Decimal) -> str:
    """Dutch euro notation: € 219.000 or € 1.234,50."""
    heel, _punt, cent = f"{d:,.2f}".partition(".")
    heel = heel.replace(",", ".")
    return f"€ {heel}" if cent == "00" else f"€ {heel},{cent}"


def _opsomming(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + _("of") + " " + items[-1]


def hoofdsector_van_code(code: str | None) -> str | None:
    """V&V, GHZ or GGZ from a profile code (project convention, see indicaties/data)."""
    if not code:
        return None
    if code.startswith("VV"):
        return "VV"
    if code.startswith("GGZ"):
        return "GGZ"
    if code.startswith(("VG", "LVG", "SGLVG", "LG", "ZGaud", "ZGvis")):
        return "GHZ"
    return None


NAMEN = {
    Regeling.MEERZORG: "meerzorg",
    Regeling.TOESLAG: "een toeslag",
    Regeling.EKT: "ekt",
    Regeling.PAB: "pab",
}
LEVERINGSVORM_NAMEN = {
    "verblijf": "verblijf in een instelling",
    "vpt": "volledig pakket thuis (vpt)",
    "mpt": "modulair pakket thuis (mpt)",
    "pgb": "persoonsgebonden budget (pgb)",
    "mpt_pgb": "combinatie van mpt en pgb",
}


def _lv(code: str) -> str:
    return LEVERINGSVORM_NAMEN.get(code, code)


def _geen_waarde(code: str, artikel: str) -> Voorwaarde:
    return Voorwaarde(
        code,
        None,
        artikel,
        _("Voor deze peildatum is deze regel niet vastgelegd. Kies een latere peildatum."),
    )


# --- Shared conditions ----------------------------------------------------------------------


def _profiel(
    s: Situatie,
    lijst: tuple[str, ...] | None,
    regeling: str,
    artikel: str,
    artikel_zzp: str,
    artikel_beide: str,
) -> Voorwaarde:
    """Profile (lid 1 a) or old zzp on 31-12-2014 (lid 1 b) on the regeling's list."""
    naam = NAMEN[regeling]
    if lijst is None:
        return _geen_waarde("profiel", artikel)
    op_lijst = ", ".join(lijst)
    if s.zorgprofiel is not None and s.zorgprofiel in lijst:
        return Voorwaarde(
            "profiel",
            True,
            artikel,
            _("Zorgprofiel %(p)s staat op de lijst voor %(r)s.") % {"p": s.zorgprofiel, "r": naam},
        )
    if s.zzp_2014 and s.zzp_2014 in lijst:
        return Voorwaarde(
            "profiel",
            True,
            artikel_zzp,
            _("De cliënt had op 31 december 2014 zzp %(z)s. Dat staat op de lijst voor %(r)s.")
            % {"z": s.zzp_2014, "r": naam},
        )
    if s.zorgprofiel is None:
        return Voorwaarde(
            "profiel",
            None,
            artikel,
            _(
                "Het zorgprofiel is niet bekend. Vul het zorgprofiel uit het indicatiebesluit in. "
                "Op de lijst voor %(r)s staan: %(l)s."
            )
            % {"r": naam, "l": op_lijst},
        )
    if s.zzp_2014 is None:
        return Voorwaarde(
            "profiel",
            None,
            artikel_zzp,
            _(
                "Zorgprofiel %(p)s staat niet op de lijst voor %(r)s. Het is niet bekend welk zzp "
                "de cliënt op 31 december 2014 had; vul dat in, of kies 'geen'."
            )
            % {"p": s.zorgprofiel, "r": naam},
        )
    return Voorwaarde(
        "profiel",
        False,
        artikel_beide,
        _(
            "Zorgprofiel %(p)s staat niet op de lijst voor %(r)s, en de cliënt had op "
            "31 december 2014 geen zzp van die lijst. Op de lijst staan: %(l)s."
        )
        % {"p": s.zorgprofiel, "r": naam, "l": op_lijst},
    )


def _leveringsvorm(
    s: Situatie, toegestaan: tuple[str, ...] | None, regeling: str, artikel: str
) -> Voorwaarde:
    naam = NAMEN[regeling]
    if toegestaan is None:
        return _geen_waarde("leveringsvorm", artikel)
    mogelijk = _opsomming(_lv(v) for v in toegestaan)
    if s.leveringsvorm is None:
        return Voorwaarde(
            "leveringsvorm",
            None,
            artikel,
            _(
                "Het is niet bekend hoe de cliënt de zorg krijgt (de leveringsvorm). "
                "%(r)s kan alleen bij %(m)s."
            )
            % {"r": naam.capitalize(), "m": mogelijk},
        )
    if s.leveringsvorm in toegestaan:
        return Voorwaarde(
            "leveringsvorm",
            True,
            artikel,
            _("De cliënt krijgt zorg als %(lv)s. Daarbij is %(r)s mogelijk.")
            % {"lv": _lv(s.leveringsvorm), "r": naam},
        )
    return Voorwaarde(
        "leveringsvorm",
        False,
        artikel,
        _("De cliënt krijgt zorg als %(lv)s. %(r)s kan alleen bij %(m)s.")
        % {"lv": _lv(s.leveringsvorm), "r": naam.capitalize(), "m": mogelijk},
    )


UITSLUITING_ARTIKEL = "NZa-advies § 2.2.3 (uitvoeringsbeleid, geen Rlz-artikel)"


def _uitsluiting(s: Situatie, regeling: str, rs: Regelset) -> list[Voorwaarde]:
    """Regelingen that exclude each other (ekt versus meerzorg and pab)."""
    code = "geen_uitgesloten_regeling"
    tabel = rs.tabel(K.UITSLUITINGEN)
    if tabel is None:
        return [_geen_waarde(code, UITSLUITING_ARTIKEL)]
    andere = [r for r in REGELINGEN if r in tabel.get(regeling, [])]
    if not andere:
        return []
    params = {"a": _opsomming(NAMEN[r] for r in andere), "r": NAMEN[regeling]}
    if s.gebruikte_regelingen is None:
        tekst = _("Het is niet bekend of de cliënt al %(a)s heeft. Dat gaat niet samen met %(r)s.")
        return [Voorwaarde(code, None, UITSLUITING_ARTIKEL, tekst % params)]
    botsing = [r for r in andere if r in s.gebruikte_regelingen]
    if botsing:
        params["b"] = _opsomming(NAMEN[r] for r in botsing)
        tekst = _("De cliënt heeft al %(b)s. Dat gaat niet samen met %(r)s.")
        return [Voorwaarde(code, False, UITSLUITING_ARTIKEL, tekst % params)]
    tekst = _("De cliënt heeft geen %(a)s. Dat zou niet samengaan met %(r)s.")
    return [Voorwaarde(code, True, UITSLUITING_ARTIKEL, tekst % params)]


def _ja_nee(
    code: str, waarde: bool | None, artikel: str, *, gewenst: bool, ja: str, nee: str, onbekend: str
) -> Voorwaarde:
    """A yes/no fact that must have the wanted value."""
    if waarde is None:
        return Voorwaarde(code, None, artikel, onbekend)
    return Voorwaarde(code, waarde is gewenst, artikel, ja if waarde else nee)


# --- Meerzorg -------------------------------------------------------------------------------


def _meerzorg(s: Situatie, rs: Regelset) -> Resultaat:
    voorwaarden = [
        _profiel(
            s,
            rs.lijst(K.MEERZORG_PROFIELEN),
            Regeling.MEERZORG,
            "Rlz art. 2.2 lid 1 onder a",
            "Rlz art. 2.2 lid 1 onder b",
            "Rlz art. 2.2 lid 1 onder a en b",
        ),
        _zorgbehoefte(s, rs),
        *_uitsluiting(s, Regeling.MEERZORG, rs),
    ]
    opmerkingen: list[str] = []
    grenzen: dict[str, Any] = {"aanvrager": "zorgaanbieder"}

    perioden = rs.tabel(K.MEERZORG_MAX_PERIODE_MAANDEN) or {}
    sector = hoofdsector_van_code(s.zorgprofiel) or hoofdsector_van_code(s.zzp_2014)
    grenzen["max_periode_maanden"] = perioden.get(sector) if sector else None
    if grenzen["max_periode_maanden"] is None:
        opmerkingen.append(
            _(
                "De maximale duur hangt af van de sector van het zorgprofiel: gehandicaptenzorg "
                "tot 3 jaar, V&V en GGZ tot 12 maanden."
            )
        )
    drempel = rs.getal(K.MEERZORG_DREMPEL_PROCENT)
    grenzen["drempel_procent"] = drempel
    grenzen["overschrijding_procent"] = _overschrijding(s)
    grenzen["vereiste_documenten"] = [
        _("Zorgplan van de cliënt"),
        _("Overzicht van de zorgbehoefte in uren per week"),
    ]
    if s.gedragsproblematiek is True:
        grenzen["vereist_advies"] = ["CCE"]
        opmerkingen.append(
            _(
                "De aanvraag gaat over gedragsproblemen. Het zorgkantoor vraagt dan advies aan het "
                "CCE (Centrum voor Consultatie en Expertise)."
            )
        )
    elif s.gedragsproblematiek is False:
        grenzen["vereist_advies"] = []
        opmerkingen.append(
            _(
                "Gaat de aanvraag alleen over somatische zorg? Dan beoordeelt het zorgkantoor die "
                "zelf, soms met een huisbezoek."
            )
        )
    else:
        grenzen["vereist_advies"] = []
        grenzen["mogelijk_vereist_advies"] = ["CCE"]
        opmerkingen.append(
            _("Gaat de aanvraag (ook) over gedragsproblemen? Dan is advies van het CCE nodig.")
        )

    lid2 = rs.lijst(K.MEERZORG_LID2_PROFIELEN) or ()
    markers = s.ciz_markers or frozenset()
    if s.zorgprofiel in lid2 and PERMANENT_TOEZICHT in markers:
        opmerkingen.append(
            _(
                "Het CIZ heeft permanent toezicht vanwege zwaar complexe somatische problematiek "
                "vastgesteld. Dan heeft de cliënt recht op meerzorg (Rlz art. 2.2 lid 2 onder a), "
                "als de zorgbehoefte hoog genoeg is."
            )
        )
    elif s.zorgprofiel in lid2 and s.ciz_markers is None:
        opmerkingen.append(
            _(
                "Bij %(p)s: heeft het CIZ permanent toezicht vanwege zwaar complexe somatische "
                "problematiek vastgesteld? Dan geeft lid 2 onder a recht op meerzorg."
            )
            % {"p": s.zorgprofiel}
        )
    if ONDERZOEK_MEERZORG in markers:
        opmerkingen.append(
            _("Het CIZ heeft het kenmerk 'onderzoek doen naar meerzorg' meegegeven.")
        )
    for marker in BEADEMING_MARKERS:
        if marker in markers:
            opmerkingen.append(
                _("Het CIZ heeft een noodzaak tot %(m)s vastgesteld (Rlz art. 2.2 lid 2 onder b).")
                % {"m": _kenmerk_naam(marker)}
            )
    grenzen["opmerkingen"] = opmerkingen
    return Resultaat(
        Regeling.MEERZORG.value, uitkomst_van(voorwaarden), tuple(voorwaarden), grenzen
    )


def _overschrijding(s: Situatie) -> Decimal | None:
    b, p = s.zorgbehoefte_uren_per_week, s.profiel_uren_per_week
    if b is None or p is None or p <= 0:
        return None
    return meerzorg_overschrijding_procent(b, p)


def _zorgbehoefte(s: Situatie, rs: Regelset) -> Voorwaarde:
    code, artikel = "zorgbehoefte_boven_drempel", "Rlz art. 2.2 lid 3"
    drempel = rs.getal(K.MEERZORG_DREMPEL_PROCENT)
    if drempel is None:
        return _geen_waarde(code, artikel)
    b, p = s.zorgbehoefte_uren_per_week, s.profiel_uren_per_week
    ontbreekt = []
    if b is None:
        ontbreekt.append(_("de zorgbehoefte in uren per week"))
    if p is None:
        ontbreekt.append(_("het aantal uren van het zorgprofiel per week"))
    if ontbreekt:
        return Voorwaarde(
            code,
            None,
            artikel,
            _(
                "De zorgbehoefte moet minimaal %(d)s%% hoger zijn dan de uren van het zorgprofiel. "
                "Nog niet bekend: %(o)s."
            )
            % {"d": drempel, "o": " en ".join(ontbreekt)},
        )
    if p <= 0:
        return Voorwaarde(
            code,
            None,
            artikel,
            _(
                "Het aantal uren van het zorgprofiel moet groter zijn dan 0 om het verschil te "
                "berekenen."
            ),
        )
    procent = meerzorg_overschrijding_procent(b, p)
    params = {"b": getal_tekst(b), "p": getal_tekst(p), "pct": getal_tekst(procent), "d": drempel}
    if procent >= drempel:
        tekst = _(
            "De zorgbehoefte (%(b)s uur per week) ligt %(pct)s%% boven de uren van het "
            "zorgprofiel (%(p)s uur per week). Dat is minimaal %(d)s%%."
        )
    else:
        tekst = _(
            "De zorgbehoefte (%(b)s uur per week) ligt %(pct)s%% boven de uren van het "
            "zorgprofiel (%(p)s uur per week). Nodig is minimaal %(d)s%%."
        )
    return Voorwaarde(code, procent >= drempel, artikel, tekst % params)


# --- Toeslagen ------------------------------------------------------------------------------


def _toeslag(s: Situatie, rs: Regelset) -> Resultaat:
    grenzen: dict[str, Any] = {
        "aanvrager": "zorgaanbieder",
        "vereiste_documenten": [
            _("Onderbouwing van de zorgaanbieder dat de cliënt op deze extra zorg is aangewezen")
        ],
        "opmerkingen": [
            _(
                "Het zorgkantoor toetst daarnaast de voorwaarden uit de NZa-beleidsregel voor "
                "deze toeslag."
            )
        ],
    }
    artikel = "Rlz art. 2.2 lid 1 onder c en d"
    if s.toeslag_type is None:
        grenzen["toeslagtypen"] = sorted(rs.toeslagtypen)
        v = Voorwaarde(
            "toeslag_type",
            None,
            artikel,
            _("Het is niet bekend om welke toeslag het gaat. Kies een toeslag: %(t)s.")
            % {"t": ", ".join(t.naam for t in rs.toeslagtypen.values())},
        )
        return Resultaat(Regeling.TOESLAG.value, uitkomst_van([v]), (v,), grenzen)
    if not rs.toeslagtypen:
        v = _geen_waarde("toeslag_type", artikel)
        return Resultaat(Regeling.TOESLAG.value, uitkomst_van([v]), (v,), grenzen)
    soort = rs.toeslagtypen.get(s.toeslag_type)
    if soort is None:
        grenzen["toeslagtypen"] = sorted(rs.toeslagtypen)
        v = Voorwaarde(
            "toeslag_type",
            False,
            artikel,
            _("De toeslag '%(t)s' bestaat niet op de peildatum.") % {"t": s.toeslag_type},
        )
        return Resultaat(Regeling.TOESLAG.value, uitkomst_van([v]), (v,), grenzen)

    grenzen["toeslag"] = {
        "code": soort.code,
        "naam": soort.naam,
        "instellingsgebonden": soort.instellingsgebonden,
        "leveringsvormen": list(soort.leveringsvormen),
    }
    voorwaarden = [
        Voorwaarde(
            "toeslag_type",
            True,
            soort.artikel,
            _("De toeslag '%(n)s' bestaat op de peildatum.") % {"n": soort.naam},
        )
    ]
    lv = _leveringsvorm(s, soort.leveringsvormen, Regeling.TOESLAG, soort.artikel)
    if soort.instellingsgebonden and lv.voldaan is False:
        lv = replace(
            lv,
            toelichting=_(
                "De toeslag '%(n)s' hoort bij verblijf in een instelling. De cliënt "
                "krijgt zorg als %(lv)s."
            )
            % {"n": soort.naam, "lv": _lv(s.leveringsvorm)},
        )
    voorwaarden.append(lv)
    if soort.leeftijd_jonger_dan is not None:
        voorwaarden.append(_toeslag_leeftijd(s, soort, rs.peildatum))
    if soort.vereist_ciz_kenmerk:
        voorwaarden.append(_toeslag_kenmerk(s, soort))
    return Resultaat(Regeling.TOESLAG.value, uitkomst_van(voorwaarden), tuple(voorwaarden), grenzen)


def _toeslag_leeftijd(s: Situatie, soort: ToeslagSoort, peildatum: date) -> Voorwaarde:
    grens = soort.leeftijd_jonger_dan
    if s.geboortedatum is None:
        tekst = _(
            "De geboortedatum is niet bekend. Deze toeslag is alleen voor cliënten "
            "jonger dan %(g)s jaar."
        )
        return Voorwaarde("leeftijd", None, soort.artikel, tekst % {"g": grens})
    leeftijd = leeftijd_op(s.geboortedatum, peildatum)
    if leeftijd < grens:
        tekst = _("De cliënt is %(l)s jaar op de peildatum, dus jonger dan %(g)s.")
    else:
        tekst = _(
            "De cliënt is %(l)s jaar op de peildatum. Deze toeslag is alleen voor "
            "cliënten jonger dan %(g)s jaar."
        )
    return Voorwaarde(
        "leeftijd", leeftijd < grens, soort.artikel, tekst % {"l": leeftijd, "g": grens}
    )


def _toeslag_kenmerk(s: Situatie, soort: ToeslagSoort) -> Voorwaarde:
    """Lid 2 b: the CIZ establishes the need for ventilation as a marker on the indication."""
    kenmerk = _kenmerk_naam(soort.vereist_ciz_kenmerk)
    artikel = "Rlz art. 2.2 lid 2 onder b"
    if s.ciz_markers is None:
        tekst = _(
            "Het is niet bekend of het CIZ een noodzaak tot %(k)s heeft vastgesteld. "
            "Kijk in het indicatiebesluit."
        )
        return Voorwaarde("ciz_kenmerk", None, artikel, tekst % {"k": kenmerk})
    heeft = soort.vereist_ciz_kenmerk in s.ciz_markers
    if heeft:
        tekst = _("Het CIZ heeft in het indicatiebesluit een noodzaak tot %(k)s vastgesteld.")
    else:
        tekst = _(
            "In het indicatiebesluit staat geen noodzaak tot %(k)s. Die stelt het CIZ "
            "vast; vraag het CIZ zo nodig om een nieuw besluit."
        )
    return Voorwaarde("ciz_kenmerk", heeft, artikel, tekst % {"k": kenmerk})


def _kenmerk_naam(marker: str) -> str:
    return marker.replace("_", " ").replace("non invasieve", "non-invasieve")


# --- Extra kosten thuis ---------------------------------------------------------------------


def _ekt(s: Situatie, rs: Regelset) -> Resultaat:
    voorwaarden = [
        _leveringsvorm(s, rs.lijst(K.EKT_LEVERINGSVORMEN), Regeling.EKT, "Rlz art. 5.3 lid 1 en 2"),
        _doelgroep(s, rs),
        *_uitsluiting(s, Regeling.EKT, rs),
    ]
    naar_behoefte = rs.lijst(K.EKT_PROFIELEN_NAAR_BEHOEFTE) or ()
    opmerkingen: list[str] = []
    if s.zorgprofiel is not None and s.zorgprofiel in naar_behoefte:
        max_ophoging = None
        opmerkingen.append(
            _(
                "Bij zorgprofiel %(p)s mag de verhoging hoger zijn dan %(m)s%%, voor zover nodig "
                "om palliatief-terminale zorg thuis te krijgen (Rlz art. 5.3 lid 4 en 5)."
            )
            % {"p": s.zorgprofiel, "m": rs.getal(K.EKT_MAX_OPHOGING_PROCENT)}
        )
    else:
        max_ophoging = rs.getal(K.EKT_MAX_OPHOGING_PROCENT)
    if s.leveringsvorm == "pgb":
        aanvrager = "client"
    elif s.leveringsvorm == "mpt":
        aanvrager = "zorgaanbieder"
    else:
        aanvrager = "zorgaanbieder of client"
        opmerkingen.append(
            _(
                "Bij een pgb vraagt de cliënt ekt aan; bij zorg in natura (mpt) doet de "
                "zorgaanbieder dat."
            )
        )
    grenzen = {
        "aanvrager": aanvrager,
        "max_ophoging_procent": max_ophoging,
        "max_periode_maanden": rs.getal(K.EKT_MAX_PERIODE_MAANDEN),
        "vereiste_documenten": [
            _("Overzicht van de zorg thuis en wat die kost (zorgplan of budgetplan)")
        ],
        "doelgroepen": _doelgroepen(s, rs),
        "opmerkingen": opmerkingen,
    }
    return Resultaat(Regeling.EKT.value, uitkomst_van(voorwaarden), tuple(voorwaarden), grenzen)


def _doelgroepen(s: Situatie, rs: Regelset) -> dict[str, bool | None]:
    """Per target group: met, not met, or unknown. Missing rule values count as unknown."""
    grens = rs.getal(K.EKT_LEEFTIJDSGRENS)
    a = (
        None
        if s.geboortedatum is None or grens is None
        else leeftijd_op(s.geboortedatum, rs.peildatum) < grens
    )
    b = s.kind_jonger_dan_18
    passend = rs.lijst(K.EKT_C_GRONDSLAGEN)
    uitgesloten = rs.lijst(K.EKT_C_UITGESLOTEN_GRONDSLAGEN)
    if s.grondslagen is None or passend is None or uitgesloten is None:
        c_grondslag = None
    else:
        c_grondslag = bool(s.grondslagen & set(passend)) and not (s.grondslagen & set(uitgesloten))
    c = _en(c_grondslag, s.werk_of_studie)
    profielen = rs.lijst(K.EKT_PROFIELEN_NAAR_BEHOEFTE)
    vv10 = None if s.zorgprofiel is None or profielen is None else s.zorgprofiel in profielen
    return {"a": a, "b": b, "c": c, "vv10": vv10}


EKT_DOELGROEP_ARTIKEL = {
    "a": "Rlz art. 5.3 lid 3 onder a",
    "b": "Rlz art. 5.3 lid 3 onder b",
    "c": "Rlz art. 5.3 lid 3 onder c",
    "vv10": "Rlz art. 5.3 lid 4 en 5",
}


def _doelgroep(s: Situatie, rs: Regelset) -> Voorwaarde:
    """Ekt needs at least one target group: met if any is met, not met only if all are not."""
    groepen = _doelgroepen(s, rs)
    voldaan = _of(*groepen.values())
    grens = rs.getal(K.EKT_LEEFTIJDSGRENS) or 23
    leeftijd = leeftijd_op(s.geboortedatum, rs.peildatum) if s.geboortedatum else None
    ja = {
        "a": _("doelgroep a (thuis opgroeien): de cliënt is %(l)s jaar, dus jonger dan %(g)s")
        % {"l": leeftijd, "g": grens},
        "b": _("doelgroep b: de cliënt heeft een kind jonger dan 18 jaar"),
        "c": _(
            "doelgroep c: de cliënt heeft een somatische, lichamelijke of zintuiglijke "
            "beperking en wil vanuit huis werken of studeren"
        ),
        "vv10": _("zorgprofiel %(p)s: palliatief-terminale zorg thuis") % {"p": s.zorgprofiel},
    }
    if voldaan is True:
        raak = [g for g, w in groepen.items() if w is True]
        return Voorwaarde(
            "doelgroep",
            True,
            "; ".join(EKT_DOELGROEP_ARTIKEL[g] for g in raak),
            _("De cliënt hoort bij %(g)s.") % {"g": "; en bij ".join(ja[g] for g in raak)},
        )
    artikel = "Rlz art. 5.3 lid 3 onder a, b of c, of lid 4 en 5"
    nee = {
        "a": _("is %(l)s jaar (niet jonger dan %(g)s)") % {"l": leeftijd, "g": grens},
        "b": _("heeft geen kind jonger dan 18 jaar"),
        "c": _c_reden(s, rs),
        "vv10": _("heeft geen zorgprofiel VV10"),
    }
    onbekend = {
        "a": _("de geboortedatum (doelgroep a: jonger dan %(g)s)") % {"g": grens},
        "b": _("of de cliënt een kind jonger dan 18 jaar heeft (doelgroep b)"),
        "c": _("de grondslagen en of de cliënt vanuit huis wil werken of studeren (doelgroep c)"),
        "vv10": _("het zorgprofiel (VV10)"),
    }
    if voldaan is False:
        return Voorwaarde(
            "doelgroep",
            False,
            artikel,
            _(
                "Ekt is alleen voor vier groepen cliënten, en de cliënt hoort bij geen ervan: de "
                "cliënt %(r)s."
            )
            % {"r": "; ".join(nee[g] for g in groepen)},
        )
    return Voorwaarde(
        "doelgroep",
        None,
        artikel,
        _(
            "Nog niet te zeggen of de cliënt bij een doelgroep voor ekt hoort. Nog niet bekend: "
            "%(o)s."
        )
        % {"o": "; ".join(onbekend[g] for g, w in groepen.items() if w is None)},
    )


def _c_reden(s: Situatie, rs: Regelset) -> str:
    uitgesloten = set(rs.lijst(K.EKT_C_UITGESLOTEN_GRONDSLAGEN) or ())
    if s.grondslagen is not None and s.grondslagen & uitgesloten:
        return _(
            "heeft een verstandelijke handicap, psychiatrische aandoening of "
            "psychogeriatrische beperking (doelgroep c)"
        )
    if s.grondslagen is not None and not s.grondslagen & set(rs.lijst(K.EKT_C_GRONDSLAGEN) or ()):
        return _("heeft geen somatische, lichamelijke of zintuiglijke grondslag (doelgroep c)")
    return _("wil niet vanuit huis werken of studeren (doelgroep c)")


# --- Persoonlijk assistentiebudget ----------------------------------------------------------


def _pab(s: Situatie, rs: Regelset) -> Resultaat:
    artikel = "Rlz art. 5.15a lid 1"
    minimum = rs.getal(K.PAB_MINIMUM_LEEFTIJD)
    if minimum is None:
        leeftijd_v = _geen_waarde("leeftijd", f"{artikel} onder b")
    elif s.geboortedatum is None:
        leeftijd_v = Voorwaarde(
            "leeftijd",
            None,
            f"{artikel} onder b",
            _("De geboortedatum is niet bekend. Pab is voor cliënten van %(m)s jaar of ouder.")
            % {"m": minimum},
        )
    else:
        leeftijd = leeftijd_op(s.geboortedatum, rs.peildatum)
        leeftijd_v = Voorwaarde(
            "leeftijd",
            leeftijd >= minimum,
            f"{artikel} onder b",
            (
                _("De cliënt is %(l)s jaar op de peildatum, dus %(m)s jaar of ouder.")
                if leeftijd >= minimum
                else _(
                    "De cliënt is %(l)s jaar op de peildatum. Pab is pas mogelijk vanaf %(m)s jaar."
                )
            )
            % {"l": leeftijd, "m": minimum},
        )
    voorwaarden = [
        _profiel(s, rs.lijst(K.PAB_PROFIELEN), Regeling.PAB, artikel, artikel, artikel),
        _leveringsvorm(s, rs.lijst(K.PAB_LEVERINGSVORMEN), Regeling.PAB, artikel),
        _ja_nee(
            "medische_noodzaak_permanent_toezicht",
            s.medische_noodzaak_permanent_toezicht,
            f"{artikel} onder a",
            gewenst=True,
            ja=_(
                "De cliënt heeft om medische redenen permanent toezicht of 24 uur per dag zorg "
                "in de buurt nodig, voor de veiligheid in levensbedreigende situaties."
            ),
            nee=_(
                "De cliënt heeft om medische redenen geen permanent toezicht of 24 uur per dag "
                "zorg in de buurt nodig. Dat is wel een voorwaarde voor pab."
            ),
            onbekend=_(
                "Het is niet bekend of de cliënt om medische redenen permanent toezicht "
                "of 24 uur per dag zorg in de buurt nodig heeft."
            ),
        ),
        leeftijd_v,
        _ja_nee(
            "geen_cognitieve_beperking",
            s.cognitieve_beperking,
            f"{artikel} onder c",
            gewenst=False,
            ja=_(
                "De cliënt heeft een cognitieve beperking. Pab is alleen voor cliënten zonder "
                "cognitieve beperking."
            ),
            nee=_("De cliënt heeft geen cognitieve beperking."),
            onbekend=_("Het is niet bekend of de cliënt een cognitieve beperking heeft."),
        ),
        _ja_nee(
            "zelf_pgb_beheren",
            s.zelf_pgb_beheren,
            f"{artikel} onder d",
            gewenst=True,
            ja=_("De cliënt kan de taken van het pgb zelf uitvoeren, zonder vertegenwoordiger."),
            nee=_(
                "De cliënt kan de taken van het pgb niet zelf uitvoeren. Voor pab moet dat "
                "zonder hulp van een vertegenwoordiger kunnen."
            ),
            onbekend=_(
                "Het is niet bekend of de cliënt de taken van het pgb zelf kan "
                "uitvoeren, zonder vertegenwoordiger."
            ),
        ),
        *_uitsluiting(s, Regeling.PAB, rs),
    ]
    aftrek = rs.getal(K.PAB_MANTELZORG_AFTREK_UREN)
    maximum = rs.bedrag(K.PAB_MAX_BEDRAG_PER_JAAR)
    opmerkingen: list[str] = []
    if maximum is not None:
        opmerkingen.append(
            _("Het pgb kan omhoog tot maximaal %(b)s per jaar.") % {"b": bedrag_tekst(maximum)}
        )
    if aftrek is not None and s.mantelzorg is True:
        opmerkingen.append(
            _("Er is mantelzorg. Daarom gaat er %(u)s uur per week af van de extra zorguren.")
            % {"u": aftrek}
        )
    elif aftrek is not None and s.mantelzorg is None:
        opmerkingen.append(
            _("Is er mantelzorg? Dan gaat er %(u)s uur per week af van de extra zorguren.")
            % {"u": aftrek}
        )
    grenzen = {
        "aanvrager": "client",
        "max_bedrag_per_jaar": maximum,
        "mantelzorg_aftrek_uren_per_week": aftrek,
        "vereiste_documenten": [
            _("Oordeel van een behandelend arts over de medische noodzaak"),
            _("Ingevuld formulier 'Eigen regie' van het zorgkantoor"),
        ],
        "vereiste_stappen": [
            _(
                "Gesprek: het zorgkantoor moet de cliënt zelf gezien en gesproken hebben "
                "(Rlz art. 5.15a lid 2)."
            )
        ],
        "opmerkingen": opmerkingen,
    }
    return Resultaat(Regeling.PAB.value, uitkomst_van(voorwaarden), tuple(voorwaarden), grenzen)


# --- Entry points ---------------------------------------------------------------------------

_REGELS = {
    Regeling.MEERZORG.value: _meerzorg,
    Regeling.TOESLAG.value: _toeslag,
    Regeling.EKT.value: _ekt,
    Regeling.PAB.value: _pab,
}


def evalueer(
    situatie: Situatie,
    peildatum: date,
    regelingen: Iterable[str] | None = None,
    regelset: Regelset | None = None,
) -> list[Resultaat]:
    """Evaluate the asked regelingen (default: all four) in canonical order at `peildatum`."""
    if regelingen is None:
        gevraagd = REGELINGEN
    else:
        gevraagd_set = set(regelingen)
        onbekend = gevraagd_set - set(REGELINGEN)
        if onbekend:
            raise ValueError(f"onbekende regeling(en): {', '.join(sorted(onbekend))}")
        gevraagd = tuple(r for r in REGELINGEN if r in gevraagd_set)
    if regelset is None:
        regelset = Regelset.laad(peildatum)
    elif regelset.peildatum != peildatum:
        raise ValueError("de regelset hoort bij een andere peildatum")
    return [_REGELS[r](situatie, regelset) for r in gevraagd]


def situatie_voor_client(client, peildatum: date, **extra) -> Situatie:
    """The facts the system already knows about a client, plus `extra` (overrides).

    From the current Indicatiebesluit: profile, leveringsvorm, grondslagen, CIZ markers; from
    the client: date of birth and zzp on 31-12-2014 (blank there means unknown). The profile's
    hours come from the catalogue unless given. `peildatum` is part of the interface so that a
    later history-aware lookup does not change the callers.
    """
    onbekend = set(extra) - set(SITUATIE_VELDEN)
    if onbekend:
        raise TypeError(f"onbekende velden: {', '.join(sorted(onbekend))}")
    gegevens: dict[str, Any] = {
        "geboortedatum": client.geboortedatum,
        "zzp_2014": client.zzp_31_12_2014 or None,
    }
    indicatie = client.actuele_indicatie
    if indicatie is not None:
        gegevens.update(
            zorgprofiel=indicatie.zorgprofiel.code,
            leveringsvorm=indicatie.leveringsvorm,
            grondslagen=frozenset(indicatie.grondslagen or ()),
            ciz_markers=frozenset(indicatie.ciz_markers or ()),
        )
    gegevens.update(extra)
    if "profiel_uren_per_week" not in extra:
        code = gegevens.get("zorgprofiel")
        if indicatie is not None and code == indicatie.zorgprofiel.code:
            gegevens["profiel_uren_per_week"] = indicatie.zorgprofiel.uren_per_week
        else:
            gegevens.update(_catalogusuren(code))
    return Situatie(**gegevens)


def _catalogusuren(code: str | None) -> dict[str, Decimal]:
    if not code:
        return {}
    from indicaties.models import Zorgprofiel

    uren = Zorgprofiel.objects.filter(code=code).values_list("uren_per_week", flat=True).first()
    return {} if uren is None else {"profiel_uren_per_week": uren}


def met_catalogusuren(situatie: Situatie) -> Situatie:
    """Fill the profile's hours from the zorgprofiel catalogue when the caller gave none."""
    if situatie.profiel_uren_per_week is not None:
        return situatie
    return replace(situatie, **_catalogusuren(situatie.zorgprofiel))
