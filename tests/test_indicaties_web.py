import pytest
from django.core.management import call_command

from indicaties import demo
from indicaties.models import Client, Gebruiker, Indicatiebesluit, Inzagelog, Zorgkantoor
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_startpagina_vraagt_login(client):
    resp = client.get("/")
    assert resp.status_code == 302 and resp.url.startswith("/inloggen/")


def test_loginpagina_is_nederlands(client):
    html = client.get("/inloggen/").content.decode()
    assert '<html lang="nl">' in html and "Gebruikersnaam" in html and "Wachtwoord" in html


def test_verkeerd_wachtwoord_geeft_melding(client):
    gebruiker = f.GebruikerFactory()
    resp = client.post("/inloggen/", {"username": gebruiker.username, "password": "fout"})
    assert resp.status_code == 200
    assert "gebruikersnaam of wachtwoord klopt niet" in resp.content.decode()


def test_brute_force_blokkeert_na_vijf_pogingen(client):
    gebruiker = f.GebruikerFactory()
    for _ in range(5):
        client.post("/inloggen/", {"username": gebruiker.username, "password": "fout"})
    resp = client.post("/inloggen/", {"username": gebruiker.username, "password": f.WACHTWOORD})
    assert resp.status_code == 429
    assert "tijdelijk geblokkeerd" in resp.content.decode()


@pytest.mark.parametrize(
    ("rol", "verwacht"),
    [
        ("zk_medewerker", "Werkvoorraad"),
        ("zk_senior", "Tweede lezing"),
        ("za_medewerker", "Mijn aanvragen"),
        ("clientondersteuner", "Mijn cliënten"),
        ("cce_adviseur", "Adviesvragen"),
        ("functioneel_beheerder", "Beheer"),
    ],
)
def test_startpagina_per_rol(client, rol, verwacht):
    client.force_login(f.GebruikerFactory(rol=rol))
    html = client.get("/").content.decode()
    assert verwacht in html


def test_clientenlijst_gescoped_en_gelogd(client):
    utrecht = Zorgkantoor.objects.get(naam="Utrecht")
    eigen = f.IndicatiebesluitFactory(client__zorgkantoor=utrecht).client
    ander = f.ClientFactory(zorgkantoor=Zorgkantoor.objects.get(naam="Amsterdam"))
    client.force_login(f.GebruikerFactory(zorgkantoor=utrecht))
    html = client.get("/clienten/").content.decode()
    assert eigen.geslachtsnaam in html and eigen.bsn in html
    assert ander.bsn not in html
    assert client.get(f"/clienten/{ander.pk}/").status_code == 404
    assert client.get(f"/clienten/{eigen.pk}/").status_code == 200
    assert Inzagelog.objects.filter(client=eigen, actie="bekeken").count() == 1


def test_clientenlijst_zoeken_op_bsn(client):
    utrecht = Zorgkantoor.objects.get(naam="Utrecht")
    a, b = f.ClientFactory(zorgkantoor=utrecht), f.ClientFactory(zorgkantoor=utrecht)
    client.force_login(f.GebruikerFactory(zorgkantoor=utrecht))
    html = client.get("/clienten/", {"q": a.bsn}).content.decode()
    assert a.bsn in html and b.bsn not in html


def test_cce_mag_clientenlijst_niet_zien(client):
    client.force_login(f.GebruikerFactory(rol="cce_adviseur"))
    assert client.get("/clienten/").status_code == 403


def test_client_registreren_met_fout_bsn_toont_veldmelding_en_behoudt_invoer(client):
    utrecht = Zorgkantoor.objects.get(naam="Utrecht")
    client.force_login(f.GebruikerFactory(zorgkantoor=utrecht))
    resp = client.post(
        "/clienten/nieuw/",
        {
            "bsn": "123456789",
            "voornamen": "Truus",
            "geslachtsnaam": "Kok",
            "geboortedatum": "1950-02-03",
            "postcode": "3511 AB",
            "huisnummer": "3",
        },
    )
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "11-proef" in html and 'value="Truus"' in html
    assert Client.objects.count() == 0


def test_indicatie_registreren_met_onbekend_profiel(client):
    utrecht = Zorgkantoor.objects.get(naam="Utrecht")
    ind = f.IndicatiebesluitFactory(client__zorgkantoor=utrecht)
    client.force_login(f.GebruikerFactory(zorgkantoor=utrecht))
    resp = client.post(
        f"/clienten/{ind.client.pk}/indicatie/nieuw/",
        {
            "besluitnummer": "N1",
            "zorgprofiel": "999999",
            "grondslagen": ["verstandelijk"],
            "ingangsdatum": "2026-01-01",
            "leveringsvorm": "verblijf",
        },
    )
    assert resp.status_code == 200
    assert "bestaat niet in de catalogus" in resp.content.decode()
    assert Indicatiebesluit.objects.count() == 1


def test_beheerder_kan_catalogi_beheren_maar_geen_clienten_wijzigen(client):
    beheerder = f.GebruikerFactory(rol="functioneel_beheerder")
    assert beheerder.is_staff
    client.force_login(beheerder)
    for pad in ["zorgprofiel", "postcodegebied", "zorgkantoor", "zorgaanbieder", "gebruiker"]:
        assert client.get(f"/beheer/indicaties/{pad}/").status_code == 200, pad
    assert client.get("/beheer/indicaties/client/").status_code == 403
    for pad in ["beschikking", "verzondenmail"]:  # failed letters/mails are visible to beheer
        assert client.get(f"/beheer/aanvragen/{pad}/").status_code == 200, pad
    assert client.get("/beheer/regelingen/regelwaarde/").status_code == 200
    assert client.get("/beheer/indicaties/zorgprofiel/?sector__exact=VG").status_code == 200


def test_medewerker_komt_niet_in_beheer(client):
    client.force_login(f.GebruikerFactory())
    assert client.get("/beheer/").status_code == 302


def test_demodata_is_idempotent():
    eerste = demo.laad(aantal_clienten=40)
    tweede = demo.laad(aantal_clienten=40)
    assert eerste["clienten"] == tweede["clienten"] == 40
    assert tweede["nieuwe_clienten"] == 0
    assert eerste["indicatiebesluiten"] == tweede["indicatiebesluiten"]
    for rol in [
        "zk_medewerker",
        "zk_senior",
        "za_medewerker",
        "clientondersteuner",
        "cce_adviseur",
        "functioneel_beheerder",
        "client",
    ]:
        assert Gebruiker.objects.filter(rol=rol).exists(), rol
    # every client has exactly one current indication and lives in its postcode's region
    for c in Client.objects.all():
        assert c.indicatiebesluiten.filter(is_actueel=True).count() == 1
        c.full_clean()


def test_demodata_command(capsys):
    call_command("demodata", clienten=5)
    assert "clienten: 5" in capsys.readouterr().out
