"""A merchant's logo, uploaded in a real headless Chromium: stripped of its GPS position, shown with `srcset` on the
merchant page under a security policy that loads images from the hub only."""
import io
import os
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, ImageDraw
from selenium.webdriver.common.by import By

from test_pages import click_and_wait_for_next_page, element, merchant_email, sign_in, until

SCREENSHOTS = Path(os.environ.get("ZONEHUB_SCREENSHOTS", "/tmp"))


def photo_with_gps(path: Path) -> Path:
    """A 1,200 × 800 JPEG whose EXIF carries a GPS position (Paris) and a camera name."""
    image = Image.new("RGB", (1200, 800), (30, 90, 160))
    ImageDraw.Draw(image).rectangle([100, 100, 1100, 700], fill=(240, 200, 60))
    exif = Image.Exif()
    exif[0x010F] = "ZonehubTestCamera"
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 23.76), 3: "E", 4: (2.0, 21.0, 7.92)}
    image.save(path, quality=90, exif=exif)
    assert Image.open(path).getexif().get_ifd(0x8825), "the test photo must carry a GPS position"
    return path


def open_photo_page(browser, base_url: str) -> str:
    """Signs in as Dordogne's demo merchant and opens the logo and photos page; returns the merchant's slug."""
    sign_in(browser, base_url, merchant_email("dordogne"))
    browser.get(f"{base_url}/dashboard")
    link = element(browser, "a[href$='/photos']")
    click_and_wait_for_next_page(browser, link)
    return urlsplit(browser.current_url).path.split("/")[3]


def upload(browser, file: Path, alt: str) -> None:
    browser.find_element(By.ID, "logo-photo").send_keys(str(file))
    browser.find_element(By.ID, "logo-alt").send_keys(alt)
    form = browser.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data']")
    click_and_wait_for_next_page(browser, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))


def test_a_text_file_named_jpg_is_refused_with_a_clear_message(zonehub, browser, tmp_path):
    open_photo_page(browser, zonehub)
    fake = tmp_path / "devanture.jpg"
    fake.write_text("Ceci n'est pas une photo.\n")
    upload(browser, fake, "Devanture")
    assert "Ce fichier n'est pas une image : envoyez une photo JPEG, PNG ou WebP." in element(browser, ".error").text


def test_a_merchant_uploads_a_logo_shown_with_srcset_and_without_its_gps(zonehub, browser, tmp_path):
    slug = open_photo_page(browser, zonehub)
    upload(browser, photo_with_gps(tmp_path / "logo.jpg"), "Logo jaune sur fond bleu")
    assert element(browser, ".photo-manager figcaption").text == "Logo jaune sur fond bleu"

    browser.get(f"{zonehub}/merchants/{slug}")
    logo = element(browser, "img.merchant-logo")
    assert logo.get_attribute("alt") == "Logo jaune sur fond bleu"
    srcset = logo.get_attribute("srcset")
    assert [candidate.split()[-1] for candidate in srcset.split(", ")] == ["320w", "640w", "1200w"]
    # Loaded under the page's policy, from the hub itself.
    until(browser, lambda driver: driver.execute_script(
        "const i = document.querySelector('img.merchant-logo'); return i.complete && i.naturalWidth > 0"))
    with urllib.request.urlopen(f"{zonehub}/merchants/{slug}") as response:
        policy = response.headers["Content-Security-Policy"]
    assert "img-src 'self';" in policy and "https:" not in policy

    for candidate in srcset.split(", "):
        address = candidate.split()[0]
        assert address.startswith("/photos/")
        with urllib.request.urlopen(zonehub + address) as response:
            assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            served = Image.open(io.BytesIO(response.read()))
        assert not served.getexif(), f"{address} still carries EXIF"
        assert "exif" not in served.info and "xmp" not in served.info

    browser.save_screenshot(str(SCREENSHOTS / "merchant-logo-1280.png"))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True})
    browser.get(f"{zonehub}/merchants/{slug}")
    element(browser, "img.merchant-logo")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    browser.save_screenshot(str(SCREENSHOTS / "merchant-logo-360.png"))
