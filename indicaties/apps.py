from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class IndicatiesConfig(AppConfig):
    name = "indicaties"
    verbose_name = "Cliënten en indicaties"

    def ready(self) -> None:
        from .beheer import sync_beheer_groep
        from .models import Gebruiker

        post_migrate.connect(sync_beheer_groep, dispatch_uid="indicaties.beheer_groep")
        post_save.connect(_koppel_beheer_groep, sender=Gebruiker, dispatch_uid="indicaties.koppel")


def _koppel_beheer_groep(sender, instance, **kwargs) -> None:
    """A functioneel beheerder gets admin access and the beheer group; nobody else does."""
    from django.contrib.auth.models import Group

    from .beheer import GROEP
    from .models import Rol

    if instance.rol == Rol.FUNCTIONEEL_BEHEERDER:
        groep, _ = Group.objects.get_or_create(name=GROEP)
        instance.groups.add(groep)
