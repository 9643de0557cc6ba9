"""Organising pop-ups on the web, in Chromium: a zone admin names an organiser, who edits a venue and answers the
pending booking request from the requests page; every page stays within a 360 px phone's width."""

import os
import subprocess
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import ZONEHUB_BIN, Server, zonehub_environment
from test_pages import click_and_wait_for_next_page, element, sign_in

ZONE = "dordogne"
ADMIN = f"admin.{ZONE}@demo.example.org"
ORGANISER = "camille.organise@example.org"
PHONE = 360


def add_resident(database: Path, address: str) -> str:
    """A resident account added with the command line; returns its initial password."""
    finished = subprocess.run(
        [ZONEHUB_BIN, "users", "add", "--db", database, "--email", address, "--role", "resident"],
        env=zonehub_environment(), capture_output=True, text=True, timeout=60)
    assert finished.returncode == 0, finished.stderr
    return finished.stdout.split("initial password: ", 1)[1].split()[0]


def fits_a_phone(browser, name: str, scope: str = "main") -> None:
    """At 360 px the page does not scroll sideways, and the buttons, fields and action links within `scope` are at
    least 24 px tall; the page is also kept at 360 and 1280 px when ZONEHUB_SCREENSHOTS names a directory."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= PHONE, f"{name}: {width} px wide at {PHONE} px"
        small = browser.execute_script("""
            const scope = document.querySelector(arguments[0]);
            return [...scope.querySelectorAll(
                'button, input:not([type=hidden]), select, textarea, .actions a, .manage-links a, .request-card a, '
                + 'ul.manage-series a')]
              .filter(e => e.getClientRects().length && e.getBoundingClientRect().height < 24)
              .map(e => e.outerHTML.slice(0, 80));""", scope)
        assert small == [], f"{name}: targets under 24 px: {small}"
        directory = os.environ.get("ZONEHUB_SCREENSHOTS")
        if directory:
            Path(directory).mkdir(parents=True, exist_ok=True)
            for shot in (PHONE, 1280):
                browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": shot, "height": 900, "deviceScaleFactor": 1, "mobile": shot < 600})
                height = browser.execute_script("return document.documentElement.scrollHeight")
                browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": shot, "height": min(height, 4000), "deviceScaleFactor": 1, "mobile": shot < 600})
                browser.save_screenshot(str(Path(directory) / f"{name}-{shot}.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_an_admin_names_an_organiser_who_edits_a_venue_and_approves_the_waiting_request(database, tmp_path, browser):
    server = Server(database, tmp_path / "serve.log")
    base = server.url
    try:
        password = add_resident(database, ORGANISER)

        # The zone admin names the organiser from the dashboard's link to the zone's organisers.
        sign_in(browser, base, ADMIN)
        section = element(browser, f"section.admin-zone[data-zone='{ZONE}']")
        click_and_wait_for_next_page(
            browser, section.find_element(By.LINK_TEXT, "Organisateurs des boutiques éphémères"))
        assert browser.current_url.endswith(f"/zones/{ZONE}/moderation/organisers")
        element(browser, "#email").send_keys("personne@example.org")
        click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form.organiser-form button"))
        assert element(browser, "#email-error").text == "Aucun compte n'utilise cette adresse e-mail."
        assert browser.find_element(By.ID, "email").get_attribute("value") == "personne@example.org"
        fits_a_phone(browser, "organisers-error")
        field = browser.find_element(By.ID, "email")
        field.clear()
        field.send_keys(ORGANISER)
        click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form.organiser-form button"))
        assert element(browser, "p.notice").text == "L'organisateur est nommé."
        assert ORGANISER in element(browser, "ul.organisers").text
        fits_a_phone(browser, "organisers")

        # The new organiser edits the hall that takes bookings on approval.
        browser.delete_all_cookies()
        sign_in(browser, base, ORGANISER, password)
        browser.get(f"{base}/zones/{ZONE}/pop-ups")
        click_and_wait_for_next_page(browser, browser.find_element(By.LINK_TEXT, "Salle des fêtes"))
        venue_url = browser.current_url
        click_and_wait_for_next_page(browser, element(browser, ".manage-links a.button"))
        assert browser.find_element(By.ID, "name").get_attribute("value") == "Salle des fêtes"
        assert browser.find_element(By.ID, "capacity").get_attribute("value") == "8"
        hours = browser.find_element(By.ID, "cancellationHours")
        hours.clear()
        hours.send_keys("3000")
        name = browser.find_element(By.ID, "name")
        name.clear()
        click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form.organiser-form button"))
        assert element(browser, "#name-error").text.startswith("Le nom est obligatoire")
        assert element(browser, "#cancellationHours-error").text == "Le délai d'annulation va de 0 à 2160 heures."
        assert browser.find_element(By.ID, "cancellationHours").get_attribute("value") == "3000"
        fits_a_phone(browser, "venue-edit-errors")
        browser.find_element(By.ID, "name").send_keys("Salle des fêtes")
        hours = browser.find_element(By.ID, "cancellationHours")
        hours.clear()
        hours.send_keys("72")
        click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form.organiser-form button"))
        assert browser.current_url == venue_url + "?ok=venue-saved"
        assert element(browser, "p.notice").text == "Le lieu est enregistré."
        assert "72 h avant le début" in element(browser, "ul.facts").text
        # The venue page's own slot forms are not this page's concern: only its organisers' links are measured.
        fits_a_phone(browser, "venue-saved", scope="main section.manage")

        # The slot's own forms: edit, and the confirmation before cancelling.
        browser.get(venue_url)
        slot_link = browser.find_element(By.CSS_SELECTOR, "table.pop-up-slots tbody a")
        click_and_wait_for_next_page(browser, slot_link)
        click_and_wait_for_next_page(browser, browser.find_element(By.LINK_TEXT, "Modifier le créneau"))
        assert browser.find_element(By.ID, "start").get_attribute("value").endswith("T10:00")
        fits_a_phone(browser, "slot-edit")
        click_and_wait_for_next_page(browser, browser.find_element(By.LINK_TEXT, "Annuler ce créneau…"))
        assert "ne peut pas être défaite" in element(browser, "p.warning").text
        fits_a_phone(browser, "slot-cancel")

        # The dashboard leads to the requests page, where the demo's waiting request is approved.
        browser.get(f"{base}/dashboard")
        click_and_wait_for_next_page(
            browser, browser.find_element(By.LINK_TEXT, "Demandes de réservation des boutiques éphémères"))
        cards = browser.find_elements(By.CSS_SELECTOR, "ol.requests li.request-card")
        assert len(cards) == 1 and "Salle des fêtes" in cards[0].text
        fits_a_phone(browser, "requests")
        click_and_wait_for_next_page(browser, cards[0].find_element(By.CSS_SELECTOR, "button.approve"))
        assert element(browser, "p.notice").text == "La demande est acceptée ; le commerçant est prévenu."
        assert "Aucune demande n'attend votre réponse." in element(browser, "main").text
        fits_a_phone(browser, "requests-empty")
    finally:
        server.stop()
