"""Bounces end to end: the real binary sends digests through a real SMTP server (aiosmtpd) with a VERP envelope
sender per message; delivery status notifications built from real Postfix and Exim reports for those messages are
piped into `zonehub mail bounce`, as a Postfix pipe transport does; the addresses are suppressed or not as they
should be, refused mail (exit 65, 67) changes nothing, and the next digest skips the suppressed addresses."""

import email
import email.policy
import json
import re
import sqlite3
import subprocess
import time
from pathlib import Path

from conftest import REPO, ZONEHUB_BIN, ZONES_DIR
from test_mail import mail_environment, run, smtp  # noqa: F401 (smtp is a fixture)

FIXTURES = REPO / "Tests" / "FeedsTests" / "Mail" / "Bounces"
BOUNCES = "bounces@zones.example.org"
ZONE = "centre-essonne"


def bounce(database: Path, environment: dict, mail: str, *arguments: str) -> subprocess.CompletedProcess:
    """Pipes `mail` into `zonehub mail bounce`, as Postfix's pipe(8) would."""
    return subprocess.run(
        [ZONEHUB_BIN, "mail", "bounce", "--db", database, *arguments], input=mail.encode(), env=environment,
        capture_output=True, timeout=120)


def deliveries(server) -> dict[str, tuple[str, str]]:
    """Each recipient's last message as the SMTP server saw it: (envelope sender, Message-ID without brackets)."""
    found = {}
    for line in (server.directory / "events.jsonl").read_text().splitlines():
        event = json.loads(line)
        if event["event"] != "message":
            continue
        message = email.message_from_bytes(
            (server.directory / "messages" / event["file"]).read_bytes(), policy=email.policy.default)
        for recipient in event["rcpt_tos"]:
            found[recipient] = (event["mail_from"], message["Message-ID"].strip("<>"))
    return found


def report(fixture: str, recipient: str, sent: tuple[str, str]) -> str:
    """The fixture, rewritten to report on the message `sent` (its VERP sender and Message-ID) to `recipient`."""
    text = (FIXTURES / fixture).read_text()
    envelope, message_id = sent
    text = re.sub(r"bounces\+\d+-[0-9a-f]{20}@zones\.example\.org", envelope, text)
    text = re.sub(r"digest\.\d+\.\d+\.[0-9a-f]{20}@zones\.example\.org", message_id, text)
    for original in ("habitant.centre-essonne@example.org", "voisine@example.net"):
        text = text.replace(original, recipient)
    return text


def snapshot(database: Path) -> list:
    with sqlite3.connect(database) as connection:
        return [connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("suppression", "bounce", "outboxMessage", "subscription")]


def suppressed(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {row[0] for row in connection.execute("SELECT lower(email) FROM suppression")}


def test_bounces_suppress_as_they_should_refused_mail_changes_nothing_and_digests_skip_the_address(tmp_path, smtp):
    server = smtp()
    database = tmp_path / "zonehub.sqlite"
    environment = mail_environment(server.url, ZONEHUB_BOUNCE_ADDRESS=BOUNCES)
    run("demo", "--db", database, "--zones", ZONES_DIR, "--subscribers", "24", environment=environment)
    run("digest", "send", "--db", database, "--frequency", "daily", environment=environment)
    first_run_second = int(time.time())

    sent = deliveries(server)
    with sqlite3.connect(database) as connection:
        zone_subscribers = [row[0] for row in connection.execute(
            "SELECT s.email FROM subscription s JOIN zone z ON z.id = s.homeZoneId "
            "WHERE z.slug = ? AND s.frequency = 'daily' AND s.status = 'confirmed' ORDER BY s.id", (ZONE,))]
    reached = [address for address in zone_subscribers if address in sent]
    assert len(reached) >= 3, (zone_subscribers, sorted(sent))
    hard, soft, kept = reached[:3]
    for address in (hard, soft, kept):
        envelope, message_id = sent[address]
        assert re.fullmatch(r"bounces\+\d+-[0-9a-f]{20}@zones\.example\.org", envelope), envelope
        assert envelope.split("+")[1].split("-")[0] == message_id.split(".")[1], "one message, one VERP address"
    assert len({sent[address][0] for address in (hard, soft, kept)}) == 3

    # A hard 5.1.1 from Postfix, with the pipe's ${recipient} given: suppressed at once.
    finished = bounce(database, environment, report("postfix-5.1.1.eml", hard, sent[hard]),
                      "--recipient", sent[hard][0])
    assert finished.returncode == 0, finished.stderr.decode()
    assert "hard bounce 5.1.1" in finished.stdout.decode() and "suppressed" in finished.stdout.decode()
    assert hard in suppressed(database)

    # A soft 4.2.2 from Exim, three times, matched by the addresses in its own headers: suppressed at the third.
    for attempt in range(1, 4):
        finished = bounce(database, environment, report("exim-4.2.2.eml", soft, sent[soft]))
        assert finished.returncode == 0, finished.stderr.decode()
        assert (soft in suppressed(database)) == (attempt == 3), finished.stdout.decode()
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT recipient, kind, status, action, diagnosticCode, reason FROM bounce ORDER BY id").fetchall()
        reasons = dict(connection.execute("SELECT lower(email), reason FROM suppression").fetchall())
    assert [(row[0], row[1], row[2], row[3]) for row in rows] == [
        (hard, "hard", "5.1.1", "suppressed"), (soft, "soft", "4.2.2", "counted"),
        (soft, "soft", "4.2.2", "counted"), (soft, "soft", "4.2.2", "suppressed")]
    assert "User unknown in virtual mailbox table" in rows[0][4]
    assert reasons[hard].startswith("Rebond définitif 5.1.1") and reasons[soft].startswith("3 rebonds temporaires")

    # Refused: an auto-reply (not a report, 65), a report on a message the hub never sent (67), and a forged one
    # (another message's number with this tag, 67). Nothing changes.
    before = snapshot(database)
    envelope, message_id = sent[kept]
    forged_envelope = re.sub(r"\+(\d+)-", lambda m: f"+{int(m.group(1)) + 1000}-", envelope)
    forged_id = re.sub(r"^(\w+)\.(\d+)\.", lambda m: f"{m.group(1)}.{int(m.group(2)) + 1000}.", message_id)
    not_a_report = "error: Ce courriel n'est pas un avis de non-remise"
    unknown = "error: Cet avis de non-remise ne concerne aucun message envoyé par ce hub"
    for mail, status, told in [
        (report("out-of-office.eml", kept, sent[kept]), 65, not_a_report),
        ((FIXTURES / "postfix-unknown-message.eml").read_text(), 67, unknown),
        (report("postfix-5.1.1.eml", kept, (forged_envelope, forged_id)), 67, unknown),
        ("", 65, not_a_report),
    ]:
        finished = bounce(database, environment, mail)
        assert finished.returncode == status, (status, finished.stdout, finished.stderr)
        assert finished.stderr.decode().startswith(told), finished.stderr.decode()
    assert snapshot(database) == before
    assert kept not in suppressed(database)

    # The next digest: a post approved in the zone is news for its subscribers, but not for the suppressed ones.
    admin = ("--as", f"admin.{ZONE}@demo.example.org")
    held = run("moderation", "list", "--zone", ZONE, *admin, "--db", database, environment=environment)
    post = held.split("\t")[0].strip()
    assert post.isdigit(), held
    run("moderation", "approve", post, *admin, "--db", database, environment=environment)
    # A digest's dedupe key holds its period's end in whole seconds: the second run must end in a later second.
    while int(time.time()) <= first_run_second:
        time.sleep(0.05)  # poll interval on the clock, not a wait for a particular event
    files_before = len(server.files())
    summary = run("digest", "send", "--db", database, "--frequency", "daily", environment=environment)
    assert re.search(r": [1-9]\d* sent", summary), summary
    new = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
           for path in server.files()[files_before:]]
    recipients = {message["To"] for message in new}
    assert kept in recipients, (kept, recipients, summary, held)
    assert hard not in recipients and soft not in recipients
