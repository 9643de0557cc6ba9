"""Operations against the real binary: metrics read by Prometheus' own parser, a backup taken during sustained
writes, kill -9 in the middle of them, and what a SIGTERM lets finish."""

import http.server
import json
import signal
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from conftest import ZONEHUB_BIN, ZONES_DIR, Server, fetch, post_json, sign_in, zonehub_environment

MERCHANT = "marchand.dordogne@demo.example.org"


def draft(title: str) -> dict:
    return {"merchant": "conserverie-du-perigord-noir", "zone": "dordogne", "kind": "news", "title": title,
            "body": "Une écriture sous charge.", "category": "alimentation"}


class Writer(threading.Thread):
    """Writes drafts as fast as the server takes them; remembers every id the server acknowledged."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url = url
        self.token = sign_in(url, MERCHANT)
        self.acknowledged: list[int] = []
        self.failures: list[str] = []
        self.running = True

    def run(self) -> None:
        while self.running:
            try:
                status, post = post_json(
                    f"{self.url}/api/v1/posts", draft(f"Écriture {len(self.acknowledged)}"), self.token)
            except OSError as error:  # the server was killed
                self.failures.append(str(error))
                return
            if status != 201:
                self.failures.append(f"{status} {post}")
                return
            self.acknowledged.append(post["id"])


def stored_ids(database: Path) -> set[int]:
    with sqlite3.connect(database) as db:
        return {row[0] for row in db.execute("SELECT id FROM post")}


def check(database: Path) -> str:
    result = subprocess.run([ZONEHUB_BIN, "check", "--db", database, "--zones", ZONES_DIR],
                            env=zonehub_environment(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_metrics_parse_with_prometheus_client_and_readyz_answers(zonehub):
    for path in ["/", "/zones/oise", "/zones/dordogne", "/feed.atom", "/nowhere"]:
        fetch(zonehub + path)
    assert fetch(f"{zonehub}/readyz") == (200, "ready\n")
    status, text = fetch(f"{zonehub}/metrics")
    assert status == 200
    families = {family.name: family for family in text_string_to_metric_families(text)}
    assert families["zonehub_http_request_duration_seconds"].type == "histogram"
    requests = families["zonehub_http_requests"]  # the parser drops the counter's _total
    assert requests.type == "counter"
    zones = [sample for sample in requests.samples if sample.labels.get("route") == "/zones/{slug}"]
    assert sum(sample.value for sample in zones if sample.labels["status"] == "200") >= 2
    assert any(sample.labels.get("route") == "NotFound" for sample in requests.samples)
    for name in ["zonehub_outbox_depth", "zonehub_moderation_held_posts", "zonehub_pop_up_bookings"]:
        assert families[name].type == "gauge"
    held = families["zonehub_moderation_held_posts"].samples[0].value
    assert held >= 1, "the demo holds new merchants' posts in the review zones"


def test_a_backup_taken_during_sustained_writes_is_sound_and_holds_every_earlier_write(database, tmp_path):
    server = Server(database, tmp_path / "serve.log")
    writer = Writer(server.url)
    writer.start()
    try:
        while len(writer.acknowledged) < 50 and not writer.failures:
            time.sleep(0.01)  # poll interval
        before = list(writer.acknowledged)
        backup = tmp_path / "backup.sqlite"
        made = subprocess.run([ZONEHUB_BIN, "backup", "--db", database, backup], env=zonehub_environment(),
                              capture_output=True, text=True, timeout=120)
        assert made.returncode == 0, made.stderr
        during = len(writer.acknowledged) - len(before)
    finally:
        writer.running = False
        writer.join(timeout=30)
        server.stop()
    assert not writer.failures, writer.failures
    assert during > 0, "the writes went on while the backup ran"
    assert "integrity ok" in check(backup)
    saved = stored_ids(backup)
    assert set(before) <= saved
    assert saved <= stored_ids(database)


def test_kill_9_during_sustained_writes_loses_no_acknowledged_write(database, tmp_path):
    server = Server(database, tmp_path / "serve.log")
    writer = Writer(server.url)
    writer.start()
    while len(writer.acknowledged) < 200 and not writer.failures:
        time.sleep(0.01)  # poll interval
    server.stop(signal.SIGKILL)
    writer.join(timeout=30)
    acknowledged = set(writer.acknowledged)
    assert len(acknowledged) >= 200
    assert "integrity ok" in check(database)
    assert acknowledged <= stored_ids(database), "a write the server acknowledged is missing after kill -9"
    restarted = Server(database, tmp_path / "serve.log")
    try:
        assert fetch(f"{restarted.url}/readyz") == (200, "ready\n")
    finally:
        restarted.stop()


def refuses_connections(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        return False
    except ConnectionRefusedError:
        return True


def test_sigterm_answers_the_request_in_flight_and_refuses_new_ones(database, tmp_path):
    server = Server(database, tmp_path / "serve.log")
    token = sign_in(server.url, MERCHANT)
    body = json.dumps(draft("Écrite pendant l'arrêt")).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
        # The request's head and half its body reach the server before the signal; the rest comes after.
        connection.sendall(
            f"POST /api/v1/posts HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body[:20])
        time.sleep(0.5)  # for the server to read what was sent
        server.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        while not refuses_connections(server.port):
            assert time.monotonic() < deadline, "the server still accepts connections after SIGTERM"
            time.sleep(0.05)  # poll interval
        assert server.process.poll() is None, "the server exited with a request in flight"
        connection.sendall(body[20:])
        answer = b""
        while b"\r\n\r\n" not in answer or len(answer.partition(b"\r\n\r\n")[2]) < 2:
            chunk = connection.recv(65536)
            assert chunk, f"the connection closed before the answer: {answer!r}"
            answer += chunk
    head, _, _ = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 201"), head
    assert server.process.wait(timeout=30) == 0, (tmp_path / "serve.log").read_text()
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM post WHERE title = ?", ("Écrite pendant l'arrêt",)).fetchone() == (1,)


class WebSubHub(http.server.ThreadingHTTPServer):
    """A WebSub hub on a free loopback port that records the feeds it is told changed."""

    def __init__(self):
        self.feeds: list[str] = []
        self.lock = threading.Lock()
        hub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                fields = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
                if fields.get("hub.mode") == ["publish"]:
                    with hub.lock:
                        hub.feeds.extend(fields.get("hub.url", []))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hub"

    def received(self) -> list[str]:
        with self.lock:
            return list(self.feeds)


def test_sigterm_sends_the_websub_pings_of_the_last_changes_before_exit(database, tmp_path):
    hub = WebSubHub()
    try:
        server = Server(database, tmp_path / "serve.log", ZONEHUB_WEBSUB_HUB=hub.url)
        token = sign_in(server.url, MERCHANT)
        time.sleep(1)  # twice the time a ping waits for others to join it
        assert hub.received() == [], "the zones were unchanged: the start has nothing to ping"
        status, _ = post_json(f"{server.url}/api/v1/posts", draft("Écrite juste avant l'arrêt"), token)
        assert status == 201
        # At once: the ping waits half a second for other changes to join it, and the server stops sooner.
        server.stop()
        assert server.process.returncode == 0
        pinged = hub.received()
        assert any(feed.endswith("/zones/dordogne/feed.atom") for feed in pinged), pinged
        assert "WebSub pings all sent before exit" in (tmp_path / "serve.log").read_text()
    finally:
        hub.shutdown()
