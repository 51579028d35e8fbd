"""A throwaway PostgreSQL database for a benchmark, next to the one in DATABASE_URL.

`wegwerpdatabase()` creates `zp_bench_<pid>` on the same server, points Django at it, runs the
migrations (which load the reference data), and drops it again at the end, so a benchmark never
touches real data. Call it before anything imports Django models.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@contextlib.contextmanager
def wegwerpdatabase(behouden: bool = False) -> Iterator[str]:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(
            "Zet DATABASE_URL op een PostgreSQL-server, bv. "
            "postgres://postgres@127.0.0.1:5432/postgres (de benchmark maakt daar een eigen "
            "database en ruimt die op)."
        )
    import psycopg

    delen = urlsplit(url)
    naam = f"zp_bench_{os.getpid()}"
    beheer_url = urlunsplit(delen._replace(path="/postgres"))
    with psycopg.connect(beheer_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{naam}"')
    os.environ["DATABASE_URL"] = urlunsplit(delen._replace(path=f"/{naam}"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgportaal.settings.base")
    os.environ.setdefault("REDIS_URL", "")  # eager Celery, in-memory broker
    os.environ.setdefault("DEBUG", "false")  # as in production: cached template loader
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    try:
        import django
        from django.core.management import call_command

        django.setup()
        begin = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"# database {naam} gemigreerd in {time.perf_counter() - begin:.1f} s")
        yield naam
    finally:
        from django.db import connections

        connections.close_all()
        if behouden:
            print(f"# database {naam} blijft bestaan")
        else:
            with psycopg.connect(beheer_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


class Tellers:
    """Counts the queries Django sends while active (no query text is kept: bounded memory)."""

    def __init__(self) -> None:
        self.aantal = 0

    def __call__(self, execute, sql, params, many, context):
        self.aantal += 1
        return execute(sql, params, many, context)


def piek_geheugen_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
