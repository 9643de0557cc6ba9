"""Finding one's way around a named hub in a real headless Chromium on a 360 px phone: from the home page, a
resident reaches the digest's subscription page, the directory, the markets and the pop-up shops through the
header's menu, finds a zone by postcode and keeps its links there, and a postcode outside every zone lists the
zones and whom to ask. The hub runs under the operator's name, logo and colour. Set ZONEHUB_SCREENSHOTS to a
directory to keep the pages at 360 and 1280 pixels wide."""

import os
from pathlib import Path
from urllib.parse import urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from conftest import REPO, Server
from test_pages import click_and_wait_for_next_page, element, sign_in, until

IDENTITY = {
    "ZONEHUB_HUB_NAME": "Aime ma Zone",
    "ZONEHUB_HUB_COLOR": "#1d6b57",
    "ZONEHUB_HUB_LOGO": str(REPO / "docs" / "demo" / "aime-ma-zone.svg"),
    "ZONEHUB_HUB_FOOTER": "Aime ma Zone, une association de commerçants.",
    "ZONEHUB_HUB_CONTACT": "bonjour@aimemazone.example.org",
}


def phone(browser, width: int = 360) -> None:
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600})


def no_sideways_scroll(browser, width: int, name: str) -> None:
    """The document is no wider than the device (a headless window is wider than a phone: compare with `width`)."""
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width, f"{name} is {scroll} px wide on a {width} px screen"
    directory = os.environ.get("ZONEHUB_SCREENSHOTS")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(Path(directory) / f"navigation-{name}-{width}.png"))


def through_the_menu(browser, text: str) -> None:
    """Opens the header's "Menu" when it is folded (on a phone) and follows its link `text`, as a thumb would."""
    panel = browser.find_element(By.ID, "site-menu")
    if not panel.is_displayed():
        button = element(browser, "header.site button.menu-button")
        assert button.size["height"] >= 24 and button.size["width"] >= 24
        button.click()
    link = until(browser, EC.visibility_of_element_located(
        (By.XPATH, f"//header[@class='site']//nav//a[normalize-space()='{text}']")))
    assert link.size["height"] >= 24, f"{text} is {link.size['height']} px tall"
    click_and_wait_for_next_page(browser, link)


def path(browser) -> str:
    parts = urlsplit(browser.current_url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_a_resident_finds_the_digest_directory_markets_and_pop_ups_from_the_header(database, tmp_path, browser):
    server = Server(database, tmp_path / "serve.log", **IDENTITY)
    try:
        phone(browser)
        browser.get(server.url)
        no_sideways_scroll(browser, 360, "home")
        # The menu is folded on a phone: its links are out of sight until it is opened.
        assert not browser.find_element(By.CSS_SELECTOR, "header.site nav.main a[href='/subscribe']").is_displayed()
        through_the_menu(browser, "Recevoir le résumé")
        assert path(browser) == "/subscribe"
        assert element(browser, "main h1").text
        no_sideways_scroll(browser, 360, "subscribe")
        through_the_menu(browser, "Annuaire")
        assert path(browser) == "/directory"
        no_sideways_scroll(browser, 360, "directory")
        through_the_menu(browser, "Marchés")
        assert urlsplit(browser.current_url).fragment == "marches"
        assert element(browser, "#marches h2").text == "Marchés de saison"
        browser.get(f"{server.url}/search")  # from another page: on the home page itself the link only scrolls
        through_the_menu(browser, "Boutiques éphémères")
        assert urlsplit(browser.current_url).fragment == "boutiques-ephemeres"
        coming = browser.find_elements(By.CSS_SELECTOR, "#boutiques-ephemeres ul.upcoming a")
        assert coming, "the demo's coming pop-up slots are listed on the home page"
        # A postcode leads to its zone, where the header names the zone and its links stay in it.
        browser.get(server.url)
        element(browser, "main #q").send_keys("91100")
        click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "main form.search button"))
        click_and_wait_for_next_page(browser, element(browser, "ul.matches a[href='/zones/centre-essonne']"))
        assert element(browser, "header.site a.here").text.split("\n")[-1] == "Centre-Essonne"
        no_sideways_scroll(browser, 360, "zone")
        through_the_menu(browser, "Marchés")
        assert path(browser) == "/zones/centre-essonne/markets"
        through_the_menu(browser, "Boutiques éphémères")
        assert path(browser) == "/zones/centre-essonne/pop-ups"
        crumbs = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "nav.breadcrumbs a")]
        assert crumbs == ["Accueil", "Centre-Essonne"]
        through_the_menu(browser, "Recevoir le résumé")
        assert path(browser) == "/subscribe?zone=centre-essonne"
        # On a wide screen the same links are in sight without opening anything.
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        browser.get(server.url)
        assert browser.find_element(By.CSS_SELECTOR, "header.site nav.main a[href='/subscribe']").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, "header.site button.menu-button").is_displayed()
        no_sideways_scroll(browser, 1280, "home")
    finally:
        server.stop()


def test_the_header_is_reachable_by_keyboard_and_skips_to_the_content(database, tmp_path, browser):
    server = Server(database, tmp_path / "serve.log", **IDENTITY)
    try:
        phone(browser)
        browser.get(server.url)
        browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        skip = browser.switch_to.active_element
        assert skip.text == "Aller au contenu" and skip.is_displayed()
        skip.send_keys(Keys.ENTER)
        assert browser.switch_to.active_element.get_attribute("id") == "contenu"
        # Tab to the menu, open it with the keyboard, and reach its first link.
        browser.get(server.url)
        button = browser.find_element(By.CSS_SELECTOR, "header.site button.menu-button")
        browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        for _ in range(6):
            if browser.switch_to.active_element == button:
                break
            browser.switch_to.active_element.send_keys(Keys.TAB)
        assert browser.switch_to.active_element == button
        assert button.get_attribute("aria-expanded") in (None, "false")
        button.send_keys(Keys.ENTER)
        assert browser.find_element(By.ID, "site-menu").is_displayed()
        browser.switch_to.active_element.send_keys(Keys.TAB)
        assert browser.switch_to.active_element.text == "Annuaire"
        browser.switch_to.active_element.send_keys(Keys.ESCAPE)
        assert not browser.find_element(By.ID, "site-menu").is_displayed()
        # Signed in as a zone admin, the menu offers the zone's moderation queue.
        sign_in(browser, server.url, "admin.oise@demo.example.org")
        phone(browser)
        browser.get(f"{server.url}/dashboard")
        no_sideways_scroll(browser, 360, "dashboard")
        through_the_menu(browser, "Modération · Oise")
        assert path(browser) == "/zones/oise/moderation"
    finally:
        server.stop()


def test_a_postcode_outside_every_zone_lists_the_zones_and_whom_to_ask(database, tmp_path, browser):
    server = Server(database, tmp_path / "serve.log", **IDENTITY)
    try:
        phone(browser)
        browser.get(f"{server.url}/zones/search?q=75001")
        assert "Aucune de nos zones ne couvre « 75001 »" in element(browser, "main").text
        names = {a.text for a in browser.find_elements(By.CSS_SELECTOR, "ul.zones-outside li.zone-card a strong")}
        assert names == {"Centre-Essonne", "Oise", "Dordogne", "Bassin d'Arcachon"}
        ask = browser.find_element(By.CSS_SELECTOR, "main a[href='mailto:bonjour@aimemazone.example.org']")
        assert ask.text == "bonjour@aimemazone.example.org"
        no_sideways_scroll(browser, 360, "outside")
    finally:
        server.stop()


def test_the_hub_shows_its_own_name_logo_colour_and_footer(database, tmp_path, browser):
    server = Server(database, tmp_path / "serve.log", **IDENTITY)
    try:
        browser.get(server.url)
        assert browser.title == "Accueil · Aime ma Zone"
        assert element(browser, "header.site .brand").text == "Aime ma Zone"
        logo = browser.find_element(By.CSS_SELECTOR, "header.site img.logo")
        assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", logo)
        button = browser.find_element(By.CSS_SELECTOR, "main form.search button")
        assert button.value_of_css_property("background-color") == "rgba(29, 107, 87, 1)"
        assert element(browser, "footer.site p").text == "Aime ma Zone, une association de commerçants."
        browser.get(f"{server.url}/zones/oise")
        assert browser.title == "Oise · Aime ma Zone"
    finally:
        server.stop()
