"""Load the zorgprofiel catalogue, the 32 zorgkantoorregio's and the postcode → region table.

Reference data, not demo data: every installation needs it. Afterwards the functioneel beheerder
maintains it in the admin. Sources and caveats: indicaties/data/*.py.
"""

from django.db import migrations


def laad(apps, schema_editor):
    from indicaties.referentiedata import laad_referentiedata

    laad_referentiedata(apps)


class Migration(migrations.Migration):
    dependencies = [("indicaties", "0001_initial")]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
