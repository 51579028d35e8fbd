from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from indicaties.models import Client, Indicatiebesluit, PostcodeGebied, Zorgkantoor, Zorgprofiel
from indicaties.services import registreer_indicatiebesluit
from indicaties.validators import bsn_is_geldig, validate_agb_code, validate_bsn
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999990019"])
def test_bsn_elfproef_geldig(bsn):
    assert bsn_is_geldig(bsn)
    validate_bsn(bsn)


@pytest.mark.parametrize(
    ("bsn", "code"),
    [
        ("123456789", "bsn_11proef"),
        ("12345678", "bsn_formaat"),
        ("12345678a", "bsn_formaat"),
        ("000000000", "bsn_11proef"),
    ],
)
def test_bsn_fout_geeft_duidelijke_melding(bsn, code):
    with pytest.raises(ValidationError) as exc:
        validate_bsn(bsn)
    assert exc.value.code == code
    assert "BSN" in str(exc.value.messages[0])


@pytest.mark.parametrize("agb", ["1234567", "123456789", "1234567a", ""])
def test_agb_moet_8_cijfers_zijn(agb):
    with pytest.raises(ValidationError, match="8 cijfers"):
        validate_agb_code(agb)


def test_catalogus_bevat_alle_sectoren_en_meerzorgprofielen():
    sectoren = set(Zorgprofiel.objects.values_list("sector", flat=True))
    assert sectoren == {"VV", "VG", "LVG", "SGLVG", "LG", "ZGaud", "ZGvis", "GGZ-B", "GGZ-W"}
    meerzorg = [
        "VV7",
        "VV8",
        "VG5",
        "VG7",
        "VG8",
        "LVG4",
        "LVG5",
        "SGLVG1",
        "LG5",
        "LG6",
        "LG7",
        "ZGaud3",
        "ZGvis5",
        "GGZ6B",
        "GGZ7B",
        "VV10",
    ]
    assert set(meerzorg) <= set(Zorgprofiel.objects.values_list("code", flat=True))


def test_32_regios_en_postcodetabel_dekt_heel_nederland():
    assert Zorgkantoor.objects.count() == 32
    gebieden = list(PostcodeGebied.objects.order_by("postcode_van"))
    assert gebieden[0].postcode_van == 1000 and gebieden[-1].postcode_tot == 9999
    for a, b in zip(gebieden, gebieden[1:], strict=False):
        assert b.postcode_van == a.postcode_tot + 1


def test_regio_volgt_uit_postcode():
    assert PostcodeGebied.zorgkantoor_voor("3511 AB").naam == "Utrecht"
    assert PostcodeGebied.zorgkantoor_voor("1012 AB").naam == "Amsterdam"
    assert PostcodeGebied.zorgkantoor_voor("onzin") is None


def test_postcodegebied_overlap_wordt_geweigerd():
    zk = Zorgkantoor.objects.get(naam="Utrecht")
    with pytest.raises(ValidationError, match="overlapt"):
        PostcodeGebied(postcode_van=3500, postcode_tot=3510, zorgkantoor=zk).full_clean()


def test_client_clean_zet_regio_en_weigert_geboortedatum_in_toekomst():
    client = Client(
        bsn="111222333",
        voornamen="A",
        geslachtsnaam="B",
        postcode="3511ab",
        huisnummer="1",
        geboortedatum=date.today() + timedelta(days=1),
    )
    with pytest.raises(ValidationError) as exc:
        client.full_clean()
    assert "geboortedatum" in exc.value.message_dict
    assert client.postcode == "3511 AB"
    assert client.zorgkantoor.naam == "Utrecht"


def test_nieuwe_indicatie_wordt_actueel_en_vorige_blijft_in_historie():
    ind = f.IndicatiebesluitFactory()
    nieuw = registreer_indicatiebesluit(
        ind.client,
        besluitnummer="CIZ-NIEUW",
        zorgprofiel=Zorgprofiel.objects.get(code="VG8"),
        ingangsdatum=date(2025, 6, 1),
        leveringsvorm="verblijf",
        grondslagen=["verstandelijk"],
    )
    ind.refresh_from_db()
    assert not ind.is_actueel and nieuw.is_actueel
    assert list(ind.client.indicatiebesluiten.values_list("besluitnummer", flat=True)) == [
        "CIZ-NIEUW",
        ind.besluitnummer,
    ]


def test_database_staat_geen_twee_actuele_indicaties_toe():
    ind = f.IndicatiebesluitFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        f.IndicatiebesluitFactory(client=ind.client, is_actueel=True)


def test_onbekende_grondslag_wordt_geweigerd_zonder_schrijven():
    client = f.ClientFactory()
    with pytest.raises(ValidationError, match="Onbekende waarde"):
        registreer_indicatiebesluit(
            client,
            besluitnummer="X1",
            zorgprofiel=Zorgprofiel.objects.get(code="VG7"),
            ingangsdatum=date(2025, 1, 1),
            leveringsvorm="verblijf",
            grondslagen=["magisch"],
        )
    assert not Indicatiebesluit.objects.filter(client=client).exists()


def test_inzagelog_is_alleen_aan_te_vullen():
    regel = f.InzagelogFactory()
    with pytest.raises(ValidationError):
        regel.save()
    with pytest.raises(ValidationError):
        regel.delete()


def test_alle_factories_maken_geldige_objecten():
    for factory in (
        f.ZorgkantoorFactory,
        f.ZorgaanbiederFactory,
        f.ClientFactory,
        f.ZorgtoewijzingFactory,
        f.IndicatiebesluitFactory,
        f.MachtigingFactory,
        f.InzagelogFactory,
    ):
        obj = factory()
        assert obj.pk
    gebruiker = f.GebruikerFactory(rol="za_medewerker")
    assert gebruiker.zorgaanbieder and not gebruiker.zorgkantoor
    assert bsn_is_geldig(f.ClientFactory().bsn)
