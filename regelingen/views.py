"""Thin views: the public "Welke regeling past?" page. Rules live in engine.py."""

from __future__ import annotations

from django.views.generic import FormView

from .engine import evalueer
from .forms import SituatieForm
from .uitleg import kaarten


class CheckerView(FormView):
    """No login and no storage: GET shows the form (pre-filled from the query string), POST
    evaluates the four regelingen and shows the outcome on the same page."""

    template_name = "regelingen/checker.html"
    form_class = SituatieForm

    def get_initial(self):
        return SituatieForm.initial_uit_query(self.request.GET)

    def form_valid(self, form):
        resultaten = evalueer(form.situatie(), form.cleaned_data["peildatum"])
        return self.render_to_response(
            self.get_context_data(form=form, kaarten=kaarten(resultaten))
        )
