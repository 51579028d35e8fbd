"""REST API for applications: providers' own systems submit without the web form; zorgkantoor
systems read the queue and decide. Scoped exactly like the web UI (out of scope = 404)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, parsers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from indicaties.audit import LogWeigeringMixin, log_inzage, log_lijst
from indicaties.models import Client, Indicatiebesluit, Inzagelog

from . import services
from .forms import ACTIE_FORMS, BijlageForm, WerkvoorraadFilter
from .formulieren import FORMULIEREN, form_naar_inhoud, inhoud_naar_initial
from .models import BESLOTEN, Aanvraag, Besluit, Bijlage, Statusovergang


class BesluitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Besluit
        fields = [
            "uitkomst",
            "ingangsdatum",
            "einddatum",
            "bedrag_per_jaar",
            "uren_per_week",
            "motivering",
            "tweede_lezer_vereist",
            "vastgesteld_op",
            "heraanvraag_uiterlijk",
        ]


class StatusovergangSerializer(serializers.ModelSerializer):
    door = serializers.CharField(source="door.username")

    class Meta:
        model = Statusovergang
        fields = ["van", "naar", "overgang", "door", "op", "toelichting"]


class BijlageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Bijlage
        fields = [
            "id",
            "soort",
            "oorspronkelijke_naam",
            "content_type",
            "grootte",
            "sha256",
            "geupload_op",
        ]


class AanvraagSerializer(serializers.ModelSerializer):
    client = serializers.PrimaryKeyRelatedField(queryset=Client.objects.none())
    besluit = serializers.SerializerMethodField()
    status_weergave = serializers.CharField(read_only=True)
    zorgaanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)

    class Meta:
        model = Aanvraag
        fields = [
            "id",
            "referentie",
            "client",
            "regeling",
            "soort",
            "status",
            "status_weergave",
            "inhoud",
            "versie",
            "zorgaanbieder",
            "ingediend_op",
            "beslistermijn",
            "besluit",
            "gewijzigd_op",
        ]
        read_only_fields = [
            "referentie",
            "soort",
            "status",
            "versie",
            "ingediend_op",
            "beslistermijn",
            "gewijzigd_op",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            self.fields["client"].queryset = Client.objects.zichtbaar_voor(request.user)

    def get_besluit(self, obj) -> dict | None:
        besluit = getattr(obj, "besluit", None)
        if besluit is None or obj.status not in BESLOTEN:
            return None
        return BesluitSerializer(besluit).data

    def validate_inhoud(self, value):
        if not isinstance(value, dict):
            raise ValidationError(_("Geef de inhoud als object met velden."))
        return value


def valideer_inhoud(regeling: str, inhoud: dict, heraanvraag: bool) -> dict:
    """Validate API content with the same form the web uses; unknown fields are an error."""
    Form = FORMULIEREN[regeling]
    form = Form({**inhoud_naar_initial(inhoud), "versie": 0}, heraanvraag=heraanvraag)
    onbekend = sorted(set(inhoud) - set(form.fields))
    fouten = {f"inhoud.{k}": [_("Onbekend veld voor deze regeling.")] for k in onbekend}
    if not form.is_valid():
        for veld, lijst in form.errors.items():
            fouten[f"inhoud.{veld}"] = lijst
    if fouten:
        raise ValidationError(fouten)
    return form_naar_inhoud(form)


class AanvraagPatchSerializer(serializers.Serializer):
    inhoud = serializers.DictField()
    versie = serializers.IntegerField(help_text="De versie die u het laatst las (optimistic lock).")


class ActieSerializer(serializers.Serializer):
    overgang = serializers.ChoiceField(choices=list(ACTIE_FORMS))
    gegevens = serializers.DictField(required=False, default=dict)


@extend_schema_view(
    list=extend_schema(
        summary="Aanvragen in uw bereik (aanbieder: eigen; zorgkantoor: regio)", tags=["aanvragen"]
    ),
    retrieve=extend_schema(
        summary="Eén aanvraag met status en (na het besluit) het besluit", tags=["aanvragen"]
    ),
    create=extend_schema(
        summary="Concept-aanvraag aanmaken",
        tags=["aanvragen"],
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description="Een herhaalde POST met dezelfde sleutel geeft "
                "de eerder gemaakte aanvraag terug.",
            )
        ],
    ),
    partial_update=extend_schema(
        summary="Concept bijwerken", request=AanvraagPatchSerializer, tags=["aanvragen"]
    ),
)
class AanvraagViewSet(
    LogWeigeringMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = AanvraagSerializer
    filterset_class = WerkvoorraadFilter
    http_method_names = ["get", "post", "patch"]

    def weigering_client(self, pk):
        return Client.objects.filter(aanvragen__pk=pk).first()

    def get_queryset(self):
        return (
            Aanvraag.objects.zichtbaar_voor(self.request.user)
            .select_related("client", "zorgaanbieder", "besluit")
            .prefetch_related(
                Prefetch(
                    "client__indicatiebesluiten",
                    queryset=Indicatiebesluit.objects.filter(is_actueel=True),
                )
            )
            .order_by("beslistermijn", "pk")
        )

    def filter_queryset(self, queryset):
        # The queue filters apply to the zorgkantoor's list; providers list all their own.
        if self.action == "list" and self.request.user.is_zorgkantoor:
            return super().filter_queryset(queryset)
        return queryset

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        ids = [r["client"] for r in response.data["results"]]
        log_lijst(request, Client.objects.filter(pk__in=ids), "Aanvraag")
        return response

    def retrieve(self, request, *args, **kwargs):
        aanvraag = self.get_object()
        log_inzage(request, Inzagelog.Actie.BEKEKEN, client=aanvraag.client, obj=aanvraag)
        return Response(self.get_serializer(aanvraag).data)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        inhoud = valideer_inhoud(d["regeling"], d.get("inhoud", {}), heraanvraag=False)
        sleutel = request.headers.get("Idempotency-Key", "")[:100]
        try:
            aanvraag = services.start_aanvraag(
                d["client"], d["regeling"], request.user, inhoud=inhoud, idempotency_key=sleutel
            )
        except services.NietToegestaan as exc:
            raise PermissionDenied(str(exc)) from exc
        return Response(self.get_serializer(aanvraag).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        aanvraag = self.get_object()
        patch = AanvraagPatchSerializer(data=request.data)
        patch.is_valid(raise_exception=True)
        if not services.is_aanvrager_van(aanvraag, request.user):
            raise PermissionDenied(_("Alleen de aanvrager wijzigt een concept."))
        inhoud = valideer_inhoud(
            aanvraag.regeling,
            {**aanvraag.inhoud, **patch.validated_data["inhoud"]},
            heraanvraag=aanvraag.soort == "heraanvraag",
        )
        try:
            services.bewaar_concept(aanvraag, inhoud, patch.validated_data["versie"])
        except services.Conflict as exc:
            return Response(
                {"detail": str(exc), "versie": Aanvraag.objects.get(pk=aanvraag.pk).versie},
                status=status.HTTP_409_CONFLICT,
            )
        except services.NietToegestaan as exc:
            raise ValidationError({"status": [str(exc)]}) from exc
        return Response(self.get_serializer(aanvraag).data)

    @extend_schema(summary="Concept indienen", request=None, tags=["aanvragen"])
    @action(detail=True, methods=["post"])
    def indienen(self, request, pk=None):
        aanvraag = self.get_object()
        try:
            services.indienen(aanvraag, request.user)
        except DjangoValidationError as exc:
            raise ValidationError({f"inhoud.{k}": v for k, v in exc.message_dict.items()}) from exc
        except services.NietToegestaan as exc:
            raise PermissionDenied(str(exc)) from exc
        except services.Conflict as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        aanvraag.refresh_from_db()
        return Response(self.get_serializer(aanvraag).data)

    @extend_schema(
        summary="Workflow-actie uitvoeren (zorgkantoor, CCE, aanvrager)",
        request=ActieSerializer,
        tags=["aanvragen"],
    )
    @action(detail=True, methods=["post"])
    def actie(self, request, pk=None):
        aanvraag = self.get_object()
        verzoek = ActieSerializer(data=request.data)
        verzoek.is_valid(raise_exception=True)
        naam = verzoek.validated_data["overgang"]
        form_class = ACTIE_FORMS[naam]
        data = {}
        if form_class is not None:
            form = form_class(verzoek.validated_data["gegevens"])
            if not form.is_valid():
                raise ValidationError({f"gegevens.{k}": v for k, v in form.errors.items()})
            data = form.cleaned_data
        try:
            services.voer_actie_uit(aanvraag, naam, request.user, data)
        except DjangoValidationError as exc:
            detail = (
                exc.message_dict
                if hasattr(exc, "error_dict")
                else {"non_field_errors": exc.messages}
            )
            raise ValidationError({f"gegevens.{k}": v for k, v in detail.items()}) from exc
        except services.NietToegestaan as exc:
            return Response(
                {"detail": str(exc)},
                status=status.HTTP_409_CONFLICT
                if services.is_partij(aanvraag, request.user) or request.user.rol == "cce_adviseur"
                else status.HTTP_403_FORBIDDEN,
            )
        except services.Conflict as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(self.get_serializer(Aanvraag.objects.get(pk=aanvraag.pk)).data)

    @extend_schema(
        summary="Historie van de aanvraag",
        tags=["aanvragen"],
        responses=StatusovergangSerializer(many=True),
    )
    @action(detail=True, methods=["get"])
    def historie(self, request, pk=None):
        aanvraag = self.get_object()
        return Response(
            StatusovergangSerializer(aanvraag.historie.select_related("door"), many=True).data
        )

    @extend_schema(
        summary="Bijlagen: lijst (GET) of toevoegen (POST, multipart)",
        tags=["aanvragen"],
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {
                    "soort": {"type": "string"},
                    "bestand": {"type": "string", "format": "binary"},
                },
            }
        },
        responses=BijlageSerializer(many=True),
    )
    @action(
        detail=True,
        methods=["get", "post"],
        parser_classes=[parsers.MultiPartParser, parsers.FormParser],
    )
    def bijlagen(self, request, pk=None):
        aanvraag = self.get_object()
        if request.method == "POST":
            if not services.is_partij(aanvraag, request.user):
                raise PermissionDenied
            form = BijlageForm(request.data, request.FILES)
            if not form.is_valid():
                raise ValidationError(form.errors)
            try:
                services.voeg_bijlage_toe(
                    aanvraag, form.cleaned_data["bestand"], form.cleaned_data["soort"], request.user
                )
            except DjangoValidationError as exc:
                raise ValidationError(exc.message_dict) from exc
            except services.NietToegestaan as exc:
                raise ValidationError({"status": [str(exc)]}) from exc
        return Response(BijlageSerializer(aanvraag.bijlagen.all(), many=True).data)

    @extend_schema(
        summary="Regeltoets van de aanvraag", tags=["aanvragen"], responses=OpenApiTypes.OBJECT
    )
    @action(detail=True, methods=["get"])
    def regeltoets(self, request, pk=None):
        return Response(services.regeltoets(self.get_object()).as_dict())

    @extend_schema(
        summary="Heraanvraag starten vanuit een toekenning", request=None, tags=["aanvragen"]
    )
    @action(detail=True, methods=["post"])
    def heraanvraag(self, request, pk=None):
        vorige = self.get_object()
        try:
            nieuw = services.maak_heraanvraag(vorige, request.user)
        except services.NietToegestaan as exc:
            raise ValidationError({"status": [str(exc)]}) from exc
        return Response(self.get_serializer(nieuw).data, status=status.HTTP_201_CREATED)
