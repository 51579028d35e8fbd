"""Initial rule values and toeslag catalogue, loaded by migration 0002. Pure Python.

After installation the functioneel beheerder maintains these in the admin (Regelwaarde,
ToeslagType); this file is only the starting point. Sources: seed appendix 1 (quoted Rlz
articles) and chapter 2 of the NZa advice; see docs/regelingen.md for the assumptions.
"""

from datetime import date

WLZ_START = date(2015, 1, 1)
MEERZORG_VV_GGZ_START = date(2016, 1, 1)  # seed 2.2.1: meerzorg opened to V&V and GGZ in 2016

MEERZORG_GHZ = [
    "VG5",
    "VG7",
    "VG8",
    "LVG4",
    "LVG5",
    "SGLVG1",
    "LG5",
    "LG6",
    "LG7",
    "ZGaud3",
    "ZGvis5",
]
MEERZORG_VV_GGZ = ["VV7", "VV8", "GGZ6B", "GGZ7B"]

# (sleutel, geldig_vanaf, waarde, bron, toelichting)
REGELWAARDEN: list[tuple[str, date, object, str, str]] = [
    (
        "meerzorg_profielen",
        MEERZORG_VV_GGZ_START,
        ["VV7", "VV8", *MEERZORG_GHZ, "GGZ6B", "GGZ7B"],
        "Rlz art. 2.2 lid 1 onder a en b",
        "Volgorde als in de Rlz. Geldt ook voor het zzp dat de cliënt op 31-12-2014 had.",
    ),
    (
        "meerzorg_profielen",
        WLZ_START,
        MEERZORG_GHZ,
        "NZa-advies § 2.2.1 (meerzorg pas per 2016 open voor V&V en GGZ)",
        "In 2015 alleen gehandicaptenzorg; V&V en GGZ zijn per 2016 toegevoegd.",
    ),
    (
        "meerzorg_lid2_profielen",
        WLZ_START,
        ["VG5", "VG8"],
        "Rlz art. 2.2 lid 2 onder a",
        "Met CIZ-kenmerk permanent toezicht vanwege zwaar complexe somatische problematiek.",
    ),
    (
        "meerzorg_drempel_procent",
        WLZ_START,
        25,
        "Rlz art. 2.2 lid 3",
        "Zorgbehoefte in uren minimaal zoveel procent boven het midden van de zzp-bandbreedte.",
    ),
    (
        "meerzorg_max_periode_maanden",
        WLZ_START,
        {"GHZ": 36, "VV": 12, "GGZ": 12},
        "NZa-advies § 2.2.1 en § 2.4.1 (uitvoeringspraktijk zorgkantoren)",
        "GHZ één tot drie jaar; V&V en GGZ maximaal twaalf maanden. Geen Rlz-artikel.",
    ),
    (
        "ekt_leveringsvormen",
        WLZ_START,
        ["mpt", "pgb", "mpt_pgb"],
        "Rlz art. 5.3 lid 1 en 2",
        "Modulair pakket thuis, persoonsgebonden budget of een combinatie daarvan.",
    ),
    ("ekt_leeftijdsgrens", WLZ_START, 23, "Rlz art. 5.3 lid 3 onder a", ""),
    (
        "ekt_c_grondslagen",
        WLZ_START,
        ["somatisch", "lichamelijk", "zintuiglijk_auditief", "zintuiglijk_visueel"],
        "Rlz art. 5.3 lid 3 onder c",
        "",
    ),
    (
        "ekt_c_uitgesloten_grondslagen",
        WLZ_START,
        ["verstandelijk", "psychiatrisch", "psychogeriatrisch"],
        "Rlz art. 5.3 lid 3 onder c",
        "",
    ),
    (
        "ekt_profielen_naar_behoefte",
        WLZ_START,
        ["VV10"],
        "Rlz art. 5.3 lid 4 en 5",
        "Palliatief-terminale zorg thuis: verhoging voor zover nodig, boven 25%.",
    ),
    ("ekt_max_ophoging_procent", WLZ_START, 25, "Rlz art. 5.3 lid 1 en 2", ""),
    (
        "ekt_max_periode_maanden",
        WLZ_START,
        12,
        "NZa-advies § 2.4.3 en § 4.1.2 ad 4 (uitvoeringspraktijk)",
        "Geen Rlz-artikel.",
    ),
    ("pab_profielen", WLZ_START, ["LG5", "LG6", "LG7", "VV7", "VV8"], "Rlz art. 5.15a lid 1", ""),
    (
        "pab_leveringsvormen",
        WLZ_START,
        ["pgb"],
        "Rlz art. 5.15a lid 1 (verhoging van het persoonsgebonden budget)",
        "",
    ),
    ("pab_minimum_leeftijd", WLZ_START, 18, "Rlz art. 5.15a lid 1 onder b", ""),
    ("pab_max_bedrag_per_jaar", WLZ_START, "219000.00", "Rlz art. 5.15a lid 1", ""),
    (
        "pab_mantelzorg_aftrek_uren",
        WLZ_START,
        8,
        "NZa-advies bijlage 2 (uitvoeringspraktijk)",
        "Bij mantelzorg gaan 8 uur per week af van de extra zorguren. Geen Rlz-artikel.",
    ),
    (
        "uitsluitingen",
        WLZ_START,
        {"meerzorg": ["ekt"], "ekt": ["meerzorg", "pab"], "pab": ["ekt"]},
        "NZa-advies § 2.2.3 (uitvoeringspraktijk ekt)",
        "Wie meerzorg of pab heeft, komt niet in aanmerking voor ekt. Geen Rlz-artikel.",
    ),
]

_RLZ_C = "Rlz art. 2.2 lid 1 onder c"
_THUIS = ["verblijf", "vpt", "mpt", "pgb", "mpt_pgb"]

# (code, naam, artikel, instellingsgebonden, leveringsvormen, leeftijd_jonger_dan, ciz_kenmerk,
#  toelichting). Leveringsvormen per toeslag are an ASSUMPTION (see docs/regelingen.md): the seed
#  only says some toeslagen are bound to an institution and names epilepsie as one.
TOESLAGTYPEN: list[tuple[str, str, str, bool, list[str], int | None, str, str]] = [
    (
        "epilepsie",
        "Gespecialiseerde epilepsiezorg",
        _RLZ_C,
        True,
        ["verblijf"],
        None,
        "",
        "NZa-advies § 3.5 noemt deze toeslag als voorbeeld van een toeslag gebonden aan verblijf.",
    ),
    (
        "beademing_invasief",
        "Chronische invasieve beademing",
        f"{_RLZ_C}; lid 2 onder b",
        False,
        _THUIS,
        None,
        "invasieve_beademing",
        "Aanname: ook thuis (vpt, mpt, pgb). CIZ stelt de noodzaak vast.",
    ),
    (
        "beademing_non_invasief",
        "Non-invasieve beademing",
        f"{_RLZ_C}; lid 2 onder b",
        False,
        _THUIS,
        None,
        "non_invasieve_beademing",
        "Aanname: ook thuis (vpt, mpt, pgb). CIZ stelt de noodzaak vast.",
    ),
    (
        "klinisch_intensieve_behandeling",
        "Klinische intensieve behandeling",
        _RLZ_C,
        True,
        ["verblijf"],
        None,
        "",
        "Aanname: klinisch, dus alleen bij verblijf.",
    ),
    (
        "forensische_psychiatrie",
        "Niet-strafrechtelijke forensische psychiatrie",
        _RLZ_C,
        True,
        ["verblijf"],
        None,
        "",
        "Aanname: alleen bij verblijf.",
    ),
    (
        "cva",
        "CVA",
        _RLZ_C,
        False,
        ["verblijf", "vpt"],
        None,
        "",
        "Aanname: bij verblijf en vpt (zorg in natura door de aanbieder).",
    ),
    (
        "huntington",
        "Huntington",
        _RLZ_C,
        False,
        ["verblijf", "vpt"],
        None,
        "",
        "Aanname: bij verblijf en vpt. Seed § 2.2.2 noemt geen Rlz-grondslag; art. 2.2 lid 1 "
        "onder c noemt Huntington wel.",
    ),
    (
        "observatie",
        "Observatie",
        _RLZ_C,
        True,
        ["verblijf"],
        None,
        "",
        "Aanname: alleen bij verblijf.",
    ),
    (
        "jonger_dan_23",
        "Cliënt jonger dan 23 jaar in een instelling",
        "Rlz art. 2.2 lid 1 onder d",
        True,
        ["verblijf"],
        23,
        "",
        "",
    ),
]
