"""Drafts, conflicts, submission, attachments, heraanvraag, idempotency, limits, scoping."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as WebClient
from rest_framework.test import APIClient

from aanvragen import services
from aanvragen.models import Aanvraag, Bijlage, Status
from indicaties.models import Inzagelog
from tests.scenario import MEERZORG_INHOUD, ingediende_meerzorg, maak_wereld, toegekend, voorgesteld

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _web(user):
    c = WebClient()
    c.force_login(user)
    return c


def _api(user):
    c = APIClient()
    c.force_authenticate(user)
    return c


def test_concept_bewaart_ook_ongeldige_invoer_en_toont_fout_bij_het_veld():
    w = maak_wereld()
    a = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    web = _web(w.medewerker_a)
    resp = web.post(
        f"/aanvragen/{a.pk}/bewerken/",
        {"versie": a.versie, "uren_adl": "200", "doelen": "Rust in de groep", "bewaren": "1"},
    )
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "168" in html  # the message says what is allowed
    a.refresh_from_db()
    assert a.inhoud["uren_adl"] == "200" and a.inhoud["doelen"] == "Rust in de groep"


def test_autosave_en_gelijktijdige_wijziging_wordt_gedetecteerd():
    w = maak_wereld()
    a = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    web = _web(w.medewerker_a)
    resp = web.post(
        f"/aanvragen/{a.pk}/bewerken/", {"versie": a.versie, "doelen": "x"}, HTTP_X_AUTOSAVE="1"
    )
    assert resp.status_code == 200 and resp.json()["versie"] == a.versie + 1
    # a second tab still holds the old version
    resp = web.post(
        f"/aanvragen/{a.pk}/bewerken/", {"versie": a.versie, "doelen": "y"}, HTTP_X_AUTOSAVE="1"
    )
    assert resp.status_code == 409 and "intussen gewijzigd" in resp.json()["fout"]
    a.refresh_from_db()
    assert a.inhoud["doelen"] == "x"


def test_indienen_vraagt_verplichte_velden_en_schrijft_niets_half():
    w = maak_wereld()
    a = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    resp = _web(w.medewerker_a).post(
        f"/aanvragen/{a.pk}/bewerken/",
        {"versie": a.versie, "doelen": "Alleen doelen", "indienen": "1"},
    )
    assert resp.status_code == 400
    assert "verplicht om in te dienen" in resp.content.decode()
    a.refresh_from_db()
    assert a.status == Status.CONCEPT and not a.historie.exists()


def test_indienen_via_web():
    w = maak_wereld()
    a = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    data = {k: ({True: "ja", False: "nee"}.get(v, v)) for k, v in MEERZORG_INHOUD.items()}
    resp = _web(w.medewerker_a).post(
        f"/aanvragen/{a.pk}/bewerken/", {**data, "versie": a.versie, "indienen": "1"}, follow=True
    )
    assert "is ingediend" in resp.content.decode()
    a.refresh_from_db()
    assert a.status == Status.INGEDIEND and a.ingediend_op


def test_live_regeltoets_fragment_toont_overschrijding():
    w = maak_wereld()
    a = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    html = (
        _web(w.medewerker_a)
        .post(
            f"/aanvragen/{a.pk}/regeltoets/",
            {"versie": 1, "profiel_uren_per_week": "20", "uren_adl": "24.9"},
        )
        .content.decode()
    )
    assert "24,5" in html or "24.5" in html  # 24.9 vs 20 = 24.5% over the profile
    assert "Rlz art. 2.2" in html


@pytest.mark.parametrize(
    ("inhoud", "naam", "fout"),
    [
        (PDF, "zorgplan.pdf", None),
        (b"\x89PNG\r\n\x1a\n" + b"0" * 50, "foto.png", None),
        (b"MZ\x90\x00 not a pdf", "zorgplan.pdf", "Alleen PDF, PNG of JPEG"),
        (b"<html>hi</html>", "zorgplan.pdf", "Alleen PDF, PNG of JPEG"),
    ],
)
def test_bijlage_type_wordt_uit_de_bytes_bepaald(inhoud, naam, fout):
    w = maak_wereld()
    a = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    resp = _web(w.medewerker_a).post(
        f"/aanvragen/{a.pk}/bijlagen/",
        {"soort": "zorgplan", "bestand": SimpleUploadedFile(naam, inhoud, "application/pdf")},
        follow=True,
    )
    if fout:
        assert fout in resp.content.decode()
        assert not Bijlage.objects.exists()
    else:
        bijlage = Bijlage.objects.get()
        assert bijlage.sha256 and bijlage.grootte == len(inhoud)
        assert bijlage.content_type in ("application/pdf", "image/png")


def test_bijlage_te_groot(settings):
    settings.BIJLAGE_MAX_BYTES = 100
    w = maak_wereld()
    a = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    resp = _web(w.medewerker_a).post(
        f"/aanvragen/{a.pk}/bijlagen/",
        {"soort": "zorgplan", "bestand": SimpleUploadedFile("groot.pdf", PDF + b"0" * 200)},
        follow=True,
    )
    assert "groter dan" in resp.content.decode()
    assert not Bijlage.objects.exists()


def test_bijlage_alleen_via_gecontroleerde_view_en_gelogd(settings):
    w = maak_wereld()
    a = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    bijlage = services.voeg_bijlage_toe(
        a, SimpleUploadedFile("z.pdf", PDF), "zorgplan", w.medewerker_a
    )
    assert str(settings.PRIVATE_STORAGE_ROOT) in bijlage.bestand.path
    url = f"/aanvragen/{a.pk}/bijlagen/{bijlage.pk}/"
    resp = _web(w.medewerker_a).get(url)
    assert resp.status_code == 200 and b"".join(resp.streaming_content) == PDF
    assert resp["Content-Type"] == "application/pdf"
    assert _web(w.medewerker_b).get(url).status_code == 404
    assert Inzagelog.objects.filter(actie="gedownload", objecttype="Bijlage").count() == 1


def test_heraanvraag_met_hoogstens_drie_wijzigingen():
    """Counts what a provider must touch for an unchanged situation (target ≤ 3)."""
    w = maak_wereld()
    a = toegekend(w, ingangsdatum=date(2026, 1, 1), einddatum=date(2026, 12, 31))
    web = _web(w.medewerker_a)
    resp = web.post(f"/aanvragen/{a.pk}/heraanvraag/")
    nieuw = Aanvraag.objects.get(vorige_aanvraag=a)
    assert resp.url == f"/aanvragen/{nieuw.pk}/bewerken/"
    assert nieuw.soort == "heraanvraag"
    form_html = web.get(resp.url).content.decode()
    assert "Minder incidenten door vaste begeleider." in form_html
    # The provider changes one field (behaalde_resultaten) and presses "Indienen".
    ingevuld = {k: ({True: "ja", False: "nee"}.get(v, v)) for k, v in nieuw.inhoud.items()}
    veranderd = {"behaalde_resultaten": "Incidenten gehalveerd."}
    resp = web.post(
        f"/aanvragen/{nieuw.pk}/bewerken/",
        {**ingevuld, **veranderd, "versie": nieuw.versie, "indienen": "1"},
    )
    assert resp.status_code == 302, resp.content.decode()[:2000]
    nieuw.refresh_from_db()
    assert nieuw.status == Status.INGEDIEND
    gewijzigd = {k for k in nieuw.inhoud if nieuw.inhoud.get(k) != a.inhoud.get(k)}
    assert gewijzigd == {"behaalde_resultaten"} and len(gewijzigd) <= 3


def test_api_idempotency_key_maakt_maar_een_aanvraag():
    w = maak_wereld()
    api = _api(w.medewerker_a)
    body = {"client": w.client.pk, "regeling": "meerzorg", "inhoud": {"doelen": "x"}}
    r1 = api.post("/api/v1/aanvragen/", body, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    r2 = api.post("/api/v1/aanvragen/", body, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    assert r1.status_code == r2.status_code == 201
    assert r1.json()["id"] == r2.json()["id"] and Aanvraag.objects.count() == 1


def test_api_concept_bijwerken_indienen_en_veldfouten():
    w = maak_wereld()
    api = _api(w.medewerker_a)
    r = api.post(
        "/api/v1/aanvragen/",
        {
            "client": w.client.pk,
            "regeling": "meerzorg",
            "inhoud": {"uren_adl": "abc", "vliegen": 1},
        },
        format="json",
    )
    assert r.status_code == 400
    assert "inhoud.uren_adl" in r.json() and "inhoud.vliegen" in r.json()
    r = api.post(
        "/api/v1/aanvragen/", {"client": w.client.pk, "regeling": "meerzorg"}, format="json"
    )
    pk, versie = r.json()["id"], r.json()["versie"]
    r = api.patch(
        f"/api/v1/aanvragen/{pk}/", {"inhoud": MEERZORG_INHOUD, "versie": versie}, format="json"
    )
    assert r.status_code == 200
    stale = api.patch(
        f"/api/v1/aanvragen/{pk}/", {"inhoud": {"doelen": "oud"}, "versie": versie}, format="json"
    )
    assert stale.status_code == 409
    r = api.post(f"/api/v1/aanvragen/{pk}/indienen/")
    assert r.status_code == 200 and r.json()["status"] == "ingediend"
    assert r.json()["beslistermijn"] == str(date.today() + timedelta(weeks=8))


def test_api_bijlage_upload():
    w = maak_wereld()
    a = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    api = _api(w.medewerker_a)
    r = api.post(
        f"/api/v1/aanvragen/{a.pk}/bijlagen/",
        {"soort": "zorgplan", "bestand": io.BytesIO(PDF)},
        format="multipart",
    )
    assert r.status_code == 200 and r.json()[0]["content_type"] == "application/pdf"
    r = api.post(
        f"/api/v1/aanvragen/{a.pk}/bijlagen/",
        {"soort": "zorgplan", "bestand": io.BytesIO(b"GIF89a....")},
        format="multipart",
    )
    assert r.status_code == 400 and "bestand" in r.json()


def test_besluit_boven_de_regels_wordt_geweigerd():
    w = maak_wereld(profiel="VV7", grondslagen=["somatisch"])
    a = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    with pytest.raises(Exception) as exc:
        services.stel_besluit_voor(
            a,
            w.medewerker,
            services.Besluitvoorstel(
                uitkomst="toegekend",
                motivering="ok",
                ingangsdatum=date(2026, 1, 1),
                einddatum=date(2027, 6, 30),
                uren_per_week=5,
            ),
        )
    assert "12 maanden" in str(exc.value)
    assert Aanvraag.objects.get(pk=a.pk).status == Status.IN_BEHANDELING


def test_twee_medewerkers_tegelijk_een_wint_de_ander_krijgt_conflict():
    w = maak_wereld()
    a = voorgesteld(w, ingangsdatum=date(2026, 1, 1), einddatum=date(2026, 12, 31))
    kopie_1 = Aanvraag.objects.get(pk=a.pk)
    kopie_2 = Aanvraag.objects.get(pk=a.pk)
    services.stel_vast(kopie_1, w.medewerker)
    with pytest.raises(services.Conflict, match="niets overschreven"):
        services.overgang(kopie_2, "besluit_terugnemen", w.collega)
    assert Aanvraag.objects.get(pk=a.pk).status == Status.TOEGEKEND


def test_conflict_via_web_geeft_duidelijke_melding():
    w = maak_wereld()
    a = voorgesteld(w, ingangsdatum=date(2026, 1, 1), einddatum=date(2026, 12, 31))
    web_1, web_2 = _web(w.medewerker), _web(w.collega)
    pagina_2 = web_2.get(f"/aanvragen/{a.pk}/").content.decode()
    assert "Besluit vaststellen" in pagina_2  # both see the button
    web_1.post(f"/aanvragen/{a.pk}/actie/vaststellen/")
    resp = web_2.post(
        f"/aanvragen/{a.pk}/actie/besluit_terugnemen/", {"toelichting": "x"}, follow=True
    )
    assert "kan niet bij status" in resp.content.decode() or "intussen" in resp.content.decode()
    assert Aanvraag.objects.get(pk=a.pk).status == Status.TOEGEKEND


@pytest.mark.parametrize("via", ["web", "api"])
def test_scoping_andere_aanbieder_en_andere_regio_krijgen_404(via):
    w = maak_wereld()
    a = ingediende_meerzorg(w)
    for buitenstaander in (w.medewerker_b, w.ander_zorgkantoor_medewerker):
        if via == "web":
            web = _web(buitenstaander)
            assert web.get(f"/aanvragen/{a.pk}/").status_code == 404
            assert web.post(f"/aanvragen/{a.pk}/actie/intrekken/").status_code == 404
        else:
            api = _api(buitenstaander)
            assert api.get(f"/api/v1/aanvragen/{a.pk}/").status_code == 404
            assert (
                api.post(
                    f"/api/v1/aanvragen/{a.pk}/actie/", {"overgang": "intrekken"}, format="json"
                ).status_code
                == 404
            )
            assert api.get("/api/v1/aanvragen/").json()["count"] == 0
    assert Aanvraag.objects.get(pk=a.pk).status == Status.INGEDIEND


def test_zorgkantoor_ziet_geen_concepten_van_aanbieders():
    w = maak_wereld()
    a = services.start_aanvraag(w.client, "meerzorg", w.medewerker_a)
    assert _web(w.medewerker).get(f"/aanvragen/{a.pk}/").status_code == 404


def test_werkvoorraad_filters_zoeken_en_query_aantal(django_assert_max_num_queries):
    w = maak_wereld()
    for _ in range(6):
        ingediende_meerzorg(w)
    web = _web(w.medewerker)
    with django_assert_max_num_queries(14):
        resp = web.get("/aanvragen/werkvoorraad/")
    assert resp.status_code == 200 and resp.content.decode().count("MZ-") >= 6
    html = web.get("/aanvragen/werkvoorraad/", {"q": w.client.bsn, "regeling": "ekt"}).content
    assert b"MZ-" not in html
    html = web.get(
        "/aanvragen/werkvoorraad/", {"q": w.client.bsn, "regeling": "meerzorg", "sector": "VG"}
    ).content
    assert html.count(b"MZ-") >= 6


def test_zorgkantoor_registreert_pab_namens_client():
    w = maak_wereld(profiel="LG6", leveringsvorm="pgb", grondslagen=["lichamelijk"])
    a = services.start_aanvraag(w.client, "pab", w.medewerker)
    assert a.zorgaanbieder is None
    with pytest.raises(services.NietToegestaan):
        services.start_aanvraag(w.client, "pab", w.medewerker_a)
    services.bewaar_concept(
        a,
        {
            "medische_noodzaak_permanent_toezicht": True,
            "cognitieve_beperking": False,
            "zelf_pgb_beheren": True,
            "mantelzorg": True,
            "gevraagd_bedrag_per_jaar": "180000",
        },
        a.versie,
    )
    with pytest.raises(ValidationError, match="behandelend arts"):
        services.indienen(a, w.medewerker)
    services.voeg_bijlage_toe(
        a, SimpleUploadedFile("arts.pdf", PDF), "medische_verklaring", w.medewerker
    )
    a = services.indienen(a, w.medewerker)
    a = services.overgang(a, "in_behandeling_nemen", w.medewerker)
    voorstel = services.Besluitvoorstel(
        uitkomst="toegekend",
        motivering="Voldoet aan art. 5.15a.",
        ingangsdatum=date(2027, 1, 1),
        einddatum=date(2027, 12, 31),
        bedrag_per_jaar=Decimal("180000"),
    )
    with pytest.raises(ValidationError, match="gesprek"):
        services.stel_besluit_voor(a, w.medewerker, voorstel)
    services.registreer_gesprek(a, w.medewerker, date.today(), "voldoet", "Gesproken thuis.")
    assert a.gesprekken.count() == 1
    with pytest.raises(ValidationError, match="maximum"):
        services.stel_besluit_voor(
            a,
            w.medewerker,
            services.Besluitvoorstel(
                uitkomst="toegekend",
                motivering="x",
                ingangsdatum=date(2027, 1, 1),
                einddatum=date(2027, 12, 31),
                bedrag_per_jaar=Decimal("250000"),
            ),
        )
    a = services.stel_besluit_voor(a, w.medewerker, voorstel)
    assert a.besluit.tweede_lezer_vereist  # above the € 100,000 threshold
