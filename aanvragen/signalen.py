"""Side effects after a change has been committed.

Runs from transaction.on_commit, so a rolled-back transition never notifies anyone. Mail and
PDF work is queued as Celery tasks (aanvragen.tasks) so it never blocks or breaks the decision:
a broker that is down, or (in eager mode) a failing task, is logged, not raised into the request.
What was lost is picked up again by the sweeper (letters) and the daily catch-up (awareness).
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def na_overgang(aanvraag_pk: int, overgang: str) -> None:
    from . import tasks

    try:
        tasks.verwerk_overgang.delay(aanvraag_pk, overgang)
    except Exception:
        logger.exception("nawerk van %s op aanvraag %s niet gestart", overgang, aanvraag_pk)


def na_indicatie(indicatie_pk: int) -> None:
    """A new CIZ indication was registered: check which regelingen may now apply (awareness)."""
    from . import tasks

    try:
        tasks.signaleer_indicatie.delay(indicatie_pk)
    except Exception:
        logger.exception("signalering voor indicatie %s niet gestart", indicatie_pk)
