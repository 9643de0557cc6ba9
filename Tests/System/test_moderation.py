"""A zone admin's journey through the moderation pages, in a real headless Chromium."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from selenium.webdriver.support import expected_conditions as EC

from test_pages import click_and_wait_for_next_page, element, path_is, sign_in, until, wait

ADMIN = "admin.centre-essonne@demo.example.org"
TO_APPROVE = "-20 % sur les confitures artisanales"
TO_REJECT = "Bols et tasses : nouvelle collection"


def queue_item(browser, title: str):
    """The queue section whose preview shows `title`."""
    for section in browser.find_elements(By.CSS_SELECTOR, "section.queue-item"):
        if section.find_element(By.CSS_SELECTOR, "h2.queue-title").text == title:
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

    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.queue-item h2.queue-title")]
    assert TO_APPROVE not in titles
    refused = queue_item(browser, TO_REJECT)
    Select(refused.find_element(By.CSS_SELECTOR, "form.reject select[name=reason]")).select_by_value("duplicate")
    refused.find_element(By.CSS_SELECTOR, "form.reject input[name=note]").send_keys("Déjà annoncé la semaine dernière")
    click_and_wait_for_next_page(browser, refused.find_element(By.CSS_SELECTOR, "form.reject button"))
    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.queue-item h2.queue-title")]
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


PHONE = 360
TAB_ORDER = ["p.meta a", "button.approve", "#reason-{id}", "#note-{id}", "button.reject", "#changes-{id}",
             "button.secondary", "input[type=checkbox]"]


def active(browser):
    return browser.switch_to.active_element


def test_a_volunteer_works_through_the_queue_on_a_phone_with_the_keyboard(zonehub, browser):
    import uuid

    from selenium.webdriver.common.keys import Keys

    from conftest import post_json, sign_in as api_sign_in

    token = api_sign_in(zonehub, "marchand.oise@demo.example.org")
    titles = [f"Rentrée littéraire {uuid.uuid4().hex[:6]}" for _ in range(3)]
    ids = []
    for title in titles:
        status, post = post_json(f"{zonehub}/api/v1/posts", {
            "merchant": "librairie-la-page-picarde", "zone": "oise", "kind": "news", "title": title,
            "body": "Dédicaces samedi.", "category": "livres", "submit": True}, token)
        assert status == 201 and post["status"] == "held", post
        ids.append(post["id"])

    sign_in(browser, zonehub, "admin.oise@demo.example.org")
    wait(browser).until(path_is("/dashboard"))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    browser.get(f"{zonehub}/zones/oise/moderation")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE
    assert len(browser.find_elements(By.TAG_NAME, "h1")) == 1
    first = element(browser, f"section.queue-item[data-post='{ids[0]}']")
    assert first.find_element(By.CSS_SELECTOR, "h2.queue-title").text == titles[0]
    # Every control of the card is at least 44 px tall (the checkbox through its label).
    controls = first.find_elements(By.CSS_SELECTOR, "button, select, input:not([type=hidden]):not([type=checkbox]), "
                                                    "label.check, .meta a")
    assert controls and all(control.size["height"] >= 44 for control in controls), [
        (control.tag_name, control.text, control.size["height"]) for control in controls]
    # Tab order within the card: the merchant, then approve, refuse with its reason and note, send back, select.
    browser.execute_script("arguments[0].focus()", first.find_element(By.CSS_SELECTOR, "p.meta a"))
    reached = [active(browser)]
    for _ in TAB_ORDER[1:]:
        reached[-1].send_keys(Keys.TAB)
        reached.append(active(browser))
    expected = [first.find_element(By.CSS_SELECTOR, css.format(id=ids[0])) for css in TAB_ORDER]
    assert reached == expected, [element.get_attribute("outerHTML")[:60] for element in reached]
    # Focus is visible: a ring drawn around what the keyboard reached.
    ring = browser.execute_script("const s = getComputedStyle(document.activeElement); "
                                  "return [s.outlineStyle, s.outlineWidth]")
    assert ring[0] != "none" and ring[1] != "0px", ring
    # Approving from the keyboard leads to the next card, with a sentence saying what happened.
    approve = first.find_element(By.CSS_SELECTOR, "button.approve")
    browser.execute_script("arguments[0].focus()", approve)
    page = browser.find_element(By.TAG_NAME, "html")
    approve.send_keys(Keys.ENTER)
    until(browser, EC.staleness_of(page))
    notice = element(browser, "#decided")
    assert notice.text == f"« {titles[0]} » est approuvée et en ligne."
    following = browser.execute_script("return arguments[0].nextElementSibling", notice)
    assert following.get_attribute("data-post") == str(ids[1])
    in_view = "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight"
    assert browser.execute_script(in_view, notice)
    assert browser.execute_script(in_view, following.find_element(By.CSS_SELECTOR, "h2.queue-title"))
    # Refusing with a reason and a note: the same, on the card after.
    Select(following.find_element(By.CSS_SELECTOR, "form.reject select")).select_by_value("not_local")
    following.find_element(By.CSS_SELECTOR, "form.reject input[name=note]").send_keys("Hors de la zone")
    click_and_wait_for_next_page(browser, following.find_element(By.CSS_SELECTOR, "button.reject"))
    assert element(browser, "#decided").text == f"« {titles[1]} » est refusée ; le motif est enregistré."
    assert browser.execute_script("return document.querySelector('#decided').nextElementSibling.dataset.post") \
        == str(ids[2])
