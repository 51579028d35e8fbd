"""Everything that changes an application. Views and the API call these; each is one transaction.

Rules are never re-implemented here: every check goes through regelingen.engine.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, can_proceed, has_transition_perm

from indicaties.models import Client, Gebruiker, Rol
from regelingen import engine
from regelingen.models import Regeling

from .formulieren import zorgbehoefte_totaal
from .models import (
    BESLOTEN,
    TOEGEKEND,
    Aanvraag,
    Adviesverzoek,
    Besluit,
    Bijlage,
    Gesprek,
    Informatieverzoek,
    Status,
    Statusovergang,
)
from .termijnen import periode_einde


class Conflict(Exception):
    """Someone else changed the application first; the user must reload and redo."""


class NietToegestaan(Exception):
    """The transition is not allowed in this state or for this user."""


# --- starting and drafting -------------------------------------------------------------------


def mag_aanvragen(gebruiker: Gebruiker, regeling: str, leveringsvorm: str | None) -> bool:
    """Providers apply for meerzorg and toeslag, and for ekt in kind; pgb-ekt and pab come from
    the client, registered by zorgkantoor staff (or the client's own account)."""
    if gebruiker.rol == Rol.ZA_MEDEWERKER:
        if regeling in (Regeling.MEERZORG, Regeling.TOESLAG):
            return True
        return regeling == Regeling.EKT and leveringsvorm in ("mpt", "vpt", None)
    if gebruiker.rol in (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR):
        return regeling in (Regeling.EKT, Regeling.PAB)
    return False


@transaction.atomic
def start_aanvraag(
    client: Client,
    regeling: str,
    door: Gebruiker,
    *,
    inhoud: dict | None = None,
    idempotency_key: str = "",
) -> Aanvraag:
    """Create a draft. A repeated idempotency key returns the earlier draft instead."""
    if idempotency_key:
        bestaand = Aanvraag.objects.filter(aangemaakt_door=door, idempotency_key=idempotency_key)
        if bestaand.exists():
            return bestaand.get()
    indicatie = client.indicatiebesluiten.filter(is_actueel=True).first()
    if not mag_aanvragen(door, regeling, indicatie.leveringsvorm if indicatie else None):
        raise NietToegestaan(_("U kunt deze regeling niet zelf aanvragen voor deze cliënt."))
    aanvraag = Aanvraag(
        client=client,
        regeling=regeling,
        zorgkantoor=client.zorgkantoor,
        zorgaanbieder=door.zorgaanbieder if door.rol == Rol.ZA_MEDEWERKER else None,
        inhoud=inhoud or {},
        aangemaakt_door=door,
        idempotency_key=idempotency_key,
    )
    try:
        with transaction.atomic():
            aanvraag.save()
    except IntegrityError:  # the same key raced in from a parallel retry
        return Aanvraag.objects.get(aangemaakt_door=door, idempotency_key=idempotency_key)
    return aanvraag


@transaction.atomic
def bewaar_concept(aanvraag: Aanvraag, inhoud: dict[str, Any], versie: int) -> Aanvraag:
    """Save draft content with an optimistic lock: a stale `versie` raises Conflict."""
    if aanvraag.status != Status.CONCEPT:
        raise NietToegestaan(_("Alleen een concept kan nog worden gewijzigd."))
    bijgewerkt = Aanvraag.objects.filter(
        pk=aanvraag.pk, versie=versie, status=Status.CONCEPT
    ).update(inhoud=inhoud, versie=versie + 1, gewijzigd_op=timezone.now())
    if not bijgewerkt:
        raise Conflict(
            _(
                "Iemand anders heeft deze aanvraag intussen gewijzigd. Laad de pagina opnieuw; "
                "uw invoer staat hieronder zodat u die kunt overnemen."
            )
        )
    aanvraag.inhoud, aanvraag.versie = inhoud, versie + 1
    return aanvraag


@transaction.atomic
def maak_heraanvraag(vorige: Aanvraag, door: Gebruiker) -> Aanvraag:
    """One click: a new draft pre-filled from the previous grant. Only what differs is typed."""
    if vorige.status not in TOEGEKEND:
        raise NietToegestaan(_("Een heraanvraag kan alleen op een toekenning volgen."))
    open_heraanvraag = vorige.heraanvragen.exclude(
        status__in=[Status.INGETROKKEN, Status.BUITEN_BEHANDELING]
    )
    if open_heraanvraag.exists():
        return open_heraanvraag.first()
    inhoud = {k: v for k, v in vorige.inhoud.items() if k != "behaalde_resultaten"}
    aanvraag = start_aanvraag(vorige.client, vorige.regeling, door, inhoud=inhoud)
    aanvraag.soort = Aanvraag.Soort.HERAANVRAAG
    aanvraag.vorige_aanvraag = vorige
    aanvraag.save(update_fields=["soort", "vorige_aanvraag"])
    return aanvraag


# --- rule evaluation -------------------------------------------------------------------------


def actieve_regelingen(
    client: Client, peildatum: date, behalve: Aanvraag | None = None
) -> set[str]:
    """Regelingen the client currently has a grant for (used for the mutual exclusions)."""
    qs = Besluit.objects.filter(
        aanvraag__client=client,
        aanvraag__status__in=TOEGEKEND,
        ingangsdatum__lte=peildatum,
        einddatum__gte=peildatum,
    )
    if behalve is not None:
        qs = qs.exclude(aanvraag=behalve).exclude(aanvraag=behalve.vorige_aanvraag_id)
    return set(qs.values_list("aanvraag__regeling", flat=True))


def feiten_uit_inhoud(regeling: str, inhoud: dict[str, Any]) -> dict[str, Any]:
    """Map form content onto the engine's Situatie fields."""
    feiten: dict[str, Any] = {}
    if regeling == Regeling.MEERZORG:
        totaal = zorgbehoefte_totaal(inhoud)
        if totaal is not None:
            feiten["zorgbehoefte_uren_per_week"] = totaal
        if inhoud.get("profiel_uren_per_week") not in (None, ""):
            feiten["profiel_uren_per_week"] = Decimal(str(inhoud["profiel_uren_per_week"]))
    for sleutel in (
        "gedragsproblematiek",
        "kind_jonger_dan_18",
        "werk_of_studie",
        "cognitieve_beperking",
        "medische_noodzaak_permanent_toezicht",
        "zelf_pgb_beheren",
        "mantelzorg",
        "toeslag_type",
    ):
        if inhoud.get(sleutel) not in (None, ""):
            feiten[sleutel] = inhoud[sleutel]
    return feiten


def regeltoets(aanvraag: Aanvraag, peildatum: date | None = None) -> engine.Resultaat:
    peildatum = peildatum or timezone.localdate()
    situatie = engine.situatie_voor_client(
        aanvraag.client,
        peildatum,
        gebruikte_regelingen=frozenset(actieve_regelingen(aanvraag.client, peildatum, aanvraag)),
        **feiten_uit_inhoud(aanvraag.regeling, aanvraag.inhoud),
    )
    return engine.evalueer(situatie, peildatum, regelingen=[aanvraag.regeling])[0]


# --- transitions -----------------------------------------------------------------------------


def _controleer_mag(aanvraag: Aanvraag, overgang: str, door: Gebruiker) -> None:
    methode = getattr(aanvraag, overgang)
    if not can_proceed(methode) or not has_transition_perm(methode, door):
        raise NietToegestaan(
            _("'%(overgang)s' kan niet bij status '%(status)s' of met uw rol.")
            % {"overgang": overgang.replace("_", " "), "status": aanvraag.get_status_display()}
        )


def _voer_uit(aanvraag: Aanvraag, overgang: str, door: Gebruiker, toelichting: str = "") -> None:
    _controleer_mag(aanvraag, overgang, door)
    van = aanvraag.status
    getattr(aanvraag, overgang)()
    try:
        aanvraag.save()
    except ConcurrentTransition as exc:
        raise Conflict(
            _(
                "Een collega heeft deze aanvraag zojuist al verder gezet (nu: andere status). "
                "Er is niets overschreven; bekijk de actuele stand."
            )
        ) from exc
    Statusovergang.objects.create(
        aanvraag=aanvraag,
        van=van,
        naar=aanvraag.status,
        overgang=overgang,
        door=door,
        toelichting=toelichting,
    )
    transaction.on_commit(lambda: _na_overgang(aanvraag.pk, overgang))


def _na_overgang(aanvraag_pk: int, overgang: str) -> None:
    """Side effects after commit (notifications, letters): see aanvragen.signalen."""
    from .signalen import na_overgang

    na_overgang(aanvraag_pk, overgang)


def _vergrendel(aanvraag: Aanvraag) -> Aanvraag:
    """Re-read under a row lock so concurrent requests serialise on this application."""
    vers = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    if vers.status != aanvraag.status:
        raise Conflict(
            _(
                "Deze aanvraag is intussen gewijzigd (status is nu '%(status)s'). Er is niets "
                "overschreven; bekijk de actuele stand."
            )
            % {"status": vers.get_status_display()}
        )
    return vers


@transaction.atomic
def indienen(aanvraag: Aanvraag, door: Gebruiker) -> Aanvraag:
    aanvraag = _vergrendel(aanvraag)
    _controleer_mag(aanvraag, "indienen", door)
    ontbrekend = verplichte_velden_ontbreken(aanvraag)
    if ontbrekend:
        raise ValidationError(ontbrekend)
    _voer_uit(aanvraag, "indienen", door)
    return aanvraag


def verplichte_velden_ontbreken(aanvraag: Aanvraag) -> dict[str, str]:
    from .formulieren import verplichte_velden

    ontbrekend = {
        veld: _("Dit veld is verplicht om in te dienen.")
        for veld in verplichte_velden(aanvraag.regeling, aanvraag.soort)
        if aanvraag.inhoud.get(veld) in (None, "", [], {})
    }
    if (
        aanvraag.regeling == Regeling.PAB
        and not aanvraag.bijlagen.filter(soort=Bijlage.Soort.MEDISCHE_VERKLARING).exists()
    ):
        # Rlz art. 5.15a lid 2: the request comes with the treating physician's judgement.
        ontbrekend["bestand"] = _(
            "Voeg het oordeel van de behandelend arts toe (soort: oordeel behandelend arts)."
        )
    return ontbrekend


@transaction.atomic
def overgang(aanvraag: Aanvraag, naam: str, door: Gebruiker, toelichting: str = "") -> Aanvraag:
    """Generic transition without extra data (in behandeling nemen, intrekken, ...)."""
    aanvraag = _vergrendel(aanvraag)
    _voer_uit(aanvraag, naam, door, toelichting)
    return aanvraag


@transaction.atomic
def wijs_toe(aanvraag: Aanvraag, beoordelaar: Gebruiker, door: Gebruiker) -> Aanvraag:
    if not (beoordelaar.is_zorgkantoor and beoordelaar.zorgkantoor_id == aanvraag.zorgkantoor_id):
        raise NietToegestaan(_("Wijs toe aan een medewerker van hetzelfde zorgkantoor."))
    Aanvraag.objects.filter(pk=aanvraag.pk).update(beoordelaar=beoordelaar)
    aanvraag.beoordelaar = beoordelaar
    return aanvraag


@transaction.atomic
def vraag_informatie(aanvraag: Aanvraag, door: Gebruiker, vraag: str, uiterlijk: date) -> Aanvraag:
    if uiterlijk <= timezone.localdate():
        raise ValidationError({"uiterlijk": _("Kies een datum na vandaag.")})
    aanvraag = _vergrendel(aanvraag)
    _voer_uit(aanvraag, "informatie_vragen", door, vraag)
    Informatieverzoek.objects.create(
        aanvraag=aanvraag, vraag=vraag, uiterlijk=uiterlijk, gevraagd_door=door
    )
    return aanvraag


@transaction.atomic
def beantwoord_informatie(aanvraag: Aanvraag, door: Gebruiker, antwoord: str) -> Aanvraag:
    aanvraag = _vergrendel(aanvraag)
    verzoek = aanvraag.informatieverzoeken.filter(beantwoord_op__isnull=True).last()
    _voer_uit(aanvraag, "informatie_ontvangen", door, antwoord)
    if verzoek:
        verzoek.antwoord, verzoek.beantwoord_door = antwoord, door
        verzoek.beantwoord_op = timezone.now()
        verzoek.save(update_fields=["antwoord", "beantwoord_door", "beantwoord_op"])
    return aanvraag


@transaction.atomic
def vraag_advies(aanvraag: Aanvraag, door: Gebruiker, vraag: str) -> Aanvraag:
    aanvraag = _vergrendel(aanvraag)
    _voer_uit(aanvraag, "advies_vragen", door, vraag)
    Adviesverzoek.objects.create(aanvraag=aanvraag, vraag=vraag, gevraagd_door=door)
    return aanvraag


@transaction.atomic
def breng_advies_uit(aanvraag: Aanvraag, door: Gebruiker, uitkomst: str, advies: str) -> Aanvraag:
    aanvraag = _vergrendel(aanvraag)
    verzoek = aanvraag.adviezen.filter(ontvangen_op__isnull=True).last()
    _voer_uit(aanvraag, "advies_uitbrengen", door, advies)
    if verzoek:
        verzoek.adviseur, verzoek.uitkomst, verzoek.advies = door, uitkomst, advies
        verzoek.ontvangen_op = timezone.now()
        verzoek.save(update_fields=["adviseur", "uitkomst", "advies", "ontvangen_op"])
    return aanvraag


@transaction.atomic
def registreer_gesprek(
    aanvraag: Aanvraag, door: Gebruiker, datum: date, uitkomst: str, verslag: str
) -> Gesprek:
    aanvraag = _vergrendel(aanvraag)
    if not (door.is_zorgkantoor and door.zorgkantoor_id == aanvraag.zorgkantoor_id):
        raise NietToegestaan(_("Alleen het zorgkantoor legt het gesprek vast."))
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("Een gesprek leg je vast nadat het is gevoerd.")})
    return Gesprek.objects.create(
        aanvraag=aanvraag, datum=datum, uitkomst=uitkomst, verslag=verslag, gevoerd_door=door
    )


@dataclass(frozen=True)
class Besluitvoorstel:
    uitkomst: str
    motivering: str
    ingangsdatum: date | None = None
    einddatum: date | None = None
    bedrag_per_jaar: Decimal | None = None
    uren_per_week: Decimal | None = None


def voorgestelde_periode(aanvraag: Aanvraag, ingangsdatum: date) -> tuple[date, date] | None:
    """The longest period the rules allow, shorter when the need is temporary."""
    resultaat = regeltoets(aanvraag, ingangsdatum)
    maanden = resultaat.grenzen.get("max_periode_maanden")
    if not maanden:
        return None
    if aanvraag.inhoud.get("behoefte_blijvend") is False:
        maanden = min(maanden, 12)
    return ingangsdatum, periode_einde(ingangsdatum, maanden)


def _controleer_besluit(aanvraag: Aanvraag, v: Besluitvoorstel, grenzen: dict) -> dict[str, str]:
    """Field errors of a proposal; `grenzen` are the rule limits at its ingangsdatum."""
    fouten: dict[str, str] = {}
    if v.uitkomst == Besluit.Uitkomst.AFGEWEZEN:
        return fouten
    if not v.ingangsdatum:
        fouten["ingangsdatum"] = _("Geef de ingangsdatum van de toekenning.")
    if not v.einddatum:
        fouten["einddatum"] = _("Geef de einddatum van de toekenning.")
    if v.ingangsdatum and v.einddatum:
        if v.einddatum < v.ingangsdatum:
            fouten["einddatum"] = _("De einddatum ligt vóór de ingangsdatum.")
        else:
            maanden = grenzen.get("max_periode_maanden")
            uiterlijk = periode_einde(v.ingangsdatum, maanden) if maanden else None
            if uiterlijk and v.einddatum > uiterlijk:
                fouten["einddatum"] = _(
                    "De regeling staat hoogstens %(m)s maanden toe: uiterlijk %(d)s."
                ) % {"m": maanden, "d": uiterlijk.strftime("%d-%m-%Y")}
            maximum = grenzen.get("max_bedrag_per_jaar")
            if maximum and v.bedrag_per_jaar and v.bedrag_per_jaar > Decimal(maximum):
                fouten["bedrag_per_jaar"] = _(
                    "Het bedrag is hoger dan het maximum van € %(max)s per jaar."
                ) % {"max": maximum}
    if (
        aanvraag.regeling == Regeling.PAB
        and not aanvraag.gesprekken.filter(uitkomst="voldoet").exists()
    ):
        # Rlz art. 5.15a lid 2: granted only after the zorgkantoor has seen the client in person.
        fouten["uitkomst"] = _(
            "Een pab wordt pas toegekend na een gesprek met de cliënt waarin blijkt dat hij aan "
            "de voorwaarden voldoet. Leg dat gesprek eerst vast."
        )
    if v.bedrag_per_jaar is None and v.uren_per_week is None:
        fouten["bedrag_per_jaar"] = _("Geef een bedrag per jaar of een aantal uren per week.")
    return fouten


def tweede_lezer_vereist(uitkomst: str, bedrag: Decimal | None) -> bool:
    """Four eyes for every rejection and for amounts above the configurable threshold."""
    if uitkomst == Besluit.Uitkomst.AFGEWEZEN:
        return True
    return bedrag is not None and bedrag > Decimal(str(settings.TWEEDE_LEZER_DREMPEL))


@transaction.atomic
def stel_besluit_voor(aanvraag: Aanvraag, door: Gebruiker, voorstel: Besluitvoorstel) -> Aanvraag:
    aanvraag = _vergrendel(aanvraag)
    toets = regeltoets(aanvraag, voorstel.ingangsdatum)  # once: for the limits and the record
    fouten = _controleer_besluit(aanvraag, voorstel, toets.grenzen)
    if fouten:
        raise ValidationError(fouten)
    Besluit.objects.update_or_create(
        aanvraag=aanvraag,
        defaults={
            "uitkomst": voorstel.uitkomst,
            "motivering": voorstel.motivering,
            "ingangsdatum": voorstel.ingangsdatum,
            "einddatum": voorstel.einddatum,
            "bedrag_per_jaar": voorstel.bedrag_per_jaar,
            "uren_per_week": voorstel.uren_per_week,
            "regeltoets": toets.as_dict(),
            "tweede_lezer_vereist": tweede_lezer_vereist(
                voorstel.uitkomst, voorstel.bedrag_per_jaar
            ),
            "voorgesteld_door": door,
            "tweede_lezer": None,
        },
    )
    aanvraag.besluit = Besluit.objects.get(aanvraag=aanvraag)  # fills the reverse 1:1 cache
    _voer_uit(aanvraag, "besluit_voorstellen", door, voorstel.motivering)
    return aanvraag


@transaction.atomic
def stel_vast(aanvraag: Aanvraag, door: Gebruiker) -> Aanvraag:
    """Final decision: by the proposer when no second reader is needed, else by a senior."""
    aanvraag = _vergrendel(aanvraag)
    besluit = getattr(aanvraag, "besluit", None)
    if besluit is None:
        raise NietToegestaan(_("Er is nog geen besluit voorgesteld."))
    naam = "tweede_lezer_akkoord" if besluit.tweede_lezer_vereist else "vaststellen"
    _voer_uit(aanvraag, naam, door)
    if besluit.tweede_lezer_vereist:
        besluit.tweede_lezer = door
    besluit.save(update_fields=["vastgesteld_op", "tweede_lezer"])
    return aanvraag


def is_besloten(aanvraag: Aanvraag) -> bool:
    return aanvraag.status in BESLOTEN


# --- attachments -----------------------------------------------------------------------------

TOEGESTANE_TYPES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


def herken_type(kop: bytes) -> str | None:
    """Content type from the file's first bytes; the browser's claim is not trusted."""
    for magic, content_type in TOEGESTANE_TYPES.items():
        if kop.startswith(magic):
            return content_type
    return None


@transaction.atomic
def voeg_bijlage_toe(
    aanvraag: Aanvraag, bestand: UploadedFile, soort: str, door: Gebruiker
) -> Bijlage:
    if aanvraag.is_afgesloten:
        raise NietToegestaan(_("Bij een afgesloten aanvraag kunnen geen bijlagen meer."))
    if bestand.size > settings.BIJLAGE_MAX_BYTES:
        raise ValidationError(
            {
                "bestand": _("Het bestand is groter dan %(mb)s MB.")
                % {"mb": settings.BIJLAGE_MAX_BYTES // (1024 * 1024)}
            }
        )
    bestand.seek(0)
    content_type = herken_type(bestand.read(16))
    if content_type is None:
        raise ValidationError(
            {
                "bestand": _(
                    "Alleen PDF, PNG of JPEG is toegestaan; dit bestand is geen van die drie."
                )
            }
        )
    bestand.seek(0)
    digest = hashlib.sha256()
    for chunk in bestand.chunks():
        digest.update(chunk)
    bestand.seek(0)
    bijlage = Bijlage(
        aanvraag=aanvraag,
        soort=soort,
        oorspronkelijke_naam=bestand.name[:200],
        content_type=content_type,
        grootte=bestand.size,
        sha256=digest.hexdigest(),
        geupload_door=door,
    )
    bijlage.bestand.save(bestand.name, bestand, save=False)
    bijlage.save()
    return bijlage


def termijn_status(aanvraag: Aanvraag, vandaag: date | None = None) -> str:
    """'opgeschort', 'verlopen', 'bijna' (≤ 2 weeks) or 'op_tijd' for the queue."""
    vandaag = vandaag or timezone.localdate()
    if aanvraag.is_opgeschort:
        return "opgeschort"
    if not aanvraag.beslistermijn or aanvraag.is_afgesloten:
        return ""
    if aanvraag.beslistermijn < vandaag:
        return "verlopen"
    if aanvraag.beslistermijn <= vandaag + timedelta(weeks=2):
        return "bijna"
    return "op_tijd"


# --- who is who on an application (used by views to offer actions) -------------------------


def is_aanvrager_van(aanvraag: Aanvraag, user: Gebruiker) -> bool:
    from .models import _is_aanvrager

    return _is_aanvrager(aanvraag, user)


def is_zorgkantoor_van(aanvraag: Aanvraag, user: Gebruiker) -> bool:
    from .models import _is_zorgkantoor

    return _is_zorgkantoor(aanvraag, user)


def is_partij(aanvraag: Aanvraag, user: Gebruiker) -> bool:
    """Applicant or deciding zorgkantoor: may add attachments."""
    return is_aanvrager_van(aanvraag, user) or is_zorgkantoor_van(aanvraag, user)


def besluit_initial(aanvraag: Aanvraag) -> dict[str, Any]:
    """Proposed decision values from the rules: period per sector/regeling, requested amount."""
    besluit = getattr(aanvraag, "besluit", None)
    if besluit is not None:
        return {
            f: getattr(besluit, f)
            for f in (
                "uitkomst",
                "ingangsdatum",
                "einddatum",
                "bedrag_per_jaar",
                "uren_per_week",
                "motivering",
            )
        }
    vorige = (
        getattr(aanvraag.vorige_aanvraag, "besluit", None) if aanvraag.vorige_aanvraag else None
    )
    begin = (
        (vorige.einddatum + timedelta(days=1))
        if vorige and vorige.einddatum
        else (timezone.localdate())
    )
    periode = voorgestelde_periode(aanvraag, begin)
    initial: dict[str, Any] = {"uitkomst": Besluit.Uitkomst.TOEGEKEND, "ingangsdatum": begin}
    if periode:
        initial["einddatum"] = periode[1]
    if aanvraag.inhoud.get("gevraagd_bedrag_per_jaar"):
        initial["bedrag_per_jaar"] = aanvraag.inhoud["gevraagd_bedrag_per_jaar"]
    totaal = zorgbehoefte_totaal(aanvraag.inhoud)
    profiel = aanvraag.inhoud.get("profiel_uren_per_week")
    if totaal is not None and profiel not in (None, ""):
        initial["uren_per_week"] = max(totaal - Decimal(str(profiel)), Decimal(0))
    return initial


def voer_actie_uit(
    aanvraag: Aanvraag, naam: str, door: Gebruiker, data: dict[str, Any]
) -> Aanvraag:
    """Dispatch a workflow action from the web or the API to its service."""
    if naam == "informatie_vragen":
        return vraag_informatie(aanvraag, door, data["vraag"], data["uiterlijk"])
    if naam == "informatie_ontvangen":
        return beantwoord_informatie(aanvraag, door, data["antwoord"])
    if naam == "advies_vragen":
        return vraag_advies(aanvraag, door, data["vraag"])
    if naam == "advies_uitbrengen":
        return breng_advies_uit(aanvraag, door, data["uitkomst"], data["advies"])
    if naam == "besluit_voorstellen":
        return stel_besluit_voor(aanvraag, door, Besluitvoorstel(**data))
    if naam in ("vaststellen", "tweede_lezer_akkoord"):
        return stel_vast(aanvraag, door)
    return overgang(aanvraag, naam, door, data.get("toelichting", ""))
