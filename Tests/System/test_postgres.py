"""Several `zonehub serve` processes on one PostgreSQL database behave as one hub: a change made through one is in
the other's feeds at once, bookings through both stay within a slot's places, and each mail of the shared outbox is
sent by exactly one of them. The server is the one scripts/test starts (ZONEHUB_TEST_POSTGRES_URL); each test
keeps its tables in a schema of its own."""

import concurrent.futures
import datetime
import email
import email.policy
import os
import re
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from conftest import DEMO_PASSWORD, ZONEHUB_BIN, ZONES_DIR, Server, fetch, send_json, sign_in, zonehub_environment
from test_mail import SMTPServer, http

POSTGRES = os.environ.get("ZONEHUB_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not POSTGRES, reason="needs ZONEHUB_TEST_POSTGRES_URL (scripts/test starts a server)")
DEADLINE = 10  # seconds a change may take to reach the other process
PLACES = 4
MERCHANTS = 16


def address() -> str:
    """A schema of the test's own on the test server."""
    separator = "&" if "?" in POSTGRES else "?"
    return f"{POSTGRES}{separator}schema=system_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def hubs(tmp_path):
    """(first, second, SMTP server): two `serve` processes on one demo database on PostgreSQL, both delivering the
    outbox to one aiosmtpd."""
    database = address()
    demo = subprocess.run([ZONEHUB_BIN, "demo", "--db", database, "--zones", ZONES_DIR], env=zonehub_environment(),
                          capture_output=True, text=True, timeout=300)
    assert demo.returncode == 0, demo.stderr
    smtp = SMTPServer(tmp_path / "smtp")
    servers = [Server(database, tmp_path / f"serve-{index}.log", ZONEHUB_SMTP_URL=smtp.url) for index in (1, 2)]
    yield servers[0], servers[1], smtp
    for server in servers:
        server.stop()


def call(server: Server, token: str, method: str, path: str, body: dict | None = None, expect: int | None = None):
    status, answer = send_json(method, f"{server.url}/api/v1{path}", body, token)
    assert status < 500, (method, path, status, answer)
    if expect is not None:
        assert status == expect, (method, path, status, answer)
    return answer


def feed_titles(server: Server, zone: str) -> list[str]:
    status, answer = send_json("GET", f"{server.url}/zones/{zone}/feed.json")
    assert status == 200, status
    return [item["title"] for item in answer["items"]]


def test_a_post_published_through_one_process_is_in_the_others_feed_at_once(hubs):
    first, second, _ = hubs
    for server in (first, second):
        status, text = fetch(f"{server.url}/readyz")
        assert (status, text.strip()) == (200, "ready"), (status, text)
        status, metrics = fetch(f"{server.url}/metrics")
        assert status == 200 and "zonehub_pop_up_bookings" in metrics, status
    zone = "dordogne"
    before = feed_titles(second, zone)  # read, and so cached, by the second process
    assert feed_titles(second, zone) == before
    token = sign_in(first.url, f"marchand.{zone}@demo.example.org")
    merchant = call(first, token, "GET", f"/merchants?zone={zone}", expect=200)["items"][0]["slug"]
    title = f"Arrivage du jour {uuid.uuid4().hex[:6]}"
    draft = call(first, token, "POST", "/posts", {"merchant": merchant, "zone": zone, "kind": "news",
                                                  "category": "alimentation", "title": title, "body": "Texte"}, 201)
    assert call(first, token, "POST", f"/posts/{draft['id']}/submit", expect=200)["status"] == "published"
    deadline = time.monotonic() + DEADLINE
    while title not in feed_titles(second, zone):
        assert time.monotonic() < deadline, "the second process still serves its cached feed"
        time.sleep(0.05)  # poll interval
    assert feed_titles(second, zone)[0] == title


def test_bookings_through_both_processes_stay_within_the_places_and_each_mail_is_sent_once(hubs):
    first, second, smtp = hubs
    zone = "oise"
    organiser = sign_in(first.url, f"admin.{zone}@demo.example.org")
    owner = sign_in(first.url, f"marchand.{zone}@demo.example.org")
    venue = call(first, organiser, "POST", f"/zones/{zone}/pop-up-venues", {
        "name": "Halle partagée", "address": "1 place du Marché", "commune": "Beauvais", "capacity": PLACES,
        "needsApproval": True, "cancellationHours": 0}, 201)
    day = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    slot = call(first, organiser, "POST", f"/pop-up-venues/{venue['id']}/slots",
                {"start": f"{day}T09:00", "end": f"{day}T18:00"}, 201)
    shops = [call(first, owner, "POST", "/merchants", {
        "name": f"Boutique partagée {index}", "description": "", "categories": ["alimentation"],
        "commune": "Beauvais", "postcode": "60000", "address": "", "links": [], "zones": [zone]}, 201)["slug"]
        for index in range(MERCHANTS)]

    def book(index: int) -> tuple[int, dict]:
        server = (first, second)[index % 2]
        return send_json("POST", f"{server.url}/api/v1/pop-up-slots/{slot['id']}/bookings",
                         {"merchant": shops[index], "waitlist": index % 4 == 0}, owner)

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(book, range(MERCHANTS)))
    # Exactly the places are held; a merchant who asked for the waitlist waits, the others are told it is full.
    kinds = [answer["status"] if status == 201 else answer["error"] for status, answer in outcomes]
    assert kinds.count("requested") == PLACES, kinds
    assert set(kinds) <= {"requested", "waiting", "slot_full"}, kinds
    requested = [answer for status, answer in outcomes if status == 201 and answer["status"] == "requested"]
    # The organiser confirms each request through either process; each confirmation is a mail to the merchant.
    for index, booking in enumerate(requested):
        server = (first, second)[index % 2]
        assert call(server, organiser, "POST", f"/pop-up-bookings/{booking['id']}/approve", expect=200)["status"] \
            == "confirmed"
    booked = call(second, organiser, "GET", f"/pop-up-slots/{slot['id']}/bookings", expect=200)["items"]
    assert sorted(item["status"] for item in booked if item["status"] != "waiting") == ["confirmed"] * PLACES

    def confirmations() -> list[email.message.EmailMessage]:
        messages = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in smtp.files()]
        return [message for message in messages if "Halle partagée" in message.get_body(("plain",)).get_content()]

    deadline = time.monotonic() + DEADLINE
    while len(confirmations()) < PLACES:
        assert time.monotonic() < deadline, f"{len(confirmations())} of {PLACES} confirmations arrived"
        time.sleep(0.05)  # poll interval
    # Both processes deliver from the one outbox; give a second sending, were there one, the time to arrive.
    settle = time.monotonic() + 3
    while time.monotonic() < settle:
        time.sleep(0.1)  # poll interval
    mails = confirmations()
    assert len(mails) == PLACES, [mail["Message-ID"] for mail in mails]
    assert len({mail["Message-ID"] for mail in mails}) == PLACES
    assert all(mail["Subject"].startswith("Réservation confirmée") for mail in mails)


def test_failed_sign_ins_through_both_processes_lock_the_account_in_both(hubs):
    first, second, _ = hubs
    account = "marchand.dordogne@demo.example.org"
    for attempt in range(5):
        server = (first, second)[attempt % 2]
        status, answer = send_json("POST", f"{server.url}/api/v1/sessions",
                                   {"email": account, "password": f"mauvais-mot-de-passe-{attempt}"})
        assert status == 401, (attempt, status, answer)
    # Five failures counted across the processes lock the account in each, even against the right password.
    for server in (first, second):
        status, answer = send_json("POST", f"{server.url}/api/v1/sessions",
                                   {"email": account, "password": DEMO_PASSWORD})
        assert status == 429 and "sign_in_locked" in str(answer), (server.url, status, answer)
    # Another account is not locked.
    assert sign_in(second.url, "marchand.oise@demo.example.org")


def test_sign_ups_through_both_processes_share_links_and_limits(hubs):
    first, second, smtp = hubs
    form = {"email": "fromagerie@example.org", "password": "fromages-de-l-oise", "shopName": "Fromagerie partagée",
            "category": "alimentation", "commune": "oise|60000|Beauvais"}
    status, page = http(f"{first.url}/sign-up", form)
    assert status == 200 and "Vérifiez vos e-mails" in page, (status, page)
    deadline = time.monotonic() + DEADLINE
    while not (found := [path for path in smtp.files() if b"To: fromagerie@example.org" in path.read_bytes()]):
        assert time.monotonic() < deadline, "no confirmation mail arrived"
        time.sleep(0.05)  # poll interval
    message = email.message_from_bytes(found[0].read_bytes(), policy=email.policy.default)
    token = re.search(r"/sign-up/confirm\?token=(\S+)", message.get_body(("plain",)).get_content()).group(1)
    # The link mailed through one process works on the other, once.
    status, page = http(f"{second.url}/sign-up/confirm", {"token": token})
    assert status == 200 and "va examiner votre inscription" in page, (status, page)
    status, _ = http(f"{first.url}/sign-up/confirm", {"token": token})
    assert status == 400
    # Sign-ups of one address are counted across the processes: three an hour, then refused in both.
    other = form | {"email": "deux@example.org"}
    for attempt in range(3):
        server = (first, second)[attempt % 2]
        assert http(f"{server.url}/sign-up", other)[0] == 200, attempt
    for server in (first, second):
        status, page = http(f"{server.url}/sign-up", other)
        assert status == 429 and "Trop de demandes" in page, (server.url, status)
