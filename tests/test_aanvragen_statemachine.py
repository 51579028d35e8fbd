"""Every allowed transition works for the right actor; every other (state, transition) pair is
refused, through the service layer, the API and the web UI, and nothing changes."""

from datetime import date, timedelta

import pytest
from django_fsm import can_proceed
from rest_framework.test import APIClient

from aanvragen import services
from aanvragen.models import Aanvraag, Besluit, Informatieverzoek, Status, Statusovergang
from tests.scenario import MEERZORG_INHOUD, ingediende_meerzorg, maak_wereld

pytestmark = pytest.mark.django_db

TRANSITIES = {
    # transition: allowed source states
    "indienen": {Status.CONCEPT},
    "in_behandeling_nemen": {Status.INGEDIEND},
    "informatie_vragen": {Status.IN_BEHANDELING, Status.ADVIES_ONTVANGEN},
    "informatie_ontvangen": {Status.INFORMATIE_GEVRAAGD},
    "advies_vragen": {Status.IN_BEHANDELING},
    "advies_uitbrengen": {Status.ADVIES_GEVRAAGD},
    "besluit_voorstellen": {Status.IN_BEHANDELING, Status.ADVIES_ONTVANGEN},
    "besluit_terugnemen": {Status.BESLUIT_VOORGESTELD},
    "vaststellen": {Status.BESLUIT_VOORGESTELD},
    "tweede_lezer_akkoord": {Status.BESLUIT_VOORGESTELD},
    "intrekken": {
        Status.CONCEPT,
        Status.INGEDIEND,
        Status.IN_BEHANDELING,
        Status.INFORMATIE_GEVRAAGD,
        Status.ADVIES_GEVRAAGD,
        Status.ADVIES_ONTVANGEN,
        Status.BESLUIT_VOORGESTELD,
    },
    "buiten_behandeling_stellen": {Status.INFORMATIE_GEVRAAGD},
}


def _in_status(aanvraag, status):
    Aanvraag.objects.filter(pk=aanvraag.pk).update(status=status)
    return Aanvraag.objects.get(pk=aanvraag.pk)


def test_transitietabel_komt_overeen_met_het_model():
    w = maak_wereld()
    aanvraag = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    for status in Status.values:
        a = _in_status(aanvraag, status)
        beschikbaar = {t.name for t in a.get_all_status_transitions() if t.source == status}
        verwacht = {naam for naam, bronnen in TRANSITIES.items() if status in bronnen}
        assert beschikbaar == verwacht, status


@pytest.mark.parametrize(
    ("status", "transitie"),
    [(s, t) for t, bronnen in TRANSITIES.items() for s in Status.values if s not in bronnen],
)
def test_niet_toegestane_overgang_wordt_geweigerd_via_api(status, transitie):
    w = maak_wereld()
    aanvraag = _in_status(services.start_aanvraag(w.client, "meerzorg", w.medewerker_a), status)
    assert not can_proceed(getattr(aanvraag, transitie))
    api = APIClient()
    api.force_authenticate(w.medewerker)
    resp = api.post(
        f"/api/v1/aanvragen/{aanvraag.pk}/actie/",
        {"overgang": transitie, "gegevens": _gegevens(transitie)},
        format="json",
    )
    if transitie == "indienen":  # not a queue action; the submit endpoint refuses it instead
        assert resp.status_code == 400
        resp = api.post(f"/api/v1/aanvragen/{aanvraag.pk}/indienen/")
    assert resp.status_code in (403, 404, 409), (resp.status_code, resp.content)
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == status
    assert not Statusovergang.objects.filter(aanvraag=aanvraag).exists()


def _gegevens(transitie):
    return {
        "informatie_vragen": {
            "vraag": "Zorgplan?",
            "uiterlijk": str(date.today() + timedelta(days=14)),
        },
        "informatie_ontvangen": {"antwoord": "Bijgevoegd."},
        "advies_vragen": {"vraag": "Is meerzorg nodig?"},
        "advies_uitbrengen": {"uitkomst": "positief", "advies": "Ja."},
        "besluit_voorstellen": {"uitkomst": "afgewezen", "motivering": "Voldoet niet."},
    }.get(transitie, {})


def test_niet_toegestane_overgang_via_web_laat_melding_zien():
    w = maak_wereld()
    aanvraag = ingediende_meerzorg(w)
    from django.test import Client

    web = Client()
    web.force_login(w.medewerker)
    resp = web.post(f"/aanvragen/{aanvraag.pk}/actie/vaststellen/", follow=True)
    assert "Er is nog geen besluit voorgesteld" in resp.content.decode()
    resp = web.post(f"/aanvragen/{aanvraag.pk}/actie/advies_vragen/", {"vraag": "?"}, follow=True)
    assert "kan niet bij status" in resp.content.decode()
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Status.INGEDIEND


def test_volledige_levensloop_met_informatie_advies_en_tweede_lezer():
    w = maak_wereld()
    inhoud = dict(MEERZORG_INHOUD, gedragsproblematiek=True)
    a = ingediende_meerzorg(w, inhoud)
    assert a.status == Status.INGEDIEND and a.beslistermijn == date.today() + timedelta(weeks=8)
    a = services.overgang(a, "in_behandeling_nemen", w.medewerker)
    a = services.vraag_informatie(
        a, w.medewerker, "Stuur het zorgplan.", date.today() + timedelta(days=10)
    )
    assert a.status == Status.INFORMATIE_GEVRAAGD and a.is_opgeschort
    a = services.beantwoord_informatie(a, w.medewerker_a, "Zorgplan bijgevoegd.")
    assert a.status == Status.IN_BEHANDELING and not a.is_opgeschort
    assert Informatieverzoek.objects.get(aanvraag=a).antwoord == "Zorgplan bijgevoegd."
    a = services.vraag_advies(a, w.medewerker, "Gedragsproblematiek: is meerzorg nodig?")
    a = services.breng_advies_uit(a, w.cce, "positief", "Meerzorg is nodig.")
    assert a.status == Status.ADVIES_ONTVANGEN
    a = services.stel_besluit_voor(
        a,
        w.medewerker,
        services.Besluitvoorstel(
            uitkomst="toegekend",
            motivering="Voldoet.",
            ingangsdatum=date(2026, 12, 1),
            einddatum=date(2029, 11, 30),
            uren_per_week=7,
            bedrag_per_jaar=150000,
        ),
    )
    assert a.besluit.tweede_lezer_vereist  # above the threshold
    with pytest.raises(services.NietToegestaan):
        services.stel_vast(a, w.medewerker)  # the proposer cannot be the second reader
    with pytest.raises(services.NietToegestaan):
        services.stel_vast(a, w.collega)  # a medewerker is no second reader
    a = services.stel_vast(a, w.senior)
    assert a.status == Status.TOEGEKEND
    besluit = Besluit.objects.get(aanvraag=a)
    assert besluit.tweede_lezer == w.senior and besluit.vastgesteld_op
    assert besluit.heraanvraag_uiterlijk == date(2029, 8, 30)
    stappen = list(a.historie.values_list("overgang", "door__first_name"))
    assert stappen == [
        ("indienen", "Petra"),
        ("in_behandeling_nemen", "Marieke"),
        ("informatie_vragen", "Marieke"),
        ("informatie_ontvangen", "Petra"),
        ("advies_vragen", "Marieke"),
        ("advies_uitbrengen", w.cce.first_name),
        ("besluit_voorstellen", "Marieke"),
        ("tweede_lezer_akkoord", "Hans"),
    ]


def test_toekenning_onder_drempel_stelt_medewerker_zelf_vast():
    w = maak_wereld()
    a = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    a = services.stel_besluit_voor(
        a,
        w.medewerker,
        services.Besluitvoorstel(
            uitkomst="toegekend",
            motivering="Voldoet.",
            ingangsdatum=date(2026, 12, 1),
            einddatum=date(2027, 11, 30),
            uren_per_week=7,
        ),
    )
    assert not a.besluit.tweede_lezer_vereist
    assert services.stel_vast(a, w.medewerker).status == Status.TOEGEKEND


def test_afwijzing_vraagt_altijd_tweede_lezer():
    w = maak_wereld()
    a = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    a = services.stel_besluit_voor(
        a,
        w.medewerker,
        services.Besluitvoorstel(
            uitkomst="afgewezen", motivering="Zorgbehoefte onvoldoende onderbouwd."
        ),
    )
    assert a.besluit.tweede_lezer_vereist
    with pytest.raises(services.NietToegestaan):
        services.stel_vast(a, w.medewerker)
    assert services.stel_vast(a, w.senior).status == Status.AFGEWEZEN


def test_intrekken_door_aanvrager_niet_door_andere_aanbieder():
    w = maak_wereld()
    a = ingediende_meerzorg(w)
    with pytest.raises(services.NietToegestaan):
        services.overgang(a, "intrekken", w.medewerker_b)
    assert services.overgang(a, "intrekken", w.medewerker_a).status == Status.INGETROKKEN


def test_buiten_behandeling_pas_na_verstreken_termijn():
    import time_machine

    w = maak_wereld()
    a = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    a = services.vraag_informatie(a, w.medewerker, "Zorgplan?", date.today() + timedelta(days=7))
    with pytest.raises(services.NietToegestaan):
        services.overgang(a, "buiten_behandeling_stellen", w.medewerker)
    with time_machine.travel(date.today() + timedelta(days=8)):
        a = services.overgang(a, "buiten_behandeling_stellen", w.medewerker)
    assert a.status == Status.BUITEN_BEHANDELING


def test_opschorting_verlengt_de_beslistermijn():
    import time_machine

    w = maak_wereld()
    a = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    oorspronkelijk = a.beslistermijn
    a = services.vraag_informatie(a, w.medewerker, "Zorgplan?", date.today() + timedelta(days=20))
    with time_machine.travel(date.today() + timedelta(days=12)):
        a = services.beantwoord_informatie(a, w.medewerker_a, "Hier.")
    assert a.opgeschorte_dagen == 12
    assert a.beslistermijn == oorspronkelijk + timedelta(days=12)
