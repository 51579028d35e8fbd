"""The decision letter: content, accessibility metadata, local-only rendering, storage with
SHA-256, versions that never change, the permission-checked download, failures and retries."""

from __future__ import annotations

import hashlib
import io
import logging
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.admin.sites import site
from django.contrib.messages.storage.cookie import CookieStorage
from django.core import mail
from django.core.management import call_command
from django.test import Client as WebClient
from django.test import RequestFactory
from django.urls import reverse
from pypdf import PdfReader

from aanvragen import beschikking, jobs, services, tasks
from aanvragen.admin import BeschikkingAdmin
from aanvragen.models import Aanvraag, Beschikking, Status, VerzondenMail
from indicaties.models import Inzagelog
from tests import factories as f
from tests.scenario import ingediende_meerzorg
from tests.test_jobs_hulp import ZK_ADRES, besloten_meerzorg, weasyprint_log, wereld_met_adressen

pytestmark = pytest.mark.django_db


def _tekst(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


@pytest.fixture
def besloten(django_capture_on_commit_callbacks):
    """A final meerzorg decision; the after-commit work (letter, mail) ran eagerly."""
    w = wereld_met_adressen()
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag = besloten_meerzorg(w, ingang=date(2026, 12, 1), maanden=12)
    return w, Aanvraag.objects.get(pk=aanvraag.pk)


def test_brief_bevat_alles_wat_een_beschikking_nodig_heeft_zonder_weasyprint_fouten():
    w = wereld_met_adressen()
    aanvraag = besloten_meerzorg(w, ingang=date(2026, 12, 1), maanden=12)
    with weasyprint_log() as log:
        pdf = beschikking.render_pdf(aanvraag.besluit)
    assert log.niveau(logging.ERROR) == []

    tekst = _tekst(pdf)
    for verwacht in (
        "Zorgkantoor Utrecht",
        ZK_ADRES,
        aanvraag.referentie,
        w.client.naam,
        w.client.bsn,
        "VG7",
        "Meerzorg",
        "Wij kennen uw aanvraag toe.",
        "1 december 2026 tot en met 30 november 2027",
        "€ 48.250,50",
        "7 uur per week",
        "Rlz art. 2.2 lid 1 onder a",  # the reasons cite the articles
        "De zorgbehoefte ligt 35% boven het zorgprofiel",  # the motivering
        w.medewerker.get_full_name(),
        "30 augustus 2027",  # heraanvraag due: 3 months before the end
        "bezwaar",
        "binnen zes weken na de dag waarop deze beschikking is verzonden",
        "Algemene wet bestuursrecht",
        "pagina 1 van",
    ):
        assert verwacht in tekst, verwacht

    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == f"Beschikking meerzorg {aanvraag.referentie}"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])  # tagged PDF
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])  # PDF/UA-1
    breedte, hoogte = (float(x) for x in reader.pages[0].mediabox[2:])
    assert (round(breedte), round(hoogte)) == (595, 842)  # A4 in points
    laatste = len(reader.pages)
    assert f"pagina {laatste} van {laatste}" in " ".join(reader.pages[-1].extract_text().split())


def test_afwijzing_zegt_dat_en_noemt_de_tweede_lezer():
    w = wereld_met_adressen()
    aanvraag = besloten_meerzorg(w, uitkomst="afgewezen")
    tekst = _tekst(beschikking.render_pdf(aanvraag.besluit))
    assert "Wij wijzen uw aanvraag af." in tekst
    assert f"gecontroleerd door {w.senior.get_full_name()} (tweede lezer)" in tekst
    assert "heraanvraag" not in tekst.lower()


def test_brief_aan_de_client_zelf_bij_een_pgb_aanvraag():
    w = wereld_met_adressen()
    a = Aanvraag.objects.create(
        client=w.client,
        regeling="pab",
        zorgkantoor=w.zorgkantoor,
        aangemaakt_door=w.medewerker,
    )
    besluit = a.besluit = _besluit(a, w)
    html = beschikking.render_html(besluit)
    assert w.client.naam in html and w.client.woonplaats in html
    assert "t.a.v. de zorgbemiddeling" not in html


def _besluit(aanvraag, w):
    from aanvragen.models import Besluit

    return Besluit.objects.create(
        aanvraag=aanvraag,
        uitkomst="toegekend",
        ingangsdatum=date(2027, 1, 1),
        einddatum=date(2027, 12, 31),
        bedrag_per_jaar=Decimal("120000"),
        motivering="Voldoet.",
        voorgesteld_door=w.medewerker,
    )


@pytest.mark.parametrize(
    "bron",
    [
        "https://fonts.example.com/letter.css",
        "http://127.0.0.1:9/logo.png",
        "file:///etc/passwd",
        "ontbreekt.png",  # local, but not an asset that exists
    ],
)
def test_alleen_lokale_bestanden_een_ander_bestand_stopt_de_render(monkeypatch, bron):
    w = wereld_met_adressen()
    aanvraag = besloten_meerzorg(w)
    origineel = beschikking.render_html

    def met_externe_bron(besluit, **kw):
        return origineel(besluit, **kw).replace(
            "</head>", f'<link rel="stylesheet" href="{bron}"></head>'
        )

    monkeypatch.setattr(beschikking, "render_html", met_externe_bron)
    with pytest.raises(beschikking.ExternBestandGeweigerd):
        beschikking.render_pdf(aanvraag.besluit)


def test_een_weasyprint_fout_in_het_log_laat_de_render_mislukken(monkeypatch):
    import weasyprint

    w = wereld_met_adressen()
    aanvraag = besloten_meerzorg(w)
    origineel = weasyprint.HTML.write_pdf

    def met_fout(self, *args, **kwargs):
        logging.getLogger("weasyprint").error("Failed to load image at %s", "logo.svg")
        return origineel(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", met_fout)
    with pytest.raises(beschikking.RenderFout, match="Failed to load image"):
        beschikking.render_pdf(aanvraag.besluit)


def test_definitief_besluit_maakt_de_pdf_met_sha256_en_mailt_een_link(besloten):
    w, aanvraag = besloten
    b = Beschikking.objects.get(besluit__aanvraag=aanvraag)
    assert (b.versie, b.status, b.pogingen) == (1, Beschikking.Status.KLAAR, 1)
    assert b.taak_id and b.klaar_op
    inhoud = b.bestand.open("rb").read()
    assert inhoud.startswith(b"%PDF-")
    assert hashlib.sha256(inhoud).hexdigest() == b.sha256 and b.grootte == len(inhoud)
    assert b.bestand.name.startswith(f"beschikkingen/{aanvraag.referentie}/v1-")
    assert aanvraag.referentie in _tekst(inhoud)

    besluit_mails = [m for m in mail.outbox if "Besluit genomen" in m.subject]
    assert sorted(m.to[0] for m in besluit_mails) == [
        "ondersteuner@mee.test",
        w.aanbieder_a.email,
    ]
    link = f"http://127.0.0.1:8000/aanvragen/{aanvraag.pk}/beschikking/"
    for m in besluit_mails:
        assert link in m.body and not m.attachments  # a link, never the PDF itself
        html, soort = m.alternatives[0]
        assert soort == "text/html" and link in html
        assert w.client.bsn not in m.body
    rijen = VerzondenMail.objects.filter(soort="besluit_genomen", aanvraag=aanvraag)
    assert {r.status for r in rijen} == {"verzonden"} and rijen.count() == 2
    assert all(r.verzonden_op for r in rijen)


def test_opnieuw_verwerken_maakt_geen_tweede_brief_en_geen_tweede_mail(besloten):
    _w, aanvraag = besloten
    b = Beschikking.objects.get(besluit__aanvraag=aanvraag)
    aantal = len(mail.outbox)
    tasks.verwerk_overgang.delay(aanvraag.pk, "vaststellen")
    assert beschikking.maak_pdf(b.pk) == "klaar"
    assert Beschikking.objects.filter(besluit__aanvraag=aanvraag).count() == 1
    assert Beschikking.objects.get(pk=b.pk).sha256 == b.sha256
    assert len(mail.outbox) == aantal


def test_een_verzonden_brief_verandert_nooit_een_correctie_is_een_nieuwe_versie(
    besloten, django_capture_on_commit_callbacks
):
    _w, aanvraag = besloten
    v1 = Beschikking.objects.get(besluit__aanvraag=aanvraag)
    bytes_v1 = v1.bestand.open("rb").read()

    v1.sha256 = "0" * 64
    with pytest.raises(ValueError, match="nieuwe versie"):
        v1.save()

    besluit = aanvraag.besluit
    besluit.bedrag_per_jaar = Decimal("50000")
    besluit.save()
    with django_capture_on_commit_callbacks(execute=True):
        v2 = beschikking.nieuwe_versie(besluit, "Bedrag gecorrigeerd")
    v1.refresh_from_db()
    v2.refresh_from_db()
    assert (v2.versie, v2.status) == (2, "klaar")
    assert v1.bestand.open("rb").read() == bytes_v1
    assert hashlib.sha256(bytes_v1).hexdigest() == v1.sha256 != v2.sha256
    tekst = _tekst(v2.bestand.open("rb").read())
    assert "€ 50.000,00" in tekst and "versie 2" in tekst and "Bedrag gecorrigeerd" in tekst


def test_download_alleen_voor_aanvrager_zorgkantoor_en_gemachtigde_ondersteuner(besloten):
    w, aanvraag = besloten
    url = reverse("aanvragen:beschikking", args=[aanvraag.pk])
    b = Beschikking.objects.get(besluit__aanvraag=aanvraag)
    for gebruiker in (w.medewerker_a, w.medewerker, w.senior, w.ondersteuner):
        web = WebClient()
        web.force_login(gebruiker)
        resp = web.get(url)
        assert resp.status_code == 200, gebruiker.rol
        assert resp["Content-Type"] == "application/pdf"
        assert "attachment" in resp["Content-Disposition"]
        assert hashlib.sha256(b"".join(resp.streaming_content)).hexdigest() == b.sha256
        assert Inzagelog.objects.filter(
            gebruiker=gebruiker, actie="gedownload", objecttype="Beschikking", client=w.client
        ).exists()
    andere_ondersteuner = f.GebruikerFactory(rol="clientondersteuner")
    for gebruiker in (
        w.medewerker_b,  # another provider of the same client
        w.ander_zorgkantoor_medewerker,
        w.cce,
        andere_ondersteuner,
    ):
        web = WebClient()
        web.force_login(gebruiker)
        assert web.get(url).status_code == 404, gebruiker.rol
    assert WebClient().get(url).status_code == 302  # not logged in: to the login page


def test_geen_download_zolang_het_besluit_niet_definitief_is():
    w = wereld_met_adressen()
    a = services.overgang(ingediende_meerzorg(w), "in_behandeling_nemen", w.medewerker)
    web = WebClient()
    web.force_login(w.medewerker_a)
    assert web.get(reverse("aanvragen:beschikking", args=[a.pk])).status_code == 404


def test_gewijzigd_bestand_wordt_niet_uitgeleverd(besloten):
    w, aanvraag = besloten
    b = Beschikking.objects.get(besluit__aanvraag=aanvraag)
    with b.bestand.storage.open(b.bestand.name, "wb") as fh:
        fh.write(b"%PDF-1.7 vervalst")
    web = WebClient()
    web.force_login(w.medewerker_a)
    resp = web.get(reverse("aanvragen:beschikking", args=[aanvraag.pk]))
    assert resp.status_code == 500 and b"niet worden gecontroleerd" in resp.content


def test_detailpagina_toont_de_downloadlink(besloten):
    w, aanvraag = besloten
    web = WebClient()
    web.force_login(w.medewerker)
    html = web.get(reverse("aanvragen:detail", args=[aanvraag.pk])).content.decode()
    assert reverse("aanvragen:beschikking_versie", args=[aanvraag.pk, 1]) in html
    assert "download de beschikking (pdf)" in html


@pytest.fixture
def eager_herhalen():
    """Eager mode that retries like a worker does (synchronously, without the wait): Celery
    only replays a retry in eager mode when errors are not propagated to the caller."""
    from zorgportaal.celery import app

    oud = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = oud


def test_mislukte_render_wordt_herhaald_en_blijft_zichtbaar_zonder_het_besluit_te_raken(
    monkeypatch, django_capture_on_commit_callbacks, settings, eager_herhalen
):
    pogingen = []
    echte_render = beschikking.render_pdf

    def kapot(besluit, **kw):
        pogingen.append(1)
        raise RuntimeError("lettertype kwijt")

    monkeypatch.setattr(beschikking, "render_pdf", kapot)
    w = wereld_met_adressen()
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag = besloten_meerzorg(w)

    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TOEGEKEND  # the decision stands
    b = Beschikking.objects.get(besluit__aanvraag=aanvraag)
    assert len(pogingen) == settings.TAAK_MAX_POGINGEN == 5  # retried with back-off, then given up
    assert (b.status, b.pogingen) == ("mislukt", 5)
    assert "RuntimeError: lettertype kwijt" in b.fout
    assert not b.bestand
    assert not VerzondenMail.objects.filter(soort="besluit_genomen").exists()

    # The beheerder retries after the fix (admin action); the letter and the mail follow.
    monkeypatch.setattr(beschikking, "render_pdf", echte_render)
    request = RequestFactory().post("/")
    request.user = f.GebruikerFactory(rol="functioneel_beheerder", is_superuser=True)
    request._messages = CookieStorage(request)
    with django_capture_on_commit_callbacks(execute=True):
        BeschikkingAdmin(Beschikking, site).opnieuw_proberen(
            request, Beschikking.objects.filter(pk=b.pk)
        )
    b.refresh_from_db()
    assert b.status == "klaar" and b.pogingen == 1
    assert VerzondenMail.objects.filter(soort="besluit_genomen", status="verzonden").count() == 2
    assert jobs.veeg_wachtrij() == {}


def test_mislukte_mail_wordt_herhaald_en_daarna_als_mislukt_vastgelegd(
    monkeypatch, django_capture_on_commit_callbacks, eager_herhalen
):
    from django.core.mail import EmailMultiAlternatives

    def weigert(self, fail_silently=False):
        raise ConnectionRefusedError("smtp weg")

    monkeypatch.setattr(EmailMultiAlternatives, "send", weigert)
    w = wereld_met_adressen()
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag = besloten_meerzorg(w)
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Status.TOEGEKEND
    assert Beschikking.objects.get(besluit__aanvraag=aanvraag).status == "klaar"
    mislukt = VerzondenMail.objects.filter(soort="besluit_genomen")
    assert mislukt.count() == 2
    assert {(m.status, m.pogingen) for m in mislukt} == {("mislukt", 5)}
    assert all("ConnectionRefusedError: smtp weg" in m.fout for m in mislukt)


def test_ontwerpweergave_alleen_in_debug(besloten, settings):
    w, aanvraag = besloten
    url = reverse("aanvragen:beschikking_ontwerp", args=[aanvraag.pk])
    web = WebClient()
    web.force_login(w.medewerker)
    settings.DEBUG = False
    assert web.get(url).status_code == 404
    settings.DEBUG = True
    html = web.get(url).content.decode()
    assert aanvraag.referentie in html and '<html lang="nl">' in html
    pdf = web.get(url, {"formaat": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    web.force_login(w.medewerker_a)
    assert web.get(url).status_code == 404  # staff of the zorgkantoor only


def test_commando_rendert_html_en_pdf_van_een_aanvraag(besloten, tmp_path):
    _w, aanvraag = besloten
    call_command(
        "beschikking",
        aanvraag.referentie,
        "--html",
        tmp_path / "b.html",
        "--pdf",
        tmp_path / "b.pdf",
    )
    assert aanvraag.referentie in (tmp_path / "b.html").read_text()
    assert aanvraag.referentie in _tekst((tmp_path / "b.pdf").read_bytes())
    call_command("beschikking", str(aanvraag.pk), "--pdf", tmp_path / "c.pdf")
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF-")
    assert Beschikking.objects.filter(besluit__aanvraag=aanvraag).count() == 1  # nothing stored


def test_voorbeeld_voor_docs_laat_de_database_ongemoeid(tmp_path):
    aantal = Aanvraag.objects.count()
    call_command("beschikking", "--voorbeeld", tmp_path / "v.pdf", "--png", tmp_path / "v.png")
    pdf = (tmp_path / "v.pdf").read_bytes()
    assert "MZ-2026-VOORBEELD" in _tekst(pdf)
    png = (tmp_path / "v.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    breedte, hoogte = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert 490 < breedte < 500 and 698 < hoogte < 706  # A4 at 60 dpi
    assert Aanvraag.objects.count() == aantal
    assert not Aanvraag.objects.filter(referentie="MZ-2026-VOORBEELD").exists()
