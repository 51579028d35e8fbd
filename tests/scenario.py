"""A small, consistent world for workflow tests: one region with staff, two providers, a client
of provider A with a VG7 indication, and helpers to walk an application along."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from indicaties.models import Zorgkantoor, Zorgprofiel
from tests import factories as f

MEERZORG_INHOUD = {
    "profiel_uren_per_week": "20",
    "uren_adl": "10",
    "uren_begeleiding_individueel": "8",
    "uren_toezicht": "9",
    "doelen": "Minder incidenten door vaste begeleider.",
    "verwachte_resultaten": "Halvering van crisismomenten binnen een half jaar.",
    "behoefte_blijvend": True,
    "gedragsproblematiek": False,
}


@dataclass
class Wereld:
    zorgkantoor: object
    medewerker: object
    collega: object
    senior: object
    ander_zorgkantoor_medewerker: object
    aanbieder_a: object
    aanbieder_b: object
    medewerker_a: object
    medewerker_b: object
    cce: object
    client: object
    indicatie: object


def maak_wereld(
    profiel: str = "VG7",
    leveringsvorm: str = "verblijf",
    grondslagen: list[str] | None = None,
    geboortedatum: date = date(1990, 3, 1),
) -> Wereld:
    zk = Zorgkantoor.objects.get(naam="Utrecht")
    ander = Zorgkantoor.objects.get(naam="Amsterdam")
    a, b = f.ZorgaanbiederFactory(naam="Aanbieder A"), f.ZorgaanbiederFactory(naam="Aanbieder B")
    client = f.ClientFactory(zorgkantoor=zk, geboortedatum=geboortedatum)
    f.ZorgtoewijzingFactory(client=client, zorgaanbieder=a, leveringsvorm=leveringsvorm)
    f.ZorgtoewijzingFactory(client=client, zorgaanbieder=b, leveringsvorm=leveringsvorm)
    indicatie = f.IndicatiebesluitFactory(
        client=client,
        zorgprofiel=Zorgprofiel.objects.get(code=profiel),
        leveringsvorm=leveringsvorm,
        grondslagen=grondslagen or ["verstandelijk"],
    )
    return Wereld(
        zorgkantoor=zk,
        medewerker=f.GebruikerFactory(rol="zk_medewerker", zorgkantoor=zk, first_name="Marieke"),
        collega=f.GebruikerFactory(rol="zk_medewerker", zorgkantoor=zk, first_name="Youssef"),
        senior=f.GebruikerFactory(rol="zk_senior", zorgkantoor=zk, first_name="Hans"),
        ander_zorgkantoor_medewerker=f.GebruikerFactory(rol="zk_medewerker", zorgkantoor=ander),
        aanbieder_a=a,
        aanbieder_b=b,
        medewerker_a=f.GebruikerFactory(rol="za_medewerker", zorgaanbieder=a, first_name="Petra"),
        medewerker_b=f.GebruikerFactory(rol="za_medewerker", zorgaanbieder=b),
        cce=f.GebruikerFactory(rol="cce_adviseur", organisatie="CCE"),
        client=client,
        indicatie=indicatie,
    )


def ingediende_meerzorg(w: Wereld, inhoud: dict | None = None):
    from aanvragen import services

    aanvraag = services.start_aanvraag(
        w.client, "meerzorg", w.medewerker_a, inhoud=dict(inhoud or MEERZORG_INHOUD)
    )
    return services.indienen(aanvraag, w.medewerker_a)


def voorgesteld(
    w: Wereld,
    *,
    ingangsdatum: date = date(2026, 1, 1),
    einddatum: date = date(2026, 12, 31),
    **besluit,
):
    """A submitted meerzorg application with a proposed grant of 7 hours a week."""
    from aanvragen import services

    a = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    voorstel = {"uitkomst": "toegekend", "motivering": "ok", "uren_per_week": 7, **besluit}
    return services.stel_besluit_voor(
        a,
        w.medewerker,
        services.Besluitvoorstel(ingangsdatum=ingangsdatum, einddatum=einddatum, **voorstel),
    )


def toegekend(w: Wereld, **kwargs):
    """As `voorgesteld`, then made final by the medewerker (below the four-eyes threshold)."""
    from aanvragen import services

    return services.stel_vast(voorgesteld(w, **kwargs), w.medewerker)
