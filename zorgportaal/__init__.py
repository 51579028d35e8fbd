"""Zorgportaal: extra zorg in de Wlz (meerzorg, toeslagen, ekt, pab)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
