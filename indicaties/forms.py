from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CizMarker, Client, Grondslag, Indicatiebesluit, Leveringsvorm, Zorgprofiel


class ClientForm(forms.ModelForm):
    class Meta:
        model = Client
        fields = [
            "bsn",
            "voornamen",
            "voorvoegsel",
            "geslachtsnaam",
            "geboortedatum",
            "postcode",
            "huisnummer",
            "woonplaats",
            "email",
            "zzp_31_12_2014",
        ]
        widgets = {
            "geboortedatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "bsn": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }


class IndicatiebesluitForm(forms.ModelForm):
    zorgprofiel = forms.ModelChoiceField(
        queryset=Zorgprofiel.objects.filter(actief=True),
        label=_("Zorgprofiel"),
        error_messages={"invalid_choice": _("Dit zorgprofiel bestaat niet in de catalogus.")},
    )
    grondslagen = forms.MultipleChoiceField(
        choices=Grondslag.choices, widget=forms.CheckboxSelectMultiple, label=_("Grondslagen")
    )
    ciz_markers = forms.MultipleChoiceField(
        choices=CizMarker.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("CIZ-kenmerken"),
    )
    leveringsvorm = forms.ChoiceField(choices=Leveringsvorm.choices, label=_("Leveringsvorm"))

    class Meta:
        model = Indicatiebesluit
        fields = [
            "besluitnummer",
            "zorgprofiel",
            "grondslagen",
            "ingangsdatum",
            "einddatum",
            "ciz_markers",
            "leveringsvorm",
        ]
        widgets = {
            "ingangsdatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "einddatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        data = super().clean()
        begin, eind = data.get("ingangsdatum"), data.get("einddatum")
        if begin and eind and eind < begin:
            self.add_error("einddatum", _("De einddatum ligt vóór de ingangsdatum."))
        return data


class MachtigingForm(forms.Form):
    ondersteuner = forms.ModelChoiceField(queryset=None, label=_("Cliëntondersteuner"))
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum"), widget=forms.DateInput(attrs={"type": "date"})
    )
    einddatum = forms.DateField(
        label=_("Einddatum (optioneel)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    regelingen = forms.MultipleChoiceField(
        label=_("Voor welke regelingen?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("meerzorg", _("Meerzorg")),
            ("toeslag", _("Toeslag")),
            ("ekt", _("Extra kosten thuis")),
            ("pab", _("Persoonlijk assistentiebudget")),
        ],
        help_text=_("Niets aangevinkt: alle regelingen."),
    )

    def __init__(self, *args, **kwargs):
        from django.utils import timezone

        from .models import Gebruiker, Rol

        kwargs.setdefault("initial", {"ingangsdatum": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["ondersteuner"].queryset = Gebruiker.objects.filter(
            rol=Rol.CLIENTONDERSTEUNER, is_active=True
        ).order_by("last_name")
        self.fields["ondersteuner"].label_from_instance = lambda g: (
            f"{g.get_full_name() or g.username} ({g.organisatie})"
        )

    def opslaan(self, client, door) -> bool:
        """Record the consent; service errors land on the form's fields. True when stored."""
        from django.core.exceptions import ValidationError

        from zorgportaal.forms import fouten_naar_form

        from .services import verleen_machtiging

        if not self.is_valid():
            return False
        try:
            verleen_machtiging(client, door=door, **self.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(self, exc)
            return False
        return True
