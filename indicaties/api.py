"""REST API for clients and indications, scoped exactly like the web views."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.exceptions import ValidationError

from .audit import LogWeigeringMixin, log_inzage, log_lijst, log_weigering
from .models import (
    CizMarker,
    Client,
    Grondslag,
    Indicatiebesluit,
    Inzagelog,
    Leveringsvorm,
    Rol,
    Zorgprofiel,
)
from .services import registreer_indicatiebesluit
from .validators import validate_bsn


class ZorgprofielSerializer(serializers.ModelSerializer):
    class Meta:
        model = Zorgprofiel
        fields = ["code", "sector", "naam", "uren_per_week"]


class IndicatiebesluitSerializer(serializers.ModelSerializer):
    zorgprofiel = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Zorgprofiel.objects.filter(actief=True),
        error_messages={"does_not_exist": _("Onbekend zorgprofiel '{value}'.")},
    )
    grondslagen = serializers.ListField(
        child=serializers.ChoiceField(choices=Grondslag.choices), allow_empty=False
    )
    ciz_markers = serializers.ListField(
        child=serializers.ChoiceField(choices=CizMarker.choices), required=False
    )
    leveringsvorm = serializers.ChoiceField(choices=Leveringsvorm.choices)

    class Meta:
        model = Indicatiebesluit
        fields = [
            "id",
            "client",
            "besluitnummer",
            "zorgprofiel",
            "grondslagen",
            "ingangsdatum",
            "einddatum",
            "ciz_markers",
            "leveringsvorm",
            "is_actueel",
        ]
        read_only_fields = ["client", "is_actueel"]

    def validate(self, attrs):
        if attrs.get("einddatum") and attrs["einddatum"] < attrs["ingangsdatum"]:
            raise ValidationError({"einddatum": _("De einddatum ligt vóór de ingangsdatum.")})
        return attrs


class ClientSerializer(serializers.ModelSerializer):
    bsn = serializers.CharField(max_length=9, validators=[validate_bsn])
    zorgkantoor = serializers.SlugRelatedField(slug_field="code", read_only=True)
    actuele_indicatie = serializers.SerializerMethodField()

    class Meta:
        model = Client
        fields = [
            "id",
            "bsn",
            "voornamen",
            "voorvoegsel",
            "geslachtsnaam",
            "geboortedatum",
            "postcode",
            "huisnummer",
            "woonplaats",
            "zorgkantoor",
            "zzp_31_12_2014",
            "actuele_indicatie",
        ]
        extra_kwargs = {
            "geboortedatum": {
                "error_messages": {"invalid": _("Geef een geldige datum als JJJJ-MM-DD.")}
            }
        }

    def get_actuele_indicatie(self, obj) -> dict | None:
        ind = obj.actuele_indicatie
        return IndicatiebesluitSerializer(ind).data if ind else None

    def validate(self, attrs):
        instance = Client(**attrs)
        try:
            instance.clean()
        except DjangoValidationError as exc:
            raise ValidationError(exc.message_dict) from exc
        attrs["postcode"] = instance.postcode
        attrs["zorgkantoor"] = instance.zorgkantoor
        return attrs


class IsZorgkantoorVoorSchrijven(permissions.BasePermission):
    """Everyone in scope may read; only zorgkantoor staff register clients and indications."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return request.user.is_superuser or request.user.rol in (Rol.ZK_MEDEWERKER, Rol.ZK_SENIOR)


@extend_schema_view(
    list=extend_schema(summary="Cliënten in uw bereik", tags=["cliënten"]),
    retrieve=extend_schema(summary="Eén cliënt", tags=["cliënten"]),
    create=extend_schema(summary="Cliënt registreren (zorgkantoor)", tags=["cliënten"]),
)
class ClientViewSet(
    LogWeigeringMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ClientSerializer
    permission_classes = [permissions.IsAuthenticated, IsZorgkantoorVoorSchrijven]
    filterset_fields = ["bsn", "postcode"]

    def weigering_client(self, pk):
        return Client.objects.filter(pk=pk).first()

    def get_queryset(self):
        return (
            Client.objects.zichtbaar_voor(self.request.user)
            .select_related("zorgkantoor")
            .prefetch_related(
                Prefetch(
                    "indicatiebesluiten",
                    queryset=Indicatiebesluit.objects.select_related("zorgprofiel"),
                )
            )
            .order_by("pk")
        )

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        ids = [row["id"] for row in response.data["results"]]
        log_lijst(request, Client.objects.filter(pk__in=ids))
        return response

    def retrieve(self, request, *args, **kwargs):
        client = self.get_object()
        log_inzage(request, Inzagelog.Actie.BEKEKEN, client=client, obj=client)
        return super().retrieve(request, *args, **kwargs)

    def perform_create(self, serializer):
        if serializer.validated_data["zorgkantoor"].pk != self.request.user.zorgkantoor_id:
            raise ValidationError({"postcode": _("Deze postcode ligt buiten uw zorgkantoorregio.")})
        try:
            with transaction.atomic():
                client = serializer.save()
        except IntegrityError as exc:
            raise ValidationError({"bsn": _("Er is al een cliënt met dit BSN.")}) from exc
        log_inzage(self.request, Inzagelog.Actie.GEWIJZIGD, client=client, obj=client)


@extend_schema_view(
    list=extend_schema(summary="Indicatiebesluiten van een cliënt (historie)", tags=["indicaties"]),
    create=extend_schema(summary="Nieuw indicatiebesluit registreren", tags=["indicaties"]),
)
class IndicatiebesluitViewSet(
    mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = IndicatiebesluitSerializer
    permission_classes = [permissions.IsAuthenticated, IsZorgkantoorVoorSchrijven]
    pagination_class = None

    def get_client(self) -> Client:
        client = (
            Client.objects.zichtbaar_voor(self.request.user)
            .filter(pk=self.kwargs["client_pk"])
            .first()
        )
        if client is None:  # out of scope: a logged 404, like every other lookup
            log_weigering(self.request, Client.objects.filter(pk=self.kwargs["client_pk"]).first())
            raise Http404
        return client

    def get_queryset(self):
        return Indicatiebesluit.objects.filter(client=self.get_client()).select_related(
            "zorgprofiel"
        )

    def list(self, request, *args, **kwargs):
        client = self.get_client()
        log_inzage(request, Inzagelog.Actie.BEKEKEN, client=client, obj=client)
        return super().list(request, *args, **kwargs)

    def perform_create(self, serializer):
        client = self.get_client()
        try:
            serializer.instance = registreer_indicatiebesluit(client, **serializer.validated_data)
        except IntegrityError as exc:
            raise ValidationError({"besluitnummer": _("Dit besluitnummer bestaat al.")}) from exc
        log_inzage(self.request, Inzagelog.Actie.GEWIJZIGD, client=client, obj=serializer.instance)


class ZorgprofielViewSet(viewsets.ReadOnlyModelViewSet):
    """The public catalogue (no personal data)."""

    serializer_class = ZorgprofielSerializer
    permission_classes = [permissions.AllowAny]
    queryset = Zorgprofiel.objects.filter(actief=True)
    lookup_field = "code"
    pagination_class = None
