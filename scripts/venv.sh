#!/usr/bin/env bash
# Create .venv (Python 3.11) and install a hashed lock file into it.
set -euo pipefail
cd "$(dirname "$0")/.."
lock="$1"
py=$(command -v python3.11 || command -v python3)
if ! "$py" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then
  echo "Zorgportaal needs Python 3.11 (found: $("$py" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$py" -m venv .venv 2>/dev/null; then
    # Debian ships venv support separately.
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
      rm -rf .venv && "$py" -m venv .venv
    else
      echo "Install python3-venv (sudo apt-get install python3-venv) and retry." >&2
      exit 1
    fi
  fi
fi
log=$(mktemp)
if ! .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r "$lock" \
    >"$log" 2>&1; then
  grep -v "is ignored" "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
.venv/bin/python -c 'import django, celery' >/dev/null
