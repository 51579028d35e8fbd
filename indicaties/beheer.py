"""The 'Functioneel beheerder' group: full rights on catalogues, read rights on the logs.

Kept in sync after every migrate, so a new catalogue model only needs adding to the lists below.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

GROEP = "Functioneel beheerder"

BEHEERDE_MODELLEN = [
    ("indicaties", "zorgkantoor"),
    ("indicaties", "postcodegebied"),
    ("indicaties", "zorgaanbieder"),
    ("indicaties", "zorgprofiel"),
    ("indicaties", "gebruiker"),
    ("regelingen", "regelwaarde"),
    ("regelingen", "toeslagtype"),
]
ALLEEN_LEZEN = [
    ("indicaties", "inzagelog"),
    # Failed letters and mails must be visible to beheer (issue 5).
    ("aanvragen", "beschikking"),
    ("aanvragen", "verzondenmail"),
    ("aanvragen", "herinnering"),
    ("aanvragen", "signalering"),
]


def sync_beheer_groep(**kwargs) -> Group:
    groep, _ = Group.objects.get_or_create(name=GROEP)
    q = Q(pk__in=[])
    for app_label, model in BEHEERDE_MODELLEN:
        q |= Q(content_type__app_label=app_label, content_type__model=model)
    for app_label, model in ALLEEN_LEZEN:
        q |= Q(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__startswith="view_",
        )
    groep.permissions.set(Permission.objects.filter(q))
    return groep
