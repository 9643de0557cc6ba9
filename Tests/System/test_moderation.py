"""A zone admin's journey through the moderation pages, in a real headless Chromium."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from test_pages import click_and_wait_for_next_page, element, path_is, sign_in, wait

ADMIN = "admin.centre-essonne@demo.example.org"
TO_APPROVE = "-20 % sur les confitures artisanales"
TO_REJECT = "Bols et tasses : nouvelle collection"


def queue_item(browser, title: str):
    """The queue section whose preview shows `title`."""
    for section in browser.find_elements(By.CSS_SELECTOR, "section.queue-item"):
        if section.find_element(By.CSS_SELECTOR, "article.post h1").text == title:
            return section
    raise AssertionError(f"no queue item titled {title!r} in {browser.current_url}")


def test_an_admin_approves_one_post_rejects_another_and_finds_both_in_the_audit_log(zonehub, browser):
    sign_in(browser, zonehub, ADMIN)
    wait(browser).until(path_is("/dashboard"))
    click_and_wait_for_next_page(
        browser, element(browser, "section.admin-zone[data-zone='centre-essonne'] a.button"))
    assert path_is("/zones/centre-essonne/moderation")(browser)
    assert "File de modération" in element(browser, "h1").text

    waiting = queue_item(browser, TO_APPROVE)
    assert "new_merchant" not in waiting.text
    click_and_wait_for_next_page(browser, waiting.find_element(By.CSS_SELECTOR, "button.approve"))

    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.queue-item article.post h1")]
    assert TO_APPROVE not in titles
    refused = queue_item(browser, TO_REJECT)
    Select(refused.find_element(By.CSS_SELECTOR, "form.reject select[name=reason]")).select_by_value("duplicate")
    refused.find_element(By.CSS_SELECTOR, "form.reject input[name=note]").send_keys("Déjà annoncé la semaine dernière")
    click_and_wait_for_next_page(browser, refused.find_element(By.CSS_SELECTOR, "form.reject button"))
    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.queue-item article.post h1")]
    assert TO_REJECT not in titles

    browser.get(f"{zonehub}/zones/centre-essonne")
    assert TO_APPROVE in [a.text for a in browser.find_elements(By.CSS_SELECTOR, "article.post-card h3 a")]

    browser.get(f"{zonehub}/zones/centre-essonne/moderation/audit")
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "ol.audit > li")]
    approvals = [row for row in rows if f"a approuvé « {TO_APPROVE} »" in row]
    rejections = [row for row in rows if f"a refusé « {TO_REJECT} »" in row]
    assert approvals and approvals[0].startswith("admin.centre-essonne a approuvé"), rows[:4]
    assert rejections and rejections[0].startswith("admin.centre-essonne a refusé") and "motif : Doublon" in rejections[0]

    browser.get(f"{zonehub}/zones/centre-essonne/transparency")
    assert "Doublon : 1" in element(browser, "ul.transparency").text
    assert "admin.centre-essonne" not in element(browser, "main").text


def test_an_admin_of_another_zone_cannot_open_this_queue(zonehub, browser):
    sign_in(browser, zonehub, "admin.oise@demo.example.org")
    wait(browser).until(path_is("/dashboard"))
    browser.get(f"{zonehub}/zones/centre-essonne/moderation")
    assert element(browser, "h1").text == "Accès refusé"
