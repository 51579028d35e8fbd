"""Who may see which application; mirrors indicaties.scoping for clients.

- zorgkantoor staff: applications of their region;
- provider staff: applications their organisation made (not other providers', even for a shared
  client);
- CCE adviseur: applications with an advice request;
- cliëntondersteuner and client: applications of clients in their scope (consent scope by
  regeling is applied too);
- anything else: nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

if TYPE_CHECKING:
    from indicaties.models import Gebruiker


def aanvragen_zichtbaar_voor(qs: QuerySet, gebruiker: Gebruiker) -> QuerySet:
    from indicaties.models import Machtiging, Rol
    from regelingen.models import Regeling

    from .models import Adviesverzoek, Status

    if not gebruiker.is_authenticated:
        return qs.none()
    if gebruiker.is_superuser:
        return qs
    if gebruiker.rol in (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR):
        # A provider's draft is not the zorgkantoor's business until it is submitted.
        return qs.filter(zorgkantoor_id=gebruiker.zorgkantoor_id).exclude(
            status=Status.CONCEPT, zorgaanbieder__isnull=False
        )
    if gebruiker.rol == Rol.ZA_MEDEWERKER:
        return qs.filter(zorgaanbieder_id=gebruiker.zorgaanbieder_id)
    if gebruiker.rol == Rol.CCE_ADVISEUR:
        return qs.filter(Exists(Adviesverzoek.objects.filter(aanvraag=OuterRef("pk"))))
    if gebruiker.rol == Rol.CLIENT:
        return qs.filter(client_id=gebruiker.client_id).exclude(status=Status.CONCEPT)
    if gebruiker.rol == Rol.CLIENTONDERSTEUNER:
        machtigingen = Machtiging.objects.actief(op=timezone.localdate()).filter(
            ondersteuner=gebruiker, client=OuterRef("client")
        )
        # An empty list means all regelingen; otherwise the consent names the regeling.
        toegestaan = Q(Exists(machtigingen.filter(regelingen=[])))
        for regeling in Regeling.values:
            genoemd = machtigingen.filter(regelingen__icontains=f'"{regeling}"')
            toegestaan |= Q(regeling=regeling) & Q(Exists(genoemd))
        return qs.exclude(status=Status.CONCEPT).filter(toegestaan)
    return qs.none()
