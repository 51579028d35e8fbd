"""Helpers shared by the job and letter tests (no tests here): a world with mail addresses, a
consented supporter, and an application walked to a final decision through the services."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from aanvragen import services
from aanvragen.termijnen import periode_einde
from tests import factories as f
from tests.scenario import ingediende_meerzorg, maak_wereld

ZK_ADRES = "Postbus 1234, 3500 AA Utrecht"
ZK_EMAIL = "wlz-team@zorgkantoor-utrecht.test"


def wereld_met_adressen(**kwargs):
    """maak_wereld() plus what mail and letters need: the zorgkantoor's team mailbox and postal
    address, and a cliëntondersteuner with an active consent for the client."""
    w = maak_wereld(**kwargs)
    w.zorgkantoor.adres = ZK_ADRES
    w.zorgkantoor.email = ZK_EMAIL
    w.zorgkantoor.telefoon = "030 123 45 67"
    w.zorgkantoor.save()
    w.ondersteuner = f.GebruikerFactory(
        rol="clientondersteuner", organisatie="MEE", email="ondersteuner@mee.test"
    )
    f.MachtigingFactory(client=w.client, ondersteuner=w.ondersteuner)
    return w


def besloten_meerzorg(
    w,
    *,
    ingang: date | None = None,
    maanden: int = 12,
    bedrag: Decimal | None = Decimal("48250.50"),
    uren: Decimal | None = Decimal("7"),
    uitkomst: str = "toegekend",
):
    """Submit, take in, propose and decide a meerzorg application (below the four-eyes limit,
    so the proposer decides; a rejection goes to the senior)."""
    ingang = ingang or date.today()
    a = ingediende_meerzorg(w)
    a = services.overgang(a, "in_behandeling_nemen", w.medewerker)
    voorstel = services.Besluitvoorstel(
        uitkomst=uitkomst,
        motivering="De zorgbehoefte ligt 35% boven het zorgprofiel; meerzorg is nodig.",
        ingangsdatum=ingang if uitkomst != "afgewezen" else None,
        einddatum=periode_einde(ingang, maanden) if uitkomst != "afgewezen" else None,
        bedrag_per_jaar=bedrag if uitkomst != "afgewezen" else None,
        uren_per_week=uren if uitkomst != "afgewezen" else None,
    )
    a = services.stel_besluit_voor(a, w.medewerker, voorstel)
    beslisser = w.senior if a.besluit.tweede_lezer_vereist else w.medewerker
    return services.stel_vast(a, beslisser)


class WeasyprintLog(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)

    def niveau(self, minimaal: int) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= minimaal]


@contextmanager
def weasyprint_log():
    """Capture everything the 'weasyprint' logger says (WARNING and up) during the block."""
    logger = logging.getLogger("weasyprint")
    handler = WeasyprintLog()
    oud = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(oud)
