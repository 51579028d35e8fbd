"""Load the zorgprofiel catalogue, the 32 zorgkantoorregio's and the postcode → region table.

Reference data, not demo data: every installation needs it. Afterwards the functioneel beheerder
maintains it in the admin. Sources and caveats: indicaties/data/*.py.
"""

from decimal import Decimal

from django.db import migrations


def laad(apps, schema_editor):
    from indicaties.data.zorgkantoren import POSTCODEGEBIEDEN, ZORGKANTOORREGIOS
    from indicaties.data.zorgprofielen import INDICATIEVE_UREN_PER_WEEK, ZORGPROFIELEN

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


class Migration(migrations.Migration):
    dependencies = [("indicaties", "0001_initial")]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
