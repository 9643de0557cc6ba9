"""Joining as a person does it, in a real headless Chromium, with the mail read from a real SMTP server (aiosmtpd):
a merchant signs up, follows the link from the mail, waits for the zone's admin, is approved, signs in and writes
an offer; a forgotten password is reset from the mail."""

import email
import email.policy
import time
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from test_mail import DEADLINE, hub, link, smtp  # noqa: F401 (fixtures)
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
