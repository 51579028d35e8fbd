"""Helpers for the Playwright tests: log in through the real form, check accessibility."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from tests.factories import WACHTWOORD

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def inloggen(browser, live_server, gebruiker, **context_args):
    """A fresh browser context (own cookies) logged in as `gebruiker`; returns its page."""
    page = browser.new_context(**context_args).new_page()
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruiker.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def ernstige_schendingen(page) -> list[str]:
    """axe-core findings of impact serious or critical against WCAG 2.1 A/AA."""
    uitslag = Axe().run(page, options={"resultTypes": ["violations"], "runOnly": WCAG_AA})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x)"
        for v in uitslag.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
