#!/usr/bin/env bash
# `make test`: install what the tests need, start PostgreSQL and Redis on loopback in a temporary
# folder, run the static checks and the whole pytest suite against them, stop them again.
# Extra arguments go to pytest (make test ARGS="-k regelingen").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

log() { printf '\n== %s\n' "$*"; }

# --- 1. Debian packages ---------------------------------------------------------------------
PACKAGES=(postgresql redis-server chromium poppler-utils docker-compose fonts-liberation2
          fonts-dejavu-core libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# --- 2. Python environment ----------------------------------------------------------------
log "Python environment"
make -s venv-dev
PY=.venv/bin/python

# --- 3. PostgreSQL and Redis on loopback, in a temporary folder ----------------------------
TMP=$(mktemp -d /tmp/zorgportaal-test.XXXXXX)
chmod 755 "$TMP"
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port)
REDISPORT=$(free_port)
AS_PG=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$TMP"
  AS_PG=(runuser -u postgres --)
fi

cleanup() {
  set +e
  if [ -f "$TMP/pg/postmaster.pid" ]; then
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$TMP/pg" -m fast -w stop >/dev/null 2>&1
  fi
  if [ -f "$TMP/redis.pid" ]; then
    pid=$(cat "$TMP/redis.pid")
    kill "$pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

log "Starting PostgreSQL on 127.0.0.1:$PGPORT and Redis on 127.0.0.1:$REDISPORT"
"${AS_PG[@]}" "$PGBIN/initdb" -D "$TMP/pg" -U postgres -A trust -E UTF8 --no-sync >/dev/null
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$TMP/pg" -l "$TMP/pg.log" -w start -o \
  "-p $PGPORT -k $TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres zorgportaal
redis-server --port "$REDISPORT" --bind 127.0.0.1 --daemonize yes --pidfile "$TMP/redis.pid" \
  --dir "$TMP" --save "" --appendonly no --logfile "$TMP/redis.log"
for _ in $(seq 50); do redis-cli -p "$REDISPORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/zorgportaal"
export REDIS_URL="redis://127.0.0.1:$REDISPORT/0"
export DJANGO_SETTINGS_MODULE=zorgportaal.settings.base
export PRIVATE_STORAGE_ROOT="$TMP/private"
export PYTHONDONTWRITEBYTECODE=1

# --- 4. Static checks (QUICK=1 skips them while iterating on a few tests; CI never sets it) ---
if [ "${QUICK:-0}" != 1 ]; then
log "ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

log "Migrations are complete"
"$PY" manage.py makemigrations --check --dry-run

log "OpenAPI schema is valid and complete (no warnings)"
"$PY" manage.py spectacular --validate --fail-on-warn --file "$TMP/schema.yml"

log "manage.py check --deploy (production settings)"
SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))') \
ALLOWED_HOSTS=zorgportaal.example.nl ZORGPORTAAL_URL=https://zorgportaal.example.nl \
DJANGO_SETTINGS_MODULE=zorgportaal.settings.production \
  "$PY" manage.py check --deploy --fail-level WARNING

log "docker-compose config"
docker-compose -f docker-compose.yml config -q
fi

# --- 5. The test suite ----------------------------------------------------------------------
log "pytest"
# Playwright tests touch the database from the browser fixtures thread.
DJANGO_ALLOW_ASYNC_UNSAFE=true "$PY" -m pytest "$@"
