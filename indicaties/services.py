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
    # Awareness (issue 5): after commit, check which regelingen may now apply for the client.
    from aanvragen.signalen import na_indicatie

    transaction.on_commit(lambda: na_indicatie(nieuw.pk))
    return nieuw


@transaction.atomic
def verleen_machtiging(
    client: Client,
    ondersteuner,
    door,
    *,
    ingangsdatum: date,
    einddatum: date | None = None,
    regelingen: list[str] | None = None,
):
    """Record a client's consent for a cliëntondersteuner (the row is the record)."""
    from django.core.exceptions import ValidationError

    from .models import Machtiging, Rol

    if ondersteuner.rol != Rol.CLIENTONDERSTEUNER:
        raise ValidationError({"ondersteuner": "Kies een cliëntondersteuner."})
    if einddatum and einddatum < ingangsdatum:
        raise ValidationError({"einddatum": "De einddatum ligt vóór de ingangsdatum."})
    return Machtiging.objects.create(
        client=client,
        ondersteuner=ondersteuner,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        regelingen=list(regelingen or []),
        vastgelegd_door=door,
    )


@transaction.atomic
def trek_machtiging_in(machtiging, door) -> None:
    """Revoking takes effect immediately; the row stays as the record of grant and revoke."""
    from django.utils import timezone

    from .models import Machtiging

    Machtiging.objects.filter(pk=machtiging.pk, ingetrokken_op__isnull=True).update(
        ingetrokken_op=timezone.now(), ingetrokken_door=door
    )
