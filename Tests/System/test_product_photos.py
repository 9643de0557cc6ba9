"""A product's photos, in a real headless Chromium with real image files: uploaded on the product's edit page (a
text file named .jpg and a photo without words refused in French), shown with `srcset` on the product's page and as
a thumbnail in the shop's list and in search results, stripped of its GPS position, removed after a confirmation
page. Search finds the product with or without its accents and names its merchant; merchants' cards show their logo;
the zone's feeds announce the product. Pages stay within a 360 px phone."""
import io
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import feedparser
from PIL import Image
from selenium.webdriver.common.by import By

from test_pages import click_and_wait_for_next_page, element, sign_in, until
from test_photos import photo_with_gps

SCREENSHOTS = Path(os.environ.get("ZONEHUB_SCREENSHOTS", "/tmp"))
MERCHANT = "epicerie-du-marche"
ZONE = "centre-essonne"
PRODUCT = "Miel de fleurs du Gâtinais"
PHONE = 360


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def open_product_editor(browser, base_url: str) -> str:
    """Signs in as the Épicerie's merchant and opens the honey's edit page; returns the product's public path."""
    sign_in(browser, base_url, f"marchand.{ZONE}@demo.example.org")
    browser.get(f"{base_url}/dashboard/merchants/{MERCHANT}/catalogue")
    item = element(browser, "ul.catalogue-list").find_element(
        By.XPATH, f".//li[contains(., '{PRODUCT}')]")
    click_and_wait_for_next_page(browser, item.find_element(By.LINK_TEXT, "Modifier"))
    product_id = re.search(r"/catalogue/(\d+)/edit$", browser.current_url).group(1)
    return f"/merchants/{MERCHANT}/products/{product_id}"


def upload(browser, file: Path, alt: str) -> None:
    element(browser, "#product-photo").send_keys(str(file))
    field = browser.find_element(By.ID, "product-alt")
    field.clear()
    field.send_keys(alt)
    form = browser.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data']")
    click_and_wait_for_next_page(browser, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))


def scroll_width_at_phone(browser, url: str, screenshot: str) -> int:
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": PHONE, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    try:
        browser.get(url)
        element(browser, "h1")
        browser.save_screenshot(str(SCREENSHOTS / f"{screenshot}-{PHONE}.png"))
        return browser.execute_script("return document.documentElement.scrollWidth")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_merchant_adds_and_removes_a_product_photo_shown_on_the_product_the_shop_and_search(
        zonehub, browser, tmp_path):
    product = open_product_editor(browser, zonehub)
    editor = browser.current_url
    assert element(browser, "#photos h2").text == "Photos du produit (0/4)"

    fake = tmp_path / "miel.jpg"
    fake.write_text("Ceci n'est pas une photo.\n")
    upload(browser, fake, "Pot de miel")
    assert "Ce fichier n'est pas une image : envoyez une photo JPEG, PNG ou WebP." in element(
        browser, "#photos .error").text
    assert browser.find_element(By.ID, "name").get_attribute("value") == PRODUCT, "the product's form was lost"

    # Without words, bypassing the browser's own check: the hub refuses it too, and stores nothing.
    # A picture of its own: the session's hub keeps the other tests' photos, and one still placed elsewhere (the same
    # bytes as another test's logo) is rightly kept when taken off the product.
    photo = photo_with_gps(tmp_path / "miel-gps.jpg", fill=(200, 120, 40))
    browser.execute_script("document.getElementById('product-alt').removeAttribute('required')")
    upload(browser, photo, "   ")
    assert "Décrivez la photo en quelques mots" in element(browser, "#photos .error").text
    assert element(browser, "#photos h2").text == "Photos du produit (0/4)"

    upload(browser, photo, "Pot de miel doré sur une nappe bleue")
    assert element(browser, "#photos h2").text == "Photos du produit (1/4)"
    assert element(browser, "#photos figcaption").text == "Pot de miel doré sur une nappe bleue"
    browser.save_screenshot(str(SCREENSHOTS / "product-photos-editor-1280.png"))

    browser.get(zonehub + product)
    image = element(browser, ".product-page .photo-gallery img")
    assert image.get_attribute("alt") == "Pot de miel doré sur une nappe bleue"
    srcset = image.get_attribute("srcset")
    assert [candidate.split()[-1] for candidate in srcset.split(", ")] == ["320w", "640w", "1200w"]
    until(browser, lambda driver: driver.execute_script(
        "const i = document.querySelector('.photo-gallery img'); return i.complete && i.naturalWidth > 0"))
    addresses = [candidate.split()[0] for candidate in srcset.split(", ")]
    for address in addresses:
        status, body = fetch(zonehub + address)
        assert status == 200, address
        served = Image.open(io.BytesIO(body))
        assert not served.getexif() and "exif" not in served.info, f"{address} still carries EXIF"
    browser.save_screenshot(str(SCREENSHOTS / "product-page-1280.png"))

    browser.get(f"{zonehub}/merchants/{MERCHANT}")
    thumbnail = element(browser, f"li.product a[href='{product}']").find_element(
        By.XPATH, "./preceding-sibling::img[@class='product-thumbnail']")
    assert thumbnail.get_attribute("alt") == "Pot de miel doré sur une nappe bleue"

    for words in ("miel gâtinais", "MIEL GATINAIS", "gatin"):
        browser.get(f"{zonehub}/search?q={urllib.parse.quote(words)}")
        card = element(browser, f"article.product-card:has(a[href='{product}'])")
        assert "chez Épicerie du Marché" in card.text and PRODUCT in card.text, words
        assert "9,50 € le pot" in card.text
        assert card.find_element(By.CSS_SELECTOR, "img.product-thumbnail").get_attribute("alt") == (
            "Pot de miel doré sur une nappe bleue")
    browser.save_screenshot(str(SCREENSHOTS / "search-product-1280.png"))
    for url, name in ((zonehub + product, "product-page"), (editor, "product-photos-editor"),
                      (f"{zonehub}/search?q=miel", "search-product"), (f"{zonehub}/merchants/{MERCHANT}", "merchant-products")):
        width = scroll_width_at_phone(browser, url, name)
        assert width <= PHONE, f"{url} is {width} px wide on a {PHONE} px phone"

    browser.get(editor)
    click_and_wait_for_next_page(browser, element(browser, "#photos .photo-manager a"))
    assert element(browser, "h1").text == "Retirer cette photo ?"
    assert "Pot de miel doré sur une nappe bleue" in element(browser, "main").text
    click_and_wait_for_next_page(browser, element(browser, "form button.danger"))
    assert element(browser, "#photos h2").text == "Photos du produit (0/4)"
    assert fetch(zonehub + addresses[0])[0] == 404, "a photo placed nowhere is deleted"
    browser.get(zonehub + product)
    assert not browser.find_elements(By.CSS_SELECTOR, ".photo-gallery img")


def test_search_and_directory_cards_show_the_merchants_logo_with_its_words(zonehub, browser, tmp_path):
    sign_in(browser, zonehub, f"marchand.{ZONE}@demo.example.org")
    browser.get(f"{zonehub}/dashboard/merchants/{MERCHANT}/photos")
    element(browser, "#logo-photo").send_keys(str(photo_with_gps(tmp_path / "logo.jpg")))
    browser.find_element(By.ID, "logo-alt").send_keys("Enseigne verte de l'épicerie")
    click_and_wait_for_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, "form:has(#logo-photo) button[type='submit']"))
    browser.delete_all_cookies()

    browser.get(f"{zonehub}/search?q=epicerie+marche&kind=merchant")
    card = element(browser, f"article.merchant-card:has(a[href='/merchants/{MERCHANT}'])")
    logo = card.find_element(By.CSS_SELECTOR, "img.merchant-logo")
    assert logo.get_attribute("alt") == "Enseigne verte de l'épicerie"
    browser.save_screenshot(str(SCREENSHOTS / "search-logo-1280.png"))
    browser.get(f"{zonehub}/zones/{ZONE}/directory")
    card = element(browser, f"article.merchant-card:has(a[href='/merchants/{MERCHANT}'])")
    assert card.find_element(By.CSS_SELECTOR, "img.merchant-logo").get_attribute("alt") == (
        "Enseigne verte de l'épicerie")
    # A merchant without a logo shows no image at all, rather than an empty one.
    for other in browser.find_elements(By.CSS_SELECTOR, "article.merchant-card"):
        for image in other.find_elements(By.TAG_NAME, "img"):
            assert image.get_attribute("alt"), "an image on a card without words"


def test_the_zone_feeds_announce_new_products_with_a_link_to_their_page(zonehub):
    prefix = "Nouveau produit chez Épicerie du Marché : "
    for extension in ("atom", "rss"):
        status, body = fetch(f"{zonehub}/zones/{ZONE}/feed.{extension}")
        assert status == 200
        parsed = feedparser.parse(body)
        assert not parsed.bozo, parsed.get("bozo_exception")
        announced = [entry for entry in parsed.entries if entry.title.startswith(prefix)]
        # The merchant's newest products, three at most, so that a whole catalogue does not fill the feed.
        assert 1 <= len(announced) <= 3, [entry.title for entry in parsed.entries]
        for entry in announced:
            assert re.fullmatch(rf"{re.escape(zonehub)}/merchants/{MERCHANT}/products/\d+", entry.link)
            assert entry.id == entry.link
            assert "€" in (entry.content[0].value if extension == "atom" else entry.description)
            status, page = fetch(entry.link)
            assert status == 200 and entry.title.removeprefix(prefix) in page.decode()
        # The products among themselves, newest first. The whole feed is not checked here: the session's hub holds the
        # other tests' posts, which keep the order the posts' store gives them.
        dates = [entry.published_parsed for entry in announced]
        assert dates == sorted(dates, reverse=True), "products are not newest first"
