"""Public eligibility check: POST /api/v1/regelingen/toets/.

No login: it takes no identifying data and stores nothing, so anyone (a client, a supporter, a
provider's own system) can ask which regelingen may apply. Rate-limited per IP address.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from indicaties.models import CizMarker, Grondslag, Leveringsvorm, Zorgprofiel

from .engine import UITKOMSTEN, Regelset, Situatie, evalueer, met_catalogusuren
from .models import Regeling, ToeslagType

# --- Request --------------------------------------------------------------------------------


class StrikteBooleanField(serializers.BooleanField):
    """JSON true/false only: "ja", 1 or "yes" are a mistake in a JSON API, not a yes."""

    default_error_messages = {"invalid": _("Geef true of false (of null als het niet bekend is).")}

    def to_internal_value(self, data):
        if isinstance(data, bool):
            return data
        self.fail("invalid")


def _ja_nee(help_text: str) -> StrikteBooleanField:
    return StrikteBooleanField(required=False, allow_null=True, help_text=help_text)


def _lijst(keuzes, help_text: str) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.ChoiceField(choices=keuzes),
        required=False,
        allow_null=True,
        help_text=help_text,
    )


@extend_schema_field(
    {
        "type": "array",
        "items": {"$ref": "#/components/schemas/RegelingEnum"},
        "nullable": True,
        "description": "Regelingen die de cliënt al heeft; [] = geen.",
    }
)
class RegelingenField(serializers.ListField):
    """A list of regelingen; documented with the shared RegelingEnum of the `regeling` field."""

    child = serializers.ChoiceField(choices=Regeling.choices)


def _uren(help_text: str) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=0,
        required=False,
        allow_null=True,
        help_text=help_text,
    )


class ToetsVerzoekSerializer(serializers.Serializer):
    """The situation to check. Leave out what you do not know: it is reported, never guessed."""

    peildatum = serializers.DateField(help_text=_("Datum waarop getoetst wordt (JJJJ-MM-DD)."))
    regeling = serializers.ChoiceField(
        choices=Regeling.choices,
        required=False,
        allow_null=True,
        help_text=_("Eén regeling; weglaten toetst alle vier."),
    )
    zorgprofiel = serializers.CharField(
        max_length=10, required=False, allow_null=True, help_text=_("Code, bijv. VG7.")
    )
    zzp_2014 = serializers.CharField(
        max_length=10,
        required=False,
        allow_null=True,
        allow_blank=True,
        help_text=_(
            "Zzp op 31-12-2014 (zelfde codes). Lege tekst: geen zzp; weglaten: niet bekend."
        ),
    )
    leveringsvorm = serializers.ChoiceField(
        choices=Leveringsvorm.choices, required=False, allow_null=True
    )
    geboortedatum = serializers.DateField(required=False, allow_null=True)
    grondslagen = _lijst(Grondslag.choices, _("Grondslagen uit het indicatiebesluit."))
    kind_jonger_dan_18 = _ja_nee(_("Ekt b: heeft de cliënt een kind jonger dan 18?"))
    werk_of_studie = _ja_nee(_("Ekt c: wil de cliënt vanuit huis werken of studeren?"))
    cognitieve_beperking = _ja_nee(_("Pab: heeft de cliënt een cognitieve beperking?"))
    medische_noodzaak_permanent_toezicht = _ja_nee(
        _("Pab: permanent toezicht of 24 uur zorg in de buurt om medische redenen?")
    )
    zelf_pgb_beheren = _ja_nee(_("Pab: kan de cliënt het pgb zelf beheren?"))
    gedragsproblematiek = _ja_nee(_("Meerzorg: gaat de aanvraag over gedragsproblemen?"))
    ciz_markers = _lijst(CizMarker.choices, _("Kenmerken op het indicatiebesluit; [] = geen."))
    gebruikte_regelingen = RegelingenField(required=False, allow_null=True)
    toeslag_type = serializers.CharField(
        max_length=40, required=False, allow_null=True, help_text=_("Code uit de toeslagcatalogus.")
    )
    zorgbehoefte_uren_per_week = _uren(_("Meerzorg: zorgbehoefte in uren per week."))
    profiel_uren_per_week = _uren(
        _("Meerzorg: uren van het zorgprofiel; weglaten neemt de waarde uit de catalogus.")
    )
    mantelzorg = _ja_nee(_("Pab: is er mantelzorg?"))

    def to_internal_value(self, data):
        onbekend: dict = {}
        if isinstance(data, Mapping):
            onbekend = {
                veld: [_("Onbekend veld.")] for veld in sorted(set(data) - set(self.fields))
            }
        try:
            waarden = super().to_internal_value(data)
        except serializers.ValidationError as fout:
            if onbekend and isinstance(fout.detail, dict):
                raise serializers.ValidationError({**fout.detail, **onbekend}) from None
            raise
        if onbekend:
            raise serializers.ValidationError(onbekend)
        return waarden

    def validate_zorgprofiel(self, code):
        if code is not None and not Zorgprofiel.objects.filter(code=code).exists():
            raise serializers.ValidationError(_("Onbekend zorgprofiel '%(c)s'.") % {"c": code})
        return code

    def validate_zzp_2014(self, code):
        if code and not Zorgprofiel.objects.filter(code=code).exists():
            raise serializers.ValidationError(_("Onbekende zzp-code '%(c)s'.") % {"c": code})
        return code

    def validate_toeslag_type(self, code):
        if code is not None and not ToeslagType.objects.filter(code=code).exists():
            raise serializers.ValidationError(_("Onbekend toeslagtype '%(c)s'.") % {"c": code})
        return code

    def validate(self, attrs):
        geboren, peildatum = attrs.get("geboortedatum"), attrs["peildatum"]
        if geboren and geboren > peildatum:
            raise serializers.ValidationError(
                {"geboortedatum": _("De geboortedatum ligt na de peildatum.")}
            )
        return attrs

    def situatie(self) -> Situatie:
        feiten = {
            k: v
            for k, v in self.validated_data.items()
            if k not in ("peildatum", "regeling") and v is not None
        }
        return met_catalogusuren(Situatie(**feiten))


# --- Response (for the schema; the view returns Resultaat.as_dict()) ---------------------


class VoorwaardeSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Vaste code van de voorwaarde."))
    voldaan = serializers.BooleanField(allow_null=True, help_text=_("null: niet bekend."))
    artikel = serializers.CharField(help_text=_("Bron, bijv. Rlz art. 5.3 lid 3 onder a."))
    toelichting = serializers.CharField(help_text=_("Eén zin in gewone taal."))


class GrenzenSerializer(serializers.Serializer):
    aanvrager = serializers.CharField(required=False, help_text=_("Wie vraagt aan."))
    max_periode_maanden = serializers.IntegerField(required=False, allow_null=True)
    max_ophoging_procent = serializers.IntegerField(
        required=False, allow_null=True, help_text=_("null: naar behoefte (VV10).")
    )
    max_bedrag_per_jaar = serializers.CharField(required=False, allow_null=True)
    mantelzorg_aftrek_uren_per_week = serializers.IntegerField(required=False, allow_null=True)
    drempel_procent = serializers.IntegerField(required=False, allow_null=True)
    overschrijding_procent = serializers.CharField(required=False, allow_null=True)
    vereiste_documenten = serializers.ListField(child=serializers.CharField(), required=False)
    vereist_advies = serializers.ListField(child=serializers.CharField(), required=False)
    mogelijk_vereist_advies = serializers.ListField(child=serializers.CharField(), required=False)
    vereiste_stappen = serializers.ListField(child=serializers.CharField(), required=False)
    doelgroepen = serializers.DictField(
        child=serializers.BooleanField(allow_null=True), required=False
    )
    toeslag = serializers.DictField(required=False)
    toeslagtypen = serializers.ListField(child=serializers.CharField(), required=False)
    opmerkingen = serializers.ListField(child=serializers.CharField(), required=False)


class ResultaatSerializer(serializers.Serializer):
    regeling = serializers.ChoiceField(choices=Regeling.choices)
    uitkomst = serializers.ChoiceField(choices=[(u, u) for u in UITKOMSTEN])
    voorwaarden = VoorwaardeSerializer(many=True)
    grenzen = GrenzenSerializer()


class ToetsAntwoordSerializer(serializers.Serializer):
    peildatum = serializers.DateField()
    resultaten = ResultaatSerializer(many=True)


# --- View -----------------------------------------------------------------------------------


class ToetsThrottle(ScopedRateThrottle):
    """Reads the rate per request, so a changed setting takes effect without a restart."""

    def get_rate(self):
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError:
            raise ImproperlyConfigured(f"No throttle rate for scope '{self.scope}'") from None


VOORBEELD_MEERZORG = {
    "peildatum": "2026-01-01",
    "regeling": "meerzorg",
    "zorgprofiel": "VG7",
    "zzp_2014": "",
    "leveringsvorm": "verblijf",
    "gedragsproblematiek": True,
    "gebruikte_regelingen": [],
    "zorgbehoefte_uren_per_week": "40",
    "profiel_uren_per_week": "30",
}
VOORBEELD_PAB = {
    "peildatum": "2026-01-01",
    "zorgprofiel": "LG7",
    "leveringsvorm": "pgb",
    "geboortedatum": "1990-04-12",
    "grondslagen": ["lichamelijk"],
    "cognitieve_beperking": False,
    "medische_noodzaak_permanent_toezicht": True,
    "zelf_pgb_beheren": True,
    "gebruikte_regelingen": [],
    "mantelzorg": True,
}
VOORBEELD_ANTWOORD = {
    "peildatum": "2026-01-01",
    "resultaten": [
        {
            "regeling": "meerzorg",
            "uitkomst": "voldoet",
            "voorwaarden": [
                {
                    "code": "profiel",
                    "voldaan": True,
                    "artikel": "Rlz art. 2.2 lid 1 onder a",
                    "toelichting": "Zorgprofiel VG7 staat op de lijst voor meerzorg.",
                },
                {
                    "code": "zorgbehoefte_boven_drempel",
                    "voldaan": True,
                    "artikel": "Rlz art. 2.2 lid 3",
                    "toelichting": "De zorgbehoefte (40 uur per week) ligt 33,33% boven de uren "
                    "van het zorgprofiel (30 uur per week). Dat is minimaal 25%.",
                },
                {
                    "code": "geen_uitgesloten_regeling",
                    "voldaan": True,
                    "artikel": "NZa-advies § 2.2.3 (uitvoeringsbeleid, geen Rlz-artikel)",
                    "toelichting": "De cliënt heeft geen ekt. Dat zou niet samengaan met meerzorg.",
                },
            ],
            "grenzen": {
                "aanvrager": "zorgaanbieder",
                "max_periode_maanden": 36,
                "drempel_procent": 25,
                "overschrijding_procent": "33.33",
                "vereiste_documenten": [
                    "Zorgplan van de cliënt",
                    "Overzicht van de zorgbehoefte in uren per week",
                ],
                "vereist_advies": ["CCE"],
                "opmerkingen": [
                    "De aanvraag gaat over gedragsproblemen. Het zorgkantoor vraagt dan advies "
                    "aan het CCE (Centrum voor Consultatie en Expertise)."
                ],
            },
        }
    ],
}


class ToetsView(APIView):
    """Check a situation against the four regelingen. Public, stores nothing."""

    authentication_classes: list = []  # anonymous, so no session and no CSRF
    permission_classes = [AllowAny]
    throttle_classes = [ToetsThrottle]
    throttle_scope = "regelingen_toets"
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="regelingen_toets",
        tags=["regelingen"],
        summary=_("Welke regeling past? Toets een situatie"),
        description=_(
            "Toetst een situatie aan meerzorg, toeslag, ekt en pab op een peildatum. Zonder "
            "inloggen; slaat niets op. Per regeling: uitkomst (voldoet, voldoet_niet, "
            "onvoldoende_gegevens), de voorwaarden met artikel en uitleg, en de grenzen "
            "(maximale duur, bedrag of percentage, documenten, advies). Velden die u weglaat "
            "gelden als onbekend. Onbekende velden of verkeerde typen geven 400; te veel "
            "verzoeken geven 429."
        ),
        request=ToetsVerzoekSerializer,
        responses={
            200: ToetsAntwoordSerializer,
            400: OpenApiResponse(description=_("Onbekend veld, verkeerd type of onbekende code.")),
            429: OpenApiResponse(description=_("Te veel verzoeken; probeer het later opnieuw.")),
        },
        examples=[
            OpenApiExample(
                _("Meerzorg bij VG7 met gedragsproblemen"),
                value=VOORBEELD_MEERZORG,
                request_only=True,
            ),
            OpenApiExample(
                _("Alle regelingen voor een pgb-cliënt met LG7"),
                value=VOORBEELD_PAB,
                request_only=True,
            ),
            OpenApiExample(
                _("Antwoord voor meerzorg"),
                value=VOORBEELD_ANTWOORD,
                response_only=True,
                status_codes=["200"],
            ),
        ],
    )
    def post(self, request, *args, **kwargs):
        verzoek = ToetsVerzoekSerializer(data=request.data)
        verzoek.is_valid(raise_exception=True)
        peildatum = verzoek.validated_data["peildatum"]
        regeling = verzoek.validated_data.get("regeling")
        resultaten = evalueer(
            verzoek.situatie(),
            peildatum,
            regelingen=[regeling] if regeling else None,
            regelset=Regelset.laad(peildatum),
        )
        antwoord = Response(
            {"peildatum": peildatum.isoformat(), "resultaten": [r.as_dict() for r in resultaten]}
        )
        antwoord["Cache-Control"] = "no-store"
        return antwoord
