"""Side effects after a transition has been committed.

Runs from transaction.on_commit, so a rolled-back transition never notifies anyone. Mail and
PDF work is queued as Celery tasks (aanvragen.tasks) so it never blocks or breaks the decision.
"""

from __future__ import annotations


def na_overgang(aanvraag_pk: int, overgang: str) -> None:
    from . import tasks

    tasks.verwerk_overgang.delay(aanvraag_pk, overgang)
