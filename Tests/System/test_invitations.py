"""Invitations as people use them, in a real headless Chromium, with the mail read from a real SMTP server
(aiosmtpd): a zone admin invites a pop-up organiser; the organiser opens the mailed link, sets a password, lands on
the zone's pop-up pages and creates a venue. The invitation pages are shot at 360 and 1280 px wide and must not
scroll sideways."""

import os
import uuid
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from test_mail import hub, link, run, smtp  # noqa: F401 (fixtures)
from test_membership import message_with, sign_out
from test_pages import click_and_wait_for_next_page, element, path_is, sign_in, until

PASSWORD = "marche-de-noel-oise"
WIDTHS = (360, 1280)


def shoot(browser, directory: Path, name: str) -> None:
    """Screenshots of the current page at each width; none may scroll sideways, and the text stays readable."""
    for width in WIDTHS:
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 1400, "deviceScaleFactor": 1, "mobile": width < 600})
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        wide = browser.execute_script(
            "return [...document.querySelectorAll('body *')]"
            ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)"
            ".map(e => e.tagName + '.' + e.className + ' ' + (e.id || e.textContent.trim().slice(0, 30)))")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at {width} px: {wide}"
        smallest = browser.execute_script(
            "return Math.min(...[...document.querySelectorAll('main *')]"
            ".filter(e => e.offsetParent !== null && e.childElementCount === 0 && e.textContent.trim())"
            ".map(e => parseFloat(getComputedStyle(e).fontSize)))")
        assert smallest >= 12, f"{name} has text of {smallest} px at {width} px"
        browser.save_screenshot(str(directory / f"{name}-{width}.png"))
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_zone_admin_invites_an_organiser_who_sets_a_password_and_creates_a_venue(hub, browser, tmp_path):
    base_url, _, server, _ = hub
    shots = Path(os.environ.get("ZONEHUB_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    address = f"orga-{uuid.uuid4().hex[:6]}@example.org"

    sign_in(browser, base_url, "admin.oise@demo.example.org")
    browser.get(f"{base_url}/zones/oise/moderation")
    click_and_wait_for_next_page(browser, element(browser, "a[href='/zones/oise/moderation/invitations']"))
    element(browser, "#email").send_keys(address)
    Select(browser.find_element(By.ID, "role")).select_by_value("organiser")
    click_and_wait_for_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, "form[action='/zones/oise/moderation/invitations'] button"))
    assert f"Invitation envoyée à {address}" in element(browser, "main p.notice").text
    item = element(browser, "article.invitation")
    assert address in item.text and "en attente" in item.text
    assert item.find_element(By.CSS_SELECTOR, "form[action$='/revoke'] button").text == "Révoquer"
    shoot(browser, shots, "invitations-zone-admin")
    sign_out(browser)

    invitation = message_with(server, address, "organisateur de pop-ups de la zone Oise")
    text = invitation.get_body(preferencelist=("plain",)).get_content()
    assert 0 <= text.index("Bonjour") < text.index("Hello") and "7 jours" in text and "7 days" in text
    browser.get(link(invitation, "/invitations/accept"))
    assert "organisateur de pop-ups de la zone Oise" in element(browser, "main").text
    shoot(browser, shots, "invitation-accept")
    element(browser, "#password").send_keys(PASSWORD)
    browser.find_element(By.ID, "confirm").send_keys(PASSWORD)
    click_and_wait_for_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, "form[action='/invitations/accept'] button"))
    until(browser, path_is("/zones/oise/pop-ups"))

    venue = f"Halle {uuid.uuid4().hex[:6]}"
    element(browser, "#name").send_keys(venue)
    browser.find_element(By.ID, "address").send_keys("Place de l'Hôtel de Ville")
    browser.find_element(By.ID, "commune").send_keys("Beauvais")
    browser.find_element(By.ID, "capacity").send_keys("12")
    click_and_wait_for_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, "form[action='/zones/oise/pop-ups'] button[type='submit']"))
    assert element(browser, "main h1").text == venue

    # The link worked once: the same page says so in French.
    browser.get(link(invitation, "/invitations/accept"))
    assert "Cette invitation n'est plus valable" in element(browser, "main p.error").text
    shoot(browser, shots, "invitation-invalid")


def test_the_operators_invitation_page_is_readable_at_every_width(hub, browser, tmp_path):
    base_url, database, _, environment = hub
    shots = Path(os.environ.get("ZONEHUB_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    created = run("users", "add", "--email", "ops@example.org", "--role", "operator", "--db", database,
                  environment=environment)
    password = created.split("initial password: ", 1)[1].split()[0]
    sign_in(browser, base_url, "ops@example.org", password)
    browser.get(f"{base_url}/console")
    click_and_wait_for_next_page(browser, element(browser, "a[href='/console/invitations']"))
    element(browser, "#email").send_keys("nouvelle.admin@example.org")
    Select(browser.find_element(By.ID, "role")).select_by_value("zone-admin")
    Select(browser.find_element(By.ID, "zone")).select_by_value("dordogne")
    click_and_wait_for_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, "form[action='/console/invitations'] button"))
    assert "Invitation envoyée à nouvelle.admin@example.org" in element(browser, "main p.notice").text
    assert "administrateur de zone · Dordogne" in element(browser, "article.invitation").text
    shoot(browser, shots, "invitations-console")


def test_a_merchants_invitation_asks_for_the_shop_and_is_readable_at_every_width(hub, browser, tmp_path):
    base_url, _, server, _ = hub
    shots = Path(os.environ.get("ZONEHUB_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    address = f"shop-{uuid.uuid4().hex[:6]}@example.org"
    sign_in(browser, base_url, "admin.oise@demo.example.org")
    browser.get(f"{base_url}/zones/oise/moderation/invitations")
    element(browser, "#email").send_keys(address)
    Select(browser.find_element(By.ID, "role")).select_by_value("merchant")
    click_and_wait_for_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, "form[action='/zones/oise/moderation/invitations'] button"))
    sign_out(browser)

    browser.get(link(message_with(server, address, "commerçant de la zone Oise"), "/invitations/accept"))
    shoot(browser, shots, "invitation-accept-merchant")
    shop = f"Fromagerie {uuid.uuid4().hex[:6]}"
    element(browser, "#shopName").send_keys(shop)
    Select(browser.find_element(By.ID, "category")).select_by_value("alimentation")
    Select(browser.find_element(By.ID, "commune")).select_by_value("60000|Beauvais")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.ID, "confirm").send_keys(PASSWORD)
    click_and_wait_for_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, "form[action='/invitations/accept'] button"))
    until(browser, path_is("/dashboard"))
    assert shop in element(browser, "main").text
