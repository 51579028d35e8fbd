"""Celery application. Configuration comes from Django settings (CELERY_* names)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgportaal.settings.base")

app = Celery("zorgportaal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="zorgportaal.ping")
def ping(value: str = "pong") -> str:
    """Round-trip check used by health checks and the worker test."""
    return value
