import pytest
from celery.result import AsyncResult, EagerResult

from zorgportaal.celery import app, ping

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def test_taak_gaat_via_redis_naar_een_echte_worker_en_terug(celery_worker):
    assert app.conf.broker_url.startswith("redis://")
    result = ping.delay("hallo worker")
    assert isinstance(result, AsyncResult) and not isinstance(result, EagerResult)
    assert result.get(timeout=20) == "hallo worker"
    assert AsyncResult(result.id, app=app).state == "SUCCESS"
