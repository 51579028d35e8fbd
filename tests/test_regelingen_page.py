"""The "Welke regeling past?" page in a real browser: fill in, submit, read the reasons."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import ernstige_schendingen

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PAD = "/regelingen/welke-regeling-past/"


def _kies(page, vraag: str, antwoord: str) -> None:
    page.get_by_role("group", name=vraag).get_by_label(antwoord, exact=True).check()


def test_invullen_toetsen_en_redenen_lezen(page, live_server):
    page.goto(f"{live_server.url}{PAD}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welke regeling past?")
    assert ernstige_schendingen(page) == []

    page.get_by_label("Peildatum").fill("2026-01-01")
    page.get_by_label("Zorgprofiel", exact=True).select_option("LG7")
    page.get_by_label("Hoe krijgt de cliënt de zorg?").select_option("pgb")
    page.get_by_label("Geboortedatum van de cliënt").fill("2009-01-02")  # 16 at the peildatum
    _kies(page, "Heeft de cliënt een cognitieve beperking?", "Nee")
    _kies(page, "Heeft de cliënt om medische redenen permanent toezicht nodig?", "Ja")
    _kies(page, "Kan de cliënt het pgb zelf beheren, zonder vertegenwoordiger?", "Ja")
    page.get_by_role("group", name="Welke regelingen heeft de cliënt al?").get_by_label(
        "Geen van deze"
    ).check()
    page.get_by_role("button", name="Toets de regelingen").click()

    expect(page.get_by_role("heading", name="Uitkomst", level=2)).to_be_visible()
    pab = page.get_by_role("article", name="Persoonlijk assistentiebudget (pab)")
    expect(pab.locator(".uitkomst")).to_have_text("Voldoet niet")
    expect(pab).to_contain_text("De cliënt is 16 jaar op de peildatum.")
    expect(pab).to_contain_text("Pab is pas mogelijk vanaf 18 jaar.")
    expect(pab).to_contain_text("Rlz art. 5.15a lid 1 onder b")

    ekt = page.get_by_role("article", name="Extra kosten thuis (ekt)")
    expect(ekt.locator(".uitkomst")).to_have_text("Voldoet")
    expect(ekt).to_contain_text("doelgroep a (thuis opgroeien): de cliënt is 16 jaar")
    expect(ekt).to_contain_text("De cliënt (of de vertegenwoordiger) vraagt dit zelf aan")

    meerzorg = page.get_by_role("article", name="Meerzorg")
    expect(meerzorg.locator(".uitkomst")).to_have_text("Onvoldoende gegevens")
    expect(meerzorg).to_contain_text("Nog niet bekend: de zorgbehoefte in uren per week")

    # The form keeps what was filled in, so the user can change one answer and try again.
    expect(page.get_by_label("Zorgprofiel", exact=True)).to_have_value("LG7")
    assert ernstige_schendingen(page) == []


def test_link_vult_het_formulier_voor(page, live_server):
    page.goto(
        f"{live_server.url}{PAD}?zorgprofiel=VV10&leveringsvorm=mpt&gebruikte_regelingen=geen"
    )
    expect(page.get_by_label("Zorgprofiel", exact=True)).to_have_value("VV10")
    expect(page.get_by_label("Hoe krijgt de cliënt de zorg?")).to_have_value("mpt")
    page.get_by_role("button", name="Toets de regelingen").click()
    ekt = page.get_by_role("article", name="Extra kosten thuis (ekt)")
    expect(ekt.locator(".uitkomst")).to_have_text("Voldoet")
    expect(ekt).to_contain_text("naar behoefte")
    expect(ekt).to_contain_text("De zorgaanbieder vraagt dit aan bij het zorgkantoor.")


def test_fout_wordt_gemeld_en_is_te_bereiken(page, live_server):
    page.goto(f"{live_server.url}{PAD}")
    page.get_by_label("Peildatum").fill("2026-01-01")
    page.get_by_label("Geboortedatum van de cliënt").fill("2030-05-01")
    page.get_by_role("button", name="Toets de regelingen").click()
    melding = page.get_by_role("alert")
    expect(melding).to_contain_text("De geboortedatum ligt na de peildatum.")
    melding.get_by_role("link", name="Geboortedatum van de cliënt").click()
    expect(page.get_by_label("Geboortedatum van de cliënt")).to_be_focused()
