"""Settings for every environment, read from environment variables.

With no variables set this is the embedded default: SQLite in the project folder, Celery tasks
run eagerly in-process, mail printed to the console, DEBUG on. DATABASE_URL and REDIS_URL switch
to PostgreSQL and a Redis broker/cache. `production.py` hardens this for deployment.
"""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_filters",
    "axes",
    "indicaties",
    "regelingen",
    "aanvragen",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zorgportaal.urls"
WSGI_APPLICATION = "zorgportaal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "indicaties.Gebruiker"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# Brute-force protection: lock a username+IP combination after 5 failures for 30 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"

# Dutch UI. Source strings are Dutch and go through gettext, so a translation can be added later.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]

# Uploaded attachments and generated letters: private, outside the web root, served only
# through permission-checked views (never through MEDIA_URL).
PRIVATE_STORAGE_ROOT = env.path("PRIVATE_STORAGE_ROOT", default=BASE_DIR / "var" / "private")
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_STORAGE_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Redis: broker for Celery and shared cache (rate limits). Absent = embedded default.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=REDIS_URL or "cache+memory://")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
from celery.schedules import crontab  # noqa: E402

# Periodic jobs (celery beat), documented in docs/jobs.md. Every job is idempotent and works
# from "due on or before today and not yet done", so a missed or doubled run is harmless.
CELERY_BEAT_SCHEDULE: dict = {
    "heraanvragen-bewaken": {
        "task": "aanvragen.tasks.bewaak_heraanvragen",
        "schedule": crontab(hour=6, minute=0),
    },
    "beslistermijnen-overzicht": {
        "task": "aanvragen.tasks.bewaak_beslistermijnen",
        "schedule": crontab(hour=6, minute=30),
    },
    "informatieverzoeken-herinneren": {
        "task": "aanvragen.tasks.herinner_informatieverzoeken",
        "schedule": crontab(hour=7, minute=0),
    },
    "signaleringen-inhalen": {
        "task": "aanvragen.tasks.signaleer_nieuwe_indicaties",
        "schedule": crontab(hour=5, minute=30),
        "kwargs": {"dagen": 7},
    },
    "wachtrij-vegen": {
        "task": "aanvragen.tasks.veeg_wachtrij",
        "schedule": timedelta(minutes=10),
    },
}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Zorgportaal <noreply@zorgportaal.test>")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "ALLOWED_VERSIONS": ["v1"],
    "DEFAULT_THROTTLE_RATES": {
        "regelingen_toets": env.str("THROTTLE_TOETS", default="60/min"),
    },
    "EXCEPTION_HANDLER": "zorgportaal.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Zorgportaal API",
    "DESCRIPTION": "Extra zorg in de Wlz: cliënten, indicaties, regelingen en aanvragen.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# Demo data loaders, in order; each takes aantal_clienten and returns counts. See `demodata`.
DEMO_LOADERS = ["indicaties.demo.laad", "aanvragen.demo.laad"]

# Decisions above this amount per year (and every rejection) need a second reader (vier-ogen).
TWEEDE_LEZER_DREMPEL = env.int("TWEEDE_LEZER_DREMPEL", default=100_000)
# Attachments: PDF, PNG or JPEG (checked from the bytes), at most this size.
BIJLAGE_MAX_BYTES = env.int("BIJLAGE_MAX_BYTES", default=10 * 1024 * 1024)

# --- Jobs and letters (issue 5) ------------------------------------------------------------
# Public address of the portal, for links in e-mail (never the PDF itself in a mail).
ZORGPORTAAL_URL = env.str("ZORGPORTAAL_URL", default="http://127.0.0.1:8000")
# Heraanvraag reminders: months before the end of a grant (the heraanvraag is due at 3).
HERAANVRAAG_HERINNERING_MAANDEN = env.list(
    "HERAANVRAAG_HERINNERING_MAANDEN", cast=int, default=[5, 4]
)
# Decision term (Awb): warn when the term ends within this many days, or has passed.
BESLISTERMIJN_WAARSCHUWING_DAGEN = env.int("BESLISTERMIJN_WAARSCHUWING_DAGEN", default=14)
# Rows per batch in the periodic jobs (bounded memory).
JOB_BATCHGROOTTE = env.int("JOB_BATCHGROOTTE", default=1000)
# The sweeper re-queues letters and mails that stayed pending longer than this (minutes);
# longer than the largest retry back-off, so a task waiting for its retry is left alone.
VEGER_NA_MINUTEN = env.int("VEGER_NA_MINUTEN", default=15)
# Attempts for rendering a letter or sending a mail before it is marked "mislukt".
TAAK_MAX_POGINGEN = env.int("TAAK_MAX_POGINGEN", default=5)
TAAK_BACKOFF_MAX_SECONDEN = env.int("TAAK_BACKOFF_MAX_SECONDEN", default=600)
