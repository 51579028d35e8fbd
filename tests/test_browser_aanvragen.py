"""Playwright journeys of issue 4 on a live server with Debian's Chromium."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from aanvragen.models import Aanvraag, Bijlage, Status
from tests.browser import ernstige_schendingen, inloggen
from tests.scenario import ingediende_meerzorg, maak_wereld, toegekend

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _ja(page, vraag):
    page.get_by_role("group", name=vraag).get_by_label("Ja", exact=True).check()


def _nee(page, vraag):
    page.get_by_role("group", name=vraag).get_by_label("Nee", exact=True).check()


def test_aanbieder_vult_meerzorg_in_met_bijlage_en_dient_in(browser, live_server):
    w = maak_wereld()
    page = inloggen(browser, live_server, w.medewerker_a)
    page.get_by_role("link", name="Mijn aanvragen").click()
    page.get_by_role("link", name="Nieuwe aanvraag").click()
    page.get_by_label("Cliënt").select_option(str(w.client.pk))
    page.get_by_label("Regeling").select_option("meerzorg")
    page.get_by_role("button", name="Aanvraag starten").click()

    assert ernstige_schendingen(page) == []  # the application form
    page.get_by_label("Uren zorg in het zorgprofiel (per week)").fill("20")
    page.get_by_label("ADL en persoonlijke verzorging").fill("10")
    page.get_by_label("Toezicht").fill("14.5")
    # the live rule check shows the excess over the profile (24.5 h vs 20 h = 22.5%: too low)
    expect(page.locator("#regeltoets")).to_contain_text("22,5% boven", timeout=10_000)
    expect(page.locator("#regeltoets")).to_contain_text("voldoet niet aan alle voorwaarden")
    page.get_by_label("Toezicht").fill("16")
    expect(page.locator("#regeltoets")).to_contain_text("30% boven", timeout=10_000)
    page.get_by_label("Doelen van de extra zorg").fill("Rust en veiligheid in de groep.")
    page.get_by_label("Verwachte resultaten").fill("Minder incidenten binnen een half jaar.")
    _ja(page, "Is de extra zorgbehoefte blijvend?")
    _nee(page, "Is er sprake van gedragsproblematiek?")
    expect(page.locator("#autosave-status")).to_contain_text("Concept bewaard", timeout=10_000)

    page.get_by_label("Soort document").select_option("zorgplan")
    page.get_by_label("Bestand (PDF, PNG of JPEG, hooguit 10 MB)").set_input_files(
        files=[{"name": "zorgplan.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Bijlage toevoegen").click()
    expect(page.get_by_text("Bijlage toegevoegd. Uw invoer is bewaard.")).to_be_visible()
    # nothing typed was lost by the page reload of the upload
    expect(page.get_by_label("Toezicht")).to_have_value("16")

    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_text("is ingediend")).to_be_visible()
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.status == Status.INGEDIEND
    assert aanvraag.inhoud["uren_toezicht"] == "16"
    assert Bijlage.objects.get().aanvraag == aanvraag


def test_zorgkantoor_vraagt_informatie_aanbieder_antwoordt_medewerker_kent_toe(
    browser, live_server
):
    w = maak_wereld()
    aanvraag = ingediende_meerzorg(w)
    zk = inloggen(browser, live_server, w.medewerker)
    zk.get_by_role("link", name="Werkvoorraad").click()
    zk.get_by_label("BSN of naam").fill(w.client.bsn)
    zk.get_by_role("button", name="Toepassen").click()
    assert ernstige_schendingen(zk) == []  # the work queue
    zk.get_by_role("button", name=f"Aan mij toewijzen {aanvraag.referentie}").click()
    zk.get_by_role("link", name=aanvraag.referentie).click()
    assert ernstige_schendingen(zk) == []  # the application file
    zk.get_by_role("button", name="In behandeling nemen").click()
    expect(zk.get_by_text("Gelukt: In behandeling nemen.")).to_be_visible()
    sectie = zk.get_by_role("region", name="Informatie opvragen")
    sectie.get_by_label("Welke informatie ontbreekt?").fill("Stuur het actuele zorgplan mee.")
    sectie.get_by_label("Antwoord uiterlijk").fill(str(date.today() + timedelta(days=14)))
    sectie.get_by_role("button", name="Informatie opvragen").click()
    expect(zk.get_by_text("opgeschort zolang informatie wordt opgevraagd")).to_be_visible()

    aanbieder = inloggen(browser, live_server, w.medewerker_a)
    aanbieder.goto(f"{live_server.url}/aanvragen/")
    expect(aanbieder.get_by_text("Gevraagde informatie aanleveren")).to_be_visible()
    aanbieder.get_by_role("link", name=aanvraag.referentie).click()
    expect(aanbieder.get_by_text("Stuur het actuele zorgplan mee.")).to_be_visible()
    sectie = aanbieder.get_by_role("region", name="Informatie aanleveren")
    sectie.get_by_label("Uw antwoord").fill("Zorgplan 2026 is als bijlage toegevoegd.")
    sectie.get_by_role("button", name="Informatie aanleveren").click()
    expect(aanbieder.get_by_text("Gelukt")).to_be_visible()

    zk.reload()
    expect(zk.locator(".kaart", has_text="Antwoord").first).to_contain_text(
        "Zorgplan 2026 is als bijlage toegevoegd."
    )
    sectie = zk.get_by_role("region", name="Besluit voorstellen")
    sectie.get_by_label("Toegekend", exact=True).check()
    sectie.get_by_label("Uren per week").fill("7")
    sectie.get_by_label("Motivering").fill("Zorgbehoefte 35% boven het profiel (Rlz art. 2.2).")
    sectie.get_by_role("button", name="Besluit voorstellen").click()
    expect(zk.get_by_text("Gelukt: Besluit voorstellen.")).to_be_visible()
    zk.get_by_role("button", name="Besluit vaststellen").click()
    expect(zk.get_by_text("Gelukt: Besluit vaststellen.")).to_be_visible()
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TOEGEKEND
    assert list(aanvraag.historie.values_list("overgang", flat=True)) == [
        "indienen",
        "in_behandeling_nemen",
        "informatie_vragen",
        "informatie_ontvangen",
        "besluit_voorstellen",
        "vaststellen",
    ]


def test_aanbieder_dient_heraanvraag_in_met_hoogstens_drie_wijzigingen(browser, live_server):
    w = maak_wereld()
    a = toegekend(w, ingangsdatum=date(2026, 1, 1), einddatum=date(2026, 12, 31))

    page = inloggen(browser, live_server, w.medewerker_a)
    page.goto(f"{live_server.url}/aanvragen/{a.pk}/")
    page.get_by_role("button", name="Heraanvraag starten").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Heraanvraag")
    # Unchanged situation: the provider touches exactly one field and presses Indienen.
    page.get_by_label("Behaalde resultaten in de vorige periode").fill(
        "Incidenten gehalveerd; vaste begeleider werkt goed."
    )
    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_text("is ingediend")).to_be_visible()
    nieuw = Aanvraag.objects.get(vorige_aanvraag=a)
    assert nieuw.status == Status.INGEDIEND and nieuw.soort == "heraanvraag"
    veranderd = {
        k for k in set(nieuw.inhoud) | set(a.inhoud) if nieuw.inhoud.get(k) != a.inhoud.get(k)
    }
    assert veranderd == {"behaalde_resultaten"}
