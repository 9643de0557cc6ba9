"""Renders the main pages of each role of a fresh demo hub into docs/screenshots/ (see scripts/screenshots).

Every page is taken whole (the viewport as tall as the document) at a desktop width (1280 px) and on a phone
(360 px, emulated as a mobile device: a headless window is never narrower than 500 px). A page that does not answer
200, or a sign-in that does not take, stops the run with status 1 and leaves docs/screenshots as it was.
"""

import base64
import datetime
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

REPO = Path(__file__).resolve().parents[1]
ZONEHUB_BIN = Path(os.environ.get("ZONEHUB_BIN") or REPO / ".build" / "debug" / "zonehub")
OUTPUT = REPO / "docs" / "screenshots"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
DEMO_PASSWORD = "demo-zonehub-2026"
ZONE = "centre-essonne"
MERCHANT = "epicerie-du-marche"
WIDTHS = {"desktop": 1280, "phone": 360}
STARTUP_DEADLINE = 30.0
WAIT_SECONDS = 15

# The accounts signed in as; the resident, organiser and operator are added to the demo's by `zonehub users add`.
ACCOUNTS = {
    "resident": "habitante@example.org",
    "merchant": f"marchand.{ZONE}@demo.example.org",
    "admin": f"admin.{ZONE}@demo.example.org",
    "organiser": "organisatrice@example.org",
    "operator": "exploitant@example.org",
}
ADDED_ROLES = {"resident": "resident", "organiser": "resident", "operator": "operator"}


class Failure(Exception):
    """What stopped the run, said to the person who ran it."""


def fail(message: str):
    raise Failure(message)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment() -> dict:
    # The hub's identity (ZONEHUB_HUB_*, from scripts/demo-identity) and nothing else of the caller's ZONEHUB_*.
    return {name: value for name, value in os.environ.items()
            if not name.startswith("ZONEHUB_") or name.startswith("ZONEHUB_HUB_")}


def zonehub(*arguments) -> str:
    run = subprocess.run([ZONEHUB_BIN, *map(str, arguments)], env=environment(), cwd=REPO, capture_output=True,
                         text=True, timeout=300)
    if run.returncode != 0:
        fail(f"zonehub {' '.join(map(str, arguments[:2]))} failed:\n{run.stdout}{run.stderr}")
    return run.stdout


def request(method: str, url: str, body: dict | None = None, token: str | None = None,
            cookies: str | None = None) -> tuple[int, bytes]:
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if cookies:
        headers["Cookie"] = cookies
    message = urllib.request.Request(url, method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(message, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def api(base_url: str, method: str, path: str, body: dict | None = None, token: str | None = None):
    status, data = request(method, f"{base_url}/api/v1{path}", body, token)
    if status not in (200, 201):
        fail(f"{method} /api/v1{path} answered {status}: {data[:300].decode(errors='replace')}")
    return json.loads(data) if data else None


def demo_hub(workdir: Path) -> tuple[Path, dict]:
    """A fresh demo database with a resident, an organiser of the zone and an operator; their passwords."""
    database = workdir / "hub.sqlite"
    zonehub("demo", "--db", database, "--zones", REPO / "zones")
    passwords = {}
    for role, kind in ADDED_ROLES.items():
        output = zonehub("users", "add", "--db", database, "--email", ACCOUNTS[role], "--role", kind)
        passwords[role] = output.split("initial password: ", 1)[1].split()[0]
    zonehub("pop-ups", "organisers", "--db", database, "--zone", ZONE, "--email", ACCOUNTS["organiser"],
            "--as", ACCOUNTS["admin"])
    return database, passwords


def healthz_answers(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/healthz", timeout=0.5) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def serve(database: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    with open(log, "w") as output:
        server = subprocess.Popen(
            [ZONEHUB_BIN, "serve", "--db", database, "--port", str(port), "--zones", REPO / "zones"],
            env=environment(), cwd=REPO, stdout=output, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_DEADLINE
    while not healthz_answers(base_url):
        if server.poll() is not None or time.monotonic() > deadline:
            fail(f"zonehub serve did not start:\n{log.read_text()}")
        time.sleep(0.05)  # poll interval, not a wait for a particular event
    return server, base_url


def open_market(base_url: str) -> str:
    """A market of the zone open to applications, with the demo merchant's offers accepted; its slug."""
    admin, merchant = (api(base_url, "POST", "/sessions", {"email": ACCOUNTS[role], "password": DEMO_PASSWORD})["token"]
                       for role in ("admin", "merchant"))
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    at = lambda days: (now + datetime.timedelta(days=days)).isoformat().replace("+00:00", "Z")  # noqa: E731
    market = api(base_url, "POST", f"/zones/{ZONE}/markets", {
        "title": "Marché de Noël de Corbeil-Essonnes",
        "description": "Les commerçants du centre Essonne sous la halle, le temps des fêtes : produits du terroir, "
                       "céramiques et idées de cadeaux.",
        "applicationsOpenAt": at(0), "applicationsCloseAt": at(7), "startsAt": at(8), "endsAt": at(20),
    }, admin)
    posts = api(base_url, "GET", f"/posts?zone={ZONE}")["items"]
    offers = [post["id"] for post in posts if post["merchant"] == MERCHANT and post["content"]["kind"] == "offer"]
    if not offers:
        fail(f"the demo has no published offer of {MERCHANT} to show at a market")
    application = api(base_url, "POST", f"/markets/{market['slug']}/applications",
                      {"merchant": MERCHANT, "posts": offers}, merchant)
    api(base_url, "POST", f"/markets/{market['slug']}/applications/{application['id']}/decision",
        {"decision": "approve"}, admin)
    return market["slug"]


def first_link(base_url: str, path: str, pattern: str) -> str:
    status, body = request("GET", f"{base_url}{path}")
    found = re.search(f'href="({pattern})"', body.decode(errors="replace"))
    if status != 200 or not found:
        fail(f"{path} answered {status} and holds no link like {pattern}")
    return found.group(1)


def pages(base_url: str, market: str) -> list[tuple[str, str, str]]:
    """(role, page, path) of every screenshot."""
    product = first_link(base_url, f"/merchants/{MERCHANT}", rf"/merchants/{MERCHANT}/products/\d+")
    return [
        ("resident", "home", "/"),
        ("resident", "zone", f"/zones/{ZONE}"),
        ("resident", "merchant", f"/merchants/{MERCHANT}"),
        ("resident", "product", product),
        ("resident", "directory", f"/zones/{ZONE}/directory"),
        ("resident", "market", f"/markets/{market}"),
        ("resident", "pop-ups", f"/zones/{ZONE}/pop-ups"),
        ("resident", "account", "/dashboard"),
        ("resident", "subscribe", f"/subscribe?zone={ZONE}"),
        ("merchant", "dashboard", "/dashboard"),
        ("admin", "moderation", f"/zones/{ZONE}/moderation"),
        ("organiser", "requests", "/pop-ups/requests"),
        ("operator", "console", "/console"),
    ]


def browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,900"):
        options.add_argument(argument)
    # An explicit driver path keeps selenium-manager from trying to download one.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


def sign_in(driver, base_url: str, email: str, password: str) -> None:
    driver.delete_all_cookies()
    driver.get(f"{base_url}/sign-in")
    wait = WebDriverWait(driver, WAIT_SECONDS)
    wait.until(expected_conditions.visibility_of_element_located((By.ID, "email"))).send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button").click()
    wait.until(expected_conditions.staleness_of(page))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
    if driver.current_url.rstrip("/").endswith("/sign-in"):
        fail(f"signing in as {email} did not take: still on {driver.current_url}")


def capture(driver, base_url: str, path: str, width: int, target: Path) -> None:
    """Loads `path` at `width` and saves the whole page to `target`, once the hub has answered it 200."""
    cookies = "; ".join(f"{cookie['name']}={cookie['value']}" for cookie in driver.get_cookies())
    status, _ = request("GET", f"{base_url}{path}", cookies=cookies or None)
    if status != 200:
        fail(f"{path} answered {status}")
    metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.get(f"{base_url}{path}")
    height = driver.execute_script("return Math.ceil(document.documentElement.getBoundingClientRect().height)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "height": max(height, 200)})
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    # 256 colours, as pngquant would: the pages are flat colours and text, and the files a third of the size.
    image = Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(target, optimize=True)


def main() -> int:
    if not os.access(ZONEHUB_BIN, os.X_OK):
        print(f"error: no zonehub binary at {ZONEHUB_BIN}", file=sys.stderr)
        return 1
    # SIGTERM ends the run as Ctrl-C does: through the clean-up below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    workdir = Path(tempfile.mkdtemp(prefix="zonehub-screenshots-"))
    server = driver = None
    try:
        database, passwords = demo_hub(workdir)
        server, base_url = serve(database, workdir / "serve.log")
        market = open_market(base_url)
        shots = workdir / "screenshots"
        shots.mkdir()
        driver = browser()
        signed_in = None
        for role, page, path in pages(base_url, market):
            if role != signed_in:
                sign_in(driver, base_url, ACCOUNTS[role], passwords.get(role, DEMO_PASSWORD))
                signed_in = role
            for width in WIDTHS.values():
                capture(driver, base_url, path, width, shots / f"{role}-{page}-{width}.png")
            print(f"{role}-{page}: {path}")
        OUTPUT.mkdir(parents=True, exist_ok=True)
        for old in OUTPUT.glob("*.png"):
            old.unlink()
        for shot in sorted(shots.iterdir()):
            shutil.copy(shot, OUTPUT / shot.name)
        files = sorted(OUTPUT.glob("*.png"))
        total = sum(shot.stat().st_size for shot in files)
        print(f"{len(files)} screenshots, {total / 1_048_576:.1f} MiB, in {OUTPUT.relative_to(REPO)}")
        return 0
    except Failure as failure:
        print(f"error: {failure}", file=sys.stderr)
        return 1
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
