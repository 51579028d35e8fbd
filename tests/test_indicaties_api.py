import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from indicaties.models import Client, Indicatiebesluit, Inzagelog, Zorgkantoor
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def utrecht():
    return Zorgkantoor.objects.get(naam="Utrecht")


@pytest.fixture
def api():
    return APIClient()


def _als(api, gebruiker):
    api.force_authenticate(gebruiker)
    return api


def test_anoniem_krijgt_401(api):
    assert api.get("/api/v1/clienten/").status_code in (401, 403)


def test_token_authenticatie(api, utrecht):
    gebruiker = f.GebruikerFactory(zorgkantoor=utrecht)
    token = Token.objects.create(user=gebruiker)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/clienten/").status_code == 200


def test_token_ophalen_met_wachtwoord(api, utrecht):
    gebruiker = f.GebruikerFactory(zorgkantoor=utrecht)
    resp = api.post(
        "/api/v1/auth/token/", {"username": gebruiker.username, "password": f.WACHTWOORD}
    )
    assert resp.status_code == 200 and len(resp.json()["token"]) == 40


def test_zorgkantoor_ziet_alleen_eigen_regio_en_inzage_wordt_gelogd(api, utrecht):
    eigen = f.IndicatiebesluitFactory(client__zorgkantoor=utrecht).client
    ander = f.ClientFactory(zorgkantoor=Zorgkantoor.objects.get(naam="Amsterdam"))
    medewerker = f.GebruikerFactory(zorgkantoor=utrecht)
    resp = _als(api, medewerker).get("/api/v1/clienten/")
    assert [c["bsn"] for c in resp.json()["results"]] == [eigen.bsn]
    assert resp.json()["results"][0]["actuele_indicatie"]["zorgprofiel"] == "VG7"
    assert api.get(f"/api/v1/clienten/{ander.pk}/").status_code == 404
    assert api.get(f"/api/v1/clienten/{ander.pk}/indicaties/").status_code == 404
    assert api.get(f"/api/v1/clienten/{eigen.pk}/").status_code == 200
    acties = list(Inzagelog.objects.filter(client=eigen).values_list("actie", flat=True))
    assert sorted(acties) == ["bekeken", "lijst"]
    # the refused attempt on another region's client is logged, nothing else about it
    assert list(Inzagelog.objects.filter(client=ander).values_list("actie", flat=True)) == [
        "geweigerd",
        "geweigerd",
    ]


def test_aanbieder_ziet_alleen_clienten_met_zorgtoewijzing(api):
    toewijzing = f.ZorgtoewijzingFactory()
    f.ZorgtoewijzingFactory()  # another provider's client
    medewerker = f.GebruikerFactory(rol="za_medewerker", zorgaanbieder=toewijzing.zorgaanbieder)
    resp = _als(api, medewerker).get("/api/v1/clienten/")
    assert [c["id"] for c in resp.json()["results"]] == [toewijzing.client.pk]


def test_aanbieder_zonder_actieve_toewijzing_ziet_niets(api):
    from datetime import date

    toewijzing = f.ZorgtoewijzingFactory(einddatum=date(2024, 6, 1))
    medewerker = f.GebruikerFactory(rol="za_medewerker", zorgaanbieder=toewijzing.zorgaanbieder)
    assert _als(api, medewerker).get(f"/api/v1/clienten/{toewijzing.client.pk}/").status_code == 404


@pytest.mark.parametrize("rol", ["cce_adviseur", "functioneel_beheerder", "clientondersteuner"])
def test_rollen_zonder_clientbereik_zien_geen_clienten(api, rol):
    f.ClientFactory()
    gebruiker = f.GebruikerFactory(rol=rol)
    assert _als(api, gebruiker).get("/api/v1/clienten/").json()["count"] == 0


def _nieuwe_client(**extra):
    data = {
        "bsn": "111222333",
        "voornamen": "Truus",
        "geslachtsnaam": "Kok",
        "geboortedatum": "1950-02-03",
        "postcode": "3511ab",
        "huisnummer": "12",
    }
    data.update(extra)
    return data


def test_client_registreren_via_api(api, utrecht):
    medewerker = f.GebruikerFactory(zorgkantoor=utrecht)
    resp = _als(api, medewerker).post("/api/v1/clienten/", _nieuwe_client(), format="json")
    assert resp.status_code == 201, resp.content
    assert resp.json()["zorgkantoor"] == utrecht.code and resp.json()["postcode"] == "3511 AB"


@pytest.mark.parametrize(
    ("extra", "veld", "tekst"),
    [
        ({"bsn": "123456789"}, "bsn", "11-proef"),
        ({"bsn": "12345"}, "bsn", "9 cijfers"),
        ({"geboortedatum": "2999-01-01"}, "geboortedatum", "toekomst"),
        ({"postcode": "ABCD"}, "postcode", "postcode"),
        ({"geboortedatum": "gisteren"}, "geboortedatum", "JJJJ-MM-DD"),
    ],
)
def test_foute_invoer_geeft_400_met_veldmelding_en_schrijft_niets(api, utrecht, extra, veld, tekst):
    medewerker = f.GebruikerFactory(zorgkantoor=utrecht)
    resp = _als(api, medewerker).post("/api/v1/clienten/", _nieuwe_client(**extra), format="json")
    assert resp.status_code == 400
    assert tekst.lower() in " ".join(resp.json()[veld]).lower()
    assert Client.objects.count() == 0


def test_client_buiten_eigen_regio_registreren_wordt_geweigerd(api, utrecht):
    medewerker = f.GebruikerFactory(zorgkantoor=utrecht)
    resp = _als(api, medewerker).post(
        "/api/v1/clienten/", _nieuwe_client(postcode="1012 AB"), format="json"
    )
    assert resp.status_code == 400 and "postcode" in resp.json()
    assert Client.objects.count() == 0


def test_aanbieder_mag_geen_client_registreren(api):
    medewerker = f.GebruikerFactory(rol="za_medewerker")
    assert (
        _als(api, medewerker).post("/api/v1/clienten/", _nieuwe_client(), format="json").status_code
        == 403
    )


def test_indicatie_registreren_en_historie(api, utrecht):
    ind = f.IndicatiebesluitFactory(client__zorgkantoor=utrecht)
    medewerker = f.GebruikerFactory(zorgkantoor=utrecht)
    url = f"/api/v1/clienten/{ind.client.pk}/indicaties/"
    resp = _als(api, medewerker).post(
        url,
        {
            "besluitnummer": "CIZ-API-1",
            "zorgprofiel": "LG6",
            "grondslagen": ["lichamelijk"],
            "ingangsdatum": "2026-01-01",
            "leveringsvorm": "pgb",
        },
        format="json",
    )
    assert resp.status_code == 201, resp.content
    historie = api.get(url).json()
    assert [(i["besluitnummer"], i["is_actueel"]) for i in historie] == [
        ("CIZ-API-1", True),
        (ind.besluitnummer, False),
    ]


def test_indicatie_met_onbekend_profiel_geeft_400_en_geen_gedeeltelijke_schrijfactie(api, utrecht):
    ind = f.IndicatiebesluitFactory(client__zorgkantoor=utrecht)
    medewerker = f.GebruikerFactory(zorgkantoor=utrecht)
    resp = _als(api, medewerker).post(
        f"/api/v1/clienten/{ind.client.pk}/indicaties/",
        {
            "besluitnummer": "CIZ-X",
            "zorgprofiel": "VG99",
            "grondslagen": ["verstandelijk"],
            "ingangsdatum": "2026-01-01",
            "leveringsvorm": "verblijf",
        },
        format="json",
    )
    assert resp.status_code == 400
    assert "VG99" in resp.json()["zorgprofiel"][0]
    ind.refresh_from_db()
    assert ind.is_actueel and Indicatiebesluit.objects.count() == 1


def test_openapi_schema_en_docs(api):
    resp = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert resp.status_code == 200
    schema = resp.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/clienten/" in schema["paths"]
    assert api.get("/api/v1/docs/").status_code == 200


def test_lijst_gebruikt_vast_aantal_queries(api, utrecht, django_assert_max_num_queries):
    for _ in range(15):
        f.IndicatiebesluitFactory(client__zorgkantoor=utrecht)
    medewerker = f.GebruikerFactory(zorgkantoor=utrecht)
    _als(api, medewerker)
    with django_assert_max_num_queries(8):
        resp = api.get(reverse("v1:client-list"))
    assert resp.json()["count"] == 15
