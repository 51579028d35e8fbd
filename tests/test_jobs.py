"""The periodic jobs: with the clock frozen at each point of a grant's life, every job runs twice
and each moment produces exactly one record and one round of mail. Also the Awb digest,
information-request reminders, awareness after a new indication, transition mails, the sweeper
and the beat schedule itself."""

from __future__ import annotations

import inspect
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from celery.schedules import BaseSchedule
from django.conf import settings
from django.core import mail

from aanvragen import jobs, services
from aanvragen.models import (
    Aanvraag,
    Beschikking,
    Besluit,
    Herinnering,
    Informatieverzoek,
    Signalering,
    Status,
    VerzondenMail,
)
from indicaties import services as indicatie_services
from indicaties.models import Zorgkantoor, Zorgprofiel
from tests import factories as f
from tests.scenario import ingediende_meerzorg
from tests.test_jobs_hulp import ZK_EMAIL, besloten_meerzorg, wereld_met_adressen

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def om(d: date, uur: int = 6):
    """Freeze the clock at `uur` o'clock on day `d` (Amsterdam), when beat runs the jobs."""
    return time_machine.travel(datetime(d.year, d.month, d.day, uur, 0, tzinfo=AMS), tick=False)


@pytest.fixture
def draai(django_capture_on_commit_callbacks):
    """Run every periodic job twice (as a double beat delivery would), mail included."""

    def _draai():
        for _ in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                jobs.bewaak_heraanvragen()
                jobs.bewaak_beslistermijnen()
                jobs.herinner_informatieverzoeken()
                jobs.signaleer_nieuwe_indicaties()
                jobs.veeg_wachtrij()

    return _draai


def _soorten() -> Counter:
    return Counter(VerzondenMail.objects.values_list("soort", flat=True))


def _momenten(besluit) -> dict[str, bool]:
    return dict(Herinnering.objects.filter(besluit=besluit).values_list("moment", "overgeslagen"))


# --- heraanvraag: reminders, due date, end -----------------------------------------------------


def test_een_toekenning_doorloopt_herinneringen_uiterste_datum_en_einde_precies_eenmaal(
    draai, django_capture_on_commit_callbacks
):
    with om(date(2026, 1, 5)):
        w = wereld_met_adressen()
        with django_capture_on_commit_callbacks(execute=True):
            aanvraag = besloten_meerzorg(w, ingang=date(2026, 1, 5), maanden=12)
    besluit = Besluit.objects.get(aanvraag=aanvraag)
    assert besluit.einddatum == date(2027, 1, 4)
    assert besluit.heraanvraag_uiterlijk == date(2026, 10, 4)
    mail.outbox.clear()
    ontvangers = sorted([w.aanbieder_a.email, "ondersteuner@mee.test"])

    def stap(dag: date, nieuw: dict[str, int]) -> None:
        voor = _soorten()
        aantal_mails = len(mail.outbox)
        with om(dag):
            draai()
        erbij = _soorten() - voor
        assert dict(erbij) == nieuw, dag
        assert len(mail.outbox) - aantal_mails == sum(nieuw.values()), dag

    stap(date(2026, 8, 3), {})  # the day before the first reminder
    assert _momenten(besluit) == {}

    stap(date(2026, 8, 4), {"heraanvraag_herinnering": 2})  # 5 months before the end
    assert _momenten(besluit) == {"5_maanden": False}
    assert sorted(m.to[0] for m in mail.outbox) == ontvangers
    herinnering = mail.outbox[0]
    assert "30 augustus" not in herinnering.subject and "4 oktober 2026" in herinnering.subject
    assert "ongeveer 5 maanden" in herinnering.body

    stap(date(2026, 8, 20), {})
    stap(date(2026, 9, 4), {"heraanvraag_herinnering": 2})  # 4 months before the end
    assert _momenten(besluit) == {"5_maanden": False, "4_maanden": False}

    stap(date(2026, 10, 4), {})  # the due date itself: still in time
    besluit.refresh_from_db()
    assert not besluit.heraanvraag_te_laat

    stap(date(2026, 10, 5), {"heraanvraag_te_laat": 1})  # due date passed, nothing submitted
    besluit.refresh_from_db()
    assert besluit.heraanvraag_te_laat
    assert mail.outbox[-1].to == [ZK_EMAIL]

    stap(date(2027, 1, 4), {})  # last day of the grant
    assert not jobs.is_beeindigd(besluit, date(2027, 1, 4))

    stap(date(2027, 1, 5), {"toekenning_beeindigd": 2})
    assert jobs.is_beeindigd(besluit, date(2027, 1, 5))
    assert Besluit.objects.filter(jobs.beeindigd_q(date(2027, 1, 5)), pk=besluit.pk).exists()
    assert _momenten(besluit) == {
        "5_maanden": False,
        "4_maanden": False,
        "te_laat": False,
        "einde": False,
    }

    stap(date(2027, 3, 1), {})
    with om(date(2027, 3, 1)):
        assert jobs.bewaak_heraanvragen() == {}  # finished grants are not even looked at
    assert Herinnering.objects.filter(besluit=besluit).count() == 4
    assert _soorten()["heraanvraag_herinnering"] == 4  # two moments × two recipients


def test_een_ingediende_heraanvraag_stopt_herinneringen_en_te_laat(
    draai, django_capture_on_commit_callbacks
):
    with om(date(2026, 1, 5)):
        w = wereld_met_adressen()
        with django_capture_on_commit_callbacks(execute=True):
            aanvraag = besloten_meerzorg(w, ingang=date(2026, 1, 5), maanden=12)
    with om(date(2026, 8, 4)):
        draai()
        heraanvraag = services.maak_heraanvraag(aanvraag, w.medewerker_a)
        heraanvraag = services.bewaar_concept(
            heraanvraag,
            {**heraanvraag.inhoud, "behaalde_resultaten": "Minder incidenten."},
            heraanvraag.versie,
        )
        services.indienen(heraanvraag, w.medewerker_a)
    voor = _soorten()
    for dag in (date(2026, 9, 4), date(2026, 10, 5), date(2027, 1, 5)):
        with om(dag):
            draai()
    erbij = _soorten() - voor
    assert set(erbij) == {"beslistermijn_overzicht"}  # the heraanvraag itself is in the queue
    besluit = Besluit.objects.get(aanvraag=aanvraag)
    assert not besluit.heraanvraag_te_laat
    assert _momenten(besluit) == {
        "5_maanden": False,
        "4_maanden": True,
        "te_laat": True,
        "einde": True,
    }


def test_een_gemiste_periode_wordt_ingehaald_zonder_een_stortvloed_aan_mail(
    draai, django_capture_on_commit_callbacks
):
    with om(date(2026, 1, 5)):
        w = wereld_met_adressen()
        with django_capture_on_commit_callbacks(execute=True):
            aanvraag = besloten_meerzorg(w, ingang=date(2026, 1, 5), maanden=12)
    besluit = Besluit.objects.get(aanvraag=aanvraag)
    voor = _soorten()
    with om(date(2026, 9, 14)):  # beat was down for both reminder days
        draai()
    assert _soorten() - voor == Counter({"heraanvraag_herinnering": 2})  # only the newest
    assert _momenten(besluit) == {"5_maanden": True, "4_maanden": False}

    with om(date(2027, 2, 1)):  # and again until after the end
        draai()
    assert _soorten() - voor == Counter(
        {"heraanvraag_herinnering": 2, "heraanvraag_te_laat": 1, "toekenning_beeindigd": 2}
    )
    besluit.refresh_from_db()
    assert besluit.heraanvraag_te_laat


def test_herinneringsmomenten_zijn_instelbaar(draai, settings, django_capture_on_commit_callbacks):
    settings.HERAANVRAAG_HERINNERING_MAANDEN = [6]
    with om(date(2026, 1, 5)):
        w = wereld_met_adressen()
        with django_capture_on_commit_callbacks(execute=True):
            aanvraag = besloten_meerzorg(w, ingang=date(2026, 1, 5), maanden=12)
    with om(date(2026, 7, 4)):
        draai()
    assert _momenten(aanvraag.besluit) == {"6_maanden": False}


def test_afwijzing_kent_geen_heraanvraagtermijn(draai, django_capture_on_commit_callbacks):
    w = wereld_met_adressen()
    with django_capture_on_commit_callbacks(execute=True):
        besloten_meerzorg(w, uitkomst="afgewezen")
    with om(date.today() + timedelta(days=800)):
        draai()
    assert not Herinnering.objects.exists()


# --- the Awb decision term ---------------------------------------------------------------------


def _ingediend(w, termijn: date, **extra):
    a = ingediende_meerzorg(w)
    Aanvraag.objects.filter(pk=a.pk).update(beslistermijn=termijn, **extra)
    return a


def test_dagelijks_een_overzicht_per_zorgkantoor_van_verlopen_en_bijna_verlopen_termijnen(draai):
    w = wereld_met_adressen()
    vandaag = date.today()
    verlopen = _ingediend(w, vandaag - timedelta(days=1))
    bijna = _ingediend(w, vandaag + timedelta(days=14))
    _ingediend(w, vandaag + timedelta(days=15))  # not yet
    _ingediend(
        w,
        vandaag - timedelta(days=3),
        status=Status.INFORMATIE_GEVRAAGD,
        opgeschort_sinds=vandaag - timedelta(days=5),
    )  # suspended
    _ingediend(w, vandaag - timedelta(days=3), status=Status.TOEGEKEND)  # decided
    amsterdam = Zorgkantoor.objects.get(naam="Amsterdam")
    Zorgkantoor.objects.filter(pk=amsterdam.pk).update(email="wlz@amsterdam.test")
    client_ams = f.ClientFactory(zorgkantoor=amsterdam)
    f.IndicatiebesluitFactory(client=client_ams)
    Aanvraag.objects.create(
        client=client_ams,
        regeling="pab",
        zorgkantoor=amsterdam,
        aangemaakt_door=w.ander_zorgkantoor_medewerker,
        status=Status.IN_BEHANDELING,
        beslistermijn=vandaag,
    )
    mail.outbox.clear()

    draai()
    overzichten = [m for m in mail.outbox if m.subject.startswith("Beslistermijnen")]
    assert sorted(m.to[0] for m in overzichten) == [ZK_EMAIL, "wlz@amsterdam.test"]
    utrecht = next(m for m in overzichten if m.to == [ZK_EMAIL])
    assert "1 verlopen, 1 binnen twee weken" in utrecht.subject
    assert verlopen.referentie in utrecht.body and bijna.referentie in utrecht.body
    assert utrecht.body.count("MZ-") == 2

    with om(date.today() + timedelta(days=1), uur=7):
        draai()
    assert VerzondenMail.objects.filter(soort="beslistermijn_overzicht").count() == 4


# --- information requests ----------------------------------------------------------------------


def test_onbeantwoord_informatieverzoek_wordt_eenmaal_herinnerd(draai):
    w = wereld_met_adressen()
    vandaag = date.today()
    a = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    services.wijs_toe(a, w.medewerker, w.medewerker)
    a = services.vraag_informatie(a, w.medewerker, "Stuur het zorgplan.", vandaag + timedelta(7))
    beantwoord = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    beantwoord = services.vraag_informatie(beantwoord, w.medewerker, "?", vandaag + timedelta(7))
    services.beantwoord_informatie(beantwoord, w.medewerker_a, "Hier.")
    mail.outbox.clear()

    with om(vandaag + timedelta(days=7)):  # the last day to answer
        draai()
    assert not [m for m in mail.outbox if "Herinnering" in m.subject]

    for dag in (8, 9, 30):
        with om(vandaag + timedelta(days=dag)):
            draai()
    herinneringen = [m for m in mail.outbox if "wacht op uw antwoord" in m.subject]
    assert [m.to for m in herinneringen] == [[w.aanbieder_a.email]]
    verstreken = [m for m in mail.outbox if m.subject.startswith("Termijn informatieverzoek")]
    assert [m.to for m in verstreken] == [[w.medewerker.email]]
    assert "buiten behandeling stellen" in verstreken[0].body
    assert Informatieverzoek.objects.get(aanvraag=a).herinnerd_op is not None
    assert Informatieverzoek.objects.get(aanvraag=beantwoord).herinnerd_op is None


# --- awareness ------------------------------------------------------------------------------


def test_nieuwe_indicatie_meldt_welke_regeling_kan_gelden_aan_aanbieder_en_ondersteuner(
    django_capture_on_commit_callbacks, draai
):
    w = wereld_met_adressen()
    beeindigd = f.ZorgaanbiederFactory(naam="Vroegere aanbieder")
    f.ZorgtoewijzingFactory(
        client=w.client,
        zorgaanbieder=beeindigd,
        ingangsdatum=date(2020, 1, 1),
        einddatum=date(2023, 12, 31),
    )
    alleen_pab = f.GebruikerFactory(rol="clientondersteuner", email="pab@mee.test")
    f.MachtigingFactory(client=w.client, ondersteuner=alleen_pab, regelingen=["pab"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        indicatie = indicatie_services.registreer_indicatiebesluit(
            w.client,
            besluitnummer="CIZ20260001",
            zorgprofiel=Zorgprofiel.objects.get(code="VG7"),
            ingangsdatum=date(2026, 1, 1),
            leveringsvorm="verblijf",
            grondslagen=["verstandelijk"],
            ciz_markers=["invasieve_beademing"],
        )
    signaleringen = {s.regeling: s for s in Signalering.objects.filter(indicatie=indicatie)}
    assert set(signaleringen) == {"meerzorg", "toeslag", "ekt", "pab"}
    assert signaleringen["meerzorg"].van_toepassing  # profile on the list, hours unknown
    assert signaleringen["toeslag"].van_toepassing  # ventilation marker from the CIZ
    assert not signaleringen["ekt"].van_toepassing  # not with verblijf
    assert not signaleringen["pab"].van_toepassing  # VG7 is not a pab profile

    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == sorted([w.aanbieder_a.email, w.aanbieder_b.email, "ondersteuner@mee.test"])
    bericht = next(m for m in mail.outbox if m.to == [w.aanbieder_a.email])
    assert "Meerzorg" in bericht.body and "Toeslag" in bericht.body
    assert "Zorgprofiel VG7 staat op de lijst voor meerzorg" in bericht.body
    assert "Rlz art. 2.2 lid 1 onder a" in bericht.body
    assert w.client.bsn not in bericht.body and w.client.geslachtsnaam in bericht.body

    aantal = len(mail.outbox)
    draai()  # the catch-up job finds nothing left to do
    assert len(mail.outbox) == aantal


def test_inhaalslag_voor_indicaties_zonder_signalering_en_niets_over_lopende_aanvragen(
    django_capture_on_commit_callbacks,
):
    w = wereld_met_adressen()
    ingediende_meerzorg(w)  # meerzorg is already asked for
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.signaleer_nieuwe_indicaties() == {"beoordeeld": 1, "gemeld": 0}
        assert jobs.signaleer_nieuwe_indicaties() == {}
    assert Signalering.objects.filter(indicatie=w.indicatie, van_toepassing=True).count() == 1
    assert mail.outbox == []


# --- mails on transitions --------------------------------------------------------------------


def test_indienen_en_informatie_vragen_mailen_zorgkantoor_en_aanvrager(
    django_capture_on_commit_callbacks,
):
    w = wereld_met_adressen()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        a = ingediende_meerzorg(w)
    assert sorted((m.to[0], m.subject.split(" (")[0]) for m in mail.outbox) == sorted(
        [
            (ZK_EMAIL, "Nieuwe aanvraag meerzorg ingediend"),
            (w.aanbieder_a.email, "Wij hebben uw aanvraag meerzorg ontvangen"),
        ]
    )
    assert all(a.referentie in m.subject for m in mail.outbox)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        a = services.overgang(a, "in_behandeling_nemen", w.medewerker)
        services.vraag_informatie(a, w.medewerker, "Zorgplan?", date.today() + timedelta(10))
    assert [m.to for m in mail.outbox] == [[w.aanbieder_a.email]]
    assert (date.today() + timedelta(10)).strftime("%Y") in mail.outbox[0].body
    rijen = VerzondenMail.objects.filter(aanvraag=a).order_by("pk")
    assert [r.soort for r in rijen] == [
        "ingediend_zorgkantoor",
        "ingediend_aanvrager",
        "informatie_gevraagd",
    ]
    assert all(r.status == "verzonden" and r.verzonden_op and r.html for r in rijen)


def test_aanvraag_van_de_client_zelf_gaat_naar_het_adres_van_de_client(
    django_capture_on_commit_callbacks,
):
    w = wereld_met_adressen(profiel="LG6", leveringsvorm="pgb", grondslagen=["lichamelijk"])
    w.client.email = "client@thuis.test"
    w.client.save()
    a = services.start_aanvraag(
        w.client,
        "ekt",
        w.medewerker,
        inhoud={"gevraagde_ophoging_procent": "20", "toelichting": "Werk vanuit huis."},
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.indienen(a, w.medewerker)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([ZK_EMAIL, "client@thuis.test"])


def test_een_teruggedraaide_overgang_mailt_niemand(django_capture_on_commit_callbacks):
    from django.db import transaction

    w = wereld_met_adressen()
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        ingediende_meerzorg(w)
        raise RuntimeError("rollback")
    assert mail.outbox == [] and not VerzondenMail.objects.exists()


# --- the sweeper -----------------------------------------------------------------------------


def test_veger_pakt_op_wat_een_gecrashte_worker_liet_liggen(django_capture_on_commit_callbacks):
    w = wereld_met_adressen()
    # The decision commits, but the after-commit work never runs (worker gone, message lost).
    besloten = besloten_meerzorg(w)
    verloren = Beschikking.objects.create(besluit=besloten_meerzorg(w).besluit, versie=1)
    assert Beschikking.objects.filter(besluit__aanvraag=besloten).count() == 0
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.veeg_wachtrij() == {}  # too recent: maybe still on its way
    assert Beschikking.objects.get(pk=verloren.pk).status == "pending"

    with om(date.today() + timedelta(days=1)), django_capture_on_commit_callbacks(execute=True):
        assert jobs.veeg_wachtrij() == {"beschikkingen": 1, "besluiten_zonder_brief": 1}
    assert set(Beschikking.objects.values_list("status", flat=True)) == {"klaar"}
    assert Beschikking.objects.count() == 2
    assert len([m for m in mail.outbox if "Besluit genomen" in m.subject]) == 4

    stil = VerzondenMail.objects.create(
        sleutel="test:1", soort="besluit_genomen", aan="x@y.test", onderwerp="o", tekst="t"
    )
    with om(date.today() + timedelta(days=2)), django_capture_on_commit_callbacks(execute=True):
        assert jobs.veeg_wachtrij() == {"mails": 1}
        assert jobs.veeg_wachtrij() == {}
    stil.refresh_from_db()
    assert stil.status == "verzonden" and mail.outbox[-1].to == ["x@y.test"]


# --- the beat schedule ----------------------------------------------------------------------


def test_elke_beat_taak_bestaat_en_accepteert_haar_argumenten():
    from zorgportaal.celery import app

    app.loader.import_default_modules()
    assert settings.CELERY_BEAT_SCHEDULE, "geen periodieke taken"
    for naam, regel in settings.CELERY_BEAT_SCHEDULE.items():
        taak = app.tasks[regel["task"]]  # KeyError: the task does not exist (or is not found)
        inspect.signature(taak.run).bind(*regel.get("args", ()), **regel.get("kwargs", {}))
        assert isinstance(regel["schedule"], BaseSchedule | timedelta), naam
    assert {r["task"] for r in settings.CELERY_BEAT_SCHEDULE.values()} >= {
        "aanvragen.tasks.bewaak_heraanvragen",
        "aanvragen.tasks.bewaak_beslistermijnen",
        "aanvragen.tasks.herinner_informatieverzoeken",
        "aanvragen.tasks.signaleer_nieuwe_indicaties",
        "aanvragen.tasks.veeg_wachtrij",
    }


def test_taken_zijn_ingesteld_op_betrouwbaarheid():
    from aanvragen import tasks
    from zorgportaal.celery import app

    assert app.conf.task_acks_late and app.conf.worker_prefetch_multiplier == 1
    assert app.conf.task_time_limit and app.conf.task_soft_time_limit
    for taak in (tasks.maak_beschikking_pdf, tasks.verstuur_mail, tasks.verwerk_overgang):
        assert taak.autoretry_for == (Exception,) and taak.retry_backoff
        assert taak.max_retries == settings.TAAK_MAX_POGINGEN - 1


def test_batches_lopen_de_hele_tabel_door_met_begrensd_geheugen():
    w = wereld_met_adressen()
    for _ in range(7):
        ingediende_meerzorg(w)
    batches = list(jobs.in_batches(Aanvraag.objects.all(), 3))
    assert [len(b) for b in batches] == [3, 3, 1]
    assert len({a.pk for b in batches for a in b}) == 7
