"""Mail end to end: the real binary delivers to a real SMTP server (aiosmtpd), Python's own MIME parser reads
what arrived, and the links in it are followed like a resident would: confirm, read, unsubscribe in one click."""

import email
import email.policy
import email.utils
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, ZONEHUB_BIN, ZONES_DIR, free_port, healthz_answers, zonehub_environment

SMTP_SERVER = REPO / "Tests" / "Support" / "smtp_server.py"
MAIL_FROM = "resume@zones.example.org"
DEADLINE = 30.0


class SMTPServer:
    """aiosmtpd from Tests/Support, in its own directory; stops when the test ends."""

    def __init__(self, directory: Path, *arguments: str):
        self.directory = directory
        self.process = subprocess.Popen(
            [sys.executable, SMTP_SERVER, "--dir", directory, *arguments], stdout=subprocess.PIPE, text=True)
        words = self.process.stdout.readline().split()
        assert len(words) == 3 and words[0] == "listening", f"SMTP server did not start: {words}"
        self.url = f"smtp://127.0.0.1:{words[2]}"

    def files(self) -> list[Path]:
        return sorted((self.directory / "messages").glob("*.eml"))

    def messages(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in self.files()]

    def wait_for(self, count: int) -> list[Path]:
        deadline = time.monotonic() + DEADLINE
        while len(self.files()) < count:
            assert time.monotonic() < deadline, f"{len(self.files())} of {count} messages arrived"
            time.sleep(0.05)  # poll interval, not a wait for a particular event
        return self.files()

    def to(self, address: str, at_least: int = 1) -> list[Path]:
        """The messages that arrived for `address`, waiting for the first `at_least` of them."""
        deadline = time.monotonic() + DEADLINE
        header = f"To: {address}\r\n".encode()
        while len(found := [path for path in self.files() if header in path.read_bytes()]) < at_least:
            assert time.monotonic() < deadline, f"{len(found)} of {at_least} messages for {address} arrived"
            time.sleep(0.05)  # poll interval, not a wait for a particular event
        return found

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def smtp(tmp_path, request):
    servers = []

    def start(*arguments: str) -> SMTPServer:
        server = SMTPServer(tmp_path / f"smtp{len(servers)}", *arguments)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def mail_environment(smtp_url: str, **extra: str) -> dict:
    return zonehub_environment() | {"ZONEHUB_SMTP_URL": smtp_url, "ZONEHUB_MAIL_FROM": MAIL_FROM} | extra


def run(*arguments, environment: dict) -> str:
    finished = subprocess.run(
        [ZONEHUB_BIN, *arguments], env=environment, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, f"zonehub {arguments[0]} failed:\n{finished.stdout}{finished.stderr}"
    return finished.stdout


def confirmed_subscribers(database: Path, environment: dict) -> int:
    status = run("mail", "status", "--db", database, environment=environment)
    return int(re.search(r"subscribers: (\d+) confirmed", status).group(1))


def http(url: str, data: dict | None = None) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def hub(tmp_path, smtp):
    """A demo hub served with its mail going to a real SMTP server: (base URL, database, SMTP server, env)."""
    server = smtp()
    database = tmp_path / "zonehub.sqlite"
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    environment = mail_environment(server.url, ZONEHUB_PUBLIC_URL=base_url)
    run("demo", "--db", database, "--zones", ZONES_DIR, environment=environment)
    with open(tmp_path / "serve.log", "w") as log:
        serve = subprocess.Popen(
            [ZONEHUB_BIN, "serve", "--db", database, "--port", str(port), "--zones", ZONES_DIR],
            env=environment, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + DEADLINE
    while not healthz_answers(base_url):
        assert serve.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
        time.sleep(0.05)  # poll interval, not a wait for a particular event
    yield base_url, database, server, environment
    serve.terminate()
    serve.wait(timeout=10)


def link(message: email.message.EmailMessage, path: str) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    found = re.search(r"(https?://\S+" + re.escape(path) + r"\S*)", text)
    assert found, f"no link to {path} in:\n{text}"
    return found.group(1)


def test_subscribe_confirm_receive_a_digest_and_leave_in_one_click(hub):
    base_url, database, server, environment = hub
    status, page = http(f"{base_url}/subscribe", {
        "email": "nouvelle.habitante@example.org", "zones": "dordogne", "frequency": "daily"})
    assert status == 200 and "Vérifiez votre boîte mail" in page

    # The server's own schedule delivers the confirmation; nothing else goes to the address before it is used.
    # (Depending on the time of day, it may also be sending the demo subscribers' digests.)
    [path] = server.to("nouvelle.habitante@example.org")
    confirmation = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert confirmation["To"] == "nouvelle.habitante@example.org"
    assert MAIL_FROM in confirmation["From"]
    confirm_url = link(confirmation, "/subscriptions/confirm")
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(confirm_url).query)["token"][0]
    before = confirmed_subscribers(database, environment)
    status, page = http(confirm_url)
    assert status == 200 and 'action="/subscriptions/confirm"' in page
    assert confirmed_subscribers(database, environment) == before, "opening the link must not confirm"
    for _ in range(2):  # confirming twice is harmless
        status, page = http(f"{base_url}/subscriptions/confirm", {"token": token})
        assert status == 200 and "Abonnement confirmé" in page
    assert confirmed_subscribers(database, environment) == before + 1
    status, _ = http(f"{base_url}/subscriptions/confirm", {"token": token[:-4] + "AAAA"})
    assert status in (400, 404)

    # The server's schedule may already have sent today's digests (when their send time passed within the catch-up
    # delay); then this run has nothing new to send.
    summary = run("digest", "send", "--db", database, environment=environment)
    assert re.search(r"delivered to smtp://127\.0\.0\.1:\d+: \d+ sent, 0 deferred", summary), summary
    raw = server.to("habitant.dordogne@example.org")[-1].read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n"), "every line ends in CRLF"
    digest = email.message_from_bytes(raw, policy=email.policy.default)
    assert digest.get_content_type() == "multipart/alternative"
    plain, html = digest.get_payload()
    assert (plain.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    for part in (plain, html):
        assert part.get_content_charset() == "utf-8"
        assert part["Content-Transfer-Encoding"] == "quoted-printable"
    assert MAIL_FROM in digest["From"] and digest["Subject"]
    assert abs(email.utils.parsedate_to_datetime(digest["Date"]).timestamp() - time.time()) < 600
    assert re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", digest["Message-ID"])
    assert "dordogne" in digest["List-Id"]
    unsubscribe = re.findall(r"<([^>]+)>", digest["List-Unsubscribe"])
    assert [target.split(":")[0] for target in unsubscribe] == ["http", "mailto"]
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Dordogne" in plain.get_content()
    markup = html.get_content()
    assert not re.search(r"""(src|href)=["']?(?!https?://127\.0\.0\.1|mailto:)[a-z]+:""", markup)
    assert "<link" not in markup and "<script" not in markup
    pages = set(re.findall(r'href="(http://127\.0\.0\.1:\d+/(?:posts|merchants)/[^"]+)"', markup))
    assert any("/posts/" in page for page in pages) and any("/merchants/" in page for page in pages)
    for page in pages:
        assert http(page)[0] == 200, page

    # One click, as a mailbox provider does it: a GET only shows a page, the POST without any cookie ends it.
    confirmed = confirmed_subscribers(database, environment)
    status, _ = http(unsubscribe[0])
    assert status == 200 and confirmed_subscribers(database, environment) == confirmed
    status, _ = http(unsubscribe[0], {"List-Unsubscribe": "One-Click"})
    assert 200 <= status < 300
    assert confirmed_subscribers(database, environment) == confirmed - 1


def test_a_digest_run_killed_mid_delivery_loses_nothing_and_resends_at_most_the_message_in_flight(tmp_path, smtp):
    server = smtp("--delay-ms", "40")
    database = tmp_path / "zonehub.sqlite"
    environment = mail_environment(server.url, ZONEHUB_SMTP_CONNECTIONS="1")
    run("demo", "--db", database, "--zones", ZONES_DIR, "--subscribers", "60", environment=environment)

    first = subprocess.Popen(
        [ZONEHUB_BIN, "digest", "send", "--db", database], env=environment,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server.wait_for(10)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    delivered_before_kill = len(server.files())

    summary = run("digest", "send", "--db", database, environment=environment)
    assert "composed: 0 digests" in summary, "the killed run had composed every digest already"
    status = run("mail", "status", "--db", database, environment=environment)
    counts = dict(re.findall(r"^(\w+): (\d+)$", status, re.MULTILINE))
    assert counts["pending"] == "0" and counts["sending"] == "0" and counts["failed"] == "0", status
    sent = int(counts["sent"])
    assert sent > delivered_before_kill >= 10

    received = [(message["To"], message["Subject"]) for message in server.messages()]
    duplicates = len(received) - len(set(received))
    assert len(set(received)) == sent, "every message the outbox counts as sent arrived"
    assert duplicates <= 1, f"{duplicates} messages arrived twice"

    import sqlite3
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
