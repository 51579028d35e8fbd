"""Date arithmetic for the terms of the schemes (calendar months, clamped to month end)."""

from __future__ import annotations

import calendar
from datetime import date


def maanden_erbij(d: date, maanden: int) -> date:
    """`d` plus `maanden` calendar months; 31 jan + 1 month = 28/29 feb."""
    index = d.year * 12 + d.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    maand += 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def maanden_terug(d: date, maanden: int) -> date:
    return maanden_erbij(d, -maanden)


def periode_einde(ingangsdatum: date, maanden: int) -> date:
    """Last day of a grant of `maanden` months starting on `ingangsdatum` (inclusive)."""
    from datetime import timedelta

    return maanden_erbij(ingangsdatum, maanden) - timedelta(days=1)
