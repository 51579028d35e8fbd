"""Reference data every installation needs: zorgprofielen, 32 regions, postcode table.

Used by the data migration and by tests that flush the database (transactional tests).
"""

from __future__ import annotations

from decimal import Decimal


def laad_referentiedata(apps=None) -> None:
    from django.apps import apps as django_apps

    from .data.zorgkantoren import POSTCODEGEBIEDEN, ZORGKANTOORREGIOS
    from .data.zorgprofielen import INDICATIEVE_UREN_PER_WEEK, ZORGPROFIELEN

    apps = apps or django_apps
    Zorgprofiel = apps.get_model("indicaties", "Zorgprofiel")
    Zorgkantoor = apps.get_model("indicaties", "Zorgkantoor")
    PostcodeGebied = apps.get_model("indicaties", "PostcodeGebied")

    for code, sector, naam in ZORGPROFIELEN:
        uren = INDICATIEVE_UREN_PER_WEEK.get(code)
        Zorgprofiel.objects.update_or_create(
            code=code,
            defaults={
                "sector": sector,
                "naam": naam,
                "uren_per_week": Decimal(str(uren)) if uren is not None else None,
            },
        )
    regio = {}
    for code, naam in ZORGKANTOORREGIOS:
        regio[code], _ = Zorgkantoor.objects.update_or_create(code=code, defaults={"naam": naam})
    if not PostcodeGebied.objects.exists():
        PostcodeGebied.objects.bulk_create(
            PostcodeGebied(postcode_van=van, postcode_tot=tot, zorgkantoor=regio[code])
            for van, tot, code in POSTCODEGEBIEDEN
        )
