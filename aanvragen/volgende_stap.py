"""What happens next on an application, who must act, and by when: for lists and timelines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from .models import TOEGEKEND, Aanvraag, Status


@dataclass(frozen=True)
class VolgendeStap:
    tekst: str
    wie: str
    uiterlijk: date | None


def volgende_stap(aanvraag: Aanvraag) -> VolgendeStap:
    s = aanvraag.status
    if s == Status.CONCEPT:
        return VolgendeStap(_("Aanvraag afmaken en indienen"), _("aanvrager"), None)
    if s in (Status.INGEDIEND, Status.IN_BEHANDELING, Status.ADVIES_ONTVANGEN):
        return VolgendeStap(
            _("Het zorgkantoor beoordeelt de aanvraag"), _("zorgkantoor"), aanvraag.beslistermijn
        )
    if s == Status.INFORMATIE_GEVRAAGD:
        verzoek = aanvraag.informatieverzoeken.filter(beantwoord_op__isnull=True).last()
        return VolgendeStap(
            _("Gevraagde informatie aanleveren"),
            _("aanvrager"),
            verzoek.uiterlijk if verzoek else None,
        )
    if s == Status.ADVIES_GEVRAAGD:
        return VolgendeStap(_("Het CCE geeft advies"), _("CCE"), aanvraag.beslistermijn)
    if s == Status.BESLUIT_VOORGESTELD:
        return VolgendeStap(
            _("Het besluit wordt vastgesteld"), _("zorgkantoor"), aanvraag.beslistermijn
        )
    besluit = getattr(aanvraag, "besluit", None)
    if s in TOEGEKEND and besluit and besluit.einddatum:
        return VolgendeStap(
            _("Heraanvraag indienen (als de zorg nodig blijft)"),
            _("aanvrager"),
            besluit.heraanvraag_uiterlijk,
        )
    return VolgendeStap(_("Geen actie nodig"), "", None)
