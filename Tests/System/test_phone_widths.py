"""Every page on a 360 px phone: the sitemap's pages and the pages each role reaches once signed in, in a real
headless Chromium, are no wider than the phone (no sideways scrolling), and axe-core finds no WCAG A or AA violation
on one page of each kind.

A headless window is at least 500 px wide, and an emulated mobile viewport grows to fit wide content: the check
emulates the phone through the DevTools protocol and compares the document's `scrollWidth` with the device width.
"""

import re
import subprocess
import time
import xml.etree.ElementTree as ElementTree
from urllib.parse import urljoin, urlsplit

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import (CHROMEDRIVER, CHROMIUM, DEMO_PASSWORD, STARTUP_DEADLINE, ZONEHUB_BIN, ZONES_DIR,
                      PlainFrenchWatch, fetch, free_port, healthz_answers, zonehub_environment)
from test_pages import element, sign_in

PHONE = 360
# Pages of one kind (the same path once numbers and slugs are set aside) visited at most this many times per role.
PER_KIND = 2
# Signed-in pages visited per role: the dashboard and what its links lead to, breadth first.
PER_ROLE = 40
# Links that are not pages (files, feeds, the API, redirects counted as clicks) or that change something on GET.
NOT_PAGES = re.compile(r"\.(atom|rss|json|ics|csv|xml|svg|png|jpe?g|webp|txt|css)(\?|$)|^/(api|static|photos|go|"
                       r"sign-out|notices/preferences|subscriptions/|unsubscribe|feeds?/)|/feed|/calendar|/poster")
AXE_TAGS = ["wcag2a", "wcag2aa"]  # all the WCAG tags the bundled axe-core (3.1) knows


def kind(path: str) -> str:
    """The page's kind: its path with every segment that holds a digit, and every slug after a collection, blurred."""
    parts = urlsplit(path).path.strip("/").split("/")
    blurred = [("N" if re.search(r"\d", part) else part) for part in parts]
    collections = {"zones", "merchants", "markets", "pop-up-slots", "pop-up-venues", "posts", "communes"}
    return "/" + "/".join("S" if index and parts[index - 1] in collections else part
                          for index, part in enumerate(blurred))


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A demo hub of this module's own, with a resident and an operator added to the demo's merchants and admins."""
    workdir = tmp_path_factory.mktemp("phones")
    database = workdir / "hub.sqlite"
    environment = zonehub_environment()
    run = lambda *arguments: subprocess.run(  # noqa: E731
        [ZONEHUB_BIN, *arguments], env=environment, capture_output=True, text=True, timeout=300, check=True).stdout
    run("demo", "--db", database, "--zones", ZONES_DIR)
    passwords = {}
    for email, role in (("habitante@example.org", "resident"), ("exploitant@example.org", "operator")):
        output = run("users", "add", "--db", database, "--email", email, "--role", role)
        passwords[email] = output.split("initial password: ", 1)[1].split()[0]
    port = free_port()
    with open(workdir / "serve.log", "w") as log:
        server = subprocess.Popen(
            [ZONEHUB_BIN, "serve", "--db", database, "--port", str(port), "--zones", ZONES_DIR], env=environment,
            stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_DEADLINE
    while not healthz_answers(base_url):
        assert server.poll() is None and time.monotonic() < deadline, (workdir / "serve.log").read_text()
        time.sleep(0.05)  # poll interval, not a wait for a particular event
    yield base_url, passwords
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def phone(tmp_path):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": PHONE, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    watch = PlainFrenchWatch(driver)  # every page of the crawl is also read for codes and English
    yield driver
    try:
        watch.verdict()
    finally:
        driver.quit()


class Survey:
    """What the pages visited showed: those wider than the phone, and axe's violations on one page of each kind."""

    def __init__(self, driver, base_url: str):
        self.driver, self.base_url = driver, base_url
        self.too_wide: list[str] = []
        self.violations: list[str] = []
        self.audited: set[str] = set()
        self.visited: list[str] = []

    def visit(self, path: str) -> list[str]:
        """Loads `path`, checks it, and returns the same-site page links it holds."""
        self.driver.get(urljoin(self.base_url, path))
        self.visited.append(path)
        width = self.driver.execute_script("return document.documentElement.scrollWidth")
        if width > PHONE:
            self.too_wide.append(f"{path}: {width} px")
        if kind(path) not in self.audited:
            self.audited.add(kind(path))
            Axe(self.driver).inject()
            violations = self.driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                ".then(results => done(results.violations), error => done([{id: 'axe-error', impact: String(error),"
                " nodes: []}]));", AXE_TAGS)
            for violation in violations:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                self.violations.append(f"{path}: {violation['id']} ({violation['impact']}) at {targets}")
        links = []
        for anchor in self.driver.find_elements(By.CSS_SELECTOR, "a[href]"):
            href = anchor.get_attribute("href") or ""
            parts = urlsplit(href)
            if parts.netloc != urlsplit(self.base_url).netloc:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if not NOT_PAGES.search(target):
                links.append(target)
        return links

    def crawl(self, starts: list[str], limit: int) -> None:
        """Breadth first from `starts`, at most `PER_KIND` pages of each kind and `limit` pages in all."""
        queue, seen, kinds = list(starts), set(), {}
        while queue and len(seen) < limit:
            path = queue.pop(0)
            if path in seen or kinds.get(kind(path), 0) >= PER_KIND:
                continue
            seen.add(path)
            kinds[kind(path)] = kinds.get(kind(path), 0) + 1
            queue += self.visit(path)

    def verdict(self) -> str:
        return ("wider than the phone:\n  " + "\n  ".join(self.too_wide) if self.too_wide else "") + (
            "\naxe (WCAG A/AA):\n  " + "\n  ".join(self.violations) if self.violations else "")


def sitemap_paths(base_url: str) -> list[str]:
    """Every page the sitemap lists (its index and each part), as paths."""
    status, body = fetch(f"{base_url}/sitemap.xml")
    assert status == 200, body
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring(body)
    locations = [node.text for node in root.findall(".//s:loc", namespace)]
    if root.tag.endswith("sitemapindex"):
        pages = []
        for part in locations:
            status, text = fetch(part)
            assert status == 200, part
            pages += [node.text for node in ElementTree.fromstring(text).findall(".//s:loc", namespace)]
        locations = pages
    return [urlsplit(location).path for location in locations]


def test_every_public_page_of_the_sitemap_fits_a_phone(hub, phone):
    base_url, _ = hub
    paths = sitemap_paths(base_url)
    assert len(paths) > 20, paths
    survey = Survey(phone, base_url)
    for path in ["/", "/sign-in", "/sign-up", "/subscribe", "/search?q=pain", "/zones/search?q=75001"] + paths:
        survey.visit(path)
    assert not survey.too_wide and not survey.violations, survey.verdict()


@pytest.mark.parametrize("email", [
    "habitante@example.org",
    "marchand.essonne@demo.example.org",
    "admin.oise@demo.example.org",  # the zone's admin, who also organises its pop-ups
    "exploitant@example.org",
])
def test_every_page_a_role_reaches_from_its_dashboard_fits_a_phone(hub, phone, email):
    base_url, passwords = hub
    sign_in(phone, base_url, email, passwords.get(email, DEMO_PASSWORD))
    element(phone, "main")
    survey = Survey(phone, base_url)
    survey.crawl(["/dashboard", "/console"] if email.startswith("exploitant") else ["/dashboard"], PER_ROLE)
    assert len(survey.visited) >= 3, survey.visited
    assert not survey.too_wide and not survey.violations, survey.verdict()
