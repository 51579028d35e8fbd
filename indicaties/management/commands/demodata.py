from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Laad demo-gegevens (idempotent: tweemaal draaien dupliceert niets)."

    def add_arguments(self, parser):
        parser.add_argument("--clienten", type=int, default=300)

    def handle(self, *args, **options):
        for pad in settings.DEMO_LOADERS:
            telling = import_string(pad)(aantal_clienten=options["clienten"])
            regels = ", ".join(f"{k}: {v}" for k, v in telling.items())
            self.stdout.write(self.style.SUCCESS(f"{pad}: {regels}"))
