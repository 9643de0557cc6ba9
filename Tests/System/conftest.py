"""Fixtures for the system tests: the real zonehub binary on a fresh demo database, and a headless Chromium."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webelement import WebElement

import plain_french

REPO = Path(__file__).resolve().parents[2]
ZONEHUB_BIN = Path(os.environ.get("ZONEHUB_BIN") or REPO / ".build" / "debug" / "zonehub")
ZONES_DIR = REPO / "zones"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
STARTUP_DEADLINE = 30.0
DEMO_PASSWORD = "demo-zonehub-2026"

server_log_key = pytest.StashKey[str]()


def pytest_collection_modifyitems(config, items):
    # The cheap page checks first, the minute under load last.
    items.sort(key=lambda item: item.get_closest_marker("load") is not None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    driver = item.funcargs.get("browser")
    if report.when == "call" and report.failed and driver is not None:
        # Taken here, while the page is still open, so that the report shows where it was saved.
        screenshot = item.funcargs["tmp_path"] / "failure.png"
        try:
            driver.save_screenshot(str(screenshot))
            screenshot.with_suffix(".html").write_text(driver.page_source)
            report.sections.append(("browser", f"screenshot {screenshot} of {driver.current_url}"))
        except WebDriverException as error:
            report.sections.append(("browser", f"no screenshot: {error.msg}"))
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    log = config.stash.get(server_log_key, None)
    if exitstatus != 0 and log is not None:
        terminalreporter.section("zonehub serve log")
        terminalreporter.write(log or "(empty)\n")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def zonehub_environment() -> dict:
    # Flags name every setting the tests care about; no ZONEHUB_* variable of the caller may change the rest.
    return {name: value for name, value in os.environ.items() if not name.startswith("ZONEHUB_")}


def healthz_answers(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/healthz", timeout=0.5) as response:
            return response.status == 200 and response.read() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def send_json(method: str, url: str, body: dict | None = None, token: str | None = None) -> tuple[int, dict | None]:
    """The status and the JSON answer (None when empty) of one API call, with a bearer token if given."""
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, data = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, data = error.code, error.read()
    return status, json.loads(data) if data else None


def post_json(url: str, body: dict, token: str | None = None) -> tuple[int, dict]:
    status, answer = send_json("POST", url, body, token)
    return status, {} if answer is None else answer


def sign_in(base_url: str, email: str) -> str:
    """A bearer token for a demo account."""
    status, session = post_json(f"{base_url}/api/v1/sessions", {"email": email, "password": DEMO_PASSWORD})
    assert status == 201, session
    return session["token"]


class Server:
    """`zonehub serve` on its own demo database, which a test may kill."""

    def __init__(self, database: Path, log: Path, **settings: str):
        self.database, self.log = database, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        with open(log, "a") as output:
            self.process = subprocess.Popen(
                [ZONEHUB_BIN, "serve", "--db", database, "--port", str(self.port), "--zones", ZONES_DIR],
                env={**zonehub_environment(), **settings}, stdout=output, stderr=subprocess.STDOUT,
                cwd=log.parent)  # where mail goes without an SMTP server: the test's own folder
        deadline = time.monotonic() + STARTUP_DEADLINE
        while not healthz_answers(self.url):
            assert self.process.poll() is None, self.log.read_text()
            assert time.monotonic() < deadline, self.log.read_text()
            time.sleep(0.05)  # poll interval

    def stop(self, sig=signal.SIGTERM) -> None:
        self.process.send_signal(sig)
        self.process.wait(timeout=30)


def demo_database(path: Path) -> Path:
    """`path`, made a fresh demo database."""
    demo = subprocess.run([ZONEHUB_BIN, "demo", "--db", path, "--zones", ZONES_DIR], env=zonehub_environment(),
                          capture_output=True, text=True, timeout=300)
    assert demo.returncode == 0, demo.stderr
    return path


@pytest.fixture
def database(tmp_path) -> Path:
    """A fresh demo database of the test's own."""
    return demo_database(tmp_path / "hub.sqlite")


@pytest.fixture(scope="session")
def zonehub(tmp_path_factory, request):
    """Base URL of `zonehub serve` on a free port, over a fresh database loaded with the demo content."""
    if not os.access(ZONEHUB_BIN, os.X_OK):
        pytest.fail(f"no zonehub binary at {ZONEHUB_BIN}: build it (swift build) or set ZONEHUB_BIN")
    workdir = tmp_path_factory.mktemp("zonehub")
    database = workdir / "zonehub.sqlite"
    environment = zonehub_environment()
    demo = subprocess.run(
        [ZONEHUB_BIN, "demo", "--db", database, "--zones", ZONES_DIR],
        env=environment, capture_output=True, text=True, timeout=300)
    assert demo.returncode == 0, f"zonehub demo failed:\n{demo.stdout}{demo.stderr}"

    port = free_port()
    log_path = workdir / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [ZONEHUB_BIN, "serve", "--db", database, "--port", str(port), "--zones", ZONES_DIR],
            env=environment, stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_DEADLINE
        while not healthz_answers(base_url):
            if server.poll() is not None:
                pytest.fail(f"zonehub serve exited with status {server.returncode}:\n{log_path.read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(f"zonehub serve did not answer /healthz within {STARTUP_DEADLINE:.0f} s:\n"
                            f"{log_path.read_text()}")
            time.sleep(0.05)  # poll interval, not a wait for a particular event
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        request.config.stash[server_log_key] = log_path.read_text()


class PlainFrenchWatch:
    """Reads every French page a driver shows for internal codes and English (`plain_french`): each page it
    loads, each page a click is about to leave, and the last one; `verdict` fails the test on what was found."""

    def __init__(self, driver):
        self.driver, self.found = driver, []
        load = driver.get

        def get(url):
            self.read()
            load(url)
            self.read()

        driver.get = get
        driver.plain_french_watch = self

    def read(self) -> None:
        try:
            url = self.driver.current_url
            if not url.startswith("http"):
                return
            found = plain_french.page_problems(self.driver)
        except WebDriverException:
            return  # between two documents: the next one is read when it is used or left
        self.found += [f"{url}: {problem}" for problem in found or []]

    def verdict(self) -> None:
        self.read()
        if self.found:
            pytest.fail("French pages show codes or English:\n  " + "\n  ".join(dict.fromkeys(self.found)),
                        pytrace=False)


_click = WebElement.click


def _click_after_reading(element: WebElement) -> None:
    watch = getattr(element.parent, "plain_french_watch", None)
    if watch is not None:
        watch.read()  # the page the click may leave
    _click(element)


WebElement.click = _click_after_reading


@pytest.fixture
def browser(tmp_path):
    """A fresh headless Chromium per test (no cookies carried over); screenshot and HTML kept in tmp_path on failure."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(argument)
    # An explicit driver path keeps selenium-manager from trying to download one.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    watch = PlainFrenchWatch(driver)
    yield driver
    try:
        watch.verdict()
    finally:
        driver.quit()
