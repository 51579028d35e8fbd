"""The decision letter (beschikking): a tagged, accessible PDF rendered by WeasyPrint.

- `render_html` / `render_pdf` turn a Besluit into the letter (templates/beschikking/). Assets
  come only from static/beschikking/ (a url_fetcher refuses anything else) and the fonts are the
  system's DejaVu/Liberation, so rendering never touches the network. A WeasyPrint ERROR during
  the render makes it fail (RenderFout): a letter with a missing part is never issued.
- `maak_pdf` renders a pending Beschikking and stores it in private storage with its SHA-256.
  An issued (klaar) letter never changes; `nieuwe_versie` issues a corrected one.
- `BeschikkingDownloadView`: the applicant, the zorgkantoor and a consented supporter download
  it (scoped like the application, logged as "gedownload"); `BeschikkingOntwerpView` (DEBUG
  only) shows the HTML/PDF of any decision for checking the layout.
- `voorbeeld_besluit`: an unsaved example decision (inside a rolled-back transaction) for the
  docs sample and the benchmark.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import dateformat, timezone, translation
from django.views import View

from indicaties.models import Indicatiebesluit, Inzagelog, Rol
from regelingen.engine import bedrag_tekst, getal_tekst

from .models import BESLOTEN, Aanvraag, Beschikking, Besluit

logger = logging.getLogger(__name__)

ASSETS = Path(settings.BASE_DIR) / "static" / "beschikking"
TEMPLATE = "beschikking/beschikking.html"
BEZWAARTERMIJN_WEKEN = 6


class RenderFout(Exception):
    """WeasyPrint reported an error: the letter would be incomplete."""


class ExternBestandGeweigerd(RenderFout):
    """The letter asked for a file outside static/beschikking/ or a network resource."""


def _url_fetcher():
    """Only files under static/beschikking/ (and inline data: URLs); anything else stops the
    render (a FatalURLFetchingError is not swallowed by WeasyPrint)."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class AlleenLokaal(URLFetcher):
        def fetch(self, url, headers=None):
            schema = url.split(":", 1)[0].lower()
            if schema == "data":
                return super().fetch(url, headers)
            if schema == "file":
                pad = Path(url2pathname(urlsplit(url).path)).resolve()
                if pad.is_relative_to(ASSETS.resolve()) and pad.is_file():
                    return super().fetch(url, headers)
            raise FatalURLFetchingError(f"Niet-lokaal of onbekend bestand geweigerd: {url}")

    return AlleenLokaal(allowed_protocols=("file", "data"))


class _WeasyprintFouten(logging.Handler):
    """Collects WeasyPrint ERROR records of the current thread while a letter renders."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.draad = threading.get_ident()
        self.fouten: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.draad:
            self.fouten.append(record.getMessage())


@contextlib.contextmanager
def _bewaak_weasyprint() -> Iterator[_WeasyprintFouten]:
    wp_logger = logging.getLogger("weasyprint")
    handler = _WeasyprintFouten()
    wp_logger.addHandler(handler)
    try:
        yield handler
    finally:
        wp_logger.removeHandler(handler)


# --- content ----------------------------------------------------------------------------------


def datum_tekst(d: date | datetime | None) -> str:
    """'1 december 2026'."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = timezone.localdate(d)
    with translation.override("nl"):
        return dateformat.format(d, "j F Y")


def bedrag(d: Decimal | None) -> str:
    """Dutch amount with cents: '€ 150.000,00'."""
    if d is None:
        return ""
    tekst = bedrag_tekst(Decimal(d))
    return tekst if "," in tekst else f"{tekst},00"


UITKOMST_ZIN = {
    Besluit.Uitkomst.TOEGEKEND: "Wij kennen uw aanvraag toe.",
    Besluit.Uitkomst.DEELS_TOEGEKEND: "Wij kennen uw aanvraag voor een deel toe.",
    Besluit.Uitkomst.AFGEWEZEN: "Wij wijzen uw aanvraag af.",
}
VOLDAAN = {True: "voldaan", False: "niet voldaan", None: "niet vastgesteld"}


def _voorwaarden(regeltoets: Any) -> tuple[str, list[dict[str, str]]]:
    """The rule evaluation stored on the Besluit (Resultaat.as_dict()), as rows for the letter."""
    if not isinstance(regeltoets, dict):
        return "", []
    rijen = [
        {
            "tekst": v.get("toelichting", ""),
            "artikel": v.get("artikel", ""),
            "voldaan": VOLDAAN.get(v.get("voldaan"), "niet vastgesteld"),
        }
        for v in regeltoets.get("voorwaarden", [])
    ]
    return regeltoets.get("uitkomst", ""), rijen


def context_voor(besluit: Besluit, *, versie: int = 1, reden: str = "") -> dict[str, Any]:
    aanvraag: Aanvraag = besluit.aanvraag
    client = aanvraag.client
    zorgkantoor = aanvraag.zorgkantoor
    indicatie = (
        Indicatiebesluit.objects.filter(client=client, is_actueel=True)
        .select_related("zorgprofiel")
        .first()
    )
    datum = timezone.localdate(besluit.vastgesteld_op) if besluit.vastgesteld_op else None
    toets_uitkomst, voorwaarden = _voorwaarden(besluit.regeltoets)
    if aanvraag.zorgaanbieder_id:
        geadresseerde = [aanvraag.zorgaanbieder.naam, "t.a.v. de zorgbemiddeling"]
        if aanvraag.zorgaanbieder.plaats:
            geadresseerde.append(aanvraag.zorgaanbieder.plaats)
        aanhef = "Geachte heer, mevrouw,"
    else:
        geadresseerde = [
            client.naam,
            f"{client.postcode} {client.huisnummer}".strip(),
            client.woonplaats,
        ]
        aanhef = "Geachte heer, mevrouw,"
    return {
        "besluit": besluit,
        "aanvraag": aanvraag,
        "client": client,
        "zorgkantoor": zorgkantoor,
        "indicatie": indicatie,
        "versie": versie,
        "reden": reden,
        "concept": besluit.vastgesteld_op is None,
        "datum": datum_tekst(datum) if datum else "(concept, nog niet vastgesteld)",
        "ingediend_op": datum_tekst(aanvraag.ingediend_op),
        "geboortedatum": datum_tekst(client.geboortedatum),
        "geadresseerde": [regel for regel in geadresseerde if regel],
        "aanhef": aanhef,
        "uitkomst_zin": UITKOMST_ZIN.get(besluit.uitkomst, ""),
        "is_toekenning": besluit.is_toekenning,
        "ingangsdatum": datum_tekst(besluit.ingangsdatum),
        "einddatum": datum_tekst(besluit.einddatum),
        "bedrag_per_jaar": bedrag(besluit.bedrag_per_jaar),
        "uren_per_week": getal_tekst(besluit.uren_per_week) if besluit.uren_per_week else "",
        "heraanvraag_uiterlijk": datum_tekst(besluit.heraanvraag_uiterlijk),
        "toets_uitkomst": toets_uitkomst,
        "voorwaarden": voorwaarden,
        "beoordelaar": _naam(besluit.voorgesteld_door),
        "tweede_lezer": _naam(besluit.tweede_lezer) if besluit.tweede_lezer_id else "",
        "bezwaartermijn_weken": BEZWAARTERMIJN_WEKEN,
        "titel": f"Beschikking {aanvraag.get_regeling_display().lower()} {aanvraag.referentie}",
    }


def _naam(gebruiker) -> str:
    return gebruiker.get_full_name() or gebruiker.username


def render_html(besluit: Besluit, *, versie: int = 1, reden: str = "") -> str:
    with translation.override("nl"):
        return render_to_string(TEMPLATE, context_voor(besluit, versie=versie, reden=reden))


def render_pdf(besluit: Besluit, *, versie: int = 1, reden: str = "") -> bytes:
    """The letter as PDF/UA-1 (tagged, with title and language). Raises RenderFout."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    html = render_html(besluit, versie=versie, reden=reden)
    with _bewaak_weasyprint() as bewaking:
        try:
            pdf = HTML(
                string=html, base_url=ASSETS.as_uri() + "/", url_fetcher=_url_fetcher()
            ).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
        except FatalURLFetchingError as exc:  # a BaseException: make it an ordinary error
            raise ExternBestandGeweigerd(str(exc)) from None
    if bewaking.fouten:
        raise RenderFout("; ".join(bewaking.fouten))
    return pdf


# --- issuing --------------------------------------------------------------------------------


def _in_wachtrij(beschikking_pk: int) -> None:
    from .tasks import maak_beschikking_pdf, zet_in_wachtrij

    zet_in_wachtrij(maak_beschikking_pdf, Beschikking, beschikking_pk)


def zorg_voor_beschikking(besluit: Besluit) -> Beschikking | None:
    """Version 1 for a final decision, made once; returns the newest version if one exists."""
    if besluit.vastgesteld_op is None or besluit.aanvraag.status not in BESLOTEN:
        return None
    bestaand = besluit.beschikkingen.order_by("-versie").first()
    if bestaand is not None:
        return bestaand
    try:
        with transaction.atomic():
            beschikking = Beschikking.objects.create(besluit=besluit, versie=1)
    except IntegrityError:  # made by a parallel run
        return besluit.beschikkingen.order_by("-versie").first()
    transaction.on_commit(lambda: _in_wachtrij(beschikking.pk))
    return beschikking


@transaction.atomic
def nieuwe_versie(besluit: Besluit, reden: str) -> Beschikking:
    """A corrected letter: a new version; the issued ones stay exactly as they were."""
    Besluit.objects.select_for_update().filter(pk=besluit.pk).first()
    hoogste = besluit.beschikkingen.aggregate(m=Max("versie"))["m"] or 0
    beschikking = Beschikking.objects.create(besluit=besluit, versie=hoogste + 1, reden=reden)
    transaction.on_commit(lambda: _in_wachtrij(beschikking.pk))
    return beschikking


def maak_pdf(beschikking_pk: int, poging: int = 1) -> str:
    """Render and store a pending letter; then plan the 'besluit genomen' mails (same commit).

    Safe to run twice: a letter that is already klaar is left untouched.
    """
    from . import notificaties

    beschikking = (
        Beschikking.objects.select_related(
            "besluit__aanvraag__client",
            "besluit__aanvraag__zorgkantoor",
            "besluit__aanvraag__zorgaanbieder",
            "besluit__voorgesteld_door",
            "besluit__tweede_lezer",
        )
        .filter(pk=beschikking_pk)
        .first()
    )
    if beschikking is None or beschikking.status != Beschikking.Status.PENDING:
        return beschikking.status if beschikking else "onbekend"
    pdf = render_pdf(beschikking.besluit, versie=beschikking.versie, reden=beschikking.reden)
    digest = hashlib.sha256(pdf).hexdigest()
    opgeslagen = None
    try:
        with transaction.atomic():
            vergrendeld = Beschikking.objects.select_for_update().get(pk=beschikking_pk)
            if vergrendeld.status != Beschikking.Status.PENDING:
                return vergrendeld.status
            beschikking.bestand.save("beschikking.pdf", ContentFile(pdf), save=False)
            opgeslagen = beschikking.bestand.name
            Beschikking.objects.filter(pk=beschikking_pk).update(
                bestand=opgeslagen,
                sha256=digest,
                grootte=len(pdf),
                status=Beschikking.Status.KLAAR,
                klaar_op=timezone.now(),
                gewijzigd_op=timezone.now(),
                pogingen=poging,
                fout="",
            )
            beschikking.refresh_from_db()
            notificaties.besluit_genomen(beschikking)
    except BaseException:
        if opgeslagen:
            beschikking.bestand.storage.delete(opgeslagen)
        raise
    logger.info("beschikking %s klaar (sha256 %s)", beschikking, digest)
    return Beschikking.Status.KLAAR


def controleer(beschikking: Beschikking) -> bool:
    """Does the stored file still match the recorded SHA-256?"""
    digest = hashlib.sha256()
    with beschikking.bestand.open("rb") as bestand:
        for blok in iter(lambda: bestand.read(65536), b""):
            digest.update(blok)
    return digest.hexdigest() == beschikking.sha256


# --- views --------------------------------------------------------------------------------------


class BeschikkingDownloadView(LoginRequiredMixin, View):
    """GET /aanvragen/<pk>/beschikking/[v<versie>/]: the issued letter, for those entitled.

    Scoped like the application (applicant, zorgkantoor, consented supporter, the client);
    not the CCE adviseur. Only for a final decision; anything else is a 404.
    """

    def get(self, request, pk, versie=None):
        if request.user.rol == Rol.CCE_ADVISEUR:
            raise Http404
        aanvraag = (
            Aanvraag.objects.zichtbaar_voor(request.user)
            .filter(pk=pk, status__in=BESLOTEN)
            .select_related("client")
            .first()
        )
        if aanvraag is None or not hasattr(aanvraag, "besluit"):
            raise Http404
        versies = aanvraag.besluit.beschikkingen.filter(status=Beschikking.Status.KLAAR)
        if versie is not None:
            versies = versies.filter(versie=versie)
        beschikking = versies.order_by("-versie").first()
        if beschikking is None:
            raise Http404
        if not controleer(beschikking):
            logger.critical("beschikking %s wijkt af van de vastgelegde SHA-256", beschikking.pk)
            return HttpResponse(
                "De beschikking kan niet worden gecontroleerd. Neem contact op met het "
                "zorgkantoor.",
                status=500,
                content_type="text/plain; charset=utf-8",
            )
        from indicaties.audit import log_inzage

        log_inzage(request, Inzagelog.Actie.GEDOWNLOAD, client=aanvraag.client, obj=beschikking)
        response = FileResponse(
            beschikking.bestand.open("rb"),
            content_type="application/pdf",
            as_attachment=True,
            filename=f"beschikking-{aanvraag.referentie}-v{beschikking.versie}.pdf",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class BeschikkingOntwerpView(LoginRequiredMixin, View):
    """DEBUG only: the letter of any decision in your scope as HTML (?formaat=pdf for the PDF),
    rendered now and not stored. For checking the layout; a 404 in production."""

    def get(self, request, pk):
        if not settings.DEBUG:
            raise Http404
        if not (
            request.user.is_superuser or request.user.rol in (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR)
        ):
            raise Http404
        aanvraag = Aanvraag.objects.zichtbaar_voor(request.user).filter(pk=pk).first()
        besluit = getattr(aanvraag, "besluit", None) if aanvraag else None
        if besluit is None:
            raise Http404
        if request.GET.get("formaat") == "pdf":
            return HttpResponse(render_pdf(besluit), content_type="application/pdf")
        from django.templatetags.static import static

        html = render_html(besluit).replace(
            "<head>", f'<head><base href="{static("beschikking/")}">', 1
        )
        return HttpResponse(html)


# --- example (docs, benchmark) ------------------------------------------------------------------


@contextlib.contextmanager
def voorbeeld_besluit() -> Iterator[Besluit]:
    """A complete, realistic decision inside a transaction that is rolled back afterwards.

    Needs a migrated database (zorgprofielen and rule values come from the migrations).
    """
    from indicaties.models import Gebruiker, Zorgaanbieder, Zorgkantoor, Zorgprofiel

    from . import services

    with transaction.atomic():
        zk = Zorgkantoor.objects.filter(naam="Utrecht").first() or Zorgkantoor.objects.create(
            code="R99", naam="Utrecht"
        )
        zk.adres = "Postbus 1234, 3500 AA Utrecht"
        zk.email = "wlz@zorgkantoor-utrecht.example"
        zk.telefoon = "030 123 45 67"
        zk.save()
        aanbieder = Zorgaanbieder.objects.create(
            agb_code="99990001", naam="Stichting De Linde", plaats="Zeist", email="zb@linde.test"
        )
        from indicaties.models import Client

        client = Client.objects.create(
            bsn="111222333",
            voornamen="Anna Maria",
            voorvoegsel="de",
            geslachtsnaam="Vries",
            geboortedatum=date(1990, 3, 1),
            postcode="3511 AB",
            huisnummer="12",
            woonplaats="Utrecht",
            zorgkantoor=zk,
        )
        Indicatiebesluit.objects.create(
            client=client,
            besluitnummer="CIZ-VOORBEELD-1",
            zorgprofiel=Zorgprofiel.objects.get(code="VG7"),
            grondslagen=["verstandelijk"],
            ingangsdatum=date(2024, 1, 1),
            leveringsvorm="verblijf",
        )
        beoordelaar = Gebruiker.objects.create(
            username="voorbeeld-beoordelaar",
            first_name="Marieke",
            last_name="de Jong",
            rol=Rol.ZK_MEDEWERKER,
            zorgkantoor=zk,
        )
        senior = Gebruiker.objects.create(
            username="voorbeeld-senior",
            first_name="Hans",
            last_name="Bakker",
            rol=Rol.ZK_SENIOR,
            zorgkantoor=zk,
        )
        indiener = Gebruiker.objects.create(
            username="voorbeeld-aanbieder", rol=Rol.ZA_MEDEWERKER, zorgaanbieder=aanbieder
        )
        inhoud = {
            "profiel_uren_per_week": "20",
            "uren_adl": "10",
            "uren_begeleiding_individueel": "8",
            "uren_toezicht": "9",
            "gedragsproblematiek": False,
            "behoefte_blijvend": True,
        }
        aanvraag = Aanvraag(
            referentie="MZ-2026-VOORBEELD",
            client=client,
            regeling="meerzorg",
            zorgkantoor=zk,
            zorgaanbieder=aanbieder,
            inhoud=inhoud,
            aangemaakt_door=indiener,
            ingediend_op=timezone.make_aware(datetime(2026, 10, 5, 10, 0)),
            status="toegekend",  # directly: an example, not a walk through the workflow
        )
        aanvraag.save()
        ingang = date(2026, 12, 1)
        besluit = Besluit.objects.create(
            aanvraag=aanvraag,
            uitkomst=Besluit.Uitkomst.TOEGEKEND,
            ingangsdatum=ingang,
            einddatum=date(2029, 11, 30),
            bedrag_per_jaar=Decimal("150000.00"),
            uren_per_week=Decimal("7"),
            motivering=(
                "De zorgbehoefte van 27 uur per week ligt 35% boven de 20 uur van zorgprofiel "
                "VG7. De behoefte is blijvend; daarom kennen wij meerzorg toe voor drie jaar."
            ),
            regeltoets=services.regeltoets(aanvraag, ingang).as_dict(),
            tweede_lezer_vereist=True,
            voorgesteld_door=beoordelaar,
            tweede_lezer=senior,
            vastgesteld_op=timezone.make_aware(datetime(2026, 11, 20, 14, 0)),
        )
        try:
            yield besluit
        finally:
            transaction.set_rollback(True)
