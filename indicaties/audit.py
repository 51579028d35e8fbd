"""Logging of access to personal data (NEN 7513). Call from views, never from templates."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from .models import Client, Inzagelog


def _ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def log_inzage(
    request: HttpRequest,
    actie: str,
    *,
    client: Client | None,
    obj: object | None = None,
) -> None:
    """Record that the requesting user did `actie` on `obj` concerning `client`."""
    gebruiker = request.user if request.user.is_authenticated else None
    Inzagelog.objects.create(
        gebruiker=gebruiker,
        rol=getattr(gebruiker, "rol", "") or "",
        actie=actie,
        client=client,
        objecttype=type(obj).__name__ if obj is not None else "Client",
        object_id=str(getattr(obj, "pk", "") or (client.pk if client else "")),
        pad=request.get_full_path()[:300],
        ip_adres=_ip(request),
    )


def log_lijst(request: HttpRequest, clients: Iterable[Client], objecttype: str = "Client") -> None:
    """One row per client shown in a list, written in a single query."""
    gebruiker = request.user if request.user.is_authenticated else None
    rows = [
        Inzagelog(
            gebruiker=gebruiker,
            rol=getattr(gebruiker, "rol", "") or "",
            actie=Inzagelog.Actie.LIJST,
            client=c,
            objecttype=objecttype,
            object_id=str(c.pk),
            pad=request.get_full_path()[:300],
            ip_adres=_ip(request),
        )
        for c in {c.pk: c for c in clients}.values()
    ]
    if rows:
        Inzagelog.objects.bulk_create(rows)


def log_weigering(request: HttpRequest, client: Client | None, obj: object | None = None) -> None:
    """Record an attempt to reach personal data outside the user's scope."""
    log_inzage(request, Inzagelog.Actie.GEWEIGERD, client=client, obj=obj or client)


class LogWeigeringMixin:
    """For DRF viewsets: a lookup outside the user's scope answers 404 and is logged.

    `weigering_client(pk)` returns the client the refused object belongs to (if it exists).
    """

    def weigering_client(self, pk) -> Client | None:
        raise NotImplementedError

    def get_object(self):
        from django.http import Http404

        try:
            return super().get_object()
        except Http404:
            pk = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)
            if pk is not None and str(pk).isdigit():
                log_weigering(self.request, self.weigering_client(int(pk)))
            raise
