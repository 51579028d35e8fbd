"""End to end through Redis and a real Celery worker: a decision is committed, the worker renders
the letter, stores it with its SHA-256 and mails the link. The PDF is read back with pypdf and
page 1 is rendered to PNG with pdftoppm to prove it is a valid document."""

from __future__ import annotations

import hashlib
import importlib
import io
import shutil
import subprocess  # noqa: S404 - pdftoppm with fixed arguments
import time
from datetime import date

import pytest
from celery.result import AsyncResult
from django.core import mail
from pypdf import PdfReader

from aanvragen.models import Aanvraag, Beschikking, Status, VerzondenMail
from tests.test_jobs_hulp import besloten_meerzorg, wereld_met_adressen
from zorgportaal.celery import app

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


@pytest.fixture(autouse=True)
def _referentiedata(transactional_db):
    """A transactional test may start from an emptied database: load what the migrations load
    (regions, zorgprofielen, rule values). The loaders are idempotent."""
    from django.apps import apps

    for module in (
        "indicaties.migrations.0002_referentiedata",
        "regelingen.migrations.0002_regelwaarden",
    ):
        importlib.import_module(module).laad(apps, None)


def _wacht_tot(voorwaarde, seconden: float = 90.0):
    """Poll the database until `voorwaarde()` returns something truthy (or give up)."""
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        uitkomst = voorwaarde()
        if uitkomst:
            return uitkomst
        time.sleep(0.2)
    pytest.fail("de worker was niet op tijd klaar")


def test_worker_maakt_bewaart_en_meldt_de_beschikking(celery_worker, tmp_path):
    assert not app.conf.task_always_eager and app.conf.broker_url.startswith("redis://")
    w = wereld_met_adressen()
    aanvraag = besloten_meerzorg(w, ingang=date(2026, 12, 1), maanden=12)  # commits for real
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Status.TOEGEKEND

    b = _wacht_tot(
        lambda: (
            Beschikking.objects.filter(besluit__aanvraag=aanvraag).exclude(status="pending").first()
        )
    )
    assert b.status == "klaar", b.fout
    assert AsyncResult(b.taak_id, app=app).get(timeout=30) == "klaar"  # the stored task id

    inhoud = b.bestand.open("rb").read()
    assert hashlib.sha256(inhoud).hexdigest() == b.sha256
    reader = PdfReader(io.BytesIO(inhoud))
    tekst = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert aanvraag.referentie in tekst
    assert "€ 48.250,50" in tekst
    assert "1 december 2026 tot en met 30 november 2027" in tekst
    assert "bezwaar" in tekst and "binnen zes weken" in tekst
    assert reader.metadata.title == f"Beschikking meerzorg {aanvraag.referentie}"

    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "poppler-utils (pdftoppm) is nodig"
    bron = tmp_path / "beschikking.pdf"
    bron.write_bytes(inhoud)
    subprocess.run(  # noqa: S603
        [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", bron, tmp_path / "p1"],
        check=True,
        timeout=60,
    )
    png = (tmp_path / "p1.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    breedte, hoogte = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert 490 < breedte < 500 and 698 < hoogte < 706  # A4 at 60 dpi

    # The 'besluit genomen' mail went out through the worker as well, with a link only.
    def twee_verzonden():
        rijen = list(
            VerzondenMail.objects.filter(
                soort="besluit_genomen", aanvraag=aanvraag, status="verzonden"
            )
        )
        return rijen if len(rijen) == 2 else None

    verzonden = _wacht_tot(twee_verzonden)
    assert {m.aan for m in verzonden} == {w.aanbieder_a.email, "ondersteuner@mee.test"}
    berichten = [m for m in mail.outbox if "Besluit genomen" in m.subject]
    assert len(berichten) == 2 and not any(m.attachments for m in berichten)
