"""The legal pages in a real headless Chromium: a visitor follows the footer's links to "Mentions légales" and
"Politique de confidentialité", published from the shipped example files or not published at all, and reads them
at a phone's width without scrolling sideways. Set ZONEHUB_SCREENSHOTS to a directory to keep each page at 360 and
1280 pixels wide."""

import os
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import REPO, Server
from test_pages import click_and_wait_for_next_page, element

EXAMPLES = REPO / "docs" / "legal"


def readable_at_every_width(browser, name: str) -> None:
    """No sideways scrolling at 360 or 1280 px; the page kept as a picture when ZONEHUB_SCREENSHOTS is set."""
    directory = os.environ.get("ZONEHUB_SCREENSHOTS")
    for width in (360, 1280):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at {width} px"
        if directory:
            Path(directory).mkdir(parents=True, exist_ok=True)
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": min(height, 4000), "deviceScaleFactor": 1, "mobile": width < 600})
            browser.save_screenshot(str(Path(directory) / f"{name}-{width}.png"))
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def follow_footer_link(browser, text: str) -> None:
    click_and_wait_for_next_page(browser, browser.find_element(By.LINK_TEXT, text))


def test_the_footer_leads_to_the_published_legal_pages(database, tmp_path, browser):
    server = Server(database, tmp_path / "serve.log",
                    ZONEHUB_LEGAL_NOTICE=str(EXAMPLES / "mentions-legales.example.txt"),
                    ZONEHUB_PRIVACY_POLICY=str(EXAMPLES / "confidentialite.example.txt"))
    try:
        browser.get(f"{server.url}/zones/oise")
        follow_footer_link(browser, "Mentions légales")
        assert browser.current_url == f"{server.url}/mentions-legales"
        headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".legal h2")]
        assert headings == ["Éditeur du site", "Directeur de la publication", "Hébergeur", "Logiciel"]
        assert "LCEN" not in element(browser, "main").text  # the file's comments stay out
        readable_at_every_width(browser, "mentions-legales")
        follow_footer_link(browser, "Politique de confidentialité")
        main = element(browser, "main").text
        assert main.index("Responsable du traitement") < main.index("Ce que le site enregistre")
        assert browser.find_element(By.LINK_TEXT, "Supprimer mon compte").get_attribute("href").endswith(
            "/dashboard/delete")
        readable_at_every_width(browser, "confidentialite")
    finally:
        server.stop()


def test_unpublished_legal_pages_say_so_and_serve_warns(database, tmp_path, browser):
    server = Server(database, tmp_path / "serve.log")
    try:
        browser.get(server.url)
        follow_footer_link(browser, "Mentions légales")
        assert element(browser, "p.notice").text == "L'éditeur de ce site n'a pas encore publié ses mentions légales."
        readable_at_every_width(browser, "mentions-legales-absentes")
        follow_footer_link(browser, "Politique de confidentialité")
        assert "n'a pas encore publié sa politique de confidentialité" in element(browser, "p.notice").text
        assert element(browser, "section.privacy h2").text == "Ce que le site enregistre"
    finally:
        server.stop()
    log = (tmp_path / "serve.log").read_text()
    assert "ZONEHUB_LEGAL_NOTICE is not set" in log and "ZONEHUB_PRIVACY_POLICY is not set" in log
