"""Outgoing e-mail as an outbox: every message is a VerzondenMail row first, then sent by a task.

- `plan_mail` renders the Django templates (plain text + HTML) and stores the message with a
  unique `sleutel`; the send task is queued only after the surrounding transaction commits. A job
  or task that runs twice finds the existing row and sends nothing new.
- `verstuur` sends one stored message once (row lock; a sent message is never sent again).
- Who gets what: the applicant (the provider's mailbox for provider applications, the client's
  address for applications by the client), consented cliëntondersteuners (an active machtiging
  covering the regeling), and the zorgkantoor team mailbox.

Mails carry no BSN and no content of the file: a reference, the next step and a link to the
portal, where the reader logs in (and the access is logged).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from indicaties.models import Client, Machtiging, Zorgkantoor

from .models import Aanvraag, Beschikking, Besluit, Informatieverzoek, VerzondenMail

logger = logging.getLogger(__name__)


# --- addresses --------------------------------------------------------------------------------


def portaal_url(pad: str) -> str:
    return settings.ZORGPORTAAL_URL.rstrip("/") + pad


def adres_aanvrager(aanvraag: Aanvraag) -> list[str]:
    """The provider's notification mailbox, or the client's own address (pgb, pab)."""
    bron = aanvraag.zorgaanbieder if aanvraag.zorgaanbieder_id else aanvraag.client
    adres = bron.email
    return [adres] if adres else []


def adressen_ondersteuners(
    client: Client | int, regeling: str, op: date | None = None
) -> list[str]:
    """Cliëntondersteuners with an active machtiging of this client that covers the regeling."""
    client_id = client if isinstance(client, int) else client.pk
    adressen = []
    for machtiging in (
        Machtiging.objects.actief(op=op)
        .filter(client_id=client_id, ondersteuner__is_active=True)
        .select_related("ondersteuner")
    ):
        if machtiging.geldt_voor(regeling) and machtiging.ondersteuner.email:
            adressen.append(machtiging.ondersteuner.email)
    return adressen


def adres_zorgkantoor(zorgkantoor: Zorgkantoor) -> list[str]:
    if not zorgkantoor.email:
        logger.warning("zorgkantoor %s heeft geen e-mailadres voor het team", zorgkantoor.code)
        return []
    return [zorgkantoor.email]


def _uniek(adressen: Iterable[str]) -> list[str]:
    gezien: dict[str, str] = {}
    for adres in adressen:
        if adres and adres.lower() not in gezien:
            gezien[adres.lower()] = adres
    return list(gezien.values())


# --- the outbox ---------------------------------------------------------------------------------


def _render(soort: str, context: dict[str, Any]) -> tuple[str, str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        onderwerp = render_to_string(f"mail/{soort}.onderwerp.txt", context)
        tekst = render_to_string(f"mail/{soort}.txt", context)
        html = render_to_string(f"mail/{soort}.html", context)
    return " ".join(onderwerp.split())[:250], tekst.strip() + "\n", html


_bundel = threading.local()


@contextlib.contextmanager
def gebundeld() -> Iterator[None]:
    """Store the mails planned inside the block in one go at its end (a job's batch): a few
    queries per batch instead of a few per message. Use inside the batch's transaction."""
    vorige = getattr(_bundel, "rijen", None)
    _bundel.rijen = []
    try:
        yield
        _sla_op(_bundel.rijen)
    finally:
        _bundel.rijen = vorige


def plan_mail(
    *,
    soort: str,
    aan: Iterable[str],
    sleutel: str,
    context: dict[str, Any],
    aanvraag: Aanvraag | None = None,
    client: Client | None = None,
) -> list[VerzondenMail]:
    """Store one message per recipient (once per `sleutel` + address) and queue the sending.

    Call inside the transaction that records the reason for the mail: the rows commit or roll
    back together with it, and the send tasks are queued only after the commit.
    """
    client = client or (aanvraag.client if aanvraag is not None else None)
    per_sleutel = {f"{sleutel}:{adres.lower()}"[:200]: adres for adres in _uniek(aan)}
    bundel = getattr(_bundel, "rijen", None)
    if bundel is None and per_sleutel:
        bestaand = set(
            VerzondenMail.objects.filter(sleutel__in=per_sleutel).values_list("sleutel", flat=True)
        )
        per_sleutel = {k: v for k, v in per_sleutel.items() if k not in bestaand}
    rijen = []
    for volledige_sleutel, adres in per_sleutel.items():
        onderwerp, tekst, html = _render(soort, {**context, "ontvanger": adres})
        rijen.append(
            VerzondenMail(
                sleutel=volledige_sleutel,
                soort=soort,
                aan=adres,
                onderwerp=onderwerp,
                tekst=tekst,
                html=html,
                aanvraag=aanvraag,
                client=client,
            )
        )
    if bundel is not None:
        bundel.extend(rijen)
        return rijen
    return _sla_op(rijen)


def _sla_op(rijen: list[VerzondenMail]) -> list[VerzondenMail]:
    """Insert the new messages and queue them after the commit.

    A parallel run that stored the same message first wins (unique sleutel, conflicts are
    ignored); both may queue the row, and `verstuur` sends it once.
    """
    if not rijen:
        return []
    uniek = {r.sleutel: r for r in rijen}
    sleutels = list(uniek)
    bestaand: set[str] = set()
    for i in range(0, len(sleutels), 1000):
        bestaand |= set(
            VerzondenMail.objects.filter(sleutel__in=sleutels[i : i + 1000]).values_list(
                "sleutel", flat=True
            )
        )
    nieuw_sleutels = [k for k in sleutels if k not in bestaand]
    VerzondenMail.objects.bulk_create(
        [uniek[k] for k in nieuw_sleutels], ignore_conflicts=True, batch_size=500
    )
    nieuw: list[VerzondenMail] = []
    for i in range(0, len(nieuw_sleutels), 1000):
        nieuw += VerzondenMail.objects.filter(
            sleutel__in=nieuw_sleutels[i : i + 1000], status=VerzondenMail.Status.WACHTRIJ
        ).only("pk", "sleutel", "soort", "aan")
    for mail in nieuw:
        transaction.on_commit(lambda pk=mail.pk: zet_mail_in_wachtrij(pk))
    return nieuw


def zet_mail_in_wachtrij(mail_pk: int) -> None:
    from .tasks import verstuur_mail, zet_in_wachtrij

    zet_in_wachtrij(verstuur_mail, VerzondenMail, mail_pk)


def verstuur(mail_pk: int, poging: int = 1) -> str:
    """Send a stored message once. Raises when the mail server fails (the task retries)."""
    with transaction.atomic():
        mail = VerzondenMail.objects.select_for_update().filter(pk=mail_pk).first()
        if mail is None or mail.status != VerzondenMail.Status.WACHTRIJ:
            return mail.status if mail else "onbekend"
        bericht = EmailMultiAlternatives(
            subject=mail.onderwerp,
            body=mail.tekst,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[mail.aan],
            headers={"X-Zorgportaal-Soort": mail.soort, "Auto-Submitted": "auto-generated"},
        )
        if mail.html:
            bericht.attach_alternative(mail.html, "text/html")
        bericht.send(fail_silently=False)
        mail.status = VerzondenMail.Status.VERZONDEN
        mail.verzonden_op = timezone.now()
        mail.pogingen = poging
        mail.fout = ""
        mail.save(update_fields=["status", "verzonden_op", "pogingen", "fout", "gewijzigd_op"])
    return mail.status


# --- the messages -------------------------------------------------------------------------------


def _basis(aanvraag: Aanvraag) -> dict[str, Any]:
    return {
        "aanvraag": aanvraag,
        "referentie": aanvraag.referentie,
        "regeling": aanvraag.get_regeling_display(),
        "zorgkantoor": aanvraag.zorgkantoor,
        "client_initialen": client_initialen(aanvraag.client),
        "link": portaal_url(reverse("aanvragen:detail", args=[aanvraag.pk])),
    }


def client_initialen(client: Client) -> str:
    """Enough for the reader to recognise the client, without the full name or the BSN."""
    letters = "".join(f"{deel[0]}." for deel in client.voornamen.split() if deel)
    achternaam = " ".join(p for p in (client.voorvoegsel, client.geslachtsnaam) if p)
    return f"{letters} {achternaam} ({client.geboortedatum:%Y})".strip()


def ingediend(aanvraag: Aanvraag, overgang_pk: int) -> list[VerzondenMail]:
    ctx = _basis(aanvraag)
    mails = plan_mail(
        soort="ingediend_zorgkantoor",
        aan=adres_zorgkantoor(aanvraag.zorgkantoor),
        sleutel=f"ingediend:{overgang_pk}",
        context=ctx,
        aanvraag=aanvraag,
    )
    mails += plan_mail(
        soort="ingediend_aanvrager",
        aan=adres_aanvrager(aanvraag),
        sleutel=f"ontvangst:{overgang_pk}",
        context=ctx,
        aanvraag=aanvraag,
    )
    return mails


def informatie_gevraagd(aanvraag: Aanvraag, overgang_pk: int) -> list[VerzondenMail]:
    verzoek = (
        Informatieverzoek.objects.filter(aanvraag=aanvraag, beantwoord_op__isnull=True)
        .order_by("-gevraagd_op", "-pk")
        .first()
    )
    return plan_mail(
        soort="informatie_gevraagd",
        aan=adres_aanvrager(aanvraag),
        sleutel=f"informatie:{overgang_pk}",
        context={**_basis(aanvraag), "verzoek": verzoek},
        aanvraag=aanvraag,
    )


def besluit_genomen(beschikking: Beschikking) -> list[VerzondenMail]:
    """'Er is een besluit': with a link to the letter in the portal, never the PDF itself."""
    besluit = beschikking.besluit
    aanvraag = besluit.aanvraag
    ctx = {
        **_basis(aanvraag),
        "besluit": besluit,
        "beschikking": beschikking,
        "download": portaal_url(reverse("aanvragen:beschikking", args=[aanvraag.pk])),
    }
    return plan_mail(
        soort="besluit_genomen",
        aan=adres_aanvrager(aanvraag)
        + adressen_ondersteuners(aanvraag.client_id, aanvraag.regeling),
        sleutel=f"besluit:{beschikking.pk}",
        context=ctx,
        aanvraag=aanvraag,
    )


def heraanvraag_herinnering(
    besluit: Besluit,
    moment: str,
    maanden: int,
    vandaag: date,
    ondersteuners: list[str] | None = None,
) -> list[VerzondenMail]:
    aanvraag = besluit.aanvraag
    ctx = {
        **_basis(aanvraag),
        "besluit": besluit,
        "maanden": maanden,
        "uiterlijk": besluit.heraanvraag_uiterlijk,
    }
    if ondersteuners is None:
        ondersteuners = adressen_ondersteuners(aanvraag.client_id, aanvraag.regeling, op=vandaag)
    return plan_mail(
        soort="heraanvraag_herinnering",
        aan=adres_aanvrager(aanvraag) + ondersteuners,
        sleutel=f"herinnering:{besluit.pk}:{moment}",
        context=ctx,
        aanvraag=aanvraag,
    )


def heraanvraag_te_laat(besluit: Besluit) -> list[VerzondenMail]:
    aanvraag = besluit.aanvraag
    return plan_mail(
        soort="heraanvraag_te_laat",
        aan=adres_zorgkantoor(aanvraag.zorgkantoor),
        sleutel=f"te_laat:{besluit.pk}",
        context={
            **_basis(aanvraag),
            "besluit": besluit,
            "uiterlijk": besluit.heraanvraag_uiterlijk,
        },
        aanvraag=aanvraag,
    )


def toekenning_beeindigd(
    besluit: Besluit, vandaag: date, ondersteuners: list[str] | None = None
) -> list[VerzondenMail]:
    aanvraag = besluit.aanvraag
    if ondersteuners is None:
        ondersteuners = adressen_ondersteuners(aanvraag.client_id, aanvraag.regeling, op=vandaag)
    return plan_mail(
        soort="toekenning_beeindigd",
        aan=adres_aanvrager(aanvraag) + ondersteuners,
        sleutel=f"einde:{besluit.pk}",
        context={**_basis(aanvraag), "besluit": besluit},
        aanvraag=aanvraag,
    )


def informatie_herinnering(verzoek: Informatieverzoek) -> list[VerzondenMail]:
    aanvraag = verzoek.aanvraag
    ctx = {**_basis(aanvraag), "verzoek": verzoek}
    mails = plan_mail(
        soort="informatie_herinnering",
        aan=adres_aanvrager(aanvraag),
        sleutel=f"informatie_herinnering:{verzoek.pk}",
        context=ctx,
        aanvraag=aanvraag,
    )
    behandelaar = aanvraag.beoordelaar.email if aanvraag.beoordelaar_id else ""
    mails += plan_mail(
        soort="informatie_termijn_verstreken",
        aan=[behandelaar] if behandelaar else adres_zorgkantoor(aanvraag.zorgkantoor),
        sleutel=f"informatie_verstreken:{verzoek.pk}",
        context=ctx,
        aanvraag=aanvraag,
    )
    return mails


def beslistermijn_overzicht(
    zorgkantoor: Zorgkantoor, vandaag: date, regels: list[dict], aantallen: dict[str, int]
) -> list[VerzondenMail]:
    return plan_mail(
        soort="beslistermijn_overzicht",
        aan=adres_zorgkantoor(zorgkantoor),
        sleutel=f"beslistermijn:{zorgkantoor.pk}:{vandaag.isoformat()}",
        context={
            "zorgkantoor": zorgkantoor,
            "vandaag": vandaag,
            "regels": regels,
            "aantallen": aantallen,
            "meer": aantallen["totaal"] - len(regels),
            "link": portaal_url(reverse("aanvragen:werkvoorraad")),
        },
    )


def signalering(
    client: Client, indicatie_pk: int, aan: list[str], regelingen: list[dict]
) -> list[VerzondenMail]:
    return plan_mail(
        soort="signalering",
        aan=aan,
        sleutel=f"signalering:{indicatie_pk}",
        context={
            "client_initialen": client_initialen(client),
            "regelingen": regelingen,
            "link": portaal_url(reverse("clienten:detail", args=[client.pk])),
        },
        client=client,
    )
