import pytest
from playwright.sync_api import expect

from tests import factories as f

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_inloggen_en_startpagina(login_in_browser, live_server):
    medewerker = f.GebruikerFactory(first_name="Marieke", rol="zk_medewerker")
    page = login_in_browser(medewerker)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Marieke")
    expect(page.get_by_role("link", name="Cliënten", exact=True)).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "nl"
