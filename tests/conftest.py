"""Shared fixtures: real PostgreSQL (via DATABASE_URL), Playwright on Debian's Chromium, and a
real in-process Celery worker on the Redis broker. Run through `make test`, which starts both."""

from __future__ import annotations

import os

import pytest
from django.conf import settings

from tests import factories

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_configure(config):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise pytest.UsageError(
            "The tests run against PostgreSQL and Redis: start them with `make test`."
        )


REFERENTIEDATA_MIGRATIES = [
    "indicaties.migrations.0002_referentiedata",
    "regelingen.migrations.0002_regelwaarden",
]


@pytest.fixture(autouse=True)
def _referentiedata(request):
    """Transactional tests flush the database after each test, reference data from the data
    migrations included; put it back so every test starts from the same catalogue."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    from importlib import import_module

    from django.apps import apps

    from indicaties.models import Zorgkantoor

    if not Zorgkantoor.objects.exists():
        for pad in REFERENTIEDATA_MIGRATIES:
            import_module(pad).laad(apps, None)


@pytest.fixture(autouse=True)
def _eager_celery(request):
    """Tasks run in-process by default; tests marked `worker` use a real worker instead."""
    from zorgportaal.celery import app

    eager = "worker" not in request.keywords
    old = app.conf.task_always_eager
    app.conf.task_always_eager = eager
    yield
    app.conf.task_always_eager = old


@pytest.fixture(autouse=True)
def _private_storage(tmp_path, settings):
    """Each test writes attachments and letters into its own folder."""
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    """Hashing strength is not under test; MD5 keeps factories with many users fast."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield


# --- Playwright ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture
def login_in_browser(live_server, page):
    """Log in through the real login form and return the page."""

    def _login(gebruiker, wachtwoord: str = factories.WACHTWOORD):
        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(gebruiker.username)
        page.get_by_label("Wachtwoord").fill(wachtwoord)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return _login


# --- Celery -----------------------------------------------------------------------------------


@pytest.fixture
def celery_worker(transactional_db):
    """A real Celery worker thread consuming from the Redis broker, using the test database."""
    from celery.contrib.testing.worker import start_worker

    from zorgportaal.celery import app

    assert settings.CELERY_BROKER_URL.startswith("redis://"), "worker tests need Redis"
    app.conf.task_always_eager = False
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
        yield worker
