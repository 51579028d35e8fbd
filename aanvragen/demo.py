"""Demo applications in every stage, made through the real services (so history, terms and
letters are real). Idempotent: each scenario has an idempotency key and is made once."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from indicaties.models import Client, Gebruiker, Machtiging

from . import services
from .models import Aanvraag

# A minimal valid PDF standing in for a scanned physician's statement.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

MEERZORG = {
    "profiel_uren_per_week": "22",
    "uren_adl": "11",
    "uren_begeleiding_individueel": "9",
    "uren_toezicht": "6",
    "uren_nachtzorg": "4",
    "doelen": "Stabiel dagritme en minder escalaties door vaste begeleiding 1-op-1.",
    "verwachte_resultaten": "Minder dan twee escalaties per maand binnen zes maanden.",
    "behoefte_blijvend": True,
    "gedragsproblematiek": False,
}


def _clients_van(aanbieder_agb: str, profielen: tuple[str, ...], *, met_machtiging=None):
    qs = Client.objects.filter(
        zorgtoewijzingen__zorgaanbieder__agb_code=aanbieder_agb,
        indicatiebesluiten__is_actueel=True,
        indicatiebesluiten__zorgprofiel__code__in=profielen,
    ).order_by("pk")
    if met_machtiging is not None:
        ids = Machtiging.objects.filter(ondersteuner=met_machtiging).values("client_id")
        qs = qs.filter(pk__in=ids)
    return list(qs.distinct())


def _nieuw(sleutel: str, client: Client, regeling: str, door: Gebruiker, inhoud: dict):
    if Aanvraag.objects.filter(aangemaakt_door=door, idempotency_key=sleutel).exists():
        return None
    return services.start_aanvraag(
        client, regeling, door, inhoud=dict(inhoud), idempotency_key=sleutel
    )


@transaction.atomic
def laad(aantal_clienten: int = 300) -> dict[str, int]:
    try:
        aanbieder = Gebruiker.objects.get(username="aanbieder")
        medewerker = Gebruiker.objects.get(username="zk.medewerker")
        ondersteuner = Gebruiker.objects.get(username="ondersteuner")
    except Gebruiker.DoesNotExist:
        return {"aanvragen": 0}
    agb = aanbieder.zorgaanbieder.agb_code
    meerzorg_profielen = (
        "VG5",
        "VG7",
        "VG8",
        "LVG4",
        "LVG5",
        "LG6",
        "LG7",
        "VV7",
        "VV8",
        "ZGaud3",
        "ZGvis5",
        "SGLVG1",
        "LG5",
    )
    gemachtigd = _clients_van(agb, meerzorg_profielen, met_machtiging=ondersteuner)
    overig = [c for c in _clients_van(agb, meerzorg_profielen) if c not in gemachtigd]
    vandaag = timezone.localdate()

    # 1. A grant for a consented client that ends in five months: reminders and heraanvraag.
    if gemachtigd:
        a = _nieuw("demo-toegekend", gemachtigd[0], "meerzorg", aanbieder, MEERZORG)
        if a:
            a = services.indienen(a, aanbieder)
            a = services.overgang(a, "in_behandeling_nemen", medewerker)
            eind = vandaag + timedelta(days=150)
            a = services.stel_besluit_voor(
                a,
                medewerker,
                services.Besluitvoorstel(
                    uitkomst="toegekend",
                    ingangsdatum=eind - timedelta(days=364),
                    einddatum=eind,
                    uren_per_week=Decimal("8"),
                    motivering="Zorgbehoefte ruim 25% boven het profiel (Rlz art. 2.2 lid 3).",
                ),
            )
            services.stel_vast(a, medewerker)
    # 2. Open applications at each stage, in the Utrecht queue.
    for i, client in enumerate(overig[:12]):
        a = _nieuw(f"demo-open-{i}", client, "meerzorg", aanbieder, MEERZORG)
        if not a:
            continue
        a = services.indienen(a, aanbieder)
        if i % 4 >= 1:
            a = services.overgang(a, "in_behandeling_nemen", medewerker)
        if i % 4 == 2:
            services.vraag_informatie(
                a,
                medewerker,
                "Wilt u het actuele zorgplan meesturen?",
                vandaag + timedelta(days=14),
            )
        if i % 4 == 3:
            services.vraag_advies(a, medewerker, "Is meerzorg nodig vanwege het gedrag?")
    # 3. A consented client's application waiting for information (the supporter sees it).
    if len(gemachtigd) > 1:
        a = _nieuw("demo-info", gemachtigd[1], "meerzorg", aanbieder, MEERZORG)
        if a:
            a = services.indienen(a, aanbieder)
            a = services.overgang(a, "in_behandeling_nemen", medewerker)
            services.vraag_informatie(
                a, medewerker, "Graag het zorgplan van dit jaar.", vandaag + timedelta(days=10)
            )
    # 4. A draft the provider can continue.
    if len(overig) > 12:
        _nieuw(
            "demo-concept",
            overig[12],
            "meerzorg",
            aanbieder,
            {"doelen": "Nog aan te vullen", "uren_adl": "12"},
        )
    # 5. A pab request from a pgb client, registered by the zorgkantoor.
    pgb = (
        Client.objects.filter(
            zorgkantoor=medewerker.zorgkantoor,
            indicatiebesluiten__is_actueel=True,
            indicatiebesluiten__leveringsvorm="pgb",
            indicatiebesluiten__zorgprofiel__code__in=["LG5", "LG6", "LG7", "VV7", "VV8"],
        )
        .order_by("pk")
        .first()
    )
    if pgb:
        a = _nieuw(
            "demo-pab",
            pgb,
            "pab",
            medewerker,
            {
                "medische_noodzaak_permanent_toezicht": True,
                "cognitieve_beperking": False,
                "zelf_pgb_beheren": True,
                "mantelzorg": True,
                "gevraagd_bedrag_per_jaar": "185000",
            },
        )
        if a:
            services.voeg_bijlage_toe(
                a,
                SimpleUploadedFile("oordeel-behandelend-arts.pdf", DEMO_PDF),
                "medische_verklaring",
                medewerker,
            )
            services.indienen(a, medewerker)
    return {"aanvragen": Aanvraag.objects.count()}
