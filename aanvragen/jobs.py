"""The periodic jobs: the system remembers the deadlines (scheduled in CELERY_BEAT_SCHEDULE).

Every job
- works from "due on or before today and not yet done", never "due exactly today", so a missed
  day is caught up on the next run;
- is idempotent: what was done is a unique row (Herinnering per grant and moment, VerzondenMail
  per message key, Signalering per indication and regeling, Informatieverzoek.herinnerd_op set
  with a conditional update), so running it twice sends nothing twice;
- commits per item, so a crash mid-run loses nothing: the next run continues where it stopped;
- reads in batches by primary key (keyset pagination), so memory stays bounded at any size.

Each function takes `vandaag` (default: today) and returns counts for the log.
"""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from indicaties.models import Indicatiebesluit, Zorgkantoor, Zorgtoewijzing
from regelingen import engine
from regelingen.models import Regeling

from .models import (
    BESLOTEN,
    TOEGEKEND,
    Aanvraag,
    Beschikking,
    Besluit,
    Herinnering,
    Informatieverzoek,
    Signalering,
    Status,
    VerzondenMail,
)
from .termijnen import maanden_erbij, maanden_terug

logger = logging.getLogger(__name__)

# A heraanvraag "counts" once it is submitted and still alive (a draft, a withdrawn or a
# set-aside request does not).
NIET_INGEDIEND = (Status.CONCEPT, Status.INGETROKKEN, Status.BUITEN_BEHANDELING)
# Open for a decision and not suspended: the Awb term runs.
TERMIJN_LOOPT = (
    Status.INGEDIEND,
    Status.IN_BEHANDELING,
    Status.ADVIES_GEVRAAGD,
    Status.ADVIES_ONTVANGEN,
    Status.BESLUIT_VOORGESTELD,
)
TE_LAAT = "te_laat"
EINDE = "einde"
# The sweeper makes the missing letter of a final decision up to this many days old.
VEGER_BESLUITEN_DAGEN = 7
# Toeslag conditions that rest on a known fact about this client (see beoordeel_regelingen).
TOESLAG_KENMERKEN = ("ciz_kenmerk", "leeftijd")


def in_batches(
    qs: QuerySet, grootte: int | None = None, velden: tuple[str, ...] | None = None
) -> Iterator[list]:
    """Yield lists of at most `grootte` rows, walking the primary key upwards.

    Unlike OFFSET paging this stays fast deep into a large table and does not skip or repeat
    rows when earlier rows change while the job runs. With `velden`, rows are tuples
    `(pk, *velden)` instead of model instances (cheaper for a scan that mostly skips).
    """
    grootte = grootte or settings.JOB_BATCHGROOTTE
    laatste = None
    while True:
        deel = qs.order_by("pk")
        if laatste is not None:
            deel = deel.filter(pk__gt=laatste)
        if velden is not None:
            deel = deel.values_list("pk", *velden)
        batch = list(deel[:grootte])
        if not batch:
            return
        yield batch
        laatste = batch[-1][0] if velden is not None else batch[-1].pk
        if len(batch) < grootte:
            return


# --- grants: heraanvraag reminders, "te laat", ended ------------------------------------------


def beeindigd_q(vandaag: date | None = None, prefix: str = "") -> Q:
    """Grants whose period is over: they show as "beëindigd" everywhere (filter helper)."""
    vandaag = vandaag or timezone.localdate()
    return Q(**{f"{prefix}einddatum__lt": vandaag})


def is_beeindigd(besluit: Besluit, vandaag: date | None = None) -> bool:
    if vandaag is None:
        return besluit.is_beeindigd
    return bool(besluit.is_toekenning and besluit.einddatum and besluit.einddatum < vandaag)


def herinneringsmaanden() -> list[int]:
    """Reminder moments in months before the end, earliest first (default 5, then 4)."""
    maanden = {int(m) for m in settings.HERAANVRAAG_HERINNERING_MAANDEN}
    return sorted((m for m in maanden if m > 3), reverse=True)


@dataclass(frozen=True)
class Moment:
    code: str
    datum: date
    maanden: int | None = None


def momenten(besluit: Besluit, maanden: list[int] | None = None) -> list[Moment]:
    """All moments of one grant, in date order: reminders, the day after the due date, the day
    after the end."""
    maanden = herinneringsmaanden() if maanden is None else maanden
    eind = besluit.einddatum
    uitkomst = [Moment(f"{m}_maanden", maanden_terug(eind, m), m) for m in maanden]
    uitkomst.append(Moment(TE_LAAT, maanden_terug(eind, 3) + timedelta(days=1)))
    uitkomst.append(Moment(EINDE, eind + timedelta(days=1)))
    return sorted(uitkomst, key=lambda m: m.datum)


def heraanvraag_ingediend_subquery() -> Exists:
    return Exists(
        Aanvraag.objects.filter(vorige_aanvraag=OuterRef("aanvraag")).exclude(
            status__in=NIET_INGEDIEND
        )
    )


def te_bewaken_toekenningen(vandaag: date, maanden: list[int]) -> QuerySet:
    """Grants with an end date whose first moment may be due and that are not finished yet.

    The end-date bound has a few days of slack for month-end clamping; the exact check is
    `momenten()`. A grant leaves this set for good once its "einde" moment is recorded.
    """
    grens = maanden_erbij(vandaag, max([*maanden, 3])) + timedelta(days=4)
    return Besluit.objects.filter(
        aanvraag__status__in=TOEGEKEND,
        vastgesteld_op__isnull=False,
        einddatum__isnull=False,
        einddatum__lte=grens,
    ).exclude(Exists(Herinnering.objects.filter(besluit=OuterRef("pk"), moment=EINDE)))


@dataclass(frozen=True)
class _Kandidaat:
    pk: int
    einddatum: date


def _gedane_momenten(besluit_ids: list[int]) -> dict[int, set[str]]:
    gedaan: dict[int, set[str]] = defaultdict(set)
    for besluit_id, moment in Herinnering.objects.filter(besluit_id__in=besluit_ids).values_list(
        "besluit_id", "moment"
    ):
        gedaan[besluit_id].add(moment)
    return gedaan


def _open_momenten(besluit, maanden, vandaag, gedaan) -> list[Moment]:
    return [
        m
        for m in momenten(besluit, maanden)
        if m.datum <= vandaag and m.code not in gedaan[besluit.pk]
    ]


def bewaak_heraanvragen(vandaag: date | None = None, batch: int | None = None) -> dict:
    """Remind at 5 and 4 months (configurable), mark "te laat" after the due date (3 months
    before the end) and tell the zorgkantoor, note the end. Once per grant per moment.

    One transaction per batch: the grants with work are locked, what is done is read again
    under the lock, the moments are inserted together with their mails. A crash rolls the
    batch back as a whole (mails included: they are queued only after the commit), and the
    next run does it again.
    """
    from . import notificaties

    vandaag = vandaag or timezone.localdate()
    maanden = herinneringsmaanden()
    telling: dict[str, int] = defaultdict(int)
    for rijen in in_batches(te_bewaken_toekenningen(vandaag, maanden), batch, ("einddatum",)):
        telling["bekeken"] += len(rijen)
        kandidaten = [_Kandidaat(pk, einddatum) for pk, einddatum in rijen]
        gedaan = _gedane_momenten([k.pk for k in kandidaten])
        ids = [k.pk for k in kandidaten if _open_momenten(k, maanden, vandaag, gedaan)]
        if not ids:
            continue
        with transaction.atomic(), notificaties.gebundeld():
            # Lock the grants with work and read what is done again: a parallel run may have won.
            besluiten = list(
                Besluit.objects.filter(pk__in=ids)
                .annotate(heraanvraag_ingediend=heraanvraag_ingediend_subquery())
                .select_related(
                    "aanvraag__client", "aanvraag__zorgkantoor", "aanvraag__zorgaanbieder"
                )
                .select_for_update(of=("self",))
                .order_by("pk")
            )
            gedaan = _gedane_momenten(ids)
            ondersteuners = _ondersteuners_per_client(
                {b.aanvraag.client_id for b in besluiten}, vandaag
            )
            nieuw: list[Herinnering] = []
            te_laat: list[int] = []
            for besluit in besluiten:
                open_ = _open_momenten(besluit, maanden, vandaag, gedaan)
                adressen = [
                    m.ondersteuner.email
                    for m in ondersteuners.get(besluit.aanvraag.client_id, [])
                    if m.geldt_voor(besluit.aanvraag.regeling)
                ]
                nieuw += _verwerk_momenten(besluit, open_, vandaag, adressen, te_laat, telling)
            Herinnering.objects.bulk_create(nieuw)
            if te_laat:
                Besluit.objects.filter(pk__in=te_laat).update(heraanvraag_te_laat=True)
    logger.info("heraanvragen bewaakt: %s", dict(telling))
    return dict(telling)


def _ondersteuners_per_client(client_ids: set[int], vandaag: date) -> dict[int, list]:
    from indicaties.models import Machtiging

    per_client: dict[int, list] = defaultdict(list)
    for machtiging in (
        Machtiging.objects.actief(op=vandaag)
        .filter(client_id__in=client_ids, ondersteuner__is_active=True)
        .exclude(ondersteuner__email="")
        .select_related("ondersteuner")
    ):
        per_client[machtiging.client_id].append(machtiging)
    return per_client


def _verwerk_momenten(
    besluit: Besluit,
    open_: list[Moment],
    vandaag: date,
    ondersteuners: list[str],
    te_laat: list[int],
    telling,
) -> list[Herinnering]:
    """The due moments of one grant as (unsaved) rows; plans the mails that are still useful."""
    from . import notificaties

    ingediend = besluit.heraanvraag_ingediend
    codes = {m.code for m in open_}
    laatste_herinnering = next((m for m in reversed(open_) if m.maanden), None)
    rijen = []
    for moment in open_:
        mails: list = []
        gemeld = False
        if moment.maanden:
            # Only the newest reminder is sent (a missed day sends one, not a burst), and none
            # once the heraanvraag is in or the due date has already passed.
            if moment is laatste_herinnering and not ingediend and TE_LAAT not in codes:
                mails = notificaties.heraanvraag_herinnering(
                    besluit, moment.code, moment.maanden, vandaag, ondersteuners=ondersteuners
                )
                gemeld = True
        elif moment.code == TE_LAAT and not ingediend:
            te_laat.append(besluit.pk)
            besluit.heraanvraag_te_laat = True
            mails = notificaties.heraanvraag_te_laat(besluit)
            gemeld = True
        elif moment.code == EINDE and not ingediend:
            mails = notificaties.toekenning_beeindigd(besluit, vandaag, ondersteuners=ondersteuners)
            gemeld = True
        rijen.append(
            Herinnering(
                besluit=besluit,
                moment=moment.code,
                peildatum=moment.datum,
                overgeslagen=not gemeld,
                aantal_berichten=len(mails),
            )
        )
        telling[moment.code] += 1
        telling["berichten"] += len(mails)
    return rijen


# --- the Awb decision term: a daily digest per zorgkantoor -------------------------------------


def bewaak_beslistermijnen(vandaag: date | None = None, batch: int | None = None) -> dict:
    """One digest per zorgkantoor per day: open applications whose term has passed or ends
    within BESLISTERMIJN_WAARSCHUWING_DAGEN (suspended ones excluded)."""
    from . import notificaties

    vandaag = vandaag or timezone.localdate()
    grens = vandaag + timedelta(days=settings.BESLISTERMIJN_WAARSCHUWING_DAGEN)
    max_regels = 100
    rijen = (
        Aanvraag.objects.filter(
            status__in=TERMIJN_LOOPT, opgeschort_sinds__isnull=True, beslistermijn__lte=grens
        )
        .order_by("zorgkantoor_id", "beslistermijn", "pk")
        .values_list("zorgkantoor_id", "pk", "referentie", "regeling", "status", "beslistermijn")
        .iterator(chunk_size=batch or settings.JOB_BATCHGROOTTE)
    )
    telling: dict[str, int] = defaultdict(int)
    regeling_namen = dict(Regeling.choices)
    status_namen = dict(Status.choices)
    for zorgkantoor_id, groep in itertools.groupby(rijen, key=lambda r: r[0]):
        aantallen = {"verlopen": 0, "bijna": 0, "totaal": 0}
        regels: list[dict] = []
        for _zk, pk, referentie, regeling, status, termijn in groep:
            soort = "verlopen" if termijn < vandaag else "bijna"
            aantallen[soort] += 1
            aantallen["totaal"] += 1
            if len(regels) < max_regels:
                regels.append(
                    {
                        "pk": pk,
                        "referentie": referentie,
                        "regeling": regeling_namen.get(regeling, regeling),
                        "status": status_namen.get(status, status),
                        "beslistermijn": termijn,
                        "soort": soort,
                        "dagen": (termijn - vandaag).days,
                    }
                )
        zorgkantoor = Zorgkantoor.objects.get(pk=zorgkantoor_id)
        with transaction.atomic():
            mails = notificaties.beslistermijn_overzicht(zorgkantoor, vandaag, regels, aantallen)
        telling["zorgkantoren"] += 1
        telling["aanvragen"] += aantallen["totaal"]
        telling["berichten"] += len(mails)
    logger.info("beslistermijnen bewaakt: %s", dict(telling))
    return dict(telling)


# --- information requests past their date: remind once ----------------------------------------


def herinner_informatieverzoeken(vandaag: date | None = None, batch: int | None = None) -> dict:
    """Unanswered requests past `uiterlijk`: remind the applicant once and tell the medewerker
    that the application can now be set aside ("buiten behandeling stellen")."""
    from . import notificaties

    vandaag = vandaag or timezone.localdate()
    qs = Informatieverzoek.objects.filter(
        beantwoord_op__isnull=True,
        herinnerd_op__isnull=True,
        uiterlijk__lt=vandaag,
        aanvraag__status=Status.INFORMATIE_GEVRAAGD,
    ).select_related(
        "aanvraag__client",
        "aanvraag__zorgkantoor",
        "aanvraag__zorgaanbieder",
        "aanvraag__beoordelaar",
    )
    telling: dict[str, int] = defaultdict(int)
    for verzoeken in in_batches(qs, batch):
        for verzoek in verzoeken:
            with transaction.atomic():
                gezet = Informatieverzoek.objects.filter(
                    pk=verzoek.pk, herinnerd_op__isnull=True
                ).update(herinnerd_op=timezone.now())
                if not gezet:
                    continue
                telling["herinnerd"] += 1
                telling["berichten"] += len(notificaties.informatie_herinnering(verzoek))
    logger.info("informatieverzoeken herinnerd: %s", dict(telling))
    return dict(telling)


# --- awareness: a new indication → which regelingen may apply ------------------------------


def _mogelijk(resultaat: engine.Resultaat) -> bool:
    """'May apply': every condition met, or only unknown facts left while the profile (the
    condition the CIZ indication settles) is met. Regelingen without a profile condition only
    when they are met outright (otherwise every client would get every notice)."""
    if resultaat.uitkomst == engine.VOLDOET:
        return True
    if resultaat.uitkomst != engine.ONVOLDOENDE_GEGEVENS:
        return False
    profiel = [v for v in resultaat.voorwaarden if v.code == "profiel"]
    return bool(profiel) and all(v.voldaan is True for v in profiel)


def _redenen(resultaten: list[engine.Resultaat]) -> list[dict]:
    return [
        {
            "toelichting": v.toelichting,
            "artikel": v.artikel,
            "voldaan": v.voldaan,
        }
        for r in resultaten
        for v in r.voorwaarden
        if v.voldaan is not False
    ]


def beoordeel_regelingen(client, peildatum: date) -> list[tuple[str, str, bool, list[dict]]]:
    """(regeling, uitkomst, may apply, reasons) for the four regelingen, via regelingen.engine.

    A toeslag depends on its type: each type in the catalogue is checked, and the toeslag "may
    apply" when a type is met on a fact the system knows for sure (a CIZ marker such as
    ventilation, or the age limit); a type without such a condition (epilepsie, cva, ...) says
    nothing about this client and would notify every client in an institution."""
    from dataclasses import replace

    from .services import actieve_regelingen

    regelset = engine.Regelset.laad(peildatum)
    situatie = engine.situatie_voor_client(
        client,
        peildatum,
        gebruikte_regelingen=frozenset(actieve_regelingen(client, peildatum)),
    )
    uitkomst = []
    for resultaat in engine.evalueer(situatie, peildatum, regelset=regelset):
        if resultaat.regeling == Regeling.TOESLAG:
            passend = [
                r
                for code in sorted(regelset.toeslagtypen)
                for r in engine.evalueer(
                    replace(situatie, toeslag_type=code),
                    peildatum,
                    regelingen=[Regeling.TOESLAG],
                    regelset=regelset,
                )
                if r.uitkomst == engine.VOLDOET
                and any(v.code in TOESLAG_KENMERKEN and v.voldaan for v in r.voorwaarden)
            ]
            if passend:
                uitkomst.append((resultaat.regeling, engine.VOLDOET, True, _redenen(passend)))
                continue
        mogelijk = _mogelijk(resultaat)
        uitkomst.append(
            (
                resultaat.regeling,
                resultaat.uitkomst,
                mogelijk,
                _redenen([resultaat]) if mogelijk else [],
            )
        )
    return uitkomst


def signaleer_indicatie(indicatie_pk: int, vandaag: date | None = None) -> int:
    """Evaluate the four regelingen for the client of a new current indication, record the
    outcome (one Signalering per indication and regeling) and notify the providers with an
    active zorgtoewijzing and the consented supporters of what may apply. Returns the number of
    regelingen reported."""
    from . import notificaties

    vandaag = vandaag or timezone.localdate()
    indicatie = (
        Indicatiebesluit.objects.select_related("client", "zorgprofiel")
        .filter(pk=indicatie_pk, is_actueel=True)
        .first()
    )
    if indicatie is None or Signalering.objects.filter(indicatie=indicatie).exists():
        return 0
    client = indicatie.client
    beoordeeld = beoordeel_regelingen(client, vandaag)
    # Nothing to tell about a regeling the client already has or has asked for.
    lopend = set(
        Aanvraag.objects.filter(client=client)
        .exclude(status__in=[Status.INGETROKKEN, Status.BUITEN_BEHANDELING, Status.AFGEWEZEN])
        .values_list("regeling", flat=True)
    )
    namen = dict(Regeling.choices)
    with transaction.atomic():
        te_melden: list[Signalering] = []
        for regeling, uitkomst, mogelijk, redenen in beoordeeld:
            signalering, nieuw = Signalering.objects.get_or_create(
                indicatie=indicatie,
                regeling=regeling,
                defaults={
                    "client": client,
                    "uitkomst": uitkomst,
                    "van_toepassing": mogelijk,
                    "redenen": redenen,
                },
            )
            if nieuw and mogelijk and regeling not in lopend:
                te_melden.append(signalering)
        if not te_melden:
            return 0
        blokken = {
            s.regeling: {
                "regeling": namen[s.regeling],
                "uitkomst": s.uitkomst,
                "redenen": s.redenen,
            }
            for s in te_melden
        }
        aanbieders = (
            Zorgtoewijzing.objects.filter(Zorgtoewijzing.actief_q(op=vandaag), client=client)
            .exclude(zorgaanbieder__email="")
            .values_list("zorgaanbieder__email", flat=True)
        )
        notificaties.signalering(client, indicatie.pk, list(aanbieders), list(blokken.values()))
        # A supporter only hears about the regelingen the client's consent covers.
        for machtiging in (
            client.machtigingen.actief(op=vandaag)
            .filter(ondersteuner__is_active=True)
            .select_related("ondersteuner")
        ):
            gedekt = [b for r, b in blokken.items() if machtiging.geldt_voor(r)]
            if gedekt and machtiging.ondersteuner.email:
                notificaties.signalering(
                    client, indicatie.pk, [machtiging.ondersteuner.email], gedekt
                )
        Signalering.objects.filter(pk__in=[s.pk for s in te_melden]).update(gemeld=True)
    return len(te_melden)


def signaleer_nieuwe_indicaties(
    dagen: int = 7, vandaag: date | None = None, batch: int | None = None
) -> dict:
    """Catch-up for the awareness notices: current indications of the last `dagen` days that
    were never evaluated (the hook after registration was lost, e.g. broker down)."""
    sinds = timezone.now() - timedelta(days=dagen)
    qs = Indicatiebesluit.objects.filter(is_actueel=True, geregistreerd_op__gte=sinds).exclude(
        Exists(Signalering.objects.filter(indicatie=OuterRef("pk")))
    )
    telling: dict[str, int] = defaultdict(int)
    for indicaties in in_batches(qs.only("pk"), batch):
        for indicatie in indicaties:
            telling["beoordeeld"] += 1
            telling["gemeld"] += signaleer_indicatie(indicatie.pk, vandaag)
    return dict(telling)


# --- the sweeper ---------------------------------------------------------------------------------


def veeg_wachtrij(batch: int | None = None) -> dict:
    """Re-queue work a crashed worker, a restart or a lost message left behind:
    letters still pending, final decisions without a letter, mails still in the outbox."""
    from . import beschikking, notificaties
    from .tasks import maak_beschikking_pdf, zet_in_wachtrij

    grens = timezone.now() - timedelta(minutes=settings.VEGER_NA_MINUTEN)
    telling: dict[str, int] = defaultdict(int)

    blijven_hangen = Beschikking.objects.filter(
        status=Beschikking.Status.PENDING, gewijzigd_op__lt=grens
    )
    for rijen in in_batches(blijven_hangen.only("pk"), batch):
        for rij in rijen:
            zet_in_wachtrij(maak_beschikking_pdf, Beschikking, rij.pk)
            telling["beschikkingen"] += 1

    zonder_brief = (
        Besluit.objects.filter(
            vastgesteld_op__lt=grens,
            # Recent decisions only: a decision from before letters existed gets no letter (and
            # no "besluit genomen" mail) months later.
            vastgesteld_op__gte=timezone.now() - timedelta(days=VEGER_BESLUITEN_DAGEN),
            aanvraag__status__in=BESLOTEN,
        )
        .exclude(Exists(Beschikking.objects.filter(besluit=OuterRef("pk"))))
        .select_related("aanvraag")
    )
    for besluiten in in_batches(zonder_brief, batch):
        for besluit in besluiten:
            with transaction.atomic():
                beschikking.zorg_voor_beschikking(besluit)
            telling["besluiten_zonder_brief"] += 1

    wachtend = VerzondenMail.objects.filter(
        status=VerzondenMail.Status.WACHTRIJ, gewijzigd_op__lt=grens
    )
    for rijen in in_batches(wachtend.only("pk"), batch):
        for rij in rijen:
            notificaties.zet_mail_in_wachtrij(rij.pk)
            telling["mails"] += 1
    if telling:
        logger.warning("veger heeft opnieuw in de wachtrij gezet: %s", dict(telling))
    return dict(telling)
