"""Joining as a person does it, in a real headless Chromium, with the mail read from a real SMTP server (aiosmtpd):
a merchant signs up, follows the link from the mail, waits for the zone's admin, is approved, signs in and writes
an offer; a forgotten password is reset from the mail."""

import email
import email.policy
import json
import time
import urllib.request
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from test_mail import DEADLINE, http, hub, link, smtp  # noqa: F401 (fixtures)
from test_pages import click_and_wait_for_next_page, element, sign_in, submit_offer

PASSWORD = "fromages-de-l-oise"


def message_with(server, address: str, subject: str) -> email.message.EmailMessage:
    """The first mail to `address` whose subject holds `subject`, waiting for it to arrive."""
    deadline = time.monotonic() + DEADLINE
    while True:
        for path in server.to(address):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if subject in message["Subject"]:
                return message
        assert time.monotonic() < deadline, f"no mail to {address} about {subject!r}"
        time.sleep(0.05)  # poll interval, not a wait for a particular event


def sign_out(browser) -> None:
    click_and_wait_for_next_page(browser, element(browser, "header.site form[action='/sign-out'] button"))


def test_a_merchant_signs_up_is_approved_and_writes_an_offer(hub, browser):
    base_url, _, server, _ = hub
    shop = f"Fromagerie {uuid.uuid4().hex[:6]}"
    address = f"{shop.split()[1]}@example.org"
    browser.get(f"{base_url}/sign-in")
    click_and_wait_for_next_page(browser, element(browser, "a[href='/sign-up']"))
    element(browser, "#shopName").send_keys(shop)
    Select(browser.find_element(By.ID, "category")).select_by_value("alimentation")
    Select(browser.find_element(By.ID, "commune")).select_by_value("oise|60000|Beauvais")
    browser.find_element(By.ID, "email").send_keys(address)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/sign-up'] button"))
    assert "Vérifiez vos e-mails" in element(browser, "main h1").text

    confirmation = message_with(server, address, "Confirmez votre adresse e-mail")
    browser.get(link(confirmation, "/sign-up/confirm"))
    click_and_wait_for_next_page(browser, element(browser, "form[action='/sign-up/confirm'] button"))
    assert "va examiner votre inscription" in element(browser, "main p.notice").text

    # Not before the zone's admin says yes: the sign-in page says why.
    sign_in(browser, base_url, address, PASSWORD)
    assert "attend la validation" in element(browser, "main p.error").text

    waiting = message_with(server, "admin.oise@demo.example.org", shop)
    sign_in(browser, base_url, "admin.oise@demo.example.org")
    browser.get(link(waiting, "/moderation/sign-ups"))
    item = element(browser, "article.sign-up-item")
    assert shop in item.text and address in item.text
    click_and_wait_for_next_page(browser, item.find_element(By.CSS_SELECTOR, "form[action$='/approve'] button"))
    assert "Inscription acceptée" in element(browser, "main p.notice").text
    sign_out(browser)

    welcome = message_with(server, address, "Bienvenue")
    slug = link(welcome, "/merchants/").rsplit("/", 1)[1]
    sign_in(browser, base_url, address, PASSWORD)
    post = submit_offer(browser, slug, f"Plateau de fromages {shop}")
    # Oise reviews a new merchant's first posts.
    row = element(browser, f"#post-{post}")
    assert row.find_element(By.CSS_SELECTOR, "td.status").text == "En attente de validation"


def test_a_forgotten_password_is_reset_from_the_mail(hub, browser):
    base_url, _, server, _ = hub
    address = "marchand.dordogne@demo.example.org"
    browser.get(f"{base_url}/sign-in")
    click_and_wait_for_next_page(browser, element(browser, "a[href='/password-reset']"))
    element(browser, "#email").send_keys(address)
    click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/password-reset'] button"))
    assert "Si un compte utilise" in element(browser, "main p.notice").text

    reset = message_with(server, address, "nouveau mot de passe")
    browser.get(link(reset, "/password-reset/new"))
    element(browser, "#password").send_keys("un-nouveau-secret")
    browser.find_element(By.ID, "confirm").send_keys("un-nouveau-secret")
    click_and_wait_for_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, "form[action='/password-reset/new'] button"))
    assert "tous vos appareils ont été déconnectés" in element(browser, "main p.notice").text

    sign_in(browser, base_url, address, "un-nouveau-secret")
    element(browser, "section.merchant-space")
    # The link worked once.
    browser.get(link(reset, "/password-reset/new"))
    assert "Lien expiré" in element(browser, "main h1").text


def test_a_resident_signs_up_and_confirms_from_the_mail(hub, browser):
    base_url, _, server, _ = hub
    address = f"habitante.{uuid.uuid4().hex[:6]}@example.org"
    browser.get(f"{base_url}/sign-in")
    click_and_wait_for_next_page(browser, element(browser, "a[href='/sign-up/resident']"))
    element(browser, "#displayName").send_keys("Camille")
    browser.find_element(By.ID, "email").send_keys(address)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    click_and_wait_for_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, "form[action='/sign-up/resident'] button"))
    assert "Vérifiez vos e-mails" in element(browser, "main h1").text

    confirmation = message_with(server, address, "Confirmez votre adresse e-mail")
    browser.get(link(confirmation, "/sign-up/confirm"))
    click_and_wait_for_next_page(browser, element(browser, "form[action='/sign-up/confirm'] button"))
    assert "Votre compte est actif" in element(browser, "main p.notice").text

    sign_in(browser, base_url, address, PASSWORD)
    browser.get(f"{base_url}/dashboard")
    assert "Bonjour Camille" in element(browser, "main h1").text
    assert element(browser, "main a[href='/subscribe']").text == "Recevoir le résumé"

    # What the account is for: reporting a post.
    browser.get(f"{base_url}/zones/dordogne")
    click_and_wait_for_next_page(browser, element(browser, "main h3 a[href^='/posts/']"))
    element(browser, "details.report summary").click()
    Select(element(browser, "#report-reason")).select_by_index(1)
    element(browser, "#report-note").send_keys("Prix trompeur")
    click_and_wait_for_next_page(browser, element(browser, "details.report form button"))
    assert "votre signalement a été transmis" in element(browser, "main p.notice").text


def test_a_merchant_deletes_their_account_and_their_shops_leave_the_hub(hub, browser):
    base_url, _, server, _ = hub
    address = "marchand.bassin-d-arcachon@demo.example.org"
    sign_in(browser, base_url, address)
    browser.get(f"{base_url}/dashboard")
    click_and_wait_for_next_page(browser, element(browser, "main a[href='/dashboard/delete']"))
    assert "« Cabane à Huîtres Le Pinasse »" in element(browser, "main ul").text
    # The data first, as the page offers: the file its link downloads, fetched with the browser's session.
    download = element(browser, "main a[href='/dashboard/data']")
    assert download.get_attribute("download") is not None
    cookies = "; ".join(f"{cookie['name']}={cookie['value']}" for cookie in browser.get_cookies())
    request = urllib.request.Request(download.get_attribute("href"), headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.headers["Content-Disposition"].startswith("attachment")
        data = json.load(answer)
    assert data["account"]["email"] == address
    assert "Cabane à Huîtres Le Pinasse" in [shop["profile"]["name"] for shop in data["shops"]]
    element(browser, "#password").send_keys("demo-zonehub-2026")
    click_and_wait_for_next_page(browser, element(browser, "form[action='/dashboard/delete'] button"))
    assert "Votre compte est supprimé" in element(browser, "main p.notice").text

    # Signed out, and the shops are gone from the zone's page; their pages are not found.
    assert not browser.find_elements(By.CSS_SELECTOR, "header.site form[action='/sign-out']")
    browser.get(f"{base_url}/zones/bassin-d-arcachon")
    assert "Cabane à Huîtres" not in element(browser, "main").text
    status, _ = http(f"{base_url}/merchants/cabane-a-huitres-le-pinasse")
    assert status == 404

    goodbye = message_with(server, address, "Votre compte est supprimé")
    text = goodbye.get_body(preferencelist=("plain",)).get_content()
    assert "Fiches de commerce retirées de l'annuaire : 2" in text
