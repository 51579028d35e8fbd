"""Applications (Aanvraag) for one regeling for one client, their lifecycle and the decision.

The lifecycle is a django-fsm-2 state machine: the status field is protected (only transitions
change it) and ConcurrentTransitionMixin makes a save fail when another request changed the status
in the meantime. Every transition appends a Statusovergang row (who, when, why).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, FSMModelMixin, transition

from indicaties.models import Client, Gebruiker, Rol, Zorgaanbieder, Zorgkantoor
from regelingen.models import Regeling

AWB_BESLISTERMIJN = timedelta(weeks=8)


class Status(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    INGEDIEND = "ingediend", _("Ingediend")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    INFORMATIE_GEVRAAGD = "informatie_gevraagd", _("Informatie gevraagd")
    ADVIES_GEVRAAGD = "advies_gevraagd", _("Advies gevraagd")
    ADVIES_ONTVANGEN = "advies_ontvangen", _("Advies ontvangen")
    BESLUIT_VOORGESTELD = "besluit_voorgesteld", _("Besluit voorgesteld")
    TOEGEKEND = "toegekend", _("Toegekend")
    DEELS_TOEGEKEND = "deels_toegekend", _("Deels toegekend")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")
    BUITEN_BEHANDELING = "buiten_behandeling", _("Buiten behandeling gesteld")


TOEGEKEND = (Status.TOEGEKEND, Status.DEELS_TOEGEKEND)
BESLOTEN = (*TOEGEKEND, Status.AFGEWEZEN)
AFGESLOTEN = (*BESLOTEN, Status.INGETROKKEN, Status.BUITEN_BEHANDELING)
OPEN_VOOR_INTREKKEN = [
    Status.CONCEPT,
    Status.INGEDIEND,
    Status.IN_BEHANDELING,
    Status.INFORMATIE_GEVRAAGD,
    Status.ADVIES_GEVRAAGD,
    Status.ADVIES_ONTVANGEN,
    Status.BESLUIT_VOORGESTELD,
]


# --- transition permissions: (instance, user) -> bool --------------------------------------


def _is_aanvrager(aanvraag: Aanvraag, user: Gebruiker) -> bool:
    if user.rol == Rol.ZA_MEDEWERKER:
        return (
            aanvraag.zorgaanbieder_id is not None
            and aanvraag.zorgaanbieder_id == user.zorgaanbieder_id
        )
    if user.rol == Rol.CLIENT:
        return aanvraag.client_id == user.client_id
    # A request by the client on paper is registered and submitted by zorgkantoor staff.
    return aanvraag.zorgaanbieder_id is None and _is_zorgkantoor(aanvraag, user)


def _is_zorgkantoor(aanvraag: Aanvraag, user: Gebruiker) -> bool:
    return user.rol in (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR) and (
        user.zorgkantoor_id == aanvraag.zorgkantoor_id
    )


def _is_cce(aanvraag: Aanvraag, user: Gebruiker) -> bool:
    return user.rol == Rol.CCE_ADVISEUR


def _is_tweede_lezer(aanvraag: Aanvraag, user: Gebruiker) -> bool:
    besluit = getattr(aanvraag, "besluit", None)
    return (
        user.rol == Rol.ZK_SENIOR
        and _is_zorgkantoor(aanvraag, user)
        and besluit is not None
        and besluit.voorgesteld_door_id != user.pk
    )


def _is_beantwoorder(aanvraag: Aanvraag, user: Gebruiker) -> bool:
    return _is_aanvrager(aanvraag, user) or _is_zorgkantoor(aanvraag, user)


# --- conditions: (instance) -> bool -----------------------------------------------------------


def _heeft_besluit(aanvraag: Aanvraag) -> bool:
    return getattr(aanvraag, "besluit", None) is not None


def _geen_tweede_lezer_nodig(aanvraag: Aanvraag) -> bool:
    return _heeft_besluit(aanvraag) and not aanvraag.besluit.tweede_lezer_vereist


def _tweede_lezer_nodig(aanvraag: Aanvraag) -> bool:
    return _heeft_besluit(aanvraag) and aanvraag.besluit.tweede_lezer_vereist


def _informatietermijn_verstreken(aanvraag: Aanvraag) -> bool:
    verzoek = aanvraag.informatieverzoeken.filter(beantwoord_op__isnull=True).first()
    return verzoek is not None and verzoek.uiterlijk < timezone.localdate()


class AanvraagQuerySet(models.QuerySet):
    def zichtbaar_voor(self, gebruiker: Gebruiker) -> AanvraagQuerySet:
        from .scoping import aanvragen_zichtbaar_voor

        return aanvragen_zichtbaar_voor(self, gebruiker)


class Aanvraag(ConcurrentTransitionMixin, FSMModelMixin, models.Model):
    class Soort(models.TextChoices):
        EERSTE = "eerste", _("Eerste aanvraag")
        HERAANVRAAG = "heraanvraag", _("Heraanvraag")

    referentie = models.CharField(_("referentie"), max_length=20, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="aanvragen")
    regeling = models.CharField(_("regeling"), max_length=10, choices=Regeling.choices)
    soort = models.CharField(_("soort"), max_length=12, choices=Soort.choices, default=Soort.EERSTE)
    vorige_aanvraag = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="heraanvragen",
        verbose_name=_("verlengt de toekenning van"),
    )
    zorgkantoor = models.ForeignKey(Zorgkantoor, on_delete=models.PROTECT, related_name="aanvragen")
    zorgaanbieder = models.ForeignKey(
        Zorgaanbieder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aanvragen",
        help_text=_("Leeg als de cliënt zelf aanvraagt (pgb)."),
    )
    status = FSMField(_("status"), default=Status.CONCEPT, choices=Status.choices, protected=True)
    inhoud = models.JSONField(_("inhoud van het formulier"), default=dict, blank=True)
    versie = models.PositiveIntegerField(default=1, help_text="Optimistic lock for draft edits.")
    beoordelaar = models.ForeignKey(
        Gebruiker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="te_beoordelen",
        limit_choices_to={"rol__in": [Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR]},
    )
    aangemaakt_door = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    # Awb term: 8 weeks from the complete request, extended by the days it was suspended.
    beslistermijn = models.DateField(
        _("uiterste beslisdatum"), null=True, blank=True, db_index=True
    )
    opgeschort_sinds = models.DateField(null=True, blank=True)
    opgeschorte_dagen = models.PositiveIntegerField(default=0)
    idempotency_key = models.CharField(max_length=100, blank=True)

    objects = AanvraagQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["-aangemaakt_op"]
        indexes = [
            models.Index(fields=["zorgkantoor", "status", "beslistermijn"]),
            models.Index(fields=["zorgaanbieder", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["aangemaakt_door", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="aanvraag_idempotency_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.referentie} {self.get_regeling_display()} – {self.client.naam}"

    def save(self, *args, **kwargs):
        if not self.referentie:
            prefix = {"meerzorg": "MZ", "toeslag": "TS", "ekt": "EKT", "pab": "PAB"}[self.regeling]
            self.referentie = f"{prefix}-{timezone.localdate():%Y}-{uuid.uuid4().hex[:8].upper()}"
        super().save(*args, **kwargs)

    # --- derived ---------------------------------------------------------------------------

    @property
    def is_afgesloten(self) -> bool:
        return self.status in AFGESLOTEN

    @property
    def status_weergave(self) -> str:
        """Status for people: a grant past its end date reads 'Beëindigd'."""
        besluit = getattr(self, "besluit", None) if self.status in BESLOTEN else None
        if besluit is not None and besluit.is_beeindigd:
            return str(_("Beëindigd"))
        return self.get_status_display()

    @property
    def is_opgeschort(self) -> bool:
        return self.opgeschort_sinds is not None

    def herbereken_beslistermijn(self) -> None:
        if self.ingediend_op:
            start = timezone.localdate(self.ingediend_op)
            self.beslistermijn = start + AWB_BESLISTERMIJN + timedelta(days=self.opgeschorte_dagen)

    # --- transitions -------------------------------------------------------------------------

    @transition(
        field=status, source=Status.CONCEPT, target=Status.INGEDIEND, permission=_is_aanvrager
    )
    def indienen(self) -> None:
        self.ingediend_op = timezone.now()
        self.herbereken_beslistermijn()

    @transition(
        field=status,
        source=Status.INGEDIEND,
        target=Status.IN_BEHANDELING,
        permission=_is_zorgkantoor,
    )
    def in_behandeling_nemen(self) -> None:
        pass

    @transition(
        field=status,
        source=[Status.IN_BEHANDELING, Status.ADVIES_ONTVANGEN],
        target=Status.INFORMATIE_GEVRAAGD,
        permission=_is_zorgkantoor,
    )
    def informatie_vragen(self) -> None:
        self.opgeschort_sinds = timezone.localdate()

    @transition(
        field=status,
        source=Status.INFORMATIE_GEVRAAGD,
        target=Status.IN_BEHANDELING,
        permission=_is_beantwoorder,
    )
    def informatie_ontvangen(self) -> None:
        if self.opgeschort_sinds:
            self.opgeschorte_dagen += (timezone.localdate() - self.opgeschort_sinds).days
            self.opgeschort_sinds = None
        self.herbereken_beslistermijn()

    @transition(
        field=status,
        source=Status.IN_BEHANDELING,
        target=Status.ADVIES_GEVRAAGD,
        permission=_is_zorgkantoor,
    )
    def advies_vragen(self) -> None:
        pass

    @transition(
        field=status,
        source=Status.ADVIES_GEVRAAGD,
        target=Status.ADVIES_ONTVANGEN,
        permission=_is_cce,
    )
    def advies_uitbrengen(self) -> None:
        pass

    @transition(
        field=status,
        source=[Status.IN_BEHANDELING, Status.ADVIES_ONTVANGEN],
        target=Status.BESLUIT_VOORGESTELD,
        permission=_is_zorgkantoor,
        conditions=[_heeft_besluit],
    )
    def besluit_voorstellen(self) -> None:
        pass

    @transition(
        field=status,
        source=Status.BESLUIT_VOORGESTELD,
        target=Status.IN_BEHANDELING,
        permission=_is_zorgkantoor,
    )
    def besluit_terugnemen(self) -> None:
        pass

    def _stel_vast(self) -> str:
        self.besluit.vastgesteld_op = timezone.now()
        return self.besluit.uitkomst

    @transition(
        field=status,
        source=Status.BESLUIT_VOORGESTELD,
        target=RETURN_VALUE(*BESLOTEN),
        permission=_is_zorgkantoor,
        conditions=[_geen_tweede_lezer_nodig],
    )
    def vaststellen(self) -> str:
        return self._stel_vast()

    @transition(
        field=status,
        source=Status.BESLUIT_VOORGESTELD,
        target=RETURN_VALUE(*BESLOTEN),
        permission=_is_tweede_lezer,
        conditions=[_tweede_lezer_nodig],
    )
    def tweede_lezer_akkoord(self) -> str:
        return self._stel_vast()

    @transition(
        field=status,
        source=OPEN_VOOR_INTREKKEN,
        target=Status.INGETROKKEN,
        permission=_is_aanvrager,
    )
    def intrekken(self) -> None:
        pass

    @transition(
        field=status,
        source=Status.INFORMATIE_GEVRAAGD,
        target=Status.BUITEN_BEHANDELING,
        permission=_is_zorgkantoor,
        conditions=[_informatietermijn_verstreken],
    )
    def buiten_behandeling_stellen(self) -> None:
        pass


class Statusovergang(models.Model):
    """Append-only history of every transition."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="historie")
    van = models.CharField(max_length=30, choices=Status.choices)
    naar = models.CharField(max_length=30, choices=Status.choices)
    overgang = models.CharField(max_length=40)
    door = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = _("statusovergang")
        verbose_name_plural = _("statusovergangen")
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return f"{self.aanvraag_id}: {self.van} → {self.naar}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("De historie is alleen aan te vullen.")
        super().save(*args, **kwargs)


def _bijlage_pad(instance: Bijlage, filename: str) -> str:
    return f"bijlagen/{instance.aanvraag.referentie}/{uuid.uuid4().hex}"


class Bijlage(models.Model):
    class Soort(models.TextChoices):
        ZORGPLAN = "zorgplan", _("Zorgplan")
        MEDISCHE_VERKLARING = "medische_verklaring", _("Oordeel behandelend arts")
        CCE_RAPPORT = "cce_rapport", _("CCE-rapport")
        AANVRAAGFORMULIER = "aanvraagformulier", _("Aanvraagformulier (papier)")
        OVERIG = "overig", _("Overig")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="bijlagen")
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    bestand = models.FileField(upload_to=_bijlage_pad)
    oorspronkelijke_naam = models.CharField(max_length=200)
    content_type = models.CharField(max_length=50)
    grootte = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    geupload_door = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="+")
    geupload_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["geupload_op"]

    def __str__(self) -> str:
        return self.oorspronkelijke_naam


class Informatieverzoek(models.Model):
    aanvraag = models.ForeignKey(
        Aanvraag, on_delete=models.CASCADE, related_name="informatieverzoeken"
    )
    vraag = models.TextField(_("vraag"))
    uiterlijk = models.DateField(_("antwoord uiterlijk"))
    gevraagd_door = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="+")
    gevraagd_op = models.DateTimeField(auto_now_add=True)
    antwoord = models.TextField(_("antwoord"), blank=True)
    beantwoord_door = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beantwoord_op = models.DateTimeField(null=True, blank=True)
    herinnerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("informatieverzoek")
        verbose_name_plural = _("informatieverzoeken")
        ordering = ["gevraagd_op"]

    def __str__(self) -> str:
        return f"{self.aanvraag.referentie}: {self.vraag[:40]}"


class Adviesverzoek(models.Model):
    """CCE advice on a meerzorg request that rests on behavioural problems."""

    class Uitkomst(models.TextChoices):
        POSITIEF = "positief", _("Meerzorg nodig")
        DEELS = "deels", _("Deels nodig")
        NEGATIEF = "negatief", _("Niet nodig")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="adviezen")
    vraag = models.TextField(_("adviesvraag"))
    gevraagd_door = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="+")
    gevraagd_op = models.DateTimeField(auto_now_add=True)
    adviseur = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, null=True, blank=True, related_name="adviezen"
    )
    uitkomst = models.CharField(_("uitkomst"), max_length=10, choices=Uitkomst.choices, blank=True)
    advies = models.TextField(_("advies"), blank=True)
    ontvangen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("adviesverzoek")
        verbose_name_plural = _("adviesverzoeken")
        ordering = ["gevraagd_op"]

    def __str__(self) -> str:
        return f"CCE-advies {self.aanvraag.referentie}"


class Gesprek(models.Model):
    """The in-person interview the zorgkantoor must hold for pab (Rlz art. 5.15a lid 2)."""

    class Uitkomst(models.TextChoices):
        VOLDOET = "voldoet", _("Cliënt voldoet aan de voorwaarden")
        VOLDOET_NIET = "voldoet_niet", _("Cliënt voldoet niet aan de voorwaarden")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="gesprekken")
    datum = models.DateField(_("datum gesprek"))
    uitkomst = models.CharField(_("uitkomst"), max_length=15, choices=Uitkomst.choices)
    verslag = models.TextField(_("verslag"))
    gevoerd_door = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["datum"]

    def __str__(self) -> str:
        return f"Gesprek {self.aanvraag.referentie} {self.datum}"


class Besluit(models.Model):
    """The (proposed, then final) decision. Final when the aanvraag reaches a BESLOTEN status."""

    class Uitkomst(models.TextChoices):
        TOEGEKEND = Status.TOEGEKEND.value, _("Toegekend")
        DEELS_TOEGEKEND = Status.DEELS_TOEGEKEND.value, _("Deels toegekend")
        AFGEWEZEN = Status.AFGEWEZEN.value, _("Afgewezen")

    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.PROTECT, related_name="besluit")
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    ingangsdatum = models.DateField(_("ingangsdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    bedrag_per_jaar = models.DecimalField(
        _("bedrag per jaar (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    uren_per_week = models.DecimalField(
        _("uren per week"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    motivering = models.TextField(_("motivering"))
    regeltoets = models.JSONField(default=list, help_text="Rule evaluation at decision time.")
    tweede_lezer_vereist = models.BooleanField(default=False)
    voorgesteld_door = models.ForeignKey(Gebruiker, on_delete=models.PROTECT, related_name="+")
    voorgesteld_op = models.DateTimeField(auto_now_add=True)
    tweede_lezer = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vastgesteld_op = models.DateTimeField(null=True, blank=True)
    # Re-application watch (Celery): set when a grant passes its heraanvraag due date.
    heraanvraag_te_laat = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(ingangsdatum__isnull=True)
                | Q(einddatum__gte=models.F("ingangsdatum")),
                name="besluit_periode",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_uitkomst_display()} {self.aanvraag.referentie}"

    @property
    def is_toekenning(self) -> bool:
        return self.uitkomst in (self.Uitkomst.TOEGEKEND, self.Uitkomst.DEELS_TOEGEKEND)

    @property
    def is_beeindigd(self) -> bool:
        """A grant whose period is over; shown as 'beëindigd' everywhere."""
        return bool(self.is_toekenning and self.einddatum and self.einddatum < timezone.localdate())

    @property
    def heraanvraag_uiterlijk(self) -> date | None:
        """Rule of the schemes: a heraanvraag is due 3 months before the grant ends."""
        if not (self.is_toekenning and self.einddatum):
            return None
        from .termijnen import maanden_terug

        return maanden_terug(self.einddatum, 3)


# --- Jobs and letters (issue 5): issued letters, reminders, outgoing mail, awareness ----------


def _beschikking_pad(instance: Beschikking, filename: str) -> str:
    referentie = instance.besluit.aanvraag.referentie
    return f"beschikkingen/{referentie}/v{instance.versie}-{uuid.uuid4().hex[:12]}.pdf"


class Beschikking(models.Model):
    """One issued version of the decision letter (PDF) of a Besluit.

    Once `klaar`, the file and its SHA-256 never change (see save()); a corrected decision gets
    a new version. `taak_id` is the Celery task that renders it; the sweeper re-queues a row
    that stays `pending` (crashed worker, restart, lost message).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Wordt gemaakt")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    besluit = models.ForeignKey(Besluit, on_delete=models.PROTECT, related_name="beschikkingen")
    versie = models.PositiveIntegerField(_("versie"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    bestand = models.FileField(_("bestand"), upload_to=_beschikking_pad, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"), null=True, blank=True)
    reden = models.CharField(
        _("reden nieuwe versie"), max_length=200, blank=True, help_text=_("Leeg bij versie 1.")
    )
    taak_id = models.CharField(_("Celery-taak"), max_length=64, blank=True)
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    fout = models.TextField(_("laatste fout"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("beschikking (pdf)")
        verbose_name_plural = _("beschikkingen (pdf)")
        ordering = ["-versie"]
        constraints = [
            models.UniqueConstraint(fields=["besluit", "versie"], name="beschikking_versie_uniek")
        ]
        indexes = [models.Index(fields=["status", "gewijzigd_op"])]

    def __str__(self) -> str:
        return f"Beschikking {self.besluit.aanvraag.referentie} v{self.versie}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            vorig = (
                Beschikking.objects.filter(pk=self.pk)
                .values("status", "sha256", "bestand", "versie", "besluit_id")
                .first()
            )
            if vorig and vorig["status"] == self.Status.KLAAR:
                huidig = {
                    "status": self.status,
                    "sha256": self.sha256,
                    "bestand": self.bestand.name or "",
                    "versie": self.versie,
                    "besluit_id": self.besluit_id,
                }
                if huidig != vorig:
                    raise ValueError(
                        "Een verzonden beschikking verandert niet; maak een nieuwe versie."
                    )
        super().save(*args, **kwargs)


class Herinnering(models.Model):
    """One reminder moment of one grant: at most one row (and one round of mail) per moment."""

    besluit = models.ForeignKey(Besluit, on_delete=models.CASCADE, related_name="herinneringen")
    moment = models.CharField(
        _("moment"), max_length=20, help_text=_("'5_maanden', '4_maanden', 'te_laat' of 'einde'.")
    )
    peildatum = models.DateField(_("moment viel op"))
    verwerkt_op = models.DateTimeField(_("verwerkt op"), default=timezone.now)
    overgeslagen = models.BooleanField(
        _("overgeslagen"),
        default=False,
        help_text=_("Ingehaald na een gemiste dag: vastgelegd zonder bericht (er volgde al een)."),
    )
    aantal_berichten = models.PositiveIntegerField(_("aantal berichten"), default=0)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        ordering = ["besluit", "peildatum"]
        constraints = [
            models.UniqueConstraint(fields=["besluit", "moment"], name="herinnering_per_moment")
        ]

    def __str__(self) -> str:
        return f"{self.besluit_id} {self.moment}"


class VerzondenMail(models.Model):
    """Every outgoing e-mail (an outbox): who, what, when, and whether it went out.

    `sleutel` is unique, so a job or task that runs twice cannot send the same message twice.
    """

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        VERZONDEN = "verzonden", _("Verzonden")
        MISLUKT = "mislukt", _("Mislukt")

    sleutel = models.CharField(max_length=200, unique=True)
    soort = models.CharField(_("soort"), max_length=40, db_index=True)
    aan = models.CharField(_("aan"), max_length=254)
    onderwerp = models.CharField(_("onderwerp"), max_length=250)
    tekst = models.TextField(_("tekst"))
    html = models.TextField(_("html"), blank=True)
    aanvraag = models.ForeignKey(
        Aanvraag, on_delete=models.SET_NULL, null=True, blank=True, related_name="mails"
    )
    client = models.ForeignKey(
        Client, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ
    )
    taak_id = models.CharField(max_length=64, blank=True)
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    fout = models.TextField(_("laatste fout"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("verzonden e-mail")
        verbose_name_plural = _("verzonden e-mails")
        ordering = ["-aangemaakt_op"]
        indexes = [models.Index(fields=["status", "gewijzigd_op"])]

    def __str__(self) -> str:
        return f"{self.soort} → {self.aan}"


class Signalering(models.Model):
    """Awareness: a regeling evaluated for a client after a new indication (one per pair)."""

    indicatie = models.ForeignKey(
        "indicaties.Indicatiebesluit", on_delete=models.CASCADE, related_name="signaleringen"
    )
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="signaleringen")
    regeling = models.CharField(_("regeling"), max_length=10, choices=Regeling.choices)
    uitkomst = models.CharField(_("uitkomst"), max_length=25)
    van_toepassing = models.BooleanField(_("mogelijk van toepassing"), default=False)
    redenen = models.JSONField(_("redenen"), default=list)
    gemeld = models.BooleanField(_("gemeld"), default=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("signalering")
        verbose_name_plural = _("signaleringen")
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicatie", "regeling"], name="signalering_per_indicatie_regeling"
            )
        ]

    def __str__(self) -> str:
        return f"{self.regeling} voor {self.client_id}: {self.uitkomst}"
