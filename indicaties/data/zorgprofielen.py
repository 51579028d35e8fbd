"""Wlz-zorgprofielen (Regeling langdurige zorg, bijlage A) als platte referentiedata.

Pure Python, geen Django-imports.

``ZORGPROFIELEN`` bevat ``(code, sector, naam)`` voor elk zorgprofiel van de sectoren VV, VG,
LVG, SGLVG, LG, ZGaud, ZGvis, GGZ-B en GGZ-W. De zorgprofielen volgden per 1 januari 2015 de
AWBZ-zorgzwaartepakketten (ZZP's) op; de code volgt het oude ZZP-nummer (``VG7`` = ZZP 7 VG).

Codering (eigen conventie van dit project, geen officiële codelijst):
    ``VV4`` .. ``VV10``, ``VV9B`` (ZZP 9b VV), ``VG3`` .. ``VG8``, ``LVG1`` .. ``LVG5``,
    ``SGLVG1``, ``LG2``/``LG4`` .. ``LG7``, ``ZGaud2`` .. ``ZGaud4``, ``ZGvis2`` .. ``ZGvis5``,
    ``GGZ3B`` .. ``GGZ7B``, ``GGZW1`` .. ``GGZW5``.
    Vektis (codelijst COD163) en het CIZ schrijven dezelfde profielen als ``7VG``, ``9bVV``,
    ``6bGGZ``/``6GGZ B`` of ``1GGZ W``; vertaal bij uitwisseling dus altijd expliciet.

Namen: de regeling zet de sectorafkorting voor de naam ("VG Wonen met ..."). Hier is dat
voorvoegsel weggelaten (de sector staat in een eigen veld); de rest is letterlijk overgenomen,
inclusief hoofdletters en leestekens ("(Besloten) wonen ...", "verzorging/verpleging").

Bronnen
    * Regeling langdurige zorg (BWBR0036014), bijlage A bij artikel 2.1, tekst zoals geldend
      vanaf 1-1-2015 (kopie in de GitHub-repository statengeneraal/laws-markdown). Hieruit
      komen alle namen behalve GGZ-W, en de lijst welke oude ZZP's als zorgprofiel bestaan
      (geen VV1-3, VG1-2, LG1/LG3, ZGvis1, ZGaud1, GGZ-B 1-2, GGZ-C).
    * GGZ-W (toegevoegd per 1-1-2021, bij de openstelling van de Wlz voor mensen met een
      psychische stoornis): de vijf namen komen NIET uit de regelingtekst zelf (die versie had
      ik niet), maar uit Vektis COD163 (zoals overgenomen in publieke code: "1GGZ W Wonen met
      intensieve begeleiding" ... "5GGZ W Beveiligd Wonen vanwege extreme
      gedragsproblematiek met zeer intensieve begeleiding") en uit het codesysteem
      "NL GF WLZ Zorgprofielen" van minvws/generiekefuncties-docs ("GGZ wonen met ...").
      Die twee bronnen verschillen alleen in het voorvoegsel "GGZ" en in hoofdletters.
    * Uren per week: zie ``INDICATIEVE_UREN_PER_WEEK`` hieronder.

Onzeker / nog te controleren tegen wetten.overheid.nl (actuele bijlage A)
    * Exacte officiële schrijfwijze van de GGZ-W-namen (met of zonder "GGZ"-voorvoegsel,
      "Beveiligd wonen" vs. "Beveiligd Wonen").
    * VV10 staat in bijlage A (2015) en in Vektis COD163, maar ontbreekt in de recentere
      minvws-lijst en volgens meerdere zorgaanbieders indiceert het CIZ VV10 sinds circa 2018
      niet meer (palliatief-terminale zorg loopt via andere routes). Opgenomen omdat de
      opdracht erom vraagt; behandel het als mogelijk vervallen profiel.
    * LVG1-LVG5: de minvws-lijst voegt "(18 tot 23 jaar)" aan de namen toe; bijlage A (2015)
      niet. Hier zonder die toevoeging.
    * Latere wijzigingen van bijlage A na 2021 heb ik niet kunnen nalezen.
"""

# (code, sector, naam) -- volgorde en namen volgen bijlage A van de Regeling langdurige zorg.
ZORGPROFIELEN: list[tuple[str, str, str]] = [
    # Sector Verpleging en verzorging (VV)
    ("VV4", "VV", "Beschut wonen met intensieve begeleiding en uitgebreide verzorging"),
    ("VV5", "VV", "Beschermd wonen met intensieve dementiezorg"),
    ("VV6", "VV", "Beschermd wonen met intensieve verzorging en verpleging"),
    (
        "VV7",
        "VV",
        "Beschermd wonen met zeer intensieve zorg, vanwege specifieke aandoeningen, "
        "met de nadruk op begeleiding",
    ),
    (
        "VV8",
        "VV",
        "Beschermd wonen met zeer intensieve zorg, vanwege specifieke aandoeningen, "
        "met de nadruk op verzorging/verpleging",
    ),
    # ZZP 9b VV; tijdelijk profiel (indicatie max. zes maanden, art. 3.2 lid 3 Rlz).
    ("VV9B", "VV", "Herstelgerichte behandeling met verpleging en verzorging"),
    # Onzeker of het CIZ dit profiel nog indiceert; zie module-docstring.
    ("VV10", "VV", "Beschermd verblijf met intensieve palliatief-terminale zorg"),
    # Sector Verstandelijk gehandicapt (VG)
    ("VG3", "VG", "Wonen met begeleiding en verzorging"),
    ("VG4", "VG", "Wonen met begeleiding en intensieve verzorging"),
    # Let op: de oude ZZP 5 VG heette "Wonen met begeleiding en zeer intensieve verzorging".
    ("VG5", "VG", "Wonen met intensieve begeleiding en intensieve verzorging"),
    ("VG6", "VG", "Wonen met intensieve begeleiding, verzorging en gedragsregulering"),
    (
        "VG7",
        "VG",
        "(Besloten) wonen met zeer intensieve begeleiding, verzorging en gedragsregulering",
    ),
    ("VG8", "VG", "Wonen met begeleiding en volledige verzorging en verpleging"),
    # Sector Licht verstandelijk gehandicapt (LVG)
    ("LVG1", "LVG", "Wonen met enige behandeling en begeleiding"),
    ("LVG2", "LVG", "Wonen met behandeling en begeleiding"),
    ("LVG3", "LVG", "Wonen met intensieve behandeling en begeleiding, kleine groep"),
    ("LVG4", "LVG", "Wonen met zeer intensieve behandeling en begeleiding"),
    ("LVG5", "LVG", "Besloten wonen met zeer intensieve behandeling en begeleiding"),
    # In bijlage A onder de LVG-sector ("LVG Behandeling in een SGLVG behandelcentrum").
    ("SGLVG1", "SGLVG", "Behandeling in een SGLVG behandelcentrum"),
    # Sector Lichamelijk gehandicapt (LG); LG1 en LG3 zijn geen Wlz-zorgprofiel.
    ("LG2", "LG", "Wonen met begeleiding en enige verzorging"),
    ("LG4", "LG", "Wonen met begeleiding en verzorging"),
    ("LG5", "LG", "Wonen met begeleiding en intensieve verzorging"),
    ("LG6", "LG", "Wonen met intensieve begeleiding en intensieve verzorging"),
    ("LG7", "LG", "Wonen met zeer intensieve begeleiding en zeer intensieve verzorging"),
    # Sector Zintuiglijk gehandicapt, auditief en communicatief (ZGaud); geen ZGaud1.
    ("ZGaud2", "ZGaud", "Wonen met intensieve begeleiding en verzorging"),
    ("ZGaud3", "ZGaud", "Wonen met intensieve begeleiding en intensieve verzorging"),
    ("ZGaud4", "ZGaud", "Wonen met intensieve begeleiding en enige verzorging"),
    # Sector Zintuiglijk gehandicapt, visueel (ZGvis); geen ZGvis1.
    ("ZGvis2", "ZGvis", "Wonen met begeleiding en enige verzorging"),
    ("ZGvis3", "ZGvis", "Wonen met intensieve begeleiding en verzorging"),
    ("ZGvis4", "ZGvis", "Wonen met intensieve begeleiding en intensieve verzorging"),
    ("ZGvis5", "ZGvis", "Wonen met zeer intensieve begeleiding en zeer intensieve verzorging"),
    # Sector GGZ, B-groep (GGZ-B): voortgezet verblijf met behandeling.
    ("GGZ3B", "GGZ-B", "Voortgezet verblijf met intensieve begeleiding"),
    ("GGZ4B", "GGZ-B", "Voortgezet verblijf met intensieve begeleiding en verzorging"),
    ("GGZ5B", "GGZ-B", "Voortgezet verblijf met intensieve begeleiding en gedragsregulering"),
    (
        "GGZ6B",
        "GGZ-B",
        "Voortgezet verblijf met intensieve begeleiding en intensieve verpleging en verzorging",
    ),
    (
        "GGZ7B",
        "GGZ-B",
        "Beveiligd voortgezet verblijf vanwege extreme gedragsproblematiek met zeer intensieve "
        "begeleiding",
    ),
    # Sector GGZ, W-groep (GGZ-W, "GGZ Wonen"), sinds 1-1-2021. Namen via Vektis COD163 /
    # minvws, niet uit de regelingtekst zelf: schrijfwijze onzeker (zie module-docstring).
    ("GGZW1", "GGZ-W", "Wonen met intensieve begeleiding"),
    ("GGZW2", "GGZ-W", "Wonen met intensieve begeleiding en verzorging"),
    ("GGZW3", "GGZ-W", "Wonen met intensieve begeleiding en gedragsregulering"),
    ("GGZW4", "GGZ-W", "Wonen met intensieve begeleiding en intensieve verpleging en verzorging"),
    (
        "GGZW5",
        "GGZ-W",
        "Beveiligd wonen vanwege extreme gedragsproblematiek met zeer intensieve begeleiding",
    ),
]

SECTOREN: tuple[str, ...] = ("VV", "VG", "LVG", "SGLVG", "LG", "ZGaud", "ZGvis", "GGZ-B", "GGZ-W")

# Indicatieve uren directe zorg per week (midden van de ZZP-bandbreedte), alleen waar een bron
# gevonden is. Sterk voorbehoud:
#   * Dit zijn de oude AWBZ-ZZP-bandbreedtes uit voorlichtingsmateriaal (circa 2009-2014). De
#     NZa/HHM-urennorm per ZZP wordt niet meer bijgehouden; het tarief is sinds jaren in euro's
#     opgebouwd, niet in uren (infomedic.nl, "Hoeveel uren zorg per ZZP?").
#   * Alle drie bronnen zijn secundair (zorgaanbieders / Q&A-sites), geen NZa-publicatie.
#   * Voor VG, LVG, LG, ZG en GGZ heb ik geen betrouwbare bandbreedte gevonden: weggelaten.
#     (Bijlage C van de Rlz geeft per profiel wel pgb-klassen per functie, maar de
#     klassegrenzen in uren heb ik niet kunnen verifiëren.)
INDICATIEVE_UREN_PER_WEEK: dict[str, float] = {
    # "11,0 tot 13,5 uur per week" (korteantwoorden.com, ZZP 4); zorggroepsolis.nl noemt
    # "gemiddeld 13 uur". Midden van de bandbreedte: 12,25.
    "VV4": 12.25,
    # "gemiddeld aantal uren hulp en zorg bij ZZP 5 is 18 uur per week" (inovum.nl).
    "VV5": 18.0,
    # "gemiddeld aantal uren hulp en zorg bij ZZP 7 is 22 uur per week" (korteantwoorden.com).
    "VV7": 22.0,
}


if __name__ == "__main__":
    codes = [code for code, _sector, _naam in ZORGPROFIELEN]
    assert len(codes) == len(set(codes)), "dubbele code"
    assert {sector for _code, sector, _naam in ZORGPROFIELEN} == set(SECTOREN)
    assert all(naam and naam == naam.strip() for _code, _sector, naam in ZORGPROFIELEN)
    assert set(INDICATIEVE_UREN_PER_WEEK) <= set(codes)
    print(f"{len(ZORGPROFIELEN)} zorgprofielen, {len(INDICATIEVE_UREN_PER_WEEK)} met uren: OK")
