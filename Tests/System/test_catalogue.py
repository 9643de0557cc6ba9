"""A merchant's catalogue in a real headless Chromium: a CSV file with broken rows is refused whole with every broken
line named, a good one is imported, and its products show on the merchant's page in plain French, with no sideways
scrolling on a 360 px phone."""

from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import fetch
from test_pages import click_and_wait_for_next_page, element, sign_in

MERCHANT = "epicerie-du-marche"
PHONE = 360

BROKEN = """nom;prix;unité;disponibilité;début saison;fin saison;catégorie
Tarte aux pommes;12,50;pièce;en stock;;;Pâtisseries
Galette des rois;-3;pièce;;;;Pâtisseries
Bûche pralinée;32;pièce;de saison;2026-12-24;2026-12-01;Fêtes
"""

GOOD = """nom;prix;unité;disponibilité;début saison;fin saison;catégorie;description
Tarte aux pommes;12,50;pièce;en stock;;;Pâtisseries;Pommes du Hurepoix, pâte brisée au beurre
Bûche pralinée;32;pièce;de saison;2026-12-01;2026-12-24;Fêtes;Pour huit personnes
Terrine de campagne;24,80;kg;sur commande;;;Charcuterie;
"""


def upload(browser, base_url: str, path: Path) -> None:
    browser.get(f"{base_url}/dashboard/merchants/{MERCHANT}/catalogue")
    element(browser, "input#file").send_keys(str(path))
    click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/import'] button"))


def width_at_phone(browser, url: str) -> int:
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": PHONE, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    try:
        browser.get(url)
        element(browser, "h1")
        return browser.execute_script("return document.documentElement.scrollWidth")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_merchant_imports_a_catalogue_from_a_csv_file_and_it_shows_on_the_merchant_page(zonehub, browser,
                                                                                         tmp_path):
    sign_in(browser, zonehub, "marchand.centre-essonne@demo.example.org")
    browser.get(f"{zonehub}/dashboard")
    click_and_wait_for_next_page(
        browser, element(browser, f"a[href='/dashboard/merchants/{MERCHANT}/catalogue']"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Catalogue")

    broken = tmp_path / "catalogue-faux.csv"
    broken.write_text(BROKEN, encoding="utf-8")
    upload(browser, zonehub, broken)
    alert = element(browser, ".import-errors").text
    assert "Ligne 3" in alert and "Le prix s'écrit comme 12,50" in alert
    assert "Ligne 4" in alert and "La fin de la saison" in alert
    assert "Ligne 2" not in alert
    status, page = fetch(f"{zonehub}/merchants/{MERCHANT}")
    assert status == 200 and "Tarte aux pommes" not in page, "a refused file wrote a product"

    good = tmp_path / "catalogue.csv"
    good.write_text(GOOD, encoding="utf-8")
    upload(browser, zonehub, good)
    assert element(browser, ".notice").text == "3 produits importés"
    browser.save_screenshot(str(tmp_path / "catalogue-1280.png"))

    browser.get(f"{zonehub}/merchants/{MERCHANT}")
    section = element(browser, "section.products").text
    assert "Produits" in section and "Pâtisseries" in section
    assert "Tarte aux pommes" in section and "12,50 € la pièce" in section
    assert "De saison : du 1er décembre au 24 décembre" in section
    assert "24,80 € le kg" in section and "Sur commande" in section
    browser.save_screenshot(str(tmp_path / "merchant-1280.png"))
    product = browser.find_element(By.LINK_TEXT, "Tarte aux pommes").get_attribute("href")

    for url in (f"{zonehub}/merchants/{MERCHANT}", f"{zonehub}/dashboard/merchants/{MERCHANT}/catalogue", product):
        width = width_at_phone(browser, url)
        assert width <= PHONE, f"{url} is {width} px wide on a {PHONE} px phone"
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": PHONE, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    browser.get(f"{zonehub}/merchants/{MERCHANT}#produits")
    element(browser, "section.products")
    browser.save_screenshot(str(tmp_path / "merchant-360.png"))
