"""Issue 6 in a real browser: the supporter journey, axe-core accessibility checks (no serious
or critical violations) and phone-width rendering (390 px)."""

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from aanvragen import services
from aanvragen.models import Status
from tests import factories as f
from tests.browser import ernstige_schendingen, inloggen
from tests.scenario import ingediende_meerzorg, maak_wereld

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

# Screenshots go to a temporary folder; to refresh the ones in docs/, run
#   SCREENSHOT_DIR=docs/screenshots make test ARGS="tests/test_browser_ondersteuning.py"
SCREENSHOT_DIR = os.environ.get("SCREENSHOT_DIR")


def _wereld_met_ondersteuner():
    w = maak_wereld()
    ondersteuner = f.GebruikerFactory(
        rol="clientondersteuner", organisatie="MEE Utrecht", first_name="Ineke"
    )
    f.MachtigingFactory(
        client=w.client, ondersteuner=ondersteuner, ingangsdatum=date.today() - timedelta(days=10)
    )
    return w, ondersteuner


def test_ondersteuner_leest_tijdlijn_terwijl_zorgkantoor_beslist(browser, live_server):
    w, ondersteuner = _wereld_met_ondersteuner()
    aanvraag = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)

    page = inloggen(browser, live_server, ondersteuner)
    page.get_by_role("link", name="Mijn cliënten").click()
    page.get_by_role("link", name=w.client.naam).click()
    page.get_by_role("link", name="Meerzorg").click()
    expect(page.get_by_role("heading", name="Wat gebeurt er nu?")).to_be_visible()
    expect(page.get_by_text("Het zorgkantoor is begonnen met het bekijken")).to_be_visible()

    # The zorgkantoor decides while the supporter has the page open.
    aanvraag = services.stel_besluit_voor(
        aanvraag,
        w.medewerker,
        services.Besluitvoorstel(
            uitkomst="toegekend",
            motivering="Voldoet aan Rlz art. 2.2.",
            ingangsdatum=date.today(),
            einddatum=date.today() + timedelta(days=364),
            uren_per_week=7,
        ),
    )
    services.stel_vast(aanvraag, w.medewerker)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TOEGEKEND

    page.reload()
    expect(page.get_by_text("De aanvraag is toegekend.")).to_be_visible()
    expect(page.get_by_role("heading", name="Niet eens met het besluit?")).to_be_visible()
    download_link = page.get_by_role("link", name="Besluitbrief downloaden (PDF)")
    expect(download_link).to_be_visible()
    with page.expect_download() as download_info:
        download_link.click()
    pad = download_info.value.path()
    assert Path(pad).read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("breedte", [1280, 390])
def test_toegankelijkheid_en_telefoonbreedte(browser, live_server, breedte, tmp_path):
    w, ondersteuner = _wereld_met_ondersteuner()
    aanvraag = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    page = inloggen(browser, live_server, ondersteuner, viewport={"width": breedte, "height": 844})
    paginas = {
        "dashboard": f"{live_server.url}/ondersteuning/",
        "client": f"{live_server.url}/ondersteuning/clienten/{w.client.pk}/",
        "tijdlijn": f"{live_server.url}/ondersteuning/aanvragen/{aanvraag.pk}/",
    }
    for naam, url in paginas.items():
        page.goto(url)
        assert ernstige_schendingen(page) == [], naam
        # nothing wider than the screen: no horizontal scrolling on a phone
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte, naam
        map_ = Path(SCREENSHOT_DIR) if SCREENSHOT_DIR else tmp_path
        map_.mkdir(parents=True, exist_ok=True)
        bestand = map_ / f"ondersteuning-{naam}-{breedte}.png"
        page.screenshot(path=str(bestand), full_page=True)
        assert bestand.stat().st_size > 5_000
