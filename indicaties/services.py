"""Write operations on clients and indications. Each is one transaction: all or nothing."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from .models import Client, Indicatiebesluit, Zorgprofiel


@transaction.atomic
def registreer_indicatiebesluit(
    client: Client,
    *,
    besluitnummer: str,
    zorgprofiel: Zorgprofiel,
    ingangsdatum: date,
    leveringsvorm: str,
    grondslagen: list[str],
    ciz_markers: list[str] | None = None,
    einddatum: date | None = None,
) -> Indicatiebesluit:
    """Register a new CIZ decision and make it the current one.

    The previous current indication stays in the history (is_actueel=False). The client row is
    locked so two registrations for one client cannot both become current.
    """
    Client.objects.select_for_update().filter(pk=client.pk).first()
    nieuw = Indicatiebesluit(
        client=client,
        besluitnummer=besluitnummer,
        zorgprofiel=zorgprofiel,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        leveringsvorm=leveringsvorm,
        grondslagen=list(grondslagen),
        ciz_markers=list(ciz_markers or []),
        is_actueel=True,
    )
    nieuw.full_clean(exclude=["is_actueel"], validate_constraints=False)
    Indicatiebesluit.objects.filter(client=client, is_actueel=True).update(is_actueel=False)
    nieuw.save()
    return nieuw
