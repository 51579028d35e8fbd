"""factory_boy factories for every model. Data is realistic and internally consistent:
valid BSNs (11-proef), 8-digit AGB codes, postcodes inside the client's region."""

from __future__ import annotations

import random
from datetime import date

import factory
from factory.django import DjangoModelFactory

from indicaties import demo
from indicaties import models as m

WACHTWOORD = "Zorgportaal-test-2026"


def geldig_bsn(seed: int) -> str:
    """A deterministic BSN that passes the 11-proef, different for every seed."""
    return demo.geldig_bsn(random.Random(seed))


class ZorgkantoorFactory(DjangoModelFactory):
    class Meta:
        model = m.Zorgkantoor
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n:03d}")
    naam = factory.Sequence(lambda n: f"Zorgkantoor Testregio {n}")
    adres = "Postbus 100, 1000 AA Testdam"
    email = factory.LazyAttribute(lambda o: f"wlz-{o.code.lower()}@zorgkantoor.test")


class PostcodeGebiedFactory(DjangoModelFactory):
    class Meta:
        model = m.PostcodeGebied

    postcode_van = factory.Sequence(lambda n: 1000 + (n * 10) % 8990)
    postcode_tot = factory.LazyAttribute(lambda o: o.postcode_van + 9)
    zorgkantoor = factory.SubFactory(ZorgkantoorFactory)


class ZorgaanbiederFactory(DjangoModelFactory):
    class Meta:
        model = m.Zorgaanbieder

    agb_code = factory.Sequence(lambda n: f"{22000000 + n:08d}")
    naam = factory.Sequence(lambda n: f"Zorggroep De Linde {n}")
    plaats = "Utrecht"
    email = factory.LazyAttribute(lambda o: f"zorgbemiddeling@{o.agb_code}.test")


class GebruikerFactory(DjangoModelFactory):
    class Meta:
        model = m.Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Jansen{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.test")
    rol = m.Rol.ZK_MEDEWERKER
    zorgkantoor = factory.Maybe(
        factory.LazyAttribute(lambda o: o.rol in m.ZORGKANTOOR_ROLLEN),
        yes_declaration=factory.SubFactory(ZorgkantoorFactory),
        no_declaration=None,
    )
    zorgaanbieder = factory.Maybe(
        factory.LazyAttribute(lambda o: o.rol == m.Rol.ZA_MEDEWERKER),
        yes_declaration=factory.SubFactory(ZorgaanbiederFactory),
        no_declaration=None,
    )
    password = factory.django.Password(WACHTWOORD)


class ZorgprofielFactory(DjangoModelFactory):
    """Profiles come from the data migration; this returns the catalogue row for a code."""

    class Meta:
        model = m.Zorgprofiel
        django_get_or_create = ("code",)

    code = "VG7"
    sector = "VG"
    naam = "(Besloten) wonen met zeer intensieve begeleiding, verzorging en gedragsregulering"


class ClientFactory(DjangoModelFactory):
    class Meta:
        model = m.Client

    bsn = factory.Sequence(lambda n: geldig_bsn(n + 1))
    voornamen = factory.Iterator(["Anna", "Mohamed", "Henk", "Fatima", "Jan", "Sanne", "Eva"])
    voorvoegsel = factory.Iterator(["", "de", "van", "", "van der"])
    geslachtsnaam = factory.Iterator(["Bakker", "Visser", "Smit", "Yilmaz", "Mulder", "Bos"])
    geboortedatum = date(1980, 5, 17)
    postcode = "3511 AB"
    huisnummer = factory.Sequence(lambda n: str(n % 200 + 1))
    woonplaats = "Utrecht"
    zorgkantoor = factory.SubFactory(ZorgkantoorFactory)


class ZorgtoewijzingFactory(DjangoModelFactory):
    class Meta:
        model = m.Zorgtoewijzing

    client = factory.SubFactory(ClientFactory)
    zorgaanbieder = factory.SubFactory(ZorgaanbiederFactory)
    leveringsvorm = m.Leveringsvorm.VERBLIJF
    ingangsdatum = date(2024, 1, 1)
    einddatum = None


class IndicatiebesluitFactory(DjangoModelFactory):
    class Meta:
        model = m.Indicatiebesluit

    client = factory.SubFactory(ClientFactory)
    besluitnummer = factory.Sequence(lambda n: f"CIZ{n:08d}")
    zorgprofiel = factory.LazyFunction(lambda: m.Zorgprofiel.objects.get(code="VG7"))
    grondslagen = factory.LazyFunction(lambda: ["verstandelijk"])
    ingangsdatum = date(2024, 1, 1)
    ciz_markers = factory.LazyFunction(list)
    leveringsvorm = m.Leveringsvorm.VERBLIJF
    is_actueel = True


class MachtigingFactory(DjangoModelFactory):
    class Meta:
        model = m.Machtiging

    client = factory.SubFactory(ClientFactory)
    ondersteuner = factory.SubFactory(
        GebruikerFactory, rol=m.Rol.CLIENTONDERSTEUNER, organisatie="MEE Nederland"
    )
    ingangsdatum = date(2024, 1, 1)
    regelingen = factory.LazyFunction(list)


class InzagelogFactory(DjangoModelFactory):
    class Meta:
        model = m.Inzagelog

    gebruiker = factory.SubFactory(GebruikerFactory)
    actie = m.Inzagelog.Actie.BEKEKEN
    client = factory.SubFactory(ClientFactory)
    objecttype = "Client"
