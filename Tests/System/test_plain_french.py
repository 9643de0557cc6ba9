"""Plain French in a real headless Chromium: the audit log reads as sentences and, like the transparency page, fits
a 360 px phone and shows no internal code."""

import os
import re
import uuid
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import post_json, sign_in as api_sign_in
from test_pages import click_and_wait_for_next_page, element, path_is, sign_in, wait

ADMIN = "admin.oise@demo.example.org"
MERCHANT = "marchand.oise@demo.example.org"
SHOP_SLUG, SHOP_NAME = "librairie-la-page-picarde", "Librairie La Page Picarde"
PHONE = 360
# Stored names that must never reach a reader: audit actions, screening reasons, subjects, raw details.
CODES = ["moderation.reject", "post.submit", "post.create", "trust.granted", "zone_policy_review", "new_merchant",
         "post:", "merchant:", '{"', "duplicate"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def on_phone(browser, url: str) -> int:
    """Opens `url` on a 360 px wide phone and returns how wide the document is."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    browser.get(url)
    width = browser.execute_script("return document.documentElement.scrollWidth")
    directory = os.environ.get("ZONEHUB_SCREENSHOTS")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        name = url.rstrip("/").rsplit("/", 1)[-1]
        browser.save_screenshot(str(Path(directory) / f"plain-french-{name}-{PHONE}.png"))
    return width


def no_code_in(text: str) -> list[str]:
    return [code for code in CODES if code in text]


def test_a_refusal_reads_as_a_sentence_in_the_audit_log_and_on_the_transparency_page_of_a_phone(zonehub, browser):
    title = f"Lectures de saison {uuid.uuid4().hex[:6]}"
    token = api_sign_in(zonehub, MERCHANT)
    status, post = post_json(f"{zonehub}/api/v1/posts", {
        "merchant": SHOP_SLUG, "zone": "oise", "kind": "news", "title": title, "body": "", "category": "livres",
        "submit": True}, token)
    assert status == 201 and post["status"] == "held", post

    sign_in(browser, zonehub, ADMIN)
    wait(browser).until(path_is("/dashboard"))
    browser.get(f"{zonehub}/zones/oise/moderation")
    item = element(browser, f"section.queue-item[data-post='{post['id']}']")
    reasons = item.find_element(By.CSS_SELECTOR, "ul.reasons").text
    assert reasons == "La zone relit chaque publication avant sa mise en ligne", reasons
    Select(item.find_element(By.CSS_SELECTOR, "form.reject select[name=reason]")).select_by_value("duplicate")
    click_and_wait_for_next_page(browser, item.find_element(By.CSS_SELECTOR, "form.reject button"))

    width = on_phone(browser, f"{zonehub}/zones/oise/moderation/audit")
    assert width <= PHONE, f"the audit log is {width} px wide on a {PHONE} px phone"
    entries = browser.find_elements(By.CSS_SELECTOR, "ol.audit > li")
    sentences = [entry.find_element(By.CSS_SELECTOR, "p").text for entry in entries]
    refusal = f"admin.oise a refusé « {title} » de {SHOP_NAME}."
    assert refusal in sentences, sentences[:5]
    submitted = f"marchand.oise a soumis la publication « {title} » de {SHOP_NAME}."
    assert submitted in sentences, sentences[:5]
    first = entries[sentences.index(refusal)]
    link = first.find_element(By.CSS_SELECTOR, "a")
    assert link.get_attribute("href").endswith(f"/posts/{post['id']}")
    assert "motif : Doublon" in first.text
    when = first.find_element(By.CSS_SELECTOR, "time").text
    assert re.fullmatch(r"le (1er|\d{1,2}) (" + "|".join(MONTHS) + r") 20\d\d à \d{1,2} h \d\d", when), when
    main = element(browser, "main").text
    assert no_code_in(main) == [], no_code_in(main)

    width = on_phone(browser, f"{zonehub}/zones/oise/transparency")
    assert width <= PHONE, f"the transparency page is {width} px wide on a {PHONE} px phone"
    months = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "ul.transparency h3")]
    assert months and all(re.fullmatch(r"[A-ZÉ][a-zéû]+ 20\d\d", month) for month in months), months
    assert any("Doublon : 1" in li.text for li in browser.find_elements(By.CSS_SELECTOR, "ul.transparency > li"))
    statements = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "ul.statements li")]
    assert any(f"publication n° {post['id']}" in s and "motif : Doublon" in s
               and "(retenue par : la zone relit chaque publication avant sa mise en ligne)" in s
               for s in statements), statements
    main = element(browser, "main").text
    assert no_code_in(main) == [] and not re.search(r"\b20\d\d-\d\d\b", main), main
    assert "admin.oise" not in main
