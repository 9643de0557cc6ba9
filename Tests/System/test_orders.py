"""Orders end to end in a real headless Chromium, on a demo hub that mails a real SMTP server (aiosmtpd): a
resident orders for a collection window the merchant added on its dashboard, the merchant accepts part and marks
it ready, the resident's mails say so in French with links that work; a pre-order campaign runs out of units; the
merchant's private calendar is read by the `icalendar` parser; the order pages hold on a 360 px phone."""

import datetime
import re
import sqlite3
import urllib.request
from zoneinfo import ZoneInfo

import icalendar
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import CHROMEDRIVER, CHROMIUM, PlainFrenchWatch, fetch
from test_mail import hub, link, smtp  # noqa: F401 (fixtures)
from test_notices import add_account, arrived, text
from test_pages import click_and_wait_for_next_page, element, sign_in, until

PARIS = ZoneInfo("Europe/Paris")
FROMAGERIE = "Fromagerie des Trois Forêts"
FROMAGERIE_OWNER = "marchand.oise@demo.example.org"
EPICERIE = "Épicerie du Marché"
EPICERIE_OWNER = "marchand.centre-essonne@demo.example.org"
PHONE, DESKTOP = 360, 1280
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def slug_of(database, name: str) -> str:
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT slug FROM merchant WHERE name = ?", (name,)).fetchone()[0]


def paris_day(days: int) -> datetime.date:
    return datetime.datetime.now(PARIS).date() + datetime.timedelta(days=days)


def french_day(day: datetime.date) -> str:
    """"jeudi 17 décembre 2026", as the hub writes a day."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def set_value(browser, css: str, value: str) -> None:
    """Types into a date, time or number field the way a picker would leave it (the value, whatever the locale)."""
    field = element(browser, css)
    browser.execute_script("arguments[0].value = arguments[1]", field, value)


def field_for(scope, label: str):
    """The input a label containing `label` names, within `scope` (a page or an element)."""
    found = scope.find_element(By.XPATH, f".//label[contains(., '{label}')]")
    return scope.find_element(By.ID, found.get_attribute("for"))


def switch_account(browser, base_url: str, email: str, password: str | None = None) -> None:
    """Signs out whoever is signed in (by forgetting the session) and signs `email` in."""
    browser.delete_all_cookies()
    if password is None:
        sign_in(browser, base_url, email)
    else:
        sign_in(browser, base_url, email, password)
    until(browser, lambda driver: "/sign-in" not in driver.current_url)


def open_orders_dashboard(browser, base_url: str, slug: str) -> None:
    """From the dashboard, "Commandes" of the merchant `slug`."""
    browser.get(f"{base_url}/dashboard")
    click_and_wait_for_next_page(browser, element(browser, f"a[href='/dashboard/merchants/{slug}/orders']"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Commandes")


def add_window(browser, base_url: str, slug: str, day: datetime.date, start: str, end: str, places: int) -> int:
    """Adds a collection window on the merchant's orders page; returns its id."""
    open_orders_dashboard(browser, base_url, slug)
    set_value(browser, "form.window-form #day", day.isoformat())
    set_value(browser, "form.window-form #from", start)
    set_value(browser, "form.window-form #until", end)
    capacity = browser.find_element(By.CSS_SELECTOR, "form.window-form #capacity")
    capacity.clear()
    capacity.send_keys(str(places))
    click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form.window-form button"))
    until(browser, EC.url_contains("ok=window-added"))
    assert element(browser, ".notice").text == "Le créneau de retrait est ajouté."
    window_id = int(re.search(r"#creneau-(\d+)$", browser.current_url).group(1))
    listed = element(browser, f"#creneau-{window_id}").text
    assert french_day(day) in listed and f"de {start} à {end}" in listed and f"0 commande sur {places}" in listed
    return window_id


def order_for_window(browser, base_url: str, slug: str, window_id: int, quantities: dict[str, int],
                     note: str = "") -> int:
    """From the merchant's page, "Commander pour retrait": quantities by product name, the window; returns the
    request's number."""
    browser.get(f"{base_url}/merchants/{slug}")
    click_and_wait_for_next_page(browser, element(browser, f"a.button[href='/merchants/{slug}/order']"))
    form = element(browser, "form.order-form")
    for name, quantity in quantities.items():
        field_for(form, name).send_keys(str(quantity))
    form.find_element(By.CSS_SELECTOR, f"input[name=window][value='{window_id}']").click()
    if note:
        form.find_element(By.ID, "note").send_keys(note)
    click_and_wait_for_next_page(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    until(browser, EC.url_contains("/account/orders?ok=order-sent"))
    return int(re.search(r"#commande-(\d+)$", browser.current_url).group(1))


def test_a_resident_orders_for_a_window_the_merchant_accepts_part_and_readies_and_the_calendar_shows_it(
        hub, browser):
    base_url, database, server, environment = hub
    slug = slug_of(database, FROMAGERIE)
    day = paris_day(10)

    sign_in(browser, base_url, FROMAGERIE_OWNER)
    window_id = add_window(browser, base_url, slug, day, "14:30", "16:00", 3)

    resident = "lucie.commandes@example.org"
    password = add_account(database, environment, resident, "resident")
    switch_account(browser, base_url, resident, password)
    number = order_for_window(browser, base_url, slug, window_id, {"Comté 18 mois": 2, "Brie de Meaux": 3},
                              note="Je passerai vers 15 h.")
    assert element(browser, ".notice").text.startswith("Votre commande est envoyée")
    mine = element(browser, f"#commande-{number}").text
    assert "En attente de réponse" in mine and "2 × Comté 18 mois" in mine and "3 × Brie de Meaux" in mine
    assert f"Retrait : {french_day(day)}, de 14:30 à 16:00" in mine

    received = arrived(server, resident, f"Commande n° {number} reçue : {FROMAGERIE}")[0]
    body = text(received)
    assert body.startswith("Bonjour,") and f"Votre demande est transmise à {FROMAGERIE}" in body
    assert f"Retrait : {french_day(day)}, de 14:30 à 16:00" in body
    browser.get(link(received, "/account/orders"))
    assert "En attente de réponse" in element(browser, f"#commande-{number}").text

    switch_account(browser, base_url, FROMAGERIE_OWNER)
    open_orders_dashboard(browser, base_url, slug)
    item = element(browser, f"#commande-{number}")
    assert "Je passerai vers 15 h." in item.text
    brie = field_for(item, "Brie de Meaux")
    brie.clear()
    brie.send_keys("1")
    click_and_wait_for_next_page(
        browser, item.find_element(By.CSS_SELECTOR, "form[action$='/accept'] button[type=submit]"))
    until(browser, EC.url_contains("ok=order-accepted"))
    assert element(browser, ".notice").text == "La commande est acceptée ; le client est prévenu."
    item = element(browser, f"#commande-{number}")
    assert "Acceptée" in item.text and "1 sur 3 × Brie de Meaux" in item.text
    click_and_wait_for_next_page(browser, item.find_element(By.CSS_SELECTOR, "form[action$='/ready'] button"))
    until(browser, EC.url_contains("ok=order-ready"))
    assert "Prête à retirer" in element(browser, f"#commande-{number}").text
    assert "1 commande sur 3" in element(browser, f"#creneau-{window_id}").text
    calendar_url = element(browser, ".calendar-link a").get_attribute("href")
    windows_listed = len(browser.find_elements(By.CSS_SELECTOR, "ul.window-list > li"))

    accepted = text(arrived(server, resident, f"Commande acceptée : {FROMAGERIE}")[0])
    assert f"{FROMAGERIE} a accepté votre commande" in accepted
    assert "2 × Comté 18 mois" in accepted and "1 sur 3 × Brie de Meaux" in accepted
    assert re.search(r"Total à payer au retrait : 82,30\s€", accepted), accepted
    assert f"Retrait : {french_day(day)}, de 14:30 à 16:00" in accepted and "Paiement au retrait." in accepted
    ready_mail = arrived(server, resident, f"Commande prête à retirer : {FROMAGERIE}")[0]
    assert "Votre commande est prête : vous pouvez la retirer" in text(ready_mail)
    assert len(arrived(server, resident, "")) == 3, "one mail per step, no more"

    switch_account(browser, base_url, resident, password)
    browser.get(link(ready_mail, "/account/orders"))
    mine = element(browser, f"#commande-{number}").text
    assert "Prête à retirer" in mine and "1 sur 3 × Brie de Meaux" in mine
    assert not browser.find_elements(By.CSS_SELECTOR, f"#commande-{number} a[href$='/cancel']")

    # The private calendar, read by a real iCalendar parser: one event per window, in Paris time.
    with urllib.request.urlopen(calendar_url, timeout=10) as answer:
        assert answer.status == 200 and answer.headers["Content-Type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(answer.read())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == windows_listed and windows_listed >= 2
    assert len({str(event["UID"]) for event in events}) == len(events)
    [event] = [event for event in events if str(event["UID"]) == f"collection-window-{window_id}@zonehub"]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.tzinfo is not None and end.tzinfo is not None
    assert start == datetime.datetime.combine(day, datetime.time(14, 30), PARIS)
    assert end == datetime.datetime.combine(day, datetime.time(16, 0), PARIS)
    assert start.astimezone(PARIS).strftime("%H:%M") == "14:30"
    assert str(event["SUMMARY"]) == f"Retraits {FROMAGERIE} : 1 commande"
    description = str(event["DESCRIPTION"])
    assert f"n° {number}" in description and "prête à retirer" in description
    assert "2 × Comté 18 mois" in description and "1 × Brie de Meaux" in description
    status, _ = fetch(calendar_url.replace("token=", "token=x"))
    assert status in (403, 404), "a calendar address with a wrong token must show nothing"


def second_browser():
    """Another headless Chromium for a second resident acting at the same time, read like the `browser` fixture's."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    PlainFrenchWatch(driver)
    return driver


def test_a_pre_order_campaign_sells_its_last_units_and_the_next_resident_is_told_in_french(hub, browser):
    base_url, database, server, environment = hub
    slug = slug_of(database, EPICERIE)
    closes, collect = paris_day(5), paris_day(8)

    sign_in(browser, base_url, EPICERIE_OWNER)
    open_orders_dashboard(browser, base_url, slug)
    click_and_wait_for_next_page(browser, element(browser, f"a.button[href='/dashboard/merchants/{slug}/campaigns/new']"))
    form = element(browser, "form.campaign-form")
    form.find_element(By.ID, "title").send_keys("Bûches de Noël")
    form.find_element(By.ID, "description").send_keys("Des bûches aux marrons, six parts chacune.")
    set_value(browser, "#closesAt", f"{closes.isoformat()}T18:00")
    set_value(browser, "#collectFrom", f"{collect.isoformat()}T09:00")
    set_value(browser, "#collectUntil", f"{collect.isoformat()}T12:30")
    field_for(form, "Bûche aux marrons").send_keys("2")
    click_and_wait_for_next_page(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    until(browser, EC.url_contains("ok=campaign-opened"))
    assert element(browser, ".notice").text == "La campagne de précommande est ouverte."
    campaign_id = int(re.search(r"#campagne-(\d+)$", browser.current_url).group(1))
    listed = element(browser, f"#campagne-{campaign_id}").text
    assert "Bûches de Noël" in listed and "Bûche aux marrons : 0 promise, 2 restantes sur 2" in listed
    campaign_url = f"{base_url}/merchants/{slug}/campaigns/{campaign_id}"

    # The second resident opens the campaign while both units are left...
    late = "paul.retard@example.org"
    switch_account(browser, base_url, late, add_account(database, environment, late, "resident"))
    browser.get(campaign_url)
    assert element(browser, "h1").text.startswith("Bûches de Noël")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Commandes jusqu'au" in page and f"Retrait : {french_day(collect)}, de 09:00 à 12:30" in page
    late_form = element(browser, "form.order-form")
    field_for(late_form, "Bûche aux marrons").send_keys("1")

    # ...the first one takes both from another browser...
    first = "claire.reveillon@example.org"
    password = add_account(database, environment, first, "resident")
    other = second_browser()
    try:
        sign_in(other, base_url, first, password)
        until(other, lambda driver: "/sign-in" not in driver.current_url)
        other.get(campaign_url)
        offered = element(other, "form.order-form").text
        assert "Bûche aux marrons" in offered and "2 restantes" in offered
        field_for(element(other, "form.order-form"), "Bûche aux marrons").send_keys("2")
        click_and_wait_for_next_page(other, other.find_element(By.CSS_SELECTOR, "form.order-form button[type=submit]"))
        until(other, EC.url_contains("/account/orders?ok=order-sent"))
        number = int(re.search(r"#commande-(\d+)$", other.current_url).group(1))
        assert "Acceptée" in element(other, f"#commande-{number}").text
        other.plain_french_watch.verdict()
    finally:
        other.quit()
    mail = text(arrived(server, first, f"Commande n° {number} reçue : {EPICERIE}")[0])
    assert f"Votre précommande chez {EPICERIE} est enregistrée" in mail and "2 × Bûche aux marrons" in mail

    # ...and the second resident's order is refused, in French, the page saying no unit is left.
    click_and_wait_for_next_page(browser, late_form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    refused = element(browser, "main").text
    assert "il ne reste plus aucune unité de « Bûche aux marrons »" in refused, refused
    browser.get(campaign_url)
    assert "Tous les produits de cette campagne sont partis." in element(browser, "main").text
    assert not browser.find_elements(By.CSS_SELECTOR, "form.order-form")
    browser.get(f"{base_url}/account/orders")
    assert "Vous n'avez pas encore passé de commande." in element(browser, "main").text

    switch_account(browser, base_url, EPICERIE_OWNER)
    open_orders_dashboard(browser, base_url, slug)
    assert "Bûche aux marrons : 2 promises, 0 restante sur 2" in element(browser, f"#campagne-{campaign_id}").text


def width_and_screenshot(browser, url: str, width: int, name: str) -> int:
    """The page's width at `width` px (a phone below 400), saved as /tmp/orders-<name>-<width>.png."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 400})
    try:
        browser.get(url)
        element(browser, "h1")
        until(browser, lambda driver: driver.execute_script("return document.readyState") == "complete")
        shown = browser.execute_script("return document.documentElement.scrollWidth")
        # The whole page in the picture: as tall as its content.
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": min(height, 6000), "deviceScaleFactor": 1,
                                 "mobile": width < 400})
        browser.save_screenshot(f"/tmp/orders-{name}-{width}.png")
        return shown
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_order_pages_fit_a_360_px_phone(hub, browser):
    base_url, database, server, environment = hub
    slug = slug_of(database, FROMAGERIE)
    sign_in(browser, base_url, FROMAGERIE_OWNER)
    window_id = add_window(browser, base_url, slug, paris_day(9), "10:00", "11:30", 5)
    resident = "nadia.telephone@example.org"
    switch_account(browser, base_url, resident, add_account(database, environment, resident, "resident"))
    order_for_window(browser, base_url, slug, window_id, {"Plateau de Noël": 1, "Comté 18 mois": 1},
                     note="Un plateau pour huit personnes, avec beaucoup de comté s'il vous plaît.")

    wide = []
    for name, url in (("form", f"{base_url}/merchants/{slug}/order"), ("mine", f"{base_url}/account/orders")):
        for width in (PHONE, DESKTOP):
            shown = width_and_screenshot(browser, url, width, name)
            if width == PHONE and shown > PHONE:
                wide.append(f"{url} is {shown} px wide")
    switch_account(browser, base_url, FROMAGERIE_OWNER)
    url = f"{base_url}/dashboard/merchants/{slug}/orders"
    for width in (PHONE, DESKTOP):
        shown = width_and_screenshot(browser, url, width, "dashboard")
        if width == PHONE and shown > PHONE:
            wide.append(f"{url} is {shown} px wide")
    assert not wide, f"wider than a {PHONE} px phone: {wide}"
