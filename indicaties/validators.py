"""Validators for Dutch identifiers; each error message tells the user what to fix."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BSN_RE = re.compile(r"^\d{9}$")
AGB_RE = re.compile(r"^\d{8}$")
POSTCODE_RE = re.compile(r"^[1-9]\d{3} ?[A-Za-z]{2}$")


def bsn_is_geldig(bsn: str) -> bool:
    """The 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be a multiple of 11 (and not 0)."""
    if not BSN_RE.match(bsn or ""):
        return False
    digits = [int(c) for c in bsn]
    total = sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True)) - digits[8]
    return total % 11 == 0 and total != 0


def validate_bsn(value: str) -> None:
    if not BSN_RE.match(value or ""):
        raise ValidationError(
            _("Een BSN bestaat uit precies 9 cijfers (u gaf '%(value)s')."),
            code="bsn_formaat",
            params={"value": value},
        )
    if not bsn_is_geldig(value):
        raise ValidationError(
            _(
                "Dit BSN klopt niet (de 11-proef faalt). Controleer of u een cijfer verkeerd hebt "
                "getypt."
            ),
            code="bsn_11proef",
        )


def validate_agb_code(value: str) -> None:
    if not AGB_RE.match(value or ""):
        raise ValidationError(
            _("Een AGB-code bestaat uit precies 8 cijfers (u gaf '%(value)s')."),
            code="agb_formaat",
            params={"value": value},
        )


def validate_postcode(value: str) -> None:
    if not POSTCODE_RE.match(value or ""):
        raise ValidationError(
            _("Vul een Nederlandse postcode in, zoals 1234 AB."), code="postcode_formaat"
        )


def normaliseer_postcode(value: str) -> str:
    value = (value or "").replace(" ", "").upper()
    return f"{value[:4]} {value[4:]}" if len(value) == 6 else value


def validate_niet_in_toekomst(value: date) -> None:
    if value and value > timezone.localdate():
        raise ValidationError(
            _("Deze datum ligt in de toekomst; een geboortedatum kan dat niet zijn."),
            code="datum_toekomst",
        )
