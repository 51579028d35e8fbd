"""Render the decision letter of any application, to check the layout, or build the docs sample.

    manage.py beschikking MZ-2026-1A2B3C4D --html /tmp/brief.html --pdf /tmp/brief.pdf
    manage.py beschikking 42 --pdf /tmp/brief.pdf          # by primary key
    manage.py beschikking MZ-2026-1A2B3C4D --nieuwe-versie "Bedrag gecorrigeerd"
    manage.py beschikking --voorbeeld docs/beschikking-voorbeeld.pdf \
        --png docs/beschikking-voorbeeld.png

Rendering here stores nothing; only --nieuwe-versie issues a new (stored) version. --voorbeeld
builds an example decision inside a transaction that is rolled back, so the database is not
changed (it needs a migrated database for the zorgprofielen and rule values).
"""

from __future__ import annotations

import shutil
import subprocess  # noqa: S404 - runs pdftoppm with fixed arguments
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from aanvragen import beschikking
from aanvragen.models import Aanvraag


class Command(BaseCommand):
    help = "Render de beschikking (HTML/PDF) van een aanvraag, of maak het voorbeeld voor docs/."

    def add_arguments(self, parser):
        parser.add_argument("aanvraag", nargs="?", help="referentie of primaire sleutel")
        parser.add_argument("--html", type=Path, help="schrijf de HTML naar dit bestand")
        parser.add_argument("--pdf", type=Path, help="schrijf de PDF naar dit bestand")
        parser.add_argument(
            "--png", type=Path, help="schrijf pagina 1 als PNG (60 dpi, met pdftoppm)"
        )
        parser.add_argument(
            "--voorbeeld",
            type=Path,
            metavar="PDF",
            help="maak het voorbeeld (niet opgeslagen besluit) en schrijf de PDF hierheen",
        )
        parser.add_argument(
            "--nieuwe-versie",
            metavar="REDEN",
            help="geef een nieuwe, gecorrigeerde versie uit (wordt opgeslagen en verstuurd)",
        )

    def handle(self, *args, **opties):
        if opties["voorbeeld"]:
            with beschikking.voorbeeld_besluit() as besluit:
                self._schrijf(besluit, opties["html"], opties["voorbeeld"], opties["png"])
            return
        if not opties["aanvraag"]:
            raise CommandError("Geef een referentie of primaire sleutel, of --voorbeeld PDF.")
        besluit = self._besluit(opties["aanvraag"])
        if opties["nieuwe_versie"]:
            nieuw = beschikking.nieuwe_versie(besluit, opties["nieuwe_versie"])
            self.stdout.write(f"Versie {nieuw.versie} in de wachtrij gezet.")
            return
        if not (opties["html"] or opties["pdf"] or opties["png"]):
            raise CommandError("Geef --html, --pdf en/of --png.")
        self._schrijf(besluit, opties["html"], opties["pdf"], opties["png"])

    def _besluit(self, sleutel: str):
        qs = Aanvraag.objects.select_related("besluit")
        aanvraag = (
            qs.filter(pk=int(sleutel)).first()
            if sleutel.isdigit()
            else qs.filter(referentie=sleutel).first()
        )
        if aanvraag is None:
            raise CommandError(f"Aanvraag {sleutel} bestaat niet.")
        besluit = getattr(aanvraag, "besluit", None)
        if besluit is None:
            raise CommandError(f"Aanvraag {aanvraag.referentie} heeft (nog) geen besluit.")
        return besluit

    def _schrijf(self, besluit, html: Path | None, pdf: Path | None, png: Path | None) -> None:
        if html:
            html.parent.mkdir(parents=True, exist_ok=True)
            tekst = beschikking.render_html(besluit).replace(
                "<head>", f'<head><base href="{beschikking.ASSETS.as_uri()}/">', 1
            )
            html.write_text(tekst, encoding="utf-8")
            self.stdout.write(f"HTML: {html}")
        if pdf or png:
            inhoud = beschikking.render_pdf(besluit)
            if pdf:
                pdf.parent.mkdir(parents=True, exist_ok=True)
                pdf.write_bytes(inhoud)
                self.stdout.write(f"PDF: {pdf} ({len(inhoud)} bytes)")
            if png:
                self._png(inhoud, png)

    def _png(self, inhoud: bytes, png: Path) -> None:
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            raise CommandError("pdftoppm ontbreekt (Debian: apt-get install poppler-utils).")
        png.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            bron = Path(tmp) / "brief.pdf"
            bron.write_bytes(inhoud)
            subprocess.run(  # noqa: S603
                [
                    pdftoppm,
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    bron,
                    png.with_suffix(""),
                ],
                check=True,
            )
        self.stdout.write(f"PNG: {png}")
