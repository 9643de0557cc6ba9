"""The merchant's forms in Chromium: opening hours entered day by day reach the public page, a post sent with
mistakes comes back with every error beside its field, and once corrected it is submitted with a message saying so;
withdrawing asks first. The forms fit a 360 px phone."""

import sqlite3

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from conftest import Server
from test_pages import click_and_wait_for_next_page, element, sign_in
from test_pop_up_organising import fits_a_phone

MERCHANT = "marchand.bassin-d-arcachon@demo.example.org"
SLUG = "cabane-a-huitres-le-pinasse"


def set_time(browser, field_id: str, value: str) -> None:
    """Types a time as the browser's own time field takes it (its display depends on the locale)."""
    browser.execute_script("document.getElementById(arguments[0]).value = arguments[1];", field_id, value)


def count_posts(database, merchant_slug: str) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT count(*) FROM post JOIN merchant ON merchant.id = post.merchantId WHERE merchant.slug = ?",
            (merchant_slug,)).fetchone()[0]


def test_hours_entered_day_by_day_show_on_the_public_page(database, tmp_path, browser):
    server = Server(database, tmp_path / "serve.log")
    try:
        sign_in(browser, server.url, MERCHANT)
        browser.get(f"{server.url}/dashboard/merchants/{SLUG}/edit")
        fits_a_phone(browser, "merchant-profile-form")
        for day in ("mo", "tu", "we", "th", "fr", "sa", "su"):
            closed = browser.find_element(By.NAME, f"hours-{day}-closed")
            if closed.is_selected():
                closed.click()
            for part in ("opens", "closes", "reopens", "closesAgain"):
                set_time(browser, f"hours-{day}-{part}", "")
        for day in ("tu", "we", "th", "fr"):
            for part, value in (("opens", "09:00"), ("closes", "12:30"), ("reopens", "14:00"), ("closesAgain", "19:00")):
                set_time(browser, f"hours-{day}-{part}", value)
        set_time(browser, "hours-sa-opens", "08:00")
        set_time(browser, "hours-sa-closes", "13:00")
        browser.find_element(By.NAME, "hours-su-closed").click()
        # A mistake on Monday first: the form comes back with it beside Monday and the other days kept.
        set_time(browser, "hours-mo-opens", "18:00")
        set_time(browser, "hours-mo-closes", "10:00")
        click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form.field-form .actions button"))
        error = element(browser, "#hours-mo-error")
        assert error.text == "Lundi : l'heure de fermeture doit venir après celle d'ouverture."
        assert browser.find_element(By.CSS_SELECTOR, "#form-errors a[href='#hours-mo']").text == error.text
        assert browser.find_element(By.ID, "hours-th-reopens").get_attribute("value") == "14:00"
        fits_a_phone(browser, "merchant-profile-errors")
        set_time(browser, "hours-mo-opens", "")
        set_time(browser, "hours-mo-closes", "")
        browser.find_element(By.NAME, "hours-mo-closed").click()
        if not browser.find_element(By.NAME, "hours-ph-closed").is_selected():
            browser.find_element(By.NAME, "hours-ph-closed").click()
        click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form.field-form .actions button"))

        assert browser.current_url.endswith(f"/merchants/{SLUG}?ok=merchant-saved")
        assert element(browser, "p.notice").text == "La fiche du commerce est enregistrée."
        rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "table.hours tr")]
        assert rows == [
            "Lundi fermé", "Du mardi au vendredi 9 h – 12 h 30 et 14 h – 19 h", "Samedi 8 h – 13 h", "Dimanche fermé",
            "Jours fériés fermé"], rows
        browser.get(f"{server.url}/dashboard/merchants/{SLUG}/edit")
        assert browser.find_element(By.ID, "hours-we-closesAgain").get_attribute("value") == "19:00"
        assert browser.find_element(By.NAME, "hours-mo-closed").is_selected()
    finally:
        server.stop()


def test_a_post_with_mistakes_is_corrected_submitted_and_withdrawn_after_confirmation(database, tmp_path, browser):
    server = Server(database, tmp_path / "serve.log")
    try:
        before = count_posts(database, SLUG)
        sign_in(browser, server.url, MERCHANT)
        browser.get(f"{server.url}/dashboard/posts/new?merchant={SLUG}")
        Select(element(browser, "#kind")).select_by_value("event")
        browser.find_element(By.ID, "body").send_keys("Dégustation d'huîtres sur le port.")
        browser.find_element(By.ID, "price").send_keys("douze euros")
        click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "button[value=submit]"))

        summary = element(browser, "#form-errors")
        assert "3 champs sont à corriger" in summary.text
        for field in ("title", "price", "eventAt"):
            box = browser.find_element(By.ID, field)
            assert box.get_attribute("aria-invalid") == "true"
            assert box.get_attribute("aria-describedby") == f"{field}-error"
            assert browser.find_element(By.ID, f"{field}-error").is_displayed()
        assert browser.find_element(By.ID, "body").get_attribute("value") == "Dégustation d'huîtres sur le port."
        assert browser.find_element(By.ID, "price").get_attribute("value") == "douze euros"
        assert count_posts(database, SLUG) == before
        fits_a_phone(browser, "post-form-errors")

        browser.find_element(By.ID, "title").send_keys("Dégustation du samedi")
        price = browser.find_element(By.ID, "price")
        price.clear()
        price.send_keys("12,50")
        browser.execute_script("document.getElementById('eventAt').value = '2099-06-13T11:00';")
        click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "button[value=submit]"))

        assert "/dashboard?ok=post-" in browser.current_url
        notice = element(browser, "p.notice")
        assert notice.text in (
            "La publication est en ligne.",
            "La publication est soumise : les modérateurs de la zone la relisent avant de la publier.")
        assert count_posts(database, SLUG) == before + 1
        browser.get(f"{server.url}/dashboard")  # reached any other way, the dashboard shows no message
        assert browser.find_elements(By.CSS_SELECTOR, "p.notice") == []

        post_id = browser.find_element(
            By.XPATH, "//tr[td/a[text()='Dégustation du samedi']]").get_attribute("id").removeprefix("post-")
        click_and_wait_for_next_page(
            browser, browser.find_element(By.CSS_SELECTOR, f"a[href='/dashboard/posts/{post_id}/withdraw']"))
        assert element(browser, "main h1").text == "Retirer la publication ?"
        assert "« Dégustation du samedi » disparaîtra du site" in browser.find_element(By.TAG_NAME, "main").text
        fits_a_phone(browser, "post-withdraw-confirmation")
        click_and_wait_for_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form.confirm-actions button"))
        assert element(browser, "p.notice").text == "La publication est retirée : elle n'est plus visible."
        assert browser.find_element(By.ID, f"post-{post_id}").get_attribute("data-status") == "withdrawn"
    finally:
        server.stop()
