"""The pages as a resident and a merchant use them, in a real headless Chromium."""

import re
import uuid
from urllib.parse import urlsplit

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from conftest import DEMO_PASSWORD

WAIT_SECONDS = 15


def merchant_email(zone: str) -> str:
    return f"marchand.{zone}@demo.example.org"


def wait(browser) -> WebDriverWait:
    return WebDriverWait(browser, WAIT_SECONDS)


def path_is(path: str):
    return lambda browser: urlsplit(browser.current_url).path == path


# What chromedriver answers, instead of "stale element", when a node is looked up while its document is being
# replaced by the next one (SeleniumHQ/selenium#15401): the moment passes, so a wait takes it as "not yet".
BETWEEN_DOCUMENTS = ("does not belong to the document", "no such execution context", "document unloaded")


def between_documents(error: WebDriverException) -> bool:
    return not isinstance(error, StaleElementReferenceException) and any(
        message in (error.msg or "") for message in BETWEEN_DOCUMENTS
    )


def until(browser, condition):
    """Waits for `condition`, asking again when it was asked between two documents."""

    def settled(driver):
        try:
            return condition(driver)
        except WebDriverException as error:
            if between_documents(error):
                return False
            raise

    return wait(browser).until(settled)


def element(browser, css: str):
    return until(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def click_and_wait_for_next_page(browser, target) -> None:
    """Clicks `target` and waits until the page it was on has been replaced and the next one is loaded.

    Waiting on the address alone is not enough: the address can change before the new document is loaded, and an
    element looked up in between belongs to a document that is going away. Asking the old page whether it is still
    there can itself fail that way while Chromium swaps documents, which `until` takes as "not yet".
    """
    page = browser.find_element(By.TAG_NAME, "html")
    target.click()
    until(browser, EC.staleness_of(page))
    until(browser, lambda driver: driver.execute_script("return document.readyState") == "complete")


def sign_in(browser, base_url: str, email: str, password: str = DEMO_PASSWORD) -> None:
    browser.get(f"{base_url}/sign-in")
    element(browser, "#email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button"))


def submit_offer(browser, merchant_slug: str, title: str) -> int:
    """From the dashboard, writes an offer for `merchant_slug`, clicks "Soumettre"; returns the new post's id."""
    space = element(browser, f"section.merchant-space[data-merchant='{merchant_slug}']")
    click_and_wait_for_next_page(browser, space.find_element(By.LINK_TEXT, "Nouvelle publication"))
    wait(browser).until(EC.url_contains(f"/dashboard/posts/new?merchant={merchant_slug}"))
    Select(element(browser, "#kind")).select_by_value("offer")
    browser.find_element(By.ID, "title").send_keys(title)
    browser.find_element(By.ID, "body").send_keys("Légumes du jour et pain de campagne, à retirer en boutique.")
    Select(browser.find_element(By.ID, "category")).select_by_value("alimentation")
    browser.find_element(By.ID, "price").send_keys("12,50")
    click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "button[name=action][value=submit]"))
    wait(browser).until(EC.url_matches(r"/dashboard\?ok=post-[a-z]+#post-\d+$"))
    return int(re.search(r"#post-(\d+)$", browser.current_url).group(1))


def unique_title() -> str:
    return f"Panier du terroir {uuid.uuid4().hex[:8]}"


def header_links(browser) -> list[str]:
    return [link.text for link in browser.find_elements(By.CSS_SELECTOR, "header.site nav a")]


def test_home_page_lists_the_four_zones_in_french(zonehub, browser):
    browser.get(zonehub)

    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    cards = browser.find_elements(By.CSS_SELECTOR, "li.zone-card")
    assert len(cards) == 4
    names = {card.find_element(By.CSS_SELECTOR, "a strong").text for card in cards}
    assert names == {"Centre-Essonne", "Oise", "Dordogne", "Bassin d'Arcachon"}
    links = {urlsplit(card.find_element(By.TAG_NAME, "a").get_attribute("href")).path for card in cards}
    assert links == {"/zones/centre-essonne", "/zones/oise", "/zones/dordogne", "/zones/bassin-d-arcachon"}


def test_postcode_search_finds_the_commune_and_leads_to_its_zone(zonehub, browser):
    browser.get(zonehub)
    element(browser, "form.search #q").send_keys("91100")
    click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form.search button[type=submit]"))
    wait(browser).until(path_is("/zones/search"))

    matches = [item for item in browser.find_elements(By.CSS_SELECTOR, "li.commune-match")
               if "Corbeil-Essonnes" in item.text]
    assert [item.text for item in matches] == ["Corbeil-Essonnes (91100) → Centre-Essonne"]
    zone_link = matches[0].find_element(By.TAG_NAME, "a")
    click_and_wait_for_next_page(browser, zone_link)
    wait(browser).until(path_is("/zones/centre-essonne"))
    assert element(browser, "main h1").text == "Centre-Essonne"


def test_offer_submitted_in_a_review_zone_waits_for_validation(zonehub, browser):
    sign_in(browser, zonehub, merchant_email("centre-essonne"))
    wait(browser).until(path_is("/dashboard"))
    title = unique_title()

    post_id = submit_offer(browser, "epicerie-du-marche", title)

    row = element(browser, f"section.merchant-space[data-merchant='epicerie-du-marche'] tr#post-{post_id}")
    assert row.find_element(By.CSS_SELECTOR, "td a").text == title
    assert row.get_attribute("data-status") == "held"
    assert row.find_element(By.CSS_SELECTOR, "td.status").text == "En attente de validation"


def test_offer_submitted_in_a_publish_zone_appears_on_the_zone_and_post_pages(zonehub, browser):
    sign_in(browser, zonehub, merchant_email("dordogne"))
    wait(browser).until(path_is("/dashboard"))
    title = unique_title()

    post_id = submit_offer(browser, "conserverie-du-perigord-noir", title)

    row = element(browser, f"section.merchant-space[data-merchant='conserverie-du-perigord-noir'] tr#post-{post_id}")
    assert row.find_element(By.CSS_SELECTOR, "td a").text == title
    assert row.get_attribute("data-status") == "published"
    browser.get(f"{zonehub}/zones/dordogne")
    titles = {link.text: urlsplit(link.get_attribute("href")).path
              for link in browser.find_elements(By.CSS_SELECTOR, "article.post-card h3 a")}
    assert titles.get(title) == f"/posts/{post_id}"
    browser.get(f"{zonehub}/posts/{post_id}")
    assert element(browser, "main h1").text == title
    assert browser.find_element(By.CSS_SELECTOR, "main li.price").text == "12,50 €"


def test_wrong_password_shows_an_error_and_opens_no_session(zonehub, browser):
    sign_in(browser, zonehub, merchant_email("centre-essonne"), password="pas-le-bon-mot-de-passe")

    assert urlsplit(browser.current_url).path == "/sign-in"
    assert "mot de passe incorrect" in element(browser, "main p.error[role=alert]").text
    assert browser.find_elements(By.CSS_SELECTOR, "section.merchant-space") == []
    assert "Se connecter" in header_links(browser)
    browser.get(f"{zonehub}/dashboard")
    assert element(browser, "main h1").text == "Connexion nécessaire"
    assert browser.find_elements(By.CSS_SELECTOR, "section.merchant-space") == []


def test_signing_out_leaves_a_header_that_offers_signing_in(zonehub, browser):
    sign_in(browser, zonehub, merchant_email("oise"))
    wait(browser).until(path_is("/dashboard"))
    sign_out = element(browser, "header.site form[action='/sign-out'] button")
    assert sign_out.text == "Se déconnecter"

    click_and_wait_for_next_page(browser, sign_out)

    wait(browser).until(path_is("/"))
    assert "Se connecter" in header_links(browser)
    assert "Mon espace" not in header_links(browser)
    assert browser.find_elements(By.CSS_SELECTOR, "header.site form[action='/sign-out']") == []
