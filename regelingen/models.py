"""The four Wlz extra-care regelingen and the dated values their rules use.

Values that change by year (amounts, profile lists, percentages, periods, the toeslag catalogue)
are rows with a validity period, maintained by the functioneel beheerder in the admin. The rule
functions in `engine.py` read them through a `Regelset` for one peildatum; nothing is a constant
in code, so a new year is a new row, not a release.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from indicaties.models import Grondslag, Leveringsvorm


class Regeling(models.TextChoices):
    MEERZORG = "meerzorg", _("Meerzorg")
    TOESLAG = "toeslag", _("Toeslag")
    EKT = "ekt", _("Extra kosten thuis (ekt)")
    PAB = "pab", _("Persoonlijk assistentiebudget (pab)")


class Regelsleutel(models.TextChoices):
    """Every value a rule reads. The label tells the beheerder what the value means."""

    MEERZORG_PROFIELEN = "meerzorg_profielen", _("Meerzorg: zorgprofielen en zzp's op de lijst")
    MEERZORG_LID2_PROFIELEN = (
        "meerzorg_lid2_profielen",
        _("Meerzorg: profielen met recht bij permanent toezicht (lid 2)"),
    )
    MEERZORG_DREMPEL_PROCENT = (
        "meerzorg_drempel_procent",
        _("Meerzorg: minimale overschrijding van de profieluren (%)"),
    )
    MEERZORG_MAX_PERIODE_MAANDEN = (
        "meerzorg_max_periode_maanden",
        _("Meerzorg: maximale duur per hoofdsector (maanden)"),
    )
    EKT_LEVERINGSVORMEN = "ekt_leveringsvormen", _("Ekt: leveringsvormen")
    EKT_LEEFTIJDSGRENS = "ekt_leeftijdsgrens", _("Ekt doelgroep a: jonger dan (jaar)")
    EKT_C_GRONDSLAGEN = "ekt_c_grondslagen", _("Ekt doelgroep c: passende grondslagen")
    EKT_C_UITGESLOTEN_GRONDSLAGEN = (
        "ekt_c_uitgesloten_grondslagen",
        _("Ekt doelgroep c: grondslagen die uitsluiten"),
    )
    EKT_PROFIELEN_NAAR_BEHOEFTE = (
        "ekt_profielen_naar_behoefte",
        _("Ekt: profielen met verhoging naar behoefte (lid 4 en 5)"),
    )
    EKT_MAX_OPHOGING_PROCENT = "ekt_max_ophoging_procent", _("Ekt: maximale verhoging (%)")
    EKT_MAX_PERIODE_MAANDEN = "ekt_max_periode_maanden", _("Ekt: maximale duur (maanden)")
    PAB_PROFIELEN = "pab_profielen", _("Pab: zorgprofielen en zzp's op de lijst")
    PAB_LEVERINGSVORMEN = "pab_leveringsvormen", _("Pab: leveringsvormen")
    PAB_MINIMUM_LEEFTIJD = "pab_minimum_leeftijd", _("Pab: minimumleeftijd (jaar)")
    PAB_MAX_BEDRAG_PER_JAAR = "pab_max_bedrag_per_jaar", _("Pab: maximaal budget per jaar (€)")
    PAB_MANTELZORG_AFTREK_UREN = (
        "pab_mantelzorg_aftrek_uren",
        _("Pab: aftrek bij mantelzorg (uren per week)"),
    )
    UITSLUITINGEN = "uitsluitingen", _("Regelingen die niet samengaan")


# What kind of JSON each key holds; `valideer_waarde` checks it, the engine relies on it.
SOORT: dict[str, str] = {
    Regelsleutel.MEERZORG_PROFIELEN: "profielen",
    Regelsleutel.MEERZORG_LID2_PROFIELEN: "profielen",
    Regelsleutel.MEERZORG_DREMPEL_PROCENT: "getal",
    Regelsleutel.MEERZORG_MAX_PERIODE_MAANDEN: "maanden_per_hoofdsector",
    Regelsleutel.EKT_LEVERINGSVORMEN: "leveringsvormen",
    Regelsleutel.EKT_LEEFTIJDSGRENS: "getal",
    Regelsleutel.EKT_C_GRONDSLAGEN: "grondslagen",
    Regelsleutel.EKT_C_UITGESLOTEN_GRONDSLAGEN: "grondslagen",
    Regelsleutel.EKT_PROFIELEN_NAAR_BEHOEFTE: "profielen",
    Regelsleutel.EKT_MAX_OPHOGING_PROCENT: "getal",
    Regelsleutel.EKT_MAX_PERIODE_MAANDEN: "getal",
    Regelsleutel.PAB_PROFIELEN: "profielen",
    Regelsleutel.PAB_LEVERINGSVORMEN: "leveringsvormen",
    Regelsleutel.PAB_MINIMUM_LEEFTIJD: "getal",
    Regelsleutel.PAB_MAX_BEDRAG_PER_JAAR: "bedrag",
    Regelsleutel.PAB_MANTELZORG_AFTREK_UREN: "getal",
    Regelsleutel.UITSLUITINGEN: "uitsluitingen",
}

HOOFDSECTOREN = ("VV", "GHZ", "GGZ")


def _lijst_van(waarde, toegestaan: set[str], wat: str) -> list[str]:
    if not isinstance(waarde, list) or not all(isinstance(v, str) for v in waarde):
        raise ValidationError(
            _('Geef een lijst met %(wat)s, bijvoorbeeld ["a", "b"].'), params={"wat": wat}
        )
    onbekend = sorted(set(waarde) - toegestaan)
    if onbekend:
        raise ValidationError(
            _("Onbekende %(wat)s: %(waarden)s."),
            params={"wat": wat, "waarden": ", ".join(onbekend)},
        )
    return waarde


def valideer_waarde(sleutel: str, waarde):
    """Check and normalise a value for its key, so a typo in the admin cannot break a rule."""
    soort = SOORT.get(sleutel)
    if soort == "profielen":
        from indicaties.models import Zorgprofiel

        return _lijst_van(
            waarde,
            set(Zorgprofiel.objects.values_list("code", flat=True)),
            str(_("zorgprofielcodes")),
        )
    if soort == "leveringsvormen":
        return _lijst_van(waarde, set(Leveringsvorm.values), str(_("leveringsvormen")))
    if soort == "grondslagen":
        return _lijst_van(waarde, set(Grondslag.values), str(_("grondslagen")))
    if soort == "getal":
        if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < 0:
            raise ValidationError(
                _("Geef een geheel getal van 0 of meer, zonder aanhalingstekens.")
            )
        return waarde
    if soort == "bedrag":
        try:
            bedrag = Decimal(str(waarde))
        except (InvalidOperation, ValueError):
            raise ValidationError(_('Geef een bedrag, bijvoorbeeld "219000.00".')) from None
        if isinstance(waarde, bool) or not bedrag.is_finite() or bedrag < 0:
            raise ValidationError(_('Geef een bedrag van 0 of meer, bijvoorbeeld "219000.00".'))
        return str(bedrag.quantize(Decimal("0.01")))
    if soort == "maanden_per_hoofdsector":
        if (
            not isinstance(waarde, dict)
            or set(waarde) - set(HOOFDSECTOREN)
            or not all(
                isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in waarde.values()
            )
        ):
            raise ValidationError(
                _(
                    "Geef per hoofdsector (VV, GHZ, GGZ) een aantal maanden, "
                    'bijvoorbeeld {"GHZ": 36, "VV": 12, "GGZ": 12}.'
                )
            )
        return waarde
    if soort == "uitsluitingen":
        if not isinstance(waarde, dict) or set(waarde) - set(Regeling.values):
            raise ValidationError(
                _(
                    "Geef per regeling de regelingen die ermee uitgesloten zijn, "
                    'bijvoorbeeld {"ekt": ["meerzorg", "pab"]}.'
                )
            )
        for lijst in waarde.values():
            _lijst_van(lijst, set(Regeling.values), str(_("regelingen")))
        return waarde
    raise ValidationError(_("Onbekende sleutel."))


class GeldigheidQuerySet(models.QuerySet):
    def geldig_op(self, peildatum) -> GeldigheidQuerySet:
        return self.filter(geldig_vanaf__lte=peildatum).filter(
            Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=peildatum)
        )


class Regelwaarde(models.Model):
    """One value of one rule, valid from a date. The latest `geldig_vanaf` that covers the
    peildatum wins, so a new year is one new row; `geldig_tot` only ends a value early."""

    sleutel = models.CharField(_("sleutel"), max_length=40, choices=Regelsleutel.choices)
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    geldig_tot = models.DateField(
        _("geldig tot en met"), null=True, blank=True, help_text=_("Leeg: tot een nieuwere waarde.")
    )
    waarde = models.JSONField(
        _("waarde"),
        help_text=_(
            'JSON. Getal: 25. Bedrag: "219000.00". Lijst: ["VV7", "VV8"]. '
            'Per sector: {"GHZ": 36, "VV": 12, "GGZ": 12}.'
        ),
    )
    bron = models.CharField(
        _("bron"), max_length=200, help_text=_("Artikel of publicatie, bijv. Rlz art. 5.15a lid 1.")
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = GeldigheidQuerySet.as_manager()

    class Meta:
        verbose_name = _("regelwaarde")
        verbose_name_plural = _("regelwaarden")
        ordering = ["sleutel", "-geldig_vanaf"]
        constraints = [
            models.UniqueConstraint(
                fields=["sleutel", "geldig_vanaf"], name="regelwaarde_een_per_startdatum"
            ),
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=models.F("geldig_vanaf")),
                name="regelwaarde_periode",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_sleutel_display()} vanaf {self.geldig_vanaf:%d-%m-%Y}"

    def clean(self) -> None:
        super().clean()
        if self.geldig_tot and self.geldig_vanaf and self.geldig_tot < self.geldig_vanaf:
            raise ValidationError({"geldig_tot": _("De einddatum ligt vóór de begindatum.")})
        if self.sleutel:
            try:
                self.waarde = valideer_waarde(self.sleutel, self.waarde)
            except ValidationError as fout:
                raise ValidationError({"waarde": fout.messages}) from None


class ToeslagType(models.Model):
    """A toeslag of the NZa beleidsregel: where it may be delivered and what it requires."""

    code = models.SlugField(_("code"), max_length=40)
    naam = models.CharField(_("naam"), max_length=120)
    artikel = models.CharField(_("artikel"), max_length=200)
    instellingsgebonden = models.BooleanField(
        _("instellingsgebonden"),
        default=False,
        help_text=_("Alleen bij verblijf in een instelling."),
    )
    leveringsvormen = models.JSONField(
        _("leveringsvormen"),
        default=list,
        blank=True,
        help_text=_(
            'Waar de toeslag mag, bijv. ["verblijf", "vpt"]. Bij instellingsgebonden: ["verblijf"].'
        ),
    )
    leeftijd_jonger_dan = models.PositiveSmallIntegerField(
        _("alleen jonger dan (jaar)"), null=True, blank=True
    )
    vereist_ciz_kenmerk = models.CharField(
        _("vereist CIZ-kenmerk"),
        max_length=40,
        blank=True,
        help_text=_("Het kenmerk op de indicatie dat de zorgbehoefte vaststelt, als dat moet."),
    )
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    objects = GeldigheidQuerySet.as_manager()

    class Meta:
        verbose_name = _("toeslagtype")
        verbose_name_plural = _("toeslagtypen")
        ordering = ["code", "-geldig_vanaf"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "geldig_vanaf"], name="toeslagtype_een_per_startdatum"
            ),
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=models.F("geldig_vanaf")),
                name="toeslagtype_periode",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code}) vanaf {self.geldig_vanaf:%d-%m-%Y}"

    def clean(self) -> None:
        from indicaties.models import CizMarker

        super().clean()
        fouten = {}
        try:
            self.leveringsvormen = _lijst_van(
                self.leveringsvormen, set(Leveringsvorm.values), str(_("leveringsvormen"))
            )
        except ValidationError as fout:
            fouten["leveringsvormen"] = fout.messages
        else:
            if self.instellingsgebonden and self.leveringsvormen not in ([], ["verblijf"]):
                fouten["leveringsvormen"] = [
                    _("Een instellingsgebonden toeslag kan alleen bij verblijf.")
                ]
            if not self.instellingsgebonden and not self.leveringsvormen:
                fouten["leveringsvormen"] = [_("Kies minstens één leveringsvorm.")]
        if self.vereist_ciz_kenmerk and self.vereist_ciz_kenmerk not in CizMarker.values:
            fouten["vereist_ciz_kenmerk"] = [
                _("Kies uit: %(keuzes)s.") % {"keuzes": ", ".join(CizMarker.values)}
            ]
        if self.geldig_tot and self.geldig_vanaf and self.geldig_tot < self.geldig_vanaf:
            fouten["geldig_tot"] = [_("De einddatum ligt vóór de begindatum.")]
        if fouten:
            raise ValidationError(fouten)

    @property
    def toegestane_leveringsvormen(self) -> tuple[str, ...]:
        if self.instellingsgebonden:
            return (Leveringsvorm.VERBLIJF.value,)
        return tuple(self.leveringsvormen)
