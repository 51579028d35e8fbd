"""Who may see which client. Every view and API endpoint scopes through these functions.

- zorgkantoor staff: clients of their own region;
- zorgaanbieder staff: clients with an active zorgtoewijzing to their organisation;
- cliëntondersteuner: clients with an active consent (machtiging);
- client account: the client itself;
- everyone else (CCE, functioneel beheer): no client list (CCE sees clients through the
  advice requests addressed to it, see aanvragen.scoping).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

if TYPE_CHECKING:
    from .models import Gebruiker


def clients_zichtbaar_voor(qs: QuerySet, gebruiker: Gebruiker) -> QuerySet:
    from .models import Machtiging, Rol, Zorgtoewijzing

    if not gebruiker.is_authenticated:
        return qs.none()
    if gebruiker.is_superuser:
        return qs
    vandaag = timezone.localdate()
    if gebruiker.rol in (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR):
        return qs.filter(zorgkantoor_id=gebruiker.zorgkantoor_id)
    if gebruiker.rol == Rol.ZA_MEDEWERKER:
        toewijzing = Zorgtoewijzing.objects.filter(
            Zorgtoewijzing.actief_q(op=vandaag),
            client=OuterRef("pk"),
            zorgaanbieder_id=gebruiker.zorgaanbieder_id,
        )
        return qs.filter(Exists(toewijzing))
    if gebruiker.rol == Rol.CLIENTONDERSTEUNER:
        machtiging = Machtiging.objects.actief(op=vandaag).filter(
            client=OuterRef("pk"), ondersteuner=gebruiker
        )
        return qs.filter(Exists(machtiging))
    if gebruiker.rol == Rol.CLIENT:
        return qs.filter(pk=gebruiker.client_id)
    return qs.none()
