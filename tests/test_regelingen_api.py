"""POST /api/v1/regelingen/toets/: the public contract, its errors, rate limit and schema."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from indicaties.models import Inzagelog
from regelingen.engine import UITKOMSTEN
from regelingen.models import Regelwaarde

pytestmark = pytest.mark.django_db

URL = "/api/v1/regelingen/toets/"

PAB_CLIENT = {
    "peildatum": "2026-01-01",
    "zorgprofiel": "LG7",
    "zzp_2014": "",
    "leveringsvorm": "pgb",
    "geboortedatum": "1990-04-12",
    "grondslagen": ["lichamelijk", "somatisch"],
    "kind_jonger_dan_18": False,
    "werk_of_studie": True,
    "cognitieve_beperking": False,
    "medische_noodzaak_permanent_toezicht": True,
    "zelf_pgb_beheren": True,
    "gedragsproblematiek": False,
    "ciz_markers": ["invasieve_beademing"],
    "gebruikte_regelingen": [],
    "toeslag_type": "beademing_invasief",
    "zorgbehoefte_uren_per_week": "40",
    "profiel_uren_per_week": "30",
    "mantelzorg": True,
}


@pytest.fixture
def api():
    # CSRF enforced as for a real browser: the endpoint must not need it.
    return APIClient(enforce_csrf_checks=True)


def _post(api, data):
    return api.post(URL, data, format="json")


def test_route_naam():
    assert reverse("v1:regelingen-toets") == URL


def test_contract_zonder_login(api):
    resp = _post(api, PAB_CLIENT)
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert set(body) == {"peildatum", "resultaten"}
    assert body["peildatum"] == "2026-01-01"
    assert [r["regeling"] for r in body["resultaten"]] == ["meerzorg", "toeslag", "ekt", "pab"]
    for r in body["resultaten"]:
        assert set(r) == {"regeling", "uitkomst", "voorwaarden", "grenzen"}
        assert r["uitkomst"] in UITKOMSTEN
        assert isinstance(r["grenzen"], dict)
        for v in r["voorwaarden"]:
            assert set(v) == {"code", "voldaan", "artikel", "toelichting"}
            assert v["voldaan"] in (True, False, None)
    uitkomst = {r["regeling"]: r["uitkomst"] for r in body["resultaten"]}
    assert uitkomst == {
        "meerzorg": "voldoet",
        "toeslag": "voldoet",
        "ekt": "voldoet",
        "pab": "voldoet",
    }
    pab = body["resultaten"][3]["grenzen"]
    assert pab["max_bedrag_per_jaar"] == "219000.00"
    assert pab["mantelzorg_aftrek_uren_per_week"] == 8
    assert resp["Cache-Control"] == "no-store"


def test_slaat_niets_op(api):
    aantallen = (Regelwaarde.objects.count(), Inzagelog.objects.count())
    assert _post(api, PAB_CLIENT).status_code == 200
    assert (Regelwaarde.objects.count(), Inzagelog.objects.count()) == aantallen


@pytest.mark.parametrize("regeling", [None, "__weggelaten__"])
def test_zonder_regeling_alle_vier(api, regeling):
    data = {"peildatum": "2026-01-01"}
    if regeling != "__weggelaten__":
        data["regeling"] = regeling
    body = _post(api, data).json()
    assert [r["regeling"] for r in body["resultaten"]] == ["meerzorg", "toeslag", "ekt", "pab"]
    # Nothing known: every regeling is "onvoldoende gegevens", none is a guess.
    assert {r["uitkomst"] for r in body["resultaten"]} == {"onvoldoende_gegevens"}


def test_een_regeling(api):
    body = _post(api, {**PAB_CLIENT, "regeling": "ekt"}).json()
    assert [r["regeling"] for r in body["resultaten"]] == ["ekt"]
    assert body["resultaten"][0]["voorwaarden"][1]["artikel"] == "Rlz art. 5.3 lid 3 onder c"


def test_onbekende_velden_worden_genoemd(api):
    resp = _post(api, {**PAB_CLIENT, "bsn": "123456782", "naam": "Jan"})
    assert resp.status_code == 400
    assert resp.json() == {"bsn": ["Onbekend veld."], "naam": ["Onbekend veld."]}


def test_onbekende_velden_en_typefouten_samen(api):
    resp = _post(api, {"peildatum": "morgen", "extra": 1})
    assert resp.status_code == 400
    assert set(resp.json()) == {"peildatum", "extra"}


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("peildatum", "01-01-2026", "verkeerde formaat"),
        ("mantelzorg", "ja", "Geef true of false"),
        ("cognitieve_beperking", 1, "Geef true of false"),
        ("grondslagen", "somatisch", "lijst"),
        ("grondslagen", ["somatisch", "ziek"], '\\"ziek\\" is een ongeldige keuze'),
        ("leveringsvorm", "thuis", "ongeldige keuze"),
        ("regeling", "zorgbonus", "ongeldige keuze"),
        ("gebruikte_regelingen", ["bonus"], "ongeldige keuze"),
        ("ciz_markers", ["onbekend"], "ongeldige keuze"),
        ("zorgbehoefte_uren_per_week", "veel", "geldig nummer"),
        ("profiel_uren_per_week", "-1", "groter is dan of gelijk"),
        ("zorgprofiel", "VG99", "Onbekend zorgprofiel 'VG99'"),
        ("zzp_2014", "XX1", "Onbekende zzp-code"),
        ("toeslag_type", "zorgbonus", "Onbekend toeslagtype"),
        ("geboortedatum", "2030-01-01", "na de peildatum"),
    ],
)
def test_verkeerde_typen_geven_400_met_nederlandse_melding(api, veld, waarde, melding):
    resp = _post(api, {**PAB_CLIENT, veld: waarde})
    assert resp.status_code == 400
    fouten = resp.json()
    assert list(fouten) == [veld]
    assert melding in json.dumps(fouten[veld], ensure_ascii=False), fouten


def test_peildatum_is_verplicht(api):
    resp = _post(api, {"zorgprofiel": "VG7"})
    assert resp.status_code == 400
    assert resp.json() == {"peildatum": ["Dit veld is vereist."]}


def test_geen_json_object(api):
    assert _post(api, ["peildatum"]).status_code == 400
    assert api.post(URL, "zorgprofiel=VG7", content_type="text/plain").status_code == 415


def test_alleen_post(api):
    assert api.get(URL).status_code == 405


def test_null_betekent_onbekend(api):
    body = _post(api, {**PAB_CLIENT, "regeling": "pab", "cognitieve_beperking": None}).json()
    [pab] = body["resultaten"]
    assert pab["uitkomst"] == "onvoldoende_gegevens"
    [v] = [v for v in pab["voorwaarden"] if v["voldaan"] is None]
    assert v["code"] == "geen_cognitieve_beperking" and "cognitieve beperking" in v["toelichting"]


def test_profieluren_uit_de_catalogus(api):
    data = {
        "peildatum": "2026-01-01",
        "regeling": "meerzorg",
        "zorgprofiel": "VV7",  # 22 hours in the catalogue
        "zorgbehoefte_uren_per_week": "27.5",
        "gebruikte_regelingen": [],
    }
    [meerzorg] = _post(api, data).json()["resultaten"]
    assert meerzorg["uitkomst"] == "voldoet"
    assert meerzorg["grenzen"]["overschrijding_procent"] == "25.00"
    [meerzorg] = _post(api, {**data, "zorgbehoefte_uren_per_week": "27.49"}).json()["resultaten"]
    assert meerzorg["uitkomst"] == "voldoet_niet"


def test_volgorde_van_velden_en_lijsten_doet_er_niet_toe(api):
    omgekeerd = {
        k: (list(reversed(v)) if isinstance(v, list) else v)
        for k, v in reversed(PAB_CLIENT.items())
    }
    assert _post(api, omgekeerd).json() == _post(api, PAB_CLIENT).json()


def test_peildatum_bepaalt_het_maximum(api):
    Regelwaarde.objects.create(
        sleutel="pab_max_bedrag_per_jaar",
        geldig_vanaf="2027-01-01",
        waarde="230000.00",
        bron="voorbeeld",
    )
    for peildatum, bedrag in (("2026-12-31", "219000.00"), ("2027-01-01", "230000.00")):
        [pab] = _post(api, {**PAB_CLIENT, "peildatum": peildatum, "regeling": "pab"}).json()[
            "resultaten"
        ]
        assert pab["grenzen"]["max_bedrag_per_jaar"] == bedrag


def test_rate_limit_geeft_429(api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"regelingen_toets": "3/min"},
    }
    statussen = [_post(api, {"peildatum": "2026-01-01"}).status_code for _ in range(4)]
    assert statussen == [200, 200, 200, 429]
    resp = _post(api, {"peildatum": "2026-01-01"})
    assert resp.status_code == 429 and "Retry-After" in resp


def test_openapi_schema_beschrijft_het_endpoint(api):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator(api_version="v1").get_schema(request=None, public=True)
    operatie = schema["paths"][URL]["post"]
    voorbeelden = operatie["requestBody"]["content"]["application/json"]["examples"]
    assert len(voorbeelden) >= 2
    assert {"200", "400", "429"} <= set(operatie["responses"])
    antwoord = operatie["responses"]["200"]["content"]["application/json"]
    assert antwoord["schema"]["$ref"].endswith("/ToetsAntwoord")
    assert antwoord["examples"]
    velden = schema["components"]["schemas"]["ToetsVerzoekRequest"]["properties"]
    assert {"peildatum", "regeling", "zorgprofiel", "gebruikte_regelingen", "mantelzorg"} <= set(
        velden
    )
    assert schema["components"]["schemas"]["ToetsVerzoekRequest"]["required"] == ["peildatum"]
