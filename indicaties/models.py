"""Organisations, users, clients, the zorgprofiel catalogue and CIZ indications.

Field names follow the iWlz vocabulary (IO31 indicatiebericht, AW33 zorgtoewijzing) where one
exists, so that a later iWlz or register link is a mapping, not a redesign.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .validators import (
    normaliseer_postcode,
    validate_agb_code,
    validate_bsn,
    validate_niet_in_toekomst,
    validate_postcode,
)


class Sector(models.TextChoices):
    VV = "VV", _("Verpleging en verzorging (VV)")
    VG = "VG", _("Verstandelijk gehandicapt (VG)")
    LVG = "LVG", _("Licht verstandelijk gehandicapt (LVG)")
    SGLVG = "SGLVG", _("Sterk gedragsgestoord licht verstandelijk gehandicapt (SGLVG)")
    LG = "LG", _("Lichamelijk gehandicapt (LG)")
    ZGAUD = "ZGaud", _("Zintuiglijk gehandicapt, auditief (ZGaud)")
    ZGVIS = "ZGvis", _("Zintuiglijk gehandicapt, visueel (ZGvis)")
    GGZ_B = "GGZ-B", _("Geestelijke gezondheidszorg, behandeling (GGZ-B)")
    GGZ_W = "GGZ-W", _("Geestelijke gezondheidszorg, wonen (GGZ-W)")

    @classmethod
    def hoofdsector(cls, sector: str) -> str:
        """The three policy sectors the rules speak of: V&V, GHZ (gehandicaptenzorg), GGZ."""
        if sector == cls.VV:
            return "VV"
        if sector in (cls.GGZ_B, cls.GGZ_W):
            return "GGZ"
        return "GHZ"


class Leveringsvorm(models.TextChoices):
    VERBLIJF = "verblijf", _("Verblijf in een instelling")
    VPT = "vpt", _("Volledig pakket thuis (vpt)")
    MPT = "mpt", _("Modulair pakket thuis (mpt)")
    PGB = "pgb", _("Persoonsgebonden budget (pgb)")
    MPT_PGB = "mpt_pgb", _("Combinatie mpt en pgb")


class Grondslag(models.TextChoices):
    SOMATISCH = "somatisch", _("Somatische aandoening of beperking")
    PSYCHOGERIATRISCH = "psychogeriatrisch", _("Psychogeriatrische aandoening of beperking")
    PSYCHIATRISCH = "psychiatrisch", _("Psychiatrische aandoening")
    VERSTANDELIJK = "verstandelijk", _("Verstandelijke handicap")
    LICHAMELIJK = "lichamelijk", _("Lichamelijke handicap")
    ZINTUIGLIJK_AUDITIEF = "zintuiglijk_auditief", _("Zintuiglijke handicap, auditief")
    ZINTUIGLIJK_VISUEEL = "zintuiglijk_visueel", _("Zintuiglijke handicap, visueel")


class CizMarker(models.TextChoices):
    ONDERZOEK_MEERZORG = "onderzoek_meerzorg", _("Onderzoek doen naar meerzorg")
    INVASIEVE_BEADEMING = "invasieve_beademing", _("Noodzaak tot invasieve beademing")
    NON_INVASIEVE_BEADEMING = "non_invasieve_beademing", _("Noodzaak tot non-invasieve beademing")
    PERMANENT_TOEZICHT_SOMATISCH = (
        "permanent_toezicht_somatisch",
        _("Permanent toezicht vanwege zwaar complexe somatische problematiek"),
    )


class Zorgkantoor(models.Model):
    """One of the 32 Wlz zorgkantoorregio's, with what a decision letter needs as letterhead."""

    code = models.CharField(_("regiocode"), max_length=4, unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    adres = models.CharField(_("postadres"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail team"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("zorgkantoor")
        verbose_name_plural = _("zorgkantoren")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class PostcodeGebied(models.Model):
    """Postcode range → zorgkantoorregio, like the iWlz regiotabel. Maintained by beheer."""

    postcode_van = models.PositiveIntegerField(_("postcode van (4 cijfers)"))
    postcode_tot = models.PositiveIntegerField(_("postcode tot en met (4 cijfers)"))
    zorgkantoor = models.ForeignKey(
        Zorgkantoor, on_delete=models.PROTECT, related_name="postcodegebieden"
    )

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ["postcode_van"]
        constraints = [
            models.CheckConstraint(
                condition=Q(postcode_van__lte=models.F("postcode_tot"))
                & Q(postcode_van__gte=1000)
                & Q(postcode_tot__lte=9999),
                name="postcodegebied_geldig_bereik",
            )
        ]

    def __str__(self) -> str:
        return f"{self.postcode_van}–{self.postcode_tot} → {self.zorgkantoor.naam}"

    def clean(self) -> None:
        if self.postcode_van is None or self.postcode_tot is None:
            return
        if not (1000 <= self.postcode_van <= self.postcode_tot <= 9999):
            raise ValidationError(
                _("Een bereik loopt van 1000 tot en met 9999 en 'van' is niet groter dan 'tot'.")
            )
        overlap = PostcodeGebied.objects.filter(
            postcode_van__lte=self.postcode_tot, postcode_tot__gte=self.postcode_van
        ).exclude(pk=self.pk)
        if overlap.exists():
            raise ValidationError(
                _("Dit bereik overlapt met %(andere)s."), params={"andere": overlap.first()}
            )

    @classmethod
    def zorgkantoor_voor(cls, postcode: str) -> Zorgkantoor | None:
        cijfers = (postcode or "")[:4]
        if not cijfers.isdigit():
            return None
        gebied = (
            cls.objects.select_related("zorgkantoor")
            .filter(postcode_van__lte=int(cijfers), postcode_tot__gte=int(cijfers))
            .first()
        )
        return gebied.zorgkantoor if gebied else None


class Zorgaanbieder(models.Model):
    agb_code = models.CharField(
        _("AGB-code"), max_length=8, unique=True, validators=[validate_agb_code]
    )
    naam = models.CharField(_("naam"), max_length=200)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail voor meldingen"), blank=True)

    class Meta:
        verbose_name = _("zorgaanbieder")
        verbose_name_plural = _("zorgaanbieders")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} (AGB {self.agb_code})"


class Rol(models.TextChoices):
    ZK_MEDEWERKER = "zk_medewerker", _("Zorgkantoor medewerker")
    ZK_SENIOR = "zk_senior", _("Zorgkantoor senior (tweede lezer)")
    ZA_MEDEWERKER = "za_medewerker", _("Zorgaanbieder medewerker")
    CLIENTONDERSTEUNER = "clientondersteuner", _("Cliëntondersteuner")
    CCE_ADVISEUR = "cce_adviseur", _("CCE adviseur")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")
    CLIENT = "client", _("Cliënt of vertegenwoordiger")


ZORGKANTOOR_ROLLEN = (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR)


class Gebruiker(AbstractUser):
    """A person who logs in. The role decides what they may do; the organisation what they see."""

    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices)
    zorgkantoor = models.ForeignKey(
        Zorgkantoor, on_delete=models.PROTECT, null=True, blank=True, related_name="medewerkers"
    )
    zorgaanbieder = models.ForeignKey(
        Zorgaanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="medewerkers"
    )
    organisatie = models.CharField(
        _("organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Voor cliëntondersteuners en CCE: de organisatie waarvoor men werkt."),
    )
    client = models.ForeignKey(
        "Client",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accounts",
        help_text=_("Alleen voor de rol cliënt: de cliënt die dit account vertegenwoordigt."),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(
                name="gebruiker_rol_organisatie",
                condition=(
                    Q(
                        rol__in=ZORGKANTOOR_ROLLEN,
                        zorgkantoor__isnull=False,
                        zorgaanbieder__isnull=True,
                    )
                    | Q(
                        rol=Rol.ZA_MEDEWERKER, zorgaanbieder__isnull=False, zorgkantoor__isnull=True
                    )
                    | Q(rol=Rol.CLIENT, client__isnull=False)
                    | Q(
                        rol__in=[
                            Rol.CLIENTONDERSTEUNER,
                            Rol.CCE_ADVISEUR,
                            Rol.FUNCTIONEEL_BEHEERDER,
                        ],
                        zorgaanbieder__isnull=True,
                    )
                    | Q(rol="", is_superuser=True)
                ),
            )
        ]

    def clean(self) -> None:
        super().clean()
        if self.rol in ZORGKANTOOR_ROLLEN and not self.zorgkantoor_id:
            raise ValidationError(
                {"zorgkantoor": _("Een zorgkantoormedewerker hoort bij een zorgkantoor.")}
            )
        if self.rol == Rol.ZA_MEDEWERKER and not self.zorgaanbieder_id:
            raise ValidationError(
                {"zorgaanbieder": _("Een aanbiedermedewerker hoort bij een zorgaanbieder.")}
            )
        if self.rol == Rol.CLIENT and not self.client_id:
            raise ValidationError({"client": _("Een cliëntaccount hoort bij een cliënt.")})

    def save(self, *args, **kwargs):
        # Only the functioneel beheerder (and superusers) reach the admin.
        self.is_staff = self.is_superuser or self.rol == Rol.FUNCTIONEEL_BEHEERDER
        super().save(*args, **kwargs)

    @property
    def is_zorgkantoor(self) -> bool:
        return self.rol in ZORGKANTOOR_ROLLEN

    @property
    def is_aanbieder(self) -> bool:
        return self.rol == Rol.ZA_MEDEWERKER


class Zorgprofiel(models.Model):
    """Catalogue of Wlz zorgprofielen (and the zzp codes they succeed), loaded by a migration."""

    code = models.CharField(_("zorgprofielcode"), max_length=10, unique=True)
    sector = models.CharField(_("sector"), max_length=6, choices=Sector.choices)
    naam = models.CharField(_("naam"), max_length=200)
    uren_per_week = models.DecimalField(
        _("indicatieve zorguren per week"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Midden van de bandbreedte van het pakket; grondslag voor de meerzorg-toets."),
    )
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("zorgprofiel")
        verbose_name_plural = _("zorgprofielen")
        ordering = ["sector", "code"]

    def __str__(self) -> str:
        return f"{self.code} – {self.naam}"

    @property
    def hoofdsector(self) -> str:
        return Sector.hoofdsector(self.sector)


class ClientQuerySet(models.QuerySet):
    def zichtbaar_voor(self, gebruiker: Gebruiker) -> ClientQuerySet:
        """Scope by role and organisation; see indicaties.scoping for the rules."""
        from .scoping import clients_zichtbaar_voor

        return clients_zichtbaar_voor(self, gebruiker)


class Client(models.Model):
    """A Wlz client (verzekerde). Region follows from the postcode via PostcodeGebied."""

    bsn = models.CharField(_("BSN"), max_length=9, unique=True, validators=[validate_bsn])
    voornamen = models.CharField(_("voornamen"), max_length=100)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    geslachtsnaam = models.CharField(_("achternaam"), max_length=100)
    geboortedatum = models.DateField(_("geboortedatum"), validators=[validate_niet_in_toekomst])
    postcode = models.CharField(_("postcode"), max_length=7, validators=[validate_postcode])
    huisnummer = models.CharField(_("huisnummer"), max_length=10)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail cliënt of vertegenwoordiger"), blank=True)
    zorgkantoor = models.ForeignKey(
        Zorgkantoor,
        on_delete=models.PROTECT,
        related_name="clienten",
        verbose_name=_("zorgkantoor"),
    )
    zzp_31_12_2014 = models.CharField(
        _("zzp op 31-12-2014"),
        max_length=10,
        blank=True,
        help_text=_(
            "Het zorgzwaartepakket dat de cliënt op 31 december 2014 had, als dat bekend is."
        ),
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = ClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("cliënt")
        verbose_name_plural = _("cliënten")
        ordering = ["geslachtsnaam", "voornamen"]
        indexes = [models.Index(fields=["geslachtsnaam"]), models.Index(fields=["zorgkantoor"])]

    def __str__(self) -> str:
        return f"{self.naam} ({self.geboortedatum:%d-%m-%Y})"

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.voorvoegsel, self.geslachtsnaam) if p)

    def clean(self) -> None:
        super().clean()
        if self.postcode:
            self.postcode = normaliseer_postcode(self.postcode)
            if not self.zorgkantoor_id:
                zk = PostcodeGebied.zorgkantoor_voor(self.postcode)
                if zk is None:
                    raise ValidationError(
                        {"postcode": _("Bij deze postcode is geen zorgkantoorregio bekend.")}
                    )
                self.zorgkantoor = zk
        if (
            self.zzp_31_12_2014
            and not Zorgprofiel.objects.filter(code=self.zzp_31_12_2014).exists()
        ):
            raise ValidationError({"zzp_31_12_2014": _("Onbekende zzp-code.")})

    @property
    def actuele_indicatie(self) -> Indicatiebesluit | None:
        # Uses the prefetch cache when present (see scoping/list views).
        for ind in self.indicatiebesluiten.all():
            if ind.is_actueel:
                return ind
        return None


class Zorgtoewijzing(models.Model):
    """AW33-style assignment of a client to a provider: a provider sees only these clients."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="zorgtoewijzingen")
    zorgaanbieder = models.ForeignKey(
        Zorgaanbieder, on_delete=models.PROTECT, related_name="zorgtoewijzingen"
    )
    leveringsvorm = models.CharField(
        _("leveringsvorm"), max_length=10, choices=Leveringsvorm.choices
    )
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)

    class Meta:
        verbose_name = _("zorgtoewijzing")
        verbose_name_plural = _("zorgtoewijzingen")
        ordering = ["-ingangsdatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("ingangsdatum")),
                name="zorgtoewijzing_periode",
            )
        ]

    def __str__(self) -> str:
        return f"{self.client} → {self.zorgaanbieder}"

    @staticmethod
    def actief_q(prefix: str = "", op: date | None = None) -> Q:
        op = op or timezone.localdate()
        return Q(**{f"{prefix}ingangsdatum__lte": op}) & (
            Q(**{f"{prefix}einddatum__isnull": True}) | Q(**{f"{prefix}einddatum__gte": op})
        )


def _check_lijst(value, keuzes: type[models.TextChoices], veld: str) -> None:
    if not isinstance(value, list):
        raise ValidationError(_("Geef een lijst."), code="geen_lijst")
    onbekend = [v for v in value if v not in keuzes.values]
    if onbekend:
        raise ValidationError(
            _("Onbekende waarde(n) voor %(veld)s: %(waarden)s. Kies uit: %(keuzes)s."),
            params={
                "veld": veld,
                "waarden": ", ".join(map(str, onbekend)),
                "keuzes": ", ".join(keuzes.values),
            },
            code="onbekende_keuze",
        )


def validate_grondslagen(value) -> None:
    _check_lijst(value, Grondslag, "grondslagen")


def validate_ciz_markers(value) -> None:
    _check_lijst(value, CizMarker, "ciz_markers")


class Indicatiebesluit(models.Model):
    """A CIZ indication (IO31). A client has a history of them; exactly one is current."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="indicatiebesluiten")
    besluitnummer = models.CharField(_("besluitnummer CIZ"), max_length=20, unique=True)
    zorgprofiel = models.ForeignKey(
        Zorgprofiel, on_delete=models.PROTECT, related_name="+", verbose_name=_("zorgprofiel")
    )
    grondslagen = models.JSONField(
        _("grondslagen"), default=list, validators=[validate_grondslagen]
    )
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(
        _("einddatum"), null=True, blank=True, help_text=_("Leeg: onbepaalde geldigheid.")
    )
    ciz_markers = models.JSONField(
        _("CIZ-kenmerken"), default=list, blank=True, validators=[validate_ciz_markers]
    )
    leveringsvorm = models.CharField(
        _("leveringsvorm"), max_length=10, choices=Leveringsvorm.choices
    )
    is_actueel = models.BooleanField(_("actueel"), default=True)
    geregistreerd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("indicatiebesluit")
        verbose_name_plural = _("indicatiebesluiten")
        ordering = ["client", "-ingangsdatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["client"], condition=Q(is_actueel=True), name="een_actuele_indicatie"
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("ingangsdatum")),
                name="indicatie_periode",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.besluitnummer} {self.zorgprofiel.code} vanaf {self.ingangsdatum:%d-%m-%Y}"


class Inzagelog(models.Model):
    """Append-only record of access to personal data (NEN 7513: who, what, when, whose)."""

    class Actie(models.TextChoices):
        BEKEKEN = "bekeken", _("bekeken")
        LIJST = "lijst", _("in lijst getoond")
        GEWIJZIGD = "gewijzigd", _("gewijzigd")
        GEDOWNLOAD = "gedownload", _("gedownload")
        GEWEIGERD = "geweigerd", _("toegang geweigerd")

    tijdstip = models.DateTimeField(default=timezone.now, db_index=True)
    gebruiker = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, null=True, related_name="+")
    rol = models.CharField(max_length=30, blank=True)
    actie = models.CharField(max_length=12, choices=Actie.choices)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, null=True, related_name="+")
    objecttype = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40, blank=True)
    pad = models.CharField(max_length=300, blank=True)
    ip_adres = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("inzageregel")
        verbose_name_plural = _("inzagelog")
        ordering = ["-tijdstip"]
        indexes = [models.Index(fields=["client", "-tijdstip"])]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.gebruiker} {self.actie} {self.objecttype}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("Het inzagelog is alleen aan te vullen, niet te wijzigen.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Het inzagelog is alleen aan te vullen, niet te wissen.")


class MachtigingQuerySet(models.QuerySet):
    def actief(self, op: date | None = None) -> MachtigingQuerySet:
        op = op or timezone.localdate()
        return self.filter(ingetrokken_op__isnull=True, ingangsdatum__lte=op).filter(
            Q(einddatum__isnull=True) | Q(einddatum__gte=op)
        )


class Machtiging(models.Model):
    """A client's consent for a named cliëntondersteuner to read along.

    An empty `regelingen` list means all regelingen. Revoking sets `ingetrokken_op`; the row stays,
    so every grant and revoke remains on record.
    """

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="machtigingen")
    ondersteuner = models.ForeignKey(
        Gebruiker,
        on_delete=models.PROTECT,
        related_name="machtigingen",
        limit_choices_to={"rol": Rol.CLIENTONDERSTEUNER},
    )
    ingangsdatum = models.DateField(_("ingangsdatum"), default=timezone.localdate)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    regelingen = models.JSONField(
        _("regelingen"), default=list, blank=True, help_text=_("Leeg: alle regelingen.")
    )
    vastgelegd_door = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, null=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = MachtigingQuerySet.as_manager()

    class Meta:
        verbose_name = _("machtiging")
        verbose_name_plural = _("machtigingen")
        ordering = ["-vastgelegd_op"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("ingangsdatum")),
                name="machtiging_periode",
            )
        ]

    def __str__(self) -> str:
        return f"{self.client} → {self.ondersteuner}"

    def geldt_voor(self, regeling: str) -> bool:
        return not self.regelingen or regeling in self.regelingen
