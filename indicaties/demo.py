"""Realistic, internally consistent demo data. Idempotent: keyed on BSN, AGB code and username.

Clients are spread over the sectors roughly like seed table 1 (gehandicaptenzorg dominant, then
V&V, a little GGZ; mostly verblijf, some at home), with a minimum of home-based clients so the
ekt and pab scenarios can be tried.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction

from . import models as m

DEMO_WACHTWOORD = "Zorgportaal-demo-2026"
SEED = 20261122

AANBIEDERS = [
    # (agb, naam, plaats, regio-naam)
    ("22000101", "Stichting De Heuvelrug Zorg", "Zeist", "Utrecht"),
    ("22000102", "Amerpoort Wonen", "Utrecht", "Utrecht"),
    ("22000103", "Zorggroep Vecht en Rijn", "Maarssen", "Utrecht"),
    ("22000104", "Thuiszorg Domstad", "Utrecht", "Utrecht"),
    ("22000201", "Cordaan Gehandicaptenzorg", "Amsterdam", "Amsterdam"),
    ("22000202", "Amstelring Verpleging", "Amsterdam", "Amsterdam"),
    ("22000301", "Noorderbreedte Zorg", "Groningen", "Groningen"),
    ("22000401", "Severinus Wonen", "Veldhoven", "Zuidoost-Brabant"),
    ("22000501", "Ipse de Bruggen", "Zoetermeer", "Haaglanden"),
    ("22000601", "GGZ Rivierduinen Wonen", "Leiden", "Zuid-Holland Noord"),
]

GEBRUIKERS = [
    # (username, voornaam, achternaam, rol, zorgkantoor-naam, aanbieder-agb, organisatie)
    ("zk.medewerker", "Marieke", "de Vries", m.Rol.ZK_MEDEWERKER, "Utrecht", None, ""),
    ("zk.medewerker2", "Youssef", "El Amrani", m.Rol.ZK_MEDEWERKER, "Utrecht", None, ""),
    ("zk.senior", "Hans", "Verbeek", m.Rol.ZK_SENIOR, "Utrecht", None, ""),
    ("zk.amsterdam", "Lotte", "Kramer", m.Rol.ZK_MEDEWERKER, "Amsterdam", None, ""),
    ("aanbieder", "Petra", "Hoekstra", m.Rol.ZA_MEDEWERKER, None, "22000101", ""),
    ("aanbieder2", "Ahmed", "Bouzid", m.Rol.ZA_MEDEWERKER, None, "22000102", ""),
    ("ondersteuner", "Ineke", "Wolters", m.Rol.CLIENTONDERSTEUNER, None, None, "MEE Utrecht"),
    ("cce", "Gerard", "Dijkstra", m.Rol.CCE_ADVISEUR, None, None, "CCE"),
    ("beheer", "Femke", "Schouten", m.Rol.FUNCTIONEEL_BEHEERDER, None, None, "Zorgkantoor Utrecht"),
]

# Sector weights follow seed table 1 (3,544 ghz, 335 vv, 20 ggz users of extra care),
# softened so every sector shows up in a demo of a few hundred clients.
SECTOR_GEWICHTEN = {"GHZ": 78, "VV": 16, "GGZ": 6}
GHZ_SECTOREN = ["VG", "VG", "VG", "LVG", "LG", "LG", "ZGaud", "ZGvis", "SGLVG"]
GRONDSLAG_PER_SECTOR = {
    "VV": ["somatisch"],
    "VG": ["verstandelijk"],
    "LVG": ["verstandelijk"],
    "SGLVG": ["verstandelijk", "psychiatrisch"],
    "LG": ["lichamelijk"],
    "ZGaud": ["zintuiglijk_auditief"],
    "ZGvis": ["zintuiglijk_visueel"],
    "GGZ-B": ["psychiatrisch"],
    "GGZ-W": ["psychiatrisch"],
}
VOORNAMEN = [
    "Anna",
    "Mohamed",
    "Henk",
    "Fatima",
    "Jan",
    "Sanne",
    "Eva",
    "Daan",
    "Noah",
    "Emma",
    "Lucas",
    "Julia",
    "Sem",
    "Mila",
    "Finn",
    "Tess",
    "Bram",
    "Zoë",
    "Ayoub",
    "Ilse",
    "Kees",
    "Wilma",
    "Gerrit",
    "Noor",
    "Ömer",
    "Chantal",
    "Rik",
    "Joke",
]
ACHTERNAMEN = [
    ("", "Jansen"),
    ("de", "Jong"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("van", "Dijk"),
    ("", "Yilmaz"),
    ("", "Bos"),
    ("van der", "Meer"),
    ("", "Hendriks"),
    ("", "Dekker"),
    ("van", "Leeuwen"),
    ("", "Brouwer"),
    ("", "Kaya"),
    ("", "Peters"),
    ("", "Vermeulen"),
    ("de", "Graaf"),
]


def geldig_bsn(rnd: random.Random) -> str:
    while True:
        digits = [rnd.randint(1, 9)] + [rnd.randint(0, 9) for _ in range(7)]
        s = sum(w * d for w, d in zip(range(9, 1, -1), digits, strict=True))
        if s % 11 < 10 and s - s % 11 != 0:
            return "".join(map(str, digits)) + str(s % 11)


def _postcode_in(rnd: random.Random, zorgkantoor: m.Zorgkantoor) -> str:
    gebied = rnd.choice(list(zorgkantoor.postcodegebieden.all()))
    cijfers = rnd.randint(gebied.postcode_van, gebied.postcode_tot)
    letters = rnd.choice("ABCDEGHJKLMNPRSTVWXZ") + rnd.choice("ABCDEGHJKLMNPRSTVWXZ")
    return f"{cijfers} {letters}"


def _kies_profiel(rnd: random.Random, profielen: dict[str, list[m.Zorgprofiel]]) -> m.Zorgprofiel:
    hoofd = rnd.choices(list(SECTOR_GEWICHTEN), weights=list(SECTOR_GEWICHTEN.values()))[0]
    if hoofd == "VV":
        sector = "VV"
    elif hoofd == "GGZ":
        sector = rnd.choice(["GGZ-B", "GGZ-W"])
    else:
        sector = rnd.choice(GHZ_SECTOREN)
    return rnd.choice(profielen[sector])


@transaction.atomic
def laad(aantal_clienten: int = 300, stdout=None) -> dict[str, int]:
    zk = {z.naam: z for z in m.Zorgkantoor.objects.prefetch_related("postcodegebieden")}
    profielen: dict[str, list[m.Zorgprofiel]] = {}
    for p in m.Zorgprofiel.objects.filter(actief=True):
        profielen.setdefault(p.sector, []).append(p)

    for zorgkantoor in zk.values():
        if not zorgkantoor.email:
            slug = zorgkantoor.code.lower()
            zorgkantoor.email = f"wlz-team-{slug}@zorgkantoor.test"
            zorgkantoor.adres = f"Postbus {1000 + int(zorgkantoor.code[1:])}, {zorgkantoor.naam}"
            zorgkantoor.telefoon = "088 123 45 67"
            zorgkantoor.save(update_fields=["email", "adres", "telefoon"])

    aanbieders = {}
    for agb, naam, plaats, _regio in AANBIEDERS:
        aanbieders[agb], _ = m.Zorgaanbieder.objects.get_or_create(
            agb_code=agb,
            defaults={"naam": naam, "plaats": plaats, "email": f"zorgbemiddeling@{agb}.test"},
        )
    aanbieders_per_regio: dict[str, list[m.Zorgaanbieder]] = {}
    for agb, _naam, _plaats, regio in AANBIEDERS:
        aanbieders_per_regio.setdefault(regio, []).append(aanbieders[agb])

    # Clients: 60% in Utrecht (where most demo users work), the rest spread over the regions
    # that have a demo provider, so every provider has clients.
    regio_namen = list(aanbieders_per_regio)
    nieuw = 0
    demo_clients = []
    for i in range(aantal_clienten):
        rnd = random.Random(SEED * 1000 + i)  # per client: reruns give the same client
        regio = "Utrecht" if i % 5 < 3 else regio_namen[i % len(regio_namen)]
        zorgkantoor = zk[regio]
        bsn = geldig_bsn(rnd)
        tussen, achter = rnd.choice(ACHTERNAMEN)
        profiel = _kies_profiel(rnd, profielen)
        # Mostly verblijf (seed: ~94% intramural), but every 6th client lives at home.
        if i % 6 == 5:
            leveringsvorm = rnd.choice(["vpt", "mpt", "pgb", "mpt_pgb", "pgb"])
        else:
            leveringsvorm = "verblijf"
        leeftijd = rnd.randint(19, 95) if profiel.sector in ("VV",) else rnd.randint(4, 80)
        if profiel.sector == "VV":
            leeftijd = max(leeftijd, 65)
        geboortedatum = date(2026, 1, 1) - timedelta(days=leeftijd * 365 + rnd.randint(0, 364))
        client, gemaakt = m.Client.objects.get_or_create(
            bsn=bsn,
            defaults={
                "voornamen": rnd.choice(VOORNAMEN),
                "voorvoegsel": tussen,
                "geslachtsnaam": achter,
                "geboortedatum": geboortedatum,
                "postcode": _postcode_in(rnd, zorgkantoor),
                "huisnummer": str(rnd.randint(1, 250)),
                "woonplaats": regio,
                "zorgkantoor": zorgkantoor,
                "email": f"client{i}@example.test" if leveringsvorm in ("pgb", "mpt_pgb") else "",
            },
        )
        demo_clients.append(client)
        if not gemaakt:
            continue
        nieuw += 1
        aanbieder = aanbieders_per_regio[regio][i % len(aanbieders_per_regio[regio])]
        m.Zorgtoewijzing.objects.create(
            client=client,
            zorgaanbieder=aanbieder,
            leveringsvorm=leveringsvorm,
            ingangsdatum=date(2024, 1, 1) + timedelta(days=rnd.randint(0, 600)),
        )
        grondslagen = list(GRONDSLAG_PER_SECTOR[profiel.sector])
        markers = []
        if profiel.code in ("VG5", "VG8") and rnd.random() < 0.3:
            markers = ["onderzoek_meerzorg", "permanent_toezicht_somatisch"]
        elif rnd.random() < 0.04:
            markers = [
                "onderzoek_meerzorg",
                rnd.choice(["invasieve_beademing", "non_invasieve_beademing"]),
            ]
        start = date(2020, 1, 1) + timedelta(days=rnd.randint(0, 1800))
        if i % 4 == 0:  # a history: an earlier, lighter indication was replaced
            ouder = rnd.choice(profielen[profiel.sector])
            m.Indicatiebesluit.objects.create(
                client=client,
                besluitnummer=f"CIZ-D{i:05d}-1",
                zorgprofiel=ouder,
                grondslagen=grondslagen,
                ingangsdatum=start - timedelta(days=900),
                leveringsvorm=leveringsvorm,
                is_actueel=False,
            )
        m.Indicatiebesluit.objects.create(
            client=client,
            besluitnummer=f"CIZ-D{i:05d}-2",
            zorgprofiel=profiel,
            grondslagen=grondslagen,
            ciz_markers=markers,
            ingangsdatum=start,
            leveringsvorm=leveringsvorm,
            is_actueel=True,
        )

    for username, voornaam, achternaam, rol, regio, agb, organisatie in GEBRUIKERS:
        gebruiker, gemaakt = m.Gebruiker.objects.get_or_create(
            username=username,
            defaults={
                "first_name": voornaam,
                "last_name": achternaam,
                "rol": rol,
                "email": f"{username}@demo.zorgportaal.test",
                "zorgkantoor": zk[regio] if regio else None,
                "zorgaanbieder": aanbieders[agb] if agb else None,
                "organisatie": organisatie,
            },
        )
        if gemaakt:
            gebruiker.set_password(DEMO_WACHTWOORD)
            gebruiker.save()

    # A client account for the first pgb client in Utrecht, and consent for the supporter.
    ondersteuner = m.Gebruiker.objects.get(username="ondersteuner")
    utrecht_clients = [c for c in demo_clients if c.zorgkantoor_id == zk["Utrecht"].pk]
    for client in utrecht_clients[:8]:
        m.Machtiging.objects.get_or_create(
            client=client,
            ondersteuner=ondersteuner,
            defaults={"ingangsdatum": date(2025, 1, 1), "vastgelegd_door": ondersteuner},
        )
    if not m.Gebruiker.objects.filter(username="client").exists():
        gebruiker = m.Gebruiker(
            username="client",
            first_name=utrecht_clients[0].voornamen,
            last_name=utrecht_clients[0].geslachtsnaam,
            rol=m.Rol.CLIENT,
            client=utrecht_clients[0],
            email="client@demo.zorgportaal.test",
        )
        gebruiker.set_password(DEMO_WACHTWOORD)
        gebruiker.save()

    telling = {
        "nieuwe_clienten": nieuw,
        "clienten": m.Client.objects.count(),
        "indicatiebesluiten": m.Indicatiebesluit.objects.count(),
        "gebruikers": m.Gebruiker.objects.count(),
    }
    return telling
