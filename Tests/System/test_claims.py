"""Claiming a listing as a shop does it, in a real headless Chromium, with the mail read from a real SMTP server
(aiosmtpd): a zone admin imports a spreadsheet of shops; a merchant signed in claims one by the link mailed to the
listing's own address and finds it in their space; another asks the zone's team, who compare the SIRETs and hand
it over. Set ZONEHUB_SCREENSHOTS to a directory to keep each page at 360 and 1280 pixels wide."""

import os
import uuid
from pathlib import Path

from selenium.webdriver.common.by import By

from test_mail import hub, link, run, smtp  # noqa: F401 (fixtures)
from test_membership import message_with, sign_out
from test_pages import click_and_wait_for_next_page, element, sign_in

SIRET = "73282932000074"


def screenshots(browser, name: str) -> None:
    """Keeps the page at a phone's width and a laptop's, when ZONEHUB_SCREENSHOTS names a directory."""
    directory = os.environ.get("ZONEHUB_SCREENSHOTS")
    if not directory:
        return
    Path(directory).mkdir(parents=True, exist_ok=True)
    for width in (360, 1280):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": min(height, 4000), "deviceScaleFactor": 1, "mobile": width < 600})
        browser.save_screenshot(str(Path(directory) / f"{name}-{width}.png"))
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def imported_listing(tmp_path, database, environment, email_address: str) -> tuple[str, str]:
    """A shop imported by the Oise admin from a CSV file, with its own address: (name, slug)."""
    name = f"Boulangerie {uuid.uuid4().hex[:6]}"
    sheet = tmp_path / "shops.csv"
    sheet.write_text(f"name,categories,commune,postcode,email,siret\n{name},alimentation,Beauvais,60000,"
                     f"{email_address},{SIRET}\n")
    output = run("merchants", "import", sheet, "--zone", "oise", "--as", "admin.oise@demo.example.org",
                 "--db", database, environment=environment)
    assert "imported 1 merchants into oise" in output
    return name, name.lower().replace(" ", "-")


def test_a_signed_in_merchant_claims_an_imported_listing_by_the_mailed_link(hub, browser, tmp_path):
    base_url, database, server, environment = hub
    shop_address = f"contact.{uuid.uuid4().hex[:6]}@boulangerie.example"
    name, slug = imported_listing(tmp_path, database, environment, shop_address)
    merchant = "marchand.oise@demo.example.org"

    sign_in(browser, base_url, merchant)
    browser.get(f"{base_url}/merchants/{slug}")
    screenshots(browser, "claim-1-listing")
    click_and_wait_for_next_page(browser, element(browser, "p.claim a"))
    assert name in element(browser, "main h1").text
    masked = "c•••@boulangerie.example"
    assert masked in element(browser, "section.claim-way").text
    screenshots(browser, "claim-2-ways")
    click_and_wait_for_next_page(browser, element(browser, f"form[action='/merchants/{slug}/claim/link'] button"))
    sent = element(browser, "main p.notice").text
    assert masked in sent and shop_address not in browser.page_source
    screenshots(browser, "claim-3-link-sent")

    # The link goes to the listing's own address, never to the merchant's.
    mail = message_with(server, shop_address, name)
    assert merchant in mail.get_body(preferencelist=("plain",)).get_content()
    browser.get(link(mail, "/claims/confirm"))
    screenshots(browser, "claim-4-confirm")
    click_and_wait_for_next_page(browser, element(browser, "form[action='/claims/confirm'] button"))
    assert name in element(browser, "main p.notice").text
    screenshots(browser, "claim-5-claimed")

    click_and_wait_for_next_page(browser, element(browser, "main a[href='/dashboard']"))
    space = element(browser, f"section.merchant-space[data-merchant='{slug}']")
    assert name in space.text
    screenshots(browser, "claim-6-dashboard")
    browser.get(f"{base_url}/merchants/{slug}")
    assert not browser.find_elements(By.CSS_SELECTOR, "p.claim")


def test_the_zone_team_hands_a_listing_over_after_comparing_sirets(hub, browser, tmp_path):
    base_url, database, server, environment = hub
    name, slug = imported_listing(tmp_path, database, environment, f"{uuid.uuid4().hex[:6]}@boulangerie.example")
    merchant = "marchand.oise@demo.example.org"

    sign_in(browser, base_url, merchant)
    browser.get(f"{base_url}/merchants/{slug}/claim")
    element(browser, "#siret").send_keys("732 829 320 00074")
    browser.find_element(By.ID, "message").send_keys("Je tiens cette boulangerie depuis 2019.")
    click_and_wait_for_next_page(browser, browser.find_element(
        By.CSS_SELECTOR, f"form[action='/merchants/{slug}/claim/review'] button"))
    assert "équipe de la zone" in element(browser, "main p.notice").text
    sign_out(browser)

    waiting = message_with(server, "admin.oise@demo.example.org", name)
    sign_in(browser, base_url, "admin.oise@demo.example.org")
    browser.get(link(waiting, "/moderation/claims"))
    item = element(browser, "article.sign-up-item")
    assert name in item.text and merchant in item.text and "Identiques" in item.text
    screenshots(browser, "claim-7-queue")
    click_and_wait_for_next_page(browser, item.find_element(By.CSS_SELECTOR, "form[action$='/approve'] button"))
    assert "Fiche confiée" in element(browser, "main p.notice").text
    sign_out(browser)

    approved = message_with(server, merchant, "est à vous")
    assert link(approved, "/merchants/").endswith(f"/merchants/{slug}")
    sign_in(browser, base_url, merchant)
    assert name in element(browser, f"section.merchant-space[data-merchant='{slug}']").text
