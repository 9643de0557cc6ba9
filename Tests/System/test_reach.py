"""Merchants' reach through the real binary and a real Chromium: views, a link click, a crawler, the next day."""

import datetime
import http.client
import json
import sqlite3
import urllib.request
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By

from conftest import Server
from test_pages import click_and_wait_for_next_page, element, merchant_email, sign_in

# Headless Chromium says "HeadlessChrome", which the hub counts as a robot: the test browses as a person's browser.
PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def answer_without_following(url: str, agent: str) -> tuple[int, dict]:
    """The status and headers of one GET, redirects not followed."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", parts.path + ("?" + parts.query if parts.query else ""), headers={"User-Agent": agent})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, dict(response.getheaders())


def a_post_of(base_url: str, merchant: str) -> int:
    with urllib.request.urlopen(f"{base_url}/api/v1/posts?zone=dordogne", timeout=10) as response:
        posts = json.load(response)["items"]
    return next(post["id"] for post in posts if post["merchant"] == merchant)


def counted(database, day: str) -> tuple[int, int]:
    """All post views and all clicks stored for `day`."""
    with sqlite3.connect(database) as connection:
        views = connection.execute("SELECT coalesce(sum(views), 0) FROM postReach WHERE day = ?", (day,)).fetchone()
        clicks = connection.execute("SELECT coalesce(sum(clicks), 0) FROM listingReach WHERE day = ?", (day,)).fetchone()
    return views[0], clicks[0]


def test_three_views_and_a_click_show_on_the_dashboard_the_next_day_and_robots_count_nothing(
        database, browser, tmp_path):
    log = tmp_path / "serve.log"
    server = Server(database, log)
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setUserAgentOverride", {"userAgent": PERSON})
    # The merchant's shop is on example.org, which the test does not reach: the hub's redirect is what counts.
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*example.org*"]})
    sign_in(browser, server.url, merchant_email("dordogne"))
    slug = element(browser, "section.merchant-space").get_attribute("data-merchant")
    browser.delete_all_cookies()  # a visitor, not the merchant
    post = a_post_of(server.url, slug)
    today = datetime.datetime.now(ZoneInfo("Europe/Paris")).date().isoformat()
    for _ in range(3):
        browser.get(f"{server.url}/posts/{post}")
        element(browser, "article")
    browser.get(f"{server.url}/merchants/{slug}")
    link = element(browser, "a[href^='/go/']")
    target = link.text
    go = link.get_attribute("href")
    link.click()
    # A crawler reads the post and follows the link: it is answered, and counted nowhere.
    status, _ = answer_without_following(f"{server.url}/posts/{post}", CRAWLER)
    assert status == 200
    status, headers = answer_without_following(go, CRAWLER)
    assert status == 302 and headers["Location"] == target and headers["Cache-Control"] == "no-store"
    # An address that is not on the profile is never redirected to.
    status, headers = answer_without_following(f"{server.url}/go/{slug}?to=https%3A%2F%2Fevil.example%2F", PERSON)
    assert status == 404 and "Location" not in headers
    server.stop()  # the last counts are stored at shutdown
    assert counted(database, today) == (3, 1)

    # The next day, by the test-only clock setting.
    server = Server(database, log, ZONEHUB_TEST_DAYS_AHEAD="1")
    try:
        sign_in(browser, server.url, merchant_email("dordogne"))
        space = element(browser, f"section.merchant-space[data-merchant='{slug}']")
        figures = space.find_element(By.CSS_SELECTOR, f"tr#post-{post} .reach-post")
        assert figures.get_attribute("data-views") == "3"
        assert figures.text.startswith("3 vues")
        row = space.find_element(By.CSS_SELECTOR, f"table.reach-table tr[data-day='{today}']")
        # The day's page views are the post's three and the merchant page's one, from which the link was clicked.
        assert row.find_element(By.CSS_SELECTOR, ".views").get_attribute("textContent") == "4"
        assert row.find_element(By.CSS_SELECTOR, ".clicks").get_attribute("textContent") == "1"
        chart = space.find_element(By.CSS_SELECTOR, "svg.reach-chart")
        assert chart.get_attribute("role") == "img" and "clics" in chart.get_attribute("aria-label")
        for width in (360, 1280):
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
            browser.execute_script("arguments[0].scrollIntoView()", chart)
            browser.save_screenshot(str(tmp_path / f"reach-{width}.png"))
            box = browser.execute_script("return arguments[0].getBoundingClientRect().toJSON()", chart)
            assert 0 <= box["left"] and box["right"] <= width, box
            # The section fits the screen (the posts table above it may scroll sideways on a phone).
            section = browser.execute_script(
                "return arguments[0].closest('section.reach').getBoundingClientRect().toJSON()", chart)
            assert section["right"] <= width, section
    finally:
        server.stop()
    # The reach tables hold days and sums: no column or value names the visitor.
    with sqlite3.connect(database) as connection:
        for table in ("postReach", "listingReach"):
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            assert not [name for name in columns if any(word in name.lower() for word in ("ip", "address", "agent"))]
            for row in connection.execute(f"SELECT * FROM {table}"):
                assert all(isinstance(value, int) or (isinstance(value, str) and len(value) == 10) for value in row), row
