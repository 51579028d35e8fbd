# Production image for web, worker and beat (see docker-compose.yml).
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=zorgportaal.settings.production
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements/base.lock requirements/base.lock
RUN pip install --no-cache-dir --require-hashes -r requirements/base.lock
COPY . .
RUN SECRET_KEY=build ALLOWED_HOSTS=localhost ZORGPORTAAL_URL=http://localhost \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput
RUN useradd --system --home /app zorgportaal && mkdir -p /data/private \
    && chown zorgportaal /data/private
USER zorgportaal
EXPOSE 8000
CMD ["gunicorn", "zorgportaal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
