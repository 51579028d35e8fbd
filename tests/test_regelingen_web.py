"""The "Welke regeling past?" page through Django's test client (no browser)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from indicaties.models import Inzagelog
from regelingen.models import Regelwaarde
from tests import factories as f

pytestmark = pytest.mark.django_db

URL = "/regelingen/welke-regeling-past/"

PAB = {
    "peildatum": "2026-01-01",
    "zorgprofiel": "LG7",
    "zzp_2014": "geen",
    "leveringsvorm": "pgb",
    "geboortedatum": "1990-04-12",
    "cognitieve_beperking": "nee",
    "medische_noodzaak_permanent_toezicht": "ja",
    "zelf_pgb_beheren": "ja",
    "mantelzorg": "ja",
    "gebruikte_regelingen": ["geen"],
}


def _uitkomsten(html: str) -> dict[str, str]:
    return dict(re.findall(r'id="regeling-(\w+)".*?data-uitkomst="(\w+)"', html, flags=re.DOTALL))


def test_url_naam_en_geen_login_nodig(client):
    assert reverse("regelingen:checker") == URL
    resp = client.get(URL)
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "<h1>Welke regeling past?</h1>" in html
    assert "Uitkomst" not in html  # nothing evaluated before the form is sent
    assert 'name="peildatum"' in html and 'type="date"' in html


def test_voorinvullen_via_de_link(client):
    html = client.get(
        URL,
        {
            "zorgprofiel": "VG7",
            "leveringsvorm": "pgb",
            "mantelzorg": "true",
            "grondslagen": ["verstandelijk", "somatisch"],
            "peildatum": "2026-03-01",
            "onzin": "x",
        },
    ).content.decode()
    assert '<option value="VG7" selected>' in html
    assert '<option value="pgb" selected>' in html
    assert re.search(r'value="ja"[^>]*id="id_mantelzorg_0"[^>]*checked', html)
    assert re.search(r'value="verstandelijk"[^>]*checked', html)
    assert 'value="2026-03-01"' in html
    assert "onzin" not in html


def test_toetsen_toont_vier_uitkomsten_met_redenen(client):
    resp = client.post(URL, PAB)
    assert resp.status_code == 200
    html = resp.content.decode()
    assert _uitkomsten(html) == {
        "meerzorg": "onvoldoende_gegevens",  # no hours given
        "toeslag": "onvoldoende_gegevens",  # no toeslag chosen
        "ekt": "onvoldoende_gegevens",  # target group unknown
        "pab": "voldoet",
    }
    assert "De cliënt is 35 jaar op de peildatum, dus 18 jaar of ouder." in html
    assert "Rlz art. 5.15a lid 1 onder b" in html
    assert "Wat kunt u doen?" in html
    assert "vraagt dit zelf aan bij het zorgkantoor" in html
    assert "Oordeel van een behandelend arts over de medische noodzaak" in html
    assert "8 uur per week" in html
    assert "€ 219.000" in html


def test_decimaal_met_komma_en_catalogusuren(client):
    data = {**PAB, "zorgprofiel": "VV7", "zorgbehoefte_uren_per_week": "27,5"}
    html = client.post(URL, data).content.decode()
    assert _uitkomsten(html)["meerzorg"] == "voldoet"
    assert "ligt 25% boven de uren van het zorgprofiel (22 uur per week)" in html


def test_weet_ik_niet_blijft_onbekend(client):
    html = client.post(URL, {**PAB, "cognitieve_beperking": ""}).content.decode()
    assert _uitkomsten(html)["pab"] == "onvoldoende_gegevens"
    assert "Niet bekend:" in html


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"geboortedatum": "2027-01-01"}, "geboortedatum", "na de peildatum"),
        ({"gebruikte_regelingen": ["geen", "ekt"]}, "gebruikte_regelingen", "Geen van deze"),
        ({"peildatum": "2014-06-01"}, "peildatum", "1 januari 2015"),
        ({"peildatum": ""}, "peildatum", "Dit veld is vereist"),
        (
            {"zorgbehoefte_uren_per_week": "-3"},
            "zorgbehoefte_uren_per_week",
            "minstens 0",
        ),
    ],
)
def test_fouten_worden_getoond(client, wijziging, veld, melding):
    html = client.post(URL, {**PAB, **wijziging}).content.decode()
    assert 'class="fout-samenvatting" role="alert"' in html
    assert f'id="id_{veld}_fout"' in html and melding in html
    assert "data-uitkomst" not in html


def test_pagina_slaat_niets_op(client):
    client.post(URL, PAB)
    assert not Inzagelog.objects.exists()


def test_beheerder_zet_een_nieuw_bedrag_klaar_voor_volgend_jaar(client):
    """The functioneel beheerder adds a row in the admin; the old value stays for old dates."""
    client.force_login(f.GebruikerFactory(rol="functioneel_beheerder"))
    pad = "/beheer/regelingen/regelwaarde/add/"
    formulier = {
        "sleutel": "pab_max_bedrag_per_jaar",
        "waarde": "230000",
        "geldig_vanaf": "2027-01-01",
        "geldig_tot": "",
        "bron": "Staatscourant (voorbeeld)",
        "toelichting": "",
    }
    resp = client.post(pad, {**formulier, "waarde": '"veel"'})
    assert resp.status_code == 200 and "Geef een bedrag" in resp.content.decode()
    assert client.post(pad, formulier).status_code == 302
    nieuw = Regelwaarde.objects.get(
        sleutel="pab_max_bedrag_per_jaar", geldig_vanaf=date(2027, 1, 1)
    )
    assert nieuw.waarde == "230000.00"
    assert client.get("/beheer/regelingen/toeslagtype/").status_code == 200
    client.logout()
    for peildatum, bedrag in (("2026-12-31", "€ 219.000"), ("2027-01-01", "€ 230.000")):
        html = client.post(URL, {**PAB, "peildatum": peildatum}).content.decode()
        assert f"maximaal {bedrag} per jaar" in html
