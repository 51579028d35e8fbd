"""Consent matrix for cliëntondersteuners (with, without, expired, revoked, scoped), web and API,
and the plain-language views."""

from datetime import date, timedelta

import pytest
from django.test import Client as WebClient
from rest_framework.test import APIClient

from aanvragen import services
from indicaties.models import Inzagelog, Machtiging
from indicaties.services import trek_machtiging_in
from tests import factories as f
from tests.scenario import ingediende_meerzorg, maak_wereld, toegekend

pytestmark = pytest.mark.django_db

VANDAAG = date.today()


def _ondersteuner():
    return f.GebruikerFactory(rol="clientondersteuner", organisatie="MEE")


def _machtiging(soort, client, ondersteuner):
    if soort == "zonder":
        return None
    kwargs = {
        "client": client,
        "ondersteuner": ondersteuner,
        "ingangsdatum": VANDAAG - timedelta(days=30),
    }
    if soort == "verlopen":
        kwargs["einddatum"] = VANDAAG - timedelta(days=1)
    if soort == "scope_ekt":
        kwargs["regelingen"] = ["ekt"]
    if soort == "scope_meerzorg":
        kwargs["regelingen"] = ["meerzorg"]
    if soort == "toekomst":
        kwargs["ingangsdatum"] = VANDAAG + timedelta(days=3)
    m = f.MachtigingFactory(**kwargs)
    if soort == "ingetrokken":
        trek_machtiging_in(m, ondersteuner)
    return m


# (consent, sees client, sees the meerzorg application)
MATRIX = [
    ("geldig", True, True),
    ("zonder", False, False),
    ("verlopen", False, False),
    ("ingetrokken", False, False),
    ("toekomst", False, False),
    ("scope_meerzorg", True, True),
    ("scope_ekt", True, False),
]


@pytest.mark.parametrize(("soort", "ziet_client", "ziet_aanvraag"), MATRIX)
def test_toestemmingsmatrix_web_en_api(soort, ziet_client, ziet_aanvraag):
    w = maak_wereld()
    aanvraag = ingediende_meerzorg(w)
    ondersteuner = _ondersteuner()
    _machtiging(soort, w.client, ondersteuner)
    web = WebClient()
    web.force_login(ondersteuner)
    api = APIClient()
    api.force_authenticate(ondersteuner)

    verwacht_client = 200 if ziet_client else 404
    assert web.get(f"/ondersteuning/clienten/{w.client.pk}/").status_code == verwacht_client
    assert api.get(f"/api/v1/clienten/{w.client.pk}/").status_code == verwacht_client
    verwacht_aanvraag = 200 if ziet_aanvraag else 404
    assert web.get(f"/ondersteuning/aanvragen/{aanvraag.pk}/").status_code == verwacht_aanvraag
    assert api.get(f"/api/v1/aanvragen/{aanvraag.pk}/").status_code == verwacht_aanvraag
    dashboard = web.get("/ondersteuning/").content.decode()
    assert (w.client.naam in dashboard) == ziet_client
    if not ziet_client:
        geweigerd = Inzagelog.objects.filter(
            gebruiker=ondersteuner, actie="geweigerd", client=w.client
        )
        assert geweigerd.count() >= 3  # web client, api client, web timeline, ...


def test_intrekken_werkt_direct():
    w = maak_wereld()
    ondersteuner = _ondersteuner()
    m = _machtiging("geldig", w.client, ondersteuner)
    web = WebClient()
    web.force_login(ondersteuner)
    assert web.get(f"/ondersteuning/clienten/{w.client.pk}/").status_code == 200
    trek_machtiging_in(m, w.medewerker)
    assert web.get(f"/ondersteuning/clienten/{w.client.pk}/").status_code == 404


def test_zorgkantoor_legt_machtiging_vast_en_trekt_in_via_web():
    w = maak_wereld()
    ondersteuner = _ondersteuner()
    web = WebClient()
    web.force_login(w.medewerker)
    resp = web.post(
        f"/clienten/{w.client.pk}/machtigingen/",
        {
            "ondersteuner": ondersteuner.pk,
            "ingangsdatum": VANDAAG.isoformat(),
            "regelingen": ["meerzorg"],
        },
    )
    assert resp.status_code == 302
    m = Machtiging.objects.get()
    assert m.regelingen == ["meerzorg"] and m.vastgelegd_door == w.medewerker
    html = web.get(f"/clienten/{w.client.pk}/").content.decode()
    assert f"<title>{w.client.naam} – Zorgportaal</title>" in html
    assert html.count("Machtigingen cliëntondersteuning") == 1
    resp = web.post(
        f"/clienten/{w.client.pk}/machtigingen/",
        {
            "ondersteuner": ondersteuner.pk,
            "ingangsdatum": VANDAAG.isoformat(),
            "einddatum": (VANDAAG - timedelta(days=2)).isoformat(),
        },
    )
    assert resp.status_code == 400 and "vóór de ingangsdatum" in resp.content.decode()
    web.post(f"/clienten/{w.client.pk}/machtigingen/", {"intrekken": m.pk})
    m.refresh_from_db()
    assert m.ingetrokken_op and m.ingetrokken_door == w.medewerker
    assert Machtiging.objects.count() == 1  # the record stays


def test_tijdlijn_in_gewone_taal_zonder_interne_notities():
    w = maak_wereld()
    a = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    a = services.vraag_informatie(
        a, w.medewerker, "INTERN: vermoedelijk te hoog ingeschat", VANDAAG + timedelta(days=14)
    )
    ondersteuner = _ondersteuner()
    _machtiging("geldig", w.client, ondersteuner)
    web = WebClient()
    web.force_login(ondersteuner)
    html = web.get(f"/ondersteuning/aanvragen/{a.pk}/").content.decode()
    assert "Het zorgkantoor heeft om meer informatie gevraagd" in html
    assert "INTERN" not in html
    assert "binnen 8 weken" in html
    # the internal file redirects supporters to the timeline
    resp = web.get(f"/aanvragen/{a.pk}/")
    assert resp.status_code == 302 and resp.url == f"/ondersteuning/aanvragen/{a.pk}/"


def test_besluit_met_bezwaarclausule_op_tijdlijn():
    w = maak_wereld()
    a = toegekend(w, ingangsdatum=date(2026, 12, 1), einddatum=date(2027, 11, 30))
    ondersteuner = _ondersteuner()
    _machtiging("geldig", w.client, ondersteuner)
    web = WebClient()
    web.force_login(ondersteuner)
    html = web.get(f"/ondersteuning/aanvragen/{a.pk}/").content.decode()
    assert "De aanvraag is toegekend." in html
    assert "bezwaar" in html and "6 weken" in html
    assert "30 augustus 2027" in html  # heraanvraag due 3 months before the end
    dashboard = web.get("/ondersteuning/").content.decode()
    assert "Heraanvraag uiterlijk 30 augustus 2027" in dashboard


def test_clientaccount_ziet_eigen_overzicht_en_niets_anders():
    w = maak_wereld()
    a = ingediende_meerzorg(w)
    ander = maak_wereld()
    account = f.GebruikerFactory(rol="client", client=w.client)
    web = WebClient()
    web.force_login(account)
    html = web.get("/ondersteuning/mijn-overzicht/").content.decode()
    assert "Mijn overzicht" in html and "Meerzorg" in html
    assert web.get(f"/ondersteuning/aanvragen/{a.pk}/").status_code == 200
    assert web.get(f"/ondersteuning/clienten/{ander.client.pk}/").status_code == 404


def test_clientpagina_linkt_naar_voorgevulde_regelingcheck():
    w = maak_wereld()
    ondersteuner = _ondersteuner()
    _machtiging("geldig", w.client, ondersteuner)
    web = WebClient()
    web.force_login(ondersteuner)
    html = web.get(f"/ondersteuning/clienten/{w.client.pk}/").content.decode()
    assert "zorgprofiel=VG7" in html and "leveringsvorm=verblijf" in html
    assert "Wie mag meekijken?" not in html  # only the client manages consent


def test_afgelopen_toekenning_heet_overal_beeindigd():
    import time_machine

    w = maak_wereld()
    a = toegekend(w, ingangsdatum=date(2026, 1, 1), einddatum=date(2026, 12, 31))
    ondersteuner = _ondersteuner()
    _machtiging("geldig", w.client, ondersteuner)
    with time_machine.travel(date(2027, 1, 5)):
        web = WebClient()
        web.force_login(ondersteuner)
        assert "beëindigd" in web.get(f"/ondersteuning/clienten/{w.client.pk}/").content.decode()
        aanbieder = WebClient()
        aanbieder.force_login(w.medewerker_a)
        assert "Beëindigd" in aanbieder.get("/aanvragen/").content.decode()
        api = APIClient()
        api.force_authenticate(w.medewerker_a)
        assert api.get(f"/api/v1/aanvragen/{a.pk}/").json()["status_weergave"] == "Beëindigd"


def test_client_geeft_en_trekt_zelf_toestemming_in():
    w = maak_wereld()
    ondersteuner = _ondersteuner()
    account = f.GebruikerFactory(rol="client", client=w.client)
    web = WebClient()
    web.force_login(account)
    assert "Wie mag meekijken?" in web.get("/ondersteuning/mijn-overzicht/").content.decode()
    resp = web.post(
        "/ondersteuning/mijn-overzicht/toestemming/",
        {"ondersteuner": ondersteuner.pk, "ingangsdatum": VANDAAG.isoformat()},
    )
    assert resp.status_code == 302
    m = Machtiging.objects.get(client=w.client)
    assert m.vastgelegd_door == account
    meekijker = WebClient()
    meekijker.force_login(ondersteuner)
    assert meekijker.get(f"/ondersteuning/clienten/{w.client.pk}/").status_code == 200
    web.post("/ondersteuning/mijn-overzicht/toestemming/", {"intrekken": m.pk})
    assert meekijker.get(f"/ondersteuning/clienten/{w.client.pk}/").status_code == 404
    # another client's consent cannot be touched
    ander = f.MachtigingFactory()
    resp = web.post("/ondersteuning/mijn-overzicht/toestemming/", {"intrekken": ander.pk})
    assert resp.status_code == 404
    ander.refresh_from_db()
    assert ander.ingetrokken_op is None
