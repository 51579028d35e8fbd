"""Load the rule values and the toeslag catalogue valid from the start of the Wlz (2015).

Reference data, not demo data: every installation needs it. Afterwards the functioneel beheerder
maintains it in the admin. Values and sources: regelingen/data.py and docs/regelingen.md.
"""

from django.db import migrations


def laad(apps, schema_editor):
    from regelingen.data import REGELWAARDEN, TOESLAGTYPEN, WLZ_START

    Regelwaarde = apps.get_model("regelingen", "Regelwaarde")
    ToeslagType = apps.get_model("regelingen", "ToeslagType")
    for sleutel, vanaf, waarde, bron, toelichting in REGELWAARDEN:
        Regelwaarde.objects.update_or_create(
            sleutel=sleutel,
            geldig_vanaf=vanaf,
            defaults={"waarde": waarde, "bron": bron, "toelichting": toelichting},
        )
    for code, naam, artikel, instelling, vormen, leeftijd, kenmerk, toelichting in TOESLAGTYPEN:
        ToeslagType.objects.update_or_create(
            code=code,
            geldig_vanaf=WLZ_START,
            defaults={
                "naam": naam,
                "artikel": artikel,
                "instellingsgebonden": instelling,
                "leveringsvormen": vormen,
                "leeftijd_jonger_dan": leeftijd,
                "vereist_ciz_kenmerk": kenmerk,
                "toelichting": toelichting,
                "actief": True,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("regelingen", "0001_initial"),
        ("indicaties", "0002_referentiedata"),
    ]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
