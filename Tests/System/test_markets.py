"""A seasonal market run through its web forms in a real headless Chromium, and its feed read by feedparser."""

import datetime
import urllib.request

import feedparser
from selenium.webdriver.common.by import By

from test_pages import click_and_wait_for_next_page, element, sign_in, submit_offer, unique_title

ZONE = "dordogne"


def set_date(browser, field: str, day: datetime.date) -> None:
    # A date input takes keys in the browser's locale order; its value is always ISO.
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, field), day.isoformat())


def test_an_admin_opens_a_market_a_merchant_applies_and_residents_see_the_offer(zonehub, browser):
    today = datetime.date.today()
    title = f"Marché de Noël {unique_title()[-8:]}"

    sign_in(browser, zonehub, f"marchand.{ZONE}@demo.example.org")
    browser.get(f"{zonehub}/dashboard")
    merchant = element(browser, "section.merchant-space").get_attribute("data-merchant")
    offer = unique_title()
    submit_offer(browser, merchant, offer)

    browser.delete_all_cookies()
    sign_in(browser, zonehub, f"admin.{ZONE}@demo.example.org")
    browser.get(f"{zonehub}/zones/{ZONE}/markets")
    element(browser, "#title").send_keys(title)
    browser.find_element(By.ID, "description").send_keys("Les commerçants du Périgord pour les fêtes.")
    set_date(browser, "applicationsOpenAt", today)
    set_date(browser, "applicationsCloseAt", today + datetime.timedelta(days=7))
    set_date(browser, "startsAt", today + datetime.timedelta(days=8))
    set_date(browser, "endsAt", today + datetime.timedelta(days=20))
    click_and_wait_for_next_page(browser, browser.find_element(By.XPATH, "//button[text()='Créer le marché']"))
    market = browser.current_url
    assert element(browser, "h1").text == title
    assert "Inscriptions ouvertes jusqu'au" in element(browser, "p.market-phase").text

    browser.delete_all_cookies()
    sign_in(browser, zonehub, f"marchand.{ZONE}@demo.example.org")
    browser.get(market)
    form = element(browser, "form.apply")
    form.find_element(By.XPATH, f".//label[contains(., '{offer}')]/input").click()
    click_and_wait_for_next_page(browser, form.find_element(By.TAG_NAME, "button"))
    assert "candidature en attente de réponse" in element(browser, "main").text

    browser.delete_all_cookies()
    sign_in(browser, zonehub, f"admin.{ZONE}@demo.example.org")
    browser.get(market)
    card = element(browser, "ul.applications li")
    click_and_wait_for_next_page(browser, card.find_element(By.XPATH, ".//button[text()='Accepter']"))
    assert "candidature acceptée" in element(browser, "ul.applications").text

    browser.delete_all_cookies()
    browser.get(market)
    assert offer in element(browser, "div.posts").text
    # The stallholder's catalogue, grouped under its name, each product linking to its page.
    catalogue = element(browser, "section.market-catalogue")
    assert catalogue.find_element(By.TAG_NAME, "h2").text == "Les produits des exposants"
    products = catalogue.find_elements(By.CSS_SELECTOR, "a.product-name")
    assert products and all("/products/" in link.get_attribute("href") for link in products)
    browser.execute_script("arguments[0].scrollIntoView()", catalogue)
    browser.save_screenshot("/tmp/market-catalogue-1280.png")
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    try:
        browser.get(market)
        browser.execute_script("arguments[0].scrollIntoView()", element(browser, "section.market-catalogue"))
        browser.save_screenshot("/tmp/market-catalogue-360.png")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    with urllib.request.urlopen(f"{market}/feed.atom", timeout=10) as response:
        feed = feedparser.parse(response.read())
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == [offer]
    browser.get(f"{zonehub}/zones/{ZONE}")
    assert title in element(browser, "p.markets").text
