"""Operations against the real binary: metrics read by Prometheus' own parser, a backup taken during sustained
writes, and kill -9 in the middle of them."""

import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from conftest import ZONEHUB_BIN, ZONES_DIR, Server, fetch, post_json, sign_in, zonehub_environment

MERCHANT = "marchand.dordogne@demo.example.org"


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
                status, post = post_json(f"{self.url}/api/v1/posts", {
                    "merchant": "conserverie-du-perigord-noir", "zone": "dordogne", "kind": "news",
                    "title": f"Écriture {len(self.acknowledged)}", "body": "Une écriture sous charge.",
                    "category": "alimentation"}, self.token)
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
