from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def fouten_naar_form(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: next to the field it names, else on top."""
    fouten = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
    for veld, meldingen in fouten.items():
        form.add_error(veld if veld in form.fields else None, meldingen)


class LoginForm(AuthenticationForm):
    """Dutch labels and autocomplete hints for password managers and assistive tech."""

    username = forms.CharField(
        label=_("Gebruikersnaam"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
