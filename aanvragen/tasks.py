"""Celery tasks of the application workflow: letters, mail and the periodic jobs.

Reliability (see docs/jobs.md):
- acks late, prefetch 1 and time limits come from the settings (CELERY_*);
- work is queued from `transaction.on_commit`, with the task id stored on the object first
  (`zet_in_wachtrij`), so a rolled-back change never queues anything;
- rendering and sending retry with exponential back-off (`Volgtaak`); each attempt and the last
  error are recorded on the object, and after the last attempt it is marked "mislukt" for the
  functioneel beheerder (admin). A failure never touches the decision itself;
- `veeg_wachtrij` (beat, every 10 minutes) re-queues whatever stayed pending;
- the periodic jobs (aanvragen.jobs) are idempotent: running one late or twice is harmless.
"""

from __future__ import annotations

import logging
import uuid

from celery import Task, shared_task
from django.conf import settings
from django.db import models
from django.utils import timezone

logger = logging.getLogger(__name__)

# Jobs over many rows get more time than the default per-task limits (settings: 240/300 s).
JOB_LIMIETEN = {"soft_time_limit": 50 * 60, "time_limit": 55 * 60}


def zet_in_wachtrij(taak: Task, model: type[models.Model], pk: int) -> str | None:
    """Store a fresh task id on the object, then queue the task with that id.

    Called after commit. If the broker is unreachable the object stays pending and the sweeper
    queues it later; the caller (a request, a decision) is never broken by it.
    """
    taak_id = uuid.uuid4().hex
    model.objects.filter(pk=pk).update(taak_id=taak_id, gewijzigd_op=timezone.now())
    try:
        taak.apply_async(args=(pk,), task_id=taak_id)
    except Exception:
        logger.exception("%s %s niet in de wachtrij gezet; de veger probeert het later", model, pk)
        return None
    return taak_id


class Volgtaak(Task):
    """Retry on any error with exponential back-off; record attempts and errors on the row."""

    abstract = True
    autoretry_for = (Exception,)
    retry_backoff = 5  # seconds: 5, 10, 20, 40, ... capped by retry_backoff_max, with jitter
    retry_backoff_max = settings.TAAK_BACKOFF_MAX_SECONDEN
    retry_jitter = True
    max_retries = settings.TAAK_MAX_POGINGEN - 1
    # (model label, status value for "pending", status value for "mislukt") or None
    volgt: tuple[str, str, str] | None = None

    def _noteer(self, args, exc, *, definitief: bool) -> None:
        if not self.volgt or not args:
            return
        from django.apps import apps

        label, wachtend, mislukt = self.volgt
        model = apps.get_model(label)
        velden = {
            "pogingen": self.request.retries + 1,
            "fout": f"{type(exc).__name__}: {exc}"[:4000],
            "gewijzigd_op": timezone.now(),
        }
        if definitief:
            velden["status"] = mislukt
            logger.error(
                "%s %s mislukt na %s pogingen: %s", label, args[0], velden["pogingen"], exc
            )
        model.objects.filter(pk=args[0], status=wachtend).update(**velden)

    def on_retry(self, exc, task_id, args, kwargs, einfo):
        self._noteer(args, exc, definitief=False)

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        self._noteer(args, exc, definitief=True)


@shared_task(bind=True, base=Volgtaak)
def verwerk_overgang(self, aanvraag_pk: int, overgang: str) -> str:
    """Notifications and letters for a committed transition (queued by aanvragen.signalen)."""
    from . import beschikking, notificaties
    from .models import Aanvraag

    aanvraag = (
        Aanvraag.objects.select_related("client", "zorgkantoor", "zorgaanbieder", "beoordelaar")
        .filter(pk=aanvraag_pk)
        .first()
    )
    if aanvraag is None:
        return "onbekend"
    stap = aanvraag.historie.filter(overgang=overgang).order_by("-op", "-pk").first()
    stap_pk = stap.pk if stap else f"{overgang}-{aanvraag.pk}"
    if overgang == "indienen":
        notificaties.ingediend(aanvraag, stap_pk)
    elif overgang == "informatie_vragen":
        notificaties.informatie_gevraagd(aanvraag, stap_pk)
    elif overgang in ("vaststellen", "tweede_lezer_akkoord"):
        besluit = getattr(aanvraag, "besluit", None)
        if besluit is not None:
            beschikking.zorg_voor_beschikking(besluit)
    logger.info("overgang %s op aanvraag %s verwerkt", overgang, aanvraag_pk)
    return overgang


@shared_task(
    bind=True,
    base=Volgtaak,
    volgt=("aanvragen.Beschikking", "pending", "mislukt"),
)
def maak_beschikking_pdf(self, beschikking_pk: int) -> str:
    """Render and store one letter (PDF/UA), then plan the 'besluit genomen' mail."""
    from .beschikking import maak_pdf

    return maak_pdf(beschikking_pk, poging=self.request.retries + 1)


@shared_task(
    bind=True,
    base=Volgtaak,
    volgt=("aanvragen.VerzondenMail", "wachtrij", "mislukt"),
)
def verstuur_mail(self, mail_pk: int) -> str:
    from .notificaties import verstuur

    return verstuur(mail_pk, poging=self.request.retries + 1)


@shared_task(bind=True, base=Volgtaak)
def signaleer_indicatie(self, indicatie_pk: int) -> int:
    """Awareness after a new CIZ indication: which regelingen may apply, and tell who needs to."""
    from .jobs import signaleer_indicatie as signaleer

    return signaleer(indicatie_pk)


# --- periodic jobs (CELERY_BEAT_SCHEDULE) ----------------------------------------------------


@shared_task(**JOB_LIMIETEN)
def bewaak_heraanvragen() -> dict:
    from .jobs import bewaak_heraanvragen as job

    return job()


@shared_task(**JOB_LIMIETEN)
def bewaak_beslistermijnen() -> dict:
    from .jobs import bewaak_beslistermijnen as job

    return job()


@shared_task(**JOB_LIMIETEN)
def herinner_informatieverzoeken() -> dict:
    from .jobs import herinner_informatieverzoeken as job

    return job()


@shared_task(**JOB_LIMIETEN)
def signaleer_nieuwe_indicaties(dagen: int = 7) -> dict:
    from .jobs import signaleer_nieuwe_indicaties as job

    return job(dagen=dagen)


@shared_task(**JOB_LIMIETEN)
def veeg_wachtrij() -> dict:
    from .jobs import veeg_wachtrij as job

    return job()
