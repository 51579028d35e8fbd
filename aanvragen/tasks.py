"""Celery tasks of the application workflow."""

from __future__ import annotations

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5, default_retry_delay=30)
def verwerk_overgang(self, aanvraag_pk: int, overgang: str) -> str:
    """Notifications and letters for a committed transition (extended by the jobs module)."""
    logger.info("overgang %s op aanvraag %s verwerkt", overgang, aanvraag_pk)
    return overgang
