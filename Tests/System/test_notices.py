"""Notices for people who act, end to end: the real binary on a demo hub mails a real SMTP server (aiosmtpd) what
waits for zone admins, organisers, applicants and operators; Python's MIME parser reads what arrived, and the
one-click preferences link is followed like the admin would."""

import datetime
import email
import email.policy
import re
import sqlite3
import subprocess
import time

from conftest import ZONEHUB_BIN, ZONES_DIR, post_json, sign_in
from test_mail import hub, http, link, mail_environment, run, smtp  # noqa: F401 (fixtures)

MINUTE = 60.0


def arrived(server, address: str, subject: str, deadline: float = MINUTE) -> list[email.message.EmailMessage]:
    """The messages for `address` whose subject starts with `subject`, waiting up to `deadline` for the first."""
    limit = time.monotonic() + deadline
    while True:
        found = []
        for path in server.files():
            raw = path.read_bytes()
            message = email.message_from_bytes(raw, policy=email.policy.default)
            if message["To"] == address and message["Subject"].startswith(subject):
                # Every line ends in CRLF, as SMTP wants.
                assert b"\n" not in raw.replace(b"\r\n", b""), path
                found.append(message)
        if found:
            return found
        assert time.monotonic() < limit, f"no '{subject}' for {address} within {deadline:.0f} s"
        time.sleep(0.1)  # poll interval, not a wait for a particular event


def text(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def query(database, sql: str, *arguments):
    with sqlite3.connect(database) as connection:
        return connection.execute(sql, arguments).fetchall()


def add_account(database, environment: dict, address: str, role: str) -> str:
    output = run("users", "add", "--db", database, "--email", address, "--role", role, environment=environment)
    return output.split("initial password: ", 1)[1].split()[0]


def test_a_held_post_and_a_booking_request_reach_the_zone_admin_who_changes_the_preference_in_one_click(hub):
    base_url, database, server, environment = hub
    admin = "admin.oise@demo.example.org"
    # The demo's hall takes bookings on approval: its request waits for the zone's admins, who organise its pop-ups.
    request = arrived(server, admin, "Demande de réservation")[0]
    assert "Salle des fêtes" in request["Subject"] and "attend votre réponse" in text(request)
    assert re.search(r"/pop-up-slots/\d+", text(request))

    slug = query(database, """SELECT m.slug FROM merchant m JOIN user u ON u.id = m.ownerId
                              WHERE u.email = 'marchand.oise@demo.example.org' ORDER BY m.id LIMIT 1""")[0][0]
    token = sign_in(base_url, "marchand.oise@demo.example.org")
    title = f"Atelier couture {int(time.time())}"
    status, post = post_json(f"{base_url}/api/v1/posts", {
        "merchant": slug, "zone": "oise", "kind": "news", "title": title,
        # More links than the zone's rules let through: held for review, however trusted the shop.
        "body": "Samedi matin : " + " ".join(f"https://atelier{index}.example.org" for index in range(6)),
        "category": "alimentation", "submit": True}, token)
    assert status == 201 and post["status"] == "held", post
    started = time.monotonic()
    notice = arrived(server, admin, f"Annonce à modérer : {title}")[0]
    assert time.monotonic() - started < MINUTE
    body = text(notice)
    assert body.startswith("Bonjour,") and "attend votre décision dans la zone Oise" in body
    assert f"{base_url}/zones/oise/moderation" in body

    preferences = link(notice, "/notices/preferences?token=")
    status, page = http(preferences)
    assert status == 200 and "Mes avis par e-mail" in page and "Tout de suite" in page
    token_value = preferences.split("token=", 1)[1]
    # Opening the page (as a mail scanner would) changed nothing; the button does.
    assert query(database, "SELECT count(*) FROM noticePreference") == [(0,)]
    status, page = http(f"{base_url}/notices/preferences",
                        {"token": token_value, "kind": "annonce-retenue", "delivery": "off"})
    assert status == 200 and "Préférence enregistrée" in page
    assert query(database, "SELECT kind, delivery FROM noticePreference") == [("annonce-retenue", "off")]
    status, page = http(f"{base_url}/notices/preferences",
                        {"token": token_value[:-1] + ("B" if token_value[-1] == "A" else "A"),
                         "kind": "annonce-retenue", "delivery": "immediate"})
    assert status == 404 and "Ce lien de préférences n&#39;est pas valide" in page
    assert query(database, "SELECT delivery FROM noticePreference") == [("off",)]


def test_a_report_that_hides_a_post_and_a_market_decision_are_mailed(hub):
    base_url, database, server, environment = hub
    post_id, title = query(database, """SELECT p.id, p.title FROM post p JOIN zone z ON z.id = p.zoneId
                                        WHERE z.slug = 'dordogne' AND p.status = 'published'
                                        ORDER BY p.id LIMIT 1""")[0]
    for index in range(3):
        address = f"voisin{index}.notices@example.org"
        password = add_account(database, environment, address, "resident")
        status, session = post_json(f"{base_url}/api/v1/sessions", {"email": address, "password": password})
        assert status == 201, session
        status, answer = post_json(f"{base_url}/api/v1/posts/{post_id}/reports", {"reason": "scam"}, session["token"])
        assert status in (200, 201), answer
    hidden = arrived(server, "admin.dordogne@demo.example.org", "Annonce masquée après signalements")[0]
    assert title in hidden["Subject"] and "masquée en attendant votre décision" in text(hidden)

    admin = sign_in(base_url, "admin.dordogne@demo.example.org")
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    moment = lambda days: (now + datetime.timedelta(days=days)).isoformat().replace("+00:00", "Z")  # noqa: E731
    status, market = post_json(f"{base_url}/api/v1/zones/dordogne/markets", {
        "title": "Marché des notices", "description": "Pour les fêtes.", "applicationsOpenAt": moment(-1 / 24),
        "applicationsCloseAt": moment(7), "startsAt": moment(8), "endsAt": moment(9)}, admin)
    assert status == 201, market
    merchant = sign_in(base_url, "marchand.dordogne@demo.example.org")
    shop, offer = query(database, """SELECT m.slug, p.id FROM post p JOIN merchant m ON m.id = p.merchantId
                                     JOIN user u ON u.id = m.ownerId JOIN zone z ON z.id = p.zoneId
                                     WHERE u.email = 'marchand.dordogne@demo.example.org' AND z.slug = 'dordogne'
                                       AND p.status = 'published' AND p.kind = 'offer' AND p.id <> ?
                                     ORDER BY p.id LIMIT 1""", post_id)[0]
    status, application = post_json(f"{base_url}/api/v1/markets/{market['slug']}/applications",
                                     {"merchant": shop, "posts": [offer]}, merchant)
    assert status == 201, application
    decision = f"{base_url}/api/v1/markets/{market['slug']}/applications/{application['id']}/decision"
    # A refusal says why: without a reason it is refused, and the application stays pending.
    status, unsaid = post_json(decision, {"decision": "reject", "reason": "   "}, admin)
    assert status == 400 and unsaid["error"] == "invalid_reason", unsaid
    status, decided = post_json(
        decision, {"decision": "reject", "reason": "Le marché ne reçoit que des producteurs cette année."}, admin)
    assert status == 200 and decided["status"] == "rejected", decided
    assert decided["reason"] == "Le marché ne reçoit que des producteurs cette année."
    refusal = arrived(server, "marchand.dordogne@demo.example.org", "Candidature refusée : Marché des notices")
    assert len(refusal) == 1 and "n'a pas été retenue" in text(refusal[0])
    assert "Le marché ne reçoit que des producteurs cette année." in text(refusal[0])


def test_an_overdue_item_is_reminded_once_and_escalated_once_across_runs(tmp_path, smtp):
    server = smtp()
    database = tmp_path / "zonehub.sqlite"
    environment = mail_environment(server.url)
    run("demo", "--db", database, "--zones", ZONES_DIR, environment=environment)
    add_account(database, environment, "operateur@example.org", "operator")
    held = query(database, """SELECT count(*) FROM post p JOIN zone z ON z.id = p.zoneId
                              WHERE z.slug = 'oise' AND p.status = 'held'""")[0][0]
    assert held > 0
    later = lambda hours: (datetime.datetime.now(datetime.timezone.utc)  # noqa: E731
                           + datetime.timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
    first = run("notices", "send", "--db", database, "--now", later(13), environment=environment)
    assert "queued:" in first
    # Each run is a new process on the same database: a restart between runs.
    again = run("notices", "send", "--db", database, "--now", later(13.1), environment=environment)
    assert again.startswith("queued: 0 notices"), again
    reminders = arrived(server, "admin.oise@demo.example.org", "Rappel : une annonce attend depuis")
    assert len(reminders) == held, [m["Subject"] for m in reminders]
    run("notices", "send", "--db", database, "--now", later(49), environment=environment)
    last = run("notices", "send", "--db", database, "--now", later(49.1), environment=environment)
    assert last.startswith("queued: 0 notices"), last
    escalations = arrived(server, "operateur@example.org", "Escalade : une annonce attend depuis")
    oise = [message for message in escalations if "dans la zone Oise" in message["Subject"]]
    assert len(oise) == held
    assert len(arrived(server, "admin.oise@demo.example.org", "Rappel : une annonce attend depuis")) == held
    assert subprocess.run([ZONEHUB_BIN, "notices", "send", "--db", database, "--now", "demain"], env=environment,
                          capture_output=True, text=True).stderr.startswith("error: --now:")
