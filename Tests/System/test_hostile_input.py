"""A corpus of XSS, injection and encoding payloads (hostile_inputs.json) pushed through every free-text field of
posts, merchant profiles, pop-up venues and seasonal markets on the real binary, then read back where each field is
shown: the HTML pages (html5lib, the HTML5 parsing algorithm browsers use), the RSS, Atom and JSON feeds (a strict
XML parser and feedparser), the digest mail as sent (Python's MIME parser) and the venue's iCalendar feed
(icalendar). Then the text that admins, organisers, residents and operators enter: decision notes, booking reasons,
rule messages, report notes and display names, read back in pages, the API and the notice mails as delivered to a
real SMTP server.

"Never interpreted" is checked the same way everywhere: the payload comes back as text, equal to what was stored,
and the document around it has no element, attribute, header, property or component that the same page shows
without the payload."""

import concurrent.futures
import datetime
import email
import email.policy
import functools
import itertools
import json
import sqlite3
import subprocess
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import feedparser
import html5lib
import icalendar
import pytest

from conftest import ZONEHUB_BIN, Server, demo_database, send_json, sign_in, zonehub_environment
from test_mail import MAIL_FROM, SMTPServer

CORPUS = json.loads(Path(__file__).with_name("hostile_inputs.json").read_text())
PAYLOADS = [payload for group in CORPUS.values() for payload in group]
ZONE = "dordogne"
MERCHANT = "conserverie-du-perigord-noir"
VENUE = 7
SUBSCRIBER = "habitant.dordogne@example.org"
# What the pages are compared with: plain text, with the line break and the web address plain text may hold.
BENIGN = "Texte ordinaire https://example.org/ici\nsur deux lignes"
# The digest shows at most three posts of a merchant; posts go through it three at a time.
DIGEST_BATCH = 3
ATOM = "{http://www.w3.org/2005/Atom}"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data"}


def test_the_corpus_has_over_a_hundred_distinct_payloads_of_each_kind():
    assert len(PAYLOADS) == len(set(PAYLOADS)) >= 100
    assert all(len(CORPUS[kind]) >= 25 for kind in ("xss", "injection", "encoding"))


# MARK: - What the hub is expected to keep of a payload


def stored(payload: str) -> str:
    """The payload as the hub keeps it: control characters other than tab and line feed dropped, Windows line
    endings made Unix ones, ends trimmed."""
    text = payload.replace("\r\n", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc").strip()


def one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


def accepted(api, method: str, path: str, body: dict, key: str, payload: str, fields: tuple) -> dict | None:
    """Sends a payload in `fields`; either it is refused as invalid, with the record left as it was, or it is kept
    as `stored` says (single-line fields with their line breaks as spaces). Returns what was kept, or None."""
    before = api.call("GET", path, expect=200)
    status, answer = api.send(method, path, body)
    if status == 400:
        assert answer["error"] and answer["message"], answer
        assert api.call("GET", path, expect=200) == before, f"{payload!r} refused but the record changed"
        return None
    assert status == 200, (payload, status, answer)
    kept = answer[key]
    for field in fields:
        assert kept[field] in (stored(payload), one_line(stored(payload))), (field, payload, kept[field])
    return kept


def words(text: str) -> str:
    """Text as it shows: every run of white space as one space (a line break in plain text is a <br> in HTML),
    without U+FFFE and U+FFFF, which XML 1.0 cannot carry and the hub drops from what it renders."""
    return " ".join(text.replace("\ufffe", "").replace("\uffff", "").split())


# MARK: - HTTP


class API:
    """The JSON API as one account, which never answers 5xx."""

    def __init__(self, base: str, email_address: str | None = None, token: str | None = None):
        self.base = base
        self.token = token or sign_in(base, email_address)

    def call(self, method: str, path: str, body: dict | None = None, expect: int | None = None):
        status, answer = self.send(method, path, body)
        if expect is not None:
            assert status == expect, f"{method} {path}: {status} {answer}"
        return answer

    def send(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | None]:
        status, answer = send_json(method, f"{self.base}/api/v1{path}", body, self.token)
        assert status < 500, f"{method} {path}: {status} {answer}"
        return status, answer


def get(url: str, token: str | None = None) -> bytes:
    status, document = page(url, token)
    assert status == 200, (url, status)
    return document


def page(url: str, token: str | None = None, form: dict | None = None) -> tuple[int, bytes]:
    """The status and body of a page, as the account of `token` (pages take a bearer token as the API does), posting
    `form` if given; never a 5xx."""
    data = None if form is None else urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(url, data=data, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, document = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, document = error.code, error.read()
    assert status < 500, (url, status, document[:500])
    return status, document


# MARK: - The documents' shapes


def parse_html(document: bytes | str) -> ElementTree.Element:
    """An HTML page parsed as a browser would, each <br> made a space in the text around it."""
    tree = html5lib.parse(document, treebuilder="etree", namespaceHTMLElements=False)
    for line_break in tree.iter("br"):
        line_break.tail = " " + (line_break.tail or "")
    return tree


def text_of(element: ElementTree.Element) -> str:
    return words("".join(element.itertext()))


def html_shape(document: bytes | str | ElementTree.Element) -> tuple[set, set, str]:
    """Element names, attribute names, and all the text, of an HTML page parsed as a browser would."""
    tree = document if isinstance(document, ElementTree.Element) else parse_html(document)
    tags, attributes = set(), set()
    for element in tree.iter():
        if isinstance(element.tag, str):
            tags.add(element.tag)
            attributes.update(element.attrib)
            for name, value in element.attrib.items():
                if name in URL_ATTRIBUTES:
                    assert not value.strip().lower().startswith(("javascript:", "vbscript:", "data:")), (name, value)
    return tags, attributes, text_of(tree)


@functools.cache
def baseline_shape(baseline: bytes | str) -> tuple[set, set, str]:
    """`html_shape` of a page shown with plain text, parsed once however many payloads are compared with it."""
    return html_shape(baseline)


def assert_shown_as_text(document: bytes | str, baseline: bytes | str, texts: list[str], where: str
                         ) -> ElementTree.Element:
    """Checks that `document` shows each of `texts` as text and has no element or attribute that `baseline` lacks;
    returns the parsed page, for checks of where the text is."""
    tree = parse_html(document)
    tags, attributes, content = html_shape(tree)
    base_tags, base_attributes, _ = baseline_shape(baseline)
    assert tags <= base_tags, f"{where}: new elements {tags - base_tags}"
    assert attributes <= base_attributes, f"{where}: new attributes {attributes - base_attributes}"
    for text in texts:
        assert words(text) in content, f"{where}: {text!r} not shown as text"
    return tree


def assert_same_mime_shape(raw: bytes, baseline: bytes) -> tuple[email.message.EmailMessage, email.message.EmailMessage]:
    """Parses a mail as delivered and the one sent with plain text instead: the same headers and MIME parts, no
    defect, and a subject whose wording before its first colon is the same. Returns both, parsed."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    base = email.message_from_bytes(baseline, policy=email.policy.default)
    assert sorted(message.keys()) == sorted(base.keys()), "headers differ"
    assert not message.defects, message.defects
    subject = str(message["Subject"])
    assert subject.split(":")[0] == str(base["Subject"]).split(":")[0] and not set("\r\n<>") & set(subject), subject
    parts = [part.get_content_type() for part in message.walk()]
    assert parts == [part.get_content_type() for part in base.walk()]
    return message, base


def assert_mail_is_inert(raw: bytes, baseline: bytes, titles: list[str]) -> None:
    # The subject counts the posts and names the zone, never a post's title.
    message, base = assert_same_mime_shape(raw, baseline)
    plain = words(message.get_body(("plain",)).get_content())
    for title in titles:
        assert words(title) in plain, f"{title!r} not in the text part"
    # Decoded by the MIME parser from the part's charset, as a mail client does.
    html = message.get_body(("html",)).get_content()
    assert_shown_as_text(html, base.get_body(("html",)).get_content(), titles, "mail html")


def feed_entry_titles(base: str) -> dict[str, list[str]]:
    """Each feed's entry titles, newest first, read with a strict XML parser and checked by feedparser."""
    rss = get(f"{base}/zones/{ZONE}/feed.rss")
    atom = get(f"{base}/zones/{ZONE}/feed.atom")
    for document in (rss, atom):
        parsed = feedparser.parse(document)
        assert not parsed.bozo, parsed.bozo_exception
    json_feed = json.loads(get(f"{base}/zones/{ZONE}/feed.json"))
    return {
        "rss": [item.findtext("title") for item in ElementTree.fromstring(rss).iter("item")],
        "atom": [entry.findtext(f"{ATOM}title") for entry in ElementTree.fromstring(atom).iter(f"{ATOM}entry")],
        "json": [item["title"] for item in json_feed["items"]],
        # Atom says its titles are text; RSS does not, and feedparser, like many readers, guesses HTML when an
        # RSS title looks like it. Its reading of the Atom feed is the one that must give the text back.
        "feedparser": [entry.title for entry in feedparser.parse(atom).entries],
    }


def feed_content_is_inert(base: str, post_id: int, body: str) -> None:
    json_feed = json.loads(get(f"{base}/zones/{ZONE}/feed.json"))
    item = next(item for item in json_feed["items"] if item["url"].endswith(f"/posts/{post_id}"))
    fragment = "<!doctype html><html><body>" + item["content_html"] + "</body></html>"
    tags, attributes, content = html_shape(fragment)
    assert tags <= {"html", "head", "body", "p", "br", "a"}, tags
    assert attributes <= {"href", "rel"}, attributes
    assert words(body) in content


def digest(database: Path) -> bytes:
    result = subprocess.run([ZONEHUB_BIN, "digest", "preview", "--raw", "--email", SUBSCRIBER, "--db", database],
                            env=zonehub_environment(), capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def row_count(database: Path, table: str) -> int:
    with sqlite3.connect(database) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def calendar_shape(document: bytes) -> list[tuple[str, tuple[str, ...]]]:
    calendar = icalendar.Calendar.from_ical(document)
    return [(component.name, tuple(sorted(component.keys()))) for component in calendar.walk()]


# MARK: - The test


@pytest.fixture
def hub(database, tmp_path):
    server = Server(database, tmp_path / "serve.log")
    yield server
    server.stop()


def test_hostile_payloads_in_every_field_come_back_as_text_in_pages_feeds_mail_and_calendars(hub, database):
    admin = API(hub.url, f"admin.{ZONE}@demo.example.org")
    merchant = API(hub.url, f"marchand.{ZONE}@demo.example.org")

    # One post per payload in a week: the zone's quota and link limit raised, its watched terms and the hold on
    # changed contact details (the profile is edited below) lifted,
    # so that every payload is published rather than held.
    rules = admin.call("GET", f"/zones/{ZONE}/rules", expect=200)
    rules.update(weeklyQuota=500, maxLinks=50, watchedTerms=[], holdOnContactChange=False)
    admin.call("PUT", f"/zones/{ZONE}/rules", rules, expect=200)

    profile = merchant.call("GET", f"/merchants/{MERCHANT}", expect=200)["profile"]
    venue = admin.call("GET", f"/pop-up-venues/{VENUE}", expect=200)["details"]
    merchant_page = f"{hub.url}/merchants/{MERCHANT}"
    venue_page = f"{hub.url}/pop-up-venues/{VENUE}"
    calendar = f"{hub.url}/pop-up-venues/{VENUE}/calendar.ics"

    def edit_profile(text: str) -> dict | None:
        fields = {**profile, "name": text, "description": text, "address": text}
        return accepted(merchant, "PUT", f"/merchants/{MERCHANT}", fields, "profile", text,
                        ("name", "description", "address"))

    def edit_venue(text: str) -> dict | None:
        fields = {**venue, "name": text, "description": text, "address": text, "accessibility": text,
                  "houseRules": text}
        return accepted(admin, "PUT", f"/pop-up-venues/{VENUE}", fields, "details", text,
                        ("name", "description", "address", "accessibility", "houseRules"))

    edit_profile(BENIGN)
    edit_venue(BENIGN)
    baselines = {"merchant": get(merchant_page), "venue": get(venue_page), "calendar": calendar_shape(get(calendar))}
    refused = 0
    for payload in PAYLOADS:
        saved = edit_profile(payload)
        if saved is None:
            refused += 1
        else:
            assert_shown_as_text(get(merchant_page), baselines["merchant"], [saved["name"], saved["description"]],
                                 f"merchant {payload!r}")

        saved = edit_venue(payload)
        if saved is None:
            refused += 1
            continue
        assert_shown_as_text(get(venue_page), baselines["venue"], [saved["houseRules"]], f"venue page {payload!r}")
        document = get(calendar)
        assert calendar_shape(document) == baselines["calendar"], payload
        events = icalendar.Calendar.from_ical(document).walk("VEVENT")
        assert events and all(saved["name"] in str(event["SUMMARY"]) for event in events), payload
        assert all(saved["address"] in str(event["LOCATION"]) for event in events), payload
    # Control characters are refused by some fields and dropped by others; the rest must all be taken.
    assert refused <= 2 * len(CORPUS["encoding"]), refused

    # Seasonal markets: title and description. Two titles may make the same address (`{{7*7}}` and `${7*7}`):
    # the second is refused with 409, like any refusal without a market written.
    days = [(datetime.date.today() + datetime.timedelta(days=offset)).isoformat() for offset in (-1, 5, 20, 22)]
    market_dates = {"applicationsOpenAt": f"{days[0]}T08:00:00Z", "applicationsCloseAt": f"{days[1]}T18:00:00Z",
                    "startsAt": f"{days[2]}T08:00:00Z", "endsAt": f"{days[3]}T18:00:00Z"}

    def open_market(text: str) -> dict | None:
        before = row_count(database, "market")
        status, market = admin.send("POST", f"/zones/{ZONE}/markets",
                                    {"title": text, "description": text, **market_dates})
        if status in (400, 409):
            assert market["error"] and market["message"], market
            assert row_count(database, "market") == before, f"{text!r} refused but a market was written"
            return None
        assert status == 201, (text, status, market)
        for field in ("title", "description"):
            assert market[field] in (stored(text), one_line(stored(text))), (field, text, market[field])
        return market

    baselines["market"] = get(f"{hub.url}/markets/{open_market(BENIGN)['slug']}")
    opened = 0
    for payload in PAYLOADS:
        market = open_market(payload)
        if market is None:
            continue
        opened += 1
        page = f"{hub.url}/markets/{market['slug']}"
        assert_shown_as_text(get(page), baselines["market"], [market["title"], market["description"]],
                             f"market {payload!r}")
        feed = get(f"{page}/feed.atom")
        title = ElementTree.fromstring(feed).findtext(f"{ATOM}title")
        assert words(market["title"]) in words(title) and words(market["title"]) in words(feedparser.parse(feed).feed.title)
    assert opened >= len(PAYLOADS) - len(CORPUS["encoding"]), opened

    # The merchant's demo posts leave the digest to the corpus.
    for post in merchant.call("GET", f"/posts?zone={ZONE}", expect=200)["items"]:
        if post["merchant"] == MERCHANT:
            merchant.call("POST", f"/posts/{post['id']}/withdraw", expect=200)

    def publish(text: str) -> int | None:
        """The new post's id, or None when the payload was refused as invalid and no post was written."""
        before = row_count(database, "post")
        status, draft = merchant.send("POST", "/posts", {"merchant": MERCHANT, "zone": ZONE, "kind": "news",
                                                         "title": text, "body": text, "category": "alimentation"})
        if status == 400:
            assert draft["error"].startswith("invalid_") and draft["message"], draft
            assert row_count(database, "post") == before, f"{text!r} refused but a post was written"
            return None
        assert status == 201, (text, status, draft)
        post = merchant.call("POST", f"/posts/{draft['id']}/submit", expect=200)
        assert post["status"] == "published", (text, post)
        return post["id"]

    baseline_post = publish(BENIGN)
    baselines["post"] = get(f"{hub.url}/posts/{baseline_post}")
    baselines["digest"] = digest(database)
    merchant.call("POST", f"/posts/{baseline_post}/withdraw", expect=200)

    def check_batch(batch: list[tuple[int, str]]) -> None:
        mail = digest(database)
        titles = feed_entry_titles(hub.url)
        for post_id, payload in batch:
            expected = stored(payload)
            saved = merchant.call("GET", f"/posts/{post_id}", expect=200)["content"]
            assert saved["title"] in (expected, one_line(expected)) and saved["body"] == expected, payload
            assert_shown_as_text(get(f"{hub.url}/posts/{post_id}"), baselines["post"], [expected], f"post {payload!r}")
            for feed, entries in titles.items():
                assert words(expected) in map(words, entries), f"{feed}: {payload!r} not among {entries[:5]}"
            feed_content_is_inert(hub.url, post_id, expected)
        assert_mail_is_inert(mail, baselines["digest"], [words(stored(payload)) for _, payload in batch])
        for post_id, _ in batch:
            merchant.call("POST", f"/posts/{post_id}/withdraw", expect=200)

    # Payloads the post fields refuse (control characters) are set aside; the others go three at a time.
    taken, batch = 0, []
    for payload in PAYLOADS:
        post_id = publish(payload)
        if post_id is None:
            continue
        taken += 1
        batch.append((post_id, payload))
        if len(batch) == DIGEST_BATCH:
            check_batch(batch)
            batch = []
    if batch:
        check_batch(batch)
    assert taken >= len(PAYLOADS) - len(CORPUS["encoding"]), taken


# MARK: - Text that admins, organisers, residents and operators enter
#
# These run on one hub of their own whose mail goes to a real SMTP server, one zone per kind of text, so that each
# mailbox and queue holds only its own test's traffic.

CONTROLS = [payload for payload in PAYLOADS if stored(payload) != payload]
"""The payloads with control characters (CR, NUL, BEL, ESC, VT, FF, C1), checked in tests of their own on the fields
below: those fields once kept them as sent, or cut the text at a NUL; now each is refused with nothing written."""
CLEAN = [payload for payload in PAYLOADS if payload not in CONTROLS]
serial = itertools.count(1)  # distinct titles and addresses across the tests sharing the hub


@pytest.fixture(scope="module")
def mail_hub(tmp_path_factory):
    """(hub, database, SMTP server): a demo hub that delivers its outbox to aiosmtpd."""
    folder = tmp_path_factory.mktemp("hostile-mail")
    smtp = SMTPServer(folder / "smtp")
    database = demo_database(folder / "hub.sqlite")
    hub = Server(database, folder / "serve.log", ZONEHUB_SMTP_URL=smtp.url, ZONEHUB_MAIL_FROM=MAIL_FROM)
    yield hub, database, smtp
    hub.stop()
    smtp.stop()


def kept_as_stored(payload: str, kept: str | None, where: str) -> str:
    assert kept in (stored(payload), one_line(stored(payload)), stored(payload).replace("\n", " ")), \
        (where, payload, kept)
    return kept


def refused_without_a_write(database: Path, answer: dict, tables: tuple, before: list[int], payload: str) -> None:
    assert answer["error"] and answer["message"], answer
    assert [row_count(database, table) for table in tables] == before, f"{payload!r} refused but a row was written"


def mails(smtp: SMTPServer, address: str, count: int) -> list[bytes]:
    """The messages delivered to `address`, once at least `count` have arrived."""
    return [path.read_bytes() for path in smtp.to(address, at_least=count)]


def plain_text(raw: bytes) -> str:
    return email.message_from_bytes(raw, policy=email.policy.default).get_body(("plain",)).get_content()


def assert_notice_is_inert(raw: bytes, baseline: bytes, text: str) -> None:
    """A one-part notice mail: the MIME shape of the notice sent with plain text, and `text` in it as text."""
    assert_same_mime_shape(raw, baseline)
    assert words(text) in words(plain_text(raw)), f"{text!r} not in the notice"


def owned_merchant(api: API, base: str, zone: str) -> str:
    """The slug of a merchant in `zone` that the account owns, as its dashboard lists them."""
    owned = {section.get("data-merchant") for section in parse_html(get(f"{base}/dashboard", api.token)).iter("section")}
    in_zone = [item["slug"] for item in api.call("GET", f"/merchants?zone={zone}", expect=200)["items"]]
    return next(slug for slug in in_zone if slug in owned)


def check_decision_notes(hub: Server, database: Path, smtp: SMTPServer, payloads: list[str]) -> None:
    """Zone admins' notes on rejections: in the decision as the API answers, on the merchant's dashboard, and in
    the notice mailed to the merchant."""
    zone, merchant_address = "oise", "marchand.oise@demo.example.org"
    admin = API(hub.url, f"admin.{zone}@demo.example.org")
    merchant = API(hub.url, merchant_address)
    slug = owned_merchant(merchant, hub.url, zone)
    # Every post held for review (trust revoked), and as many as the corpus in a week.
    rules = admin.call("GET", f"/zones/{zone}/rules", expect=200)
    admin.call("PUT", f"/zones/{zone}/rules", {**rules, "weeklyQuota": 500, "watchedTerms": []}, expect=200)
    admin.call("PUT", f"/zones/{zone}/trust/{slug}", {"setting": "revoked"})
    delivered = len(smtp.to(merchant_address, at_least=0))

    def reject(note: str) -> tuple[str, str | None, int]:
        """The post's title, the note kept (None when refused) and the post's id."""
        title = f"Annonce n°{next(serial)}"
        draft = merchant.call("POST", "/posts", {"merchant": slug, "zone": zone, "kind": "news", "title": title,
                                                 "body": "Texte de l'annonce", "category": "alimentation"}, expect=201)
        assert merchant.call("POST", f"/posts/{draft['id']}/submit", expect=200)["status"] == "held"
        before = [row_count(database, table) for table in ("decision", "outboxMessage")]
        status, decision = admin.send("POST", f"/posts/{draft['id']}/decisions",
                                      {"action": "reject", "reason": "other", "note": note})
        if status == 400:
            refused_without_a_write(database, decision, ("decision", "outboxMessage"), before, note)
            return title, None, draft["id"]
        assert status == 201, (note, status, decision)
        return title, kept_as_stored(note, decision["note"], "decision note"), draft["id"]

    def dashboard_shows(note: str, post_id: int, baseline: bytes | None) -> bytes:
        document = get(f"{hub.url}/dashboard", merchant.token)
        tree = assert_shown_as_text(document, baseline or document, [note], f"dashboard {note!r}")
        row = next(row for row in tree.iter("tr") if row.get("id") == f"post-{post_id}")
        shown = text_of(next(span for span in row.iter("span") if span.get("class") == "decision"))
        assert shown == words(f"Refusée — Autre : « {note} »"), (note, shown)
        return document

    benign_title, _, benign_post = reject(BENIGN)
    baseline = dashboard_shows(stored(BENIGN), benign_post, None)
    sent = {}
    for payload in payloads:
        title, kept, post_id = reject(payload)
        if kept is not None:
            dashboard_shows(kept, post_id, baseline)
            sent[title] = kept
    # The notices, as the outbox delivered them, each found by the post's title in its subject.
    delivered = {str(email.message_from_bytes(raw, policy=email.policy.default)["Subject"]).split(" : ", 1)[1]: raw
                 for raw in mails(smtp, merchant_address, delivered + 1 + len(sent))}
    for title, kept in sent.items():
        assert_notice_is_inert(delivered[title], delivered[benign_title], kept)


def test_admins_decision_notes_come_back_as_text_on_the_merchants_dashboard_and_in_the_notice_mail(mail_hub):
    check_decision_notes(*mail_hub, CLEAN)


def test_admins_decision_notes_lose_their_control_characters_and_nothing_after_a_nul(mail_hub):
    check_decision_notes(*mail_hub, CONTROLS)


def check_booking_reasons(hub: Server, database: Path, smtp: SMTPServer, payloads: list[str]) -> None:
    """Reasons given on pop-up bookings: a merchant's when cancelling, read by the organisers (the slot's page and
    its bookings in the API); an organiser's when refusing, read by the merchant (the booking in the API and the
    notice mail)."""
    zone, merchant_address = "centre-essonne", "marchand.centre-essonne@demo.example.org"
    organiser = API(hub.url, f"admin.{zone}@demo.example.org")
    merchant = API(hub.url, merchant_address)
    slug = owned_merchant(merchant, hub.url, zone)
    # One place a morning and one an afternoon, each waiting for approval, two per payload: no booking overlaps
    # another. (A series makes at most 200 slots.)
    venue = organiser.call("POST", f"/zones/{zone}/pop-up-venues", {
        "name": f"Halle d'essai {next(serial)}", "address": "1 place du Marché", "commune": "Évry", "capacity": 1,
        "needsApproval": True, "cancellationHours": 0}, expect=201)
    first = datetime.date.today() + datetime.timedelta(days=2)
    slots = iter([slot for start, end in (("09:00", "12:00"), ("14:00", "18:00"))
                  for slot in organiser.call("POST", f"/pop-up-venues/{venue['id']}/series", {
                      "weekdays": list(range(1, 8)), "startTime": start, "endTime": end, "firstDay": first.isoformat(),
                      "lastDay": (first + datetime.timedelta(days=len(payloads) + 20)).isoformat()},
                      expect=201)["items"]])
    delivered = len(smtp.to(merchant_address, at_least=0))
    tables = ("popUpBooking", "outboxMessage")

    def settle(api: API, action: str, reason: str) -> tuple[dict, str | None]:
        """A new booking request on the next slot, then `action` on it with `reason`: the booking, and the reason
        kept (None when refused, the booking then left as it was)."""
        # The demo's own bookings of this merchant take some days already.
        while (booked := merchant.send("POST", f"/pop-up-slots/{next(slots)['id']}/bookings",
                                       {"merchant": slug}))[0] == 409 and booked[1]["error"] == "booking_overlaps":
            pass
        status, booking = booked
        assert status == 201 and booking["status"] == "requested", booked
        before = [row_count(database, table) for table in tables]
        status, answer = api.send("POST", f"/pop-up-bookings/{booking['id']}/{action}", {"reason": reason})
        if status == 400:
            refused_without_a_write(database, answer, tables, before, reason)
            assert merchant.call("GET", f"/pop-up-bookings/{booking['id']}", expect=200) == booking, reason
            return booking, None
        assert status == 200, (reason, status, answer)
        return answer, kept_as_stored(reason, answer["reason"], f"{action} reason")

    def organisers_see(booking: dict, reason: str, baseline: bytes | None) -> bytes:
        listed = organiser.call("GET", f"/pop-up-slots/{booking['slot']}/bookings", expect=200)["items"]
        assert [item["reason"] for item in listed if item["id"] == booking["id"]] == [reason]
        document = get(f"{hub.url}/pop-up-slots/{booking['slot']}", organiser.token)
        assert_shown_as_text(document, baseline or document, [reason], f"slot page {reason!r}")
        return document

    cancelled, _ = settle(merchant, "cancel", BENIGN)
    baseline = organisers_see(cancelled, stored(BENIGN), None)
    refused, _ = settle(organiser, "refuse", BENIGN)
    sent = {refused["slot"]: stored(BENIGN)}
    for payload in payloads:
        cancelled, kept = settle(merchant, "cancel", payload)
        if kept is not None:
            organisers_see(cancelled, kept, baseline)
        refused, kept = settle(organiser, "refuse", payload)
        if kept is not None:
            assert merchant.call("GET", f"/pop-up-bookings/{refused['id']}", expect=200)["reason"] == kept
            sent[refused["slot"]] = kept
    # Each refusal notice links to its slot; a merchant's own cancellation mails no one.
    notices = {}
    for raw in mails(smtp, merchant_address, delivered + len(sent)):
        slot = plain_text(raw).rsplit("/pop-up-slots/", 1)[1].split()[0]
        notices[int(slot)] = raw
    assert len(notices) == delivered + len(sent)
    baseline_notice = notices[next(iter(sent))]
    for slot, kept in sent.items():
        assert_notice_is_inert(notices[slot], baseline_notice, f"Motif : {kept}")


def test_pop_up_booking_reasons_come_back_as_text_to_organisers_merchants_and_in_the_refusal_mail(mail_hub):
    check_booking_reasons(*mail_hub, PAYLOADS)


def check_rule_messages(hub: Server, database: Path, payloads: list[str]) -> None:
    """The message a zone's blocking term shows the author: in the API's refusal, the dashboard's refusal page
    and the rules page."""
    zone = "bassin-d-arcachon"
    admin = API(hub.url, f"admin.{zone}@demo.example.org")
    merchant = API(hub.url, f"marchand.{zone}@demo.example.org")
    slug = owned_merchant(merchant, hub.url, zone)
    rules = admin.call("GET", f"/zones/{zone}/rules", expect=200)
    # The term an earlier run of this check left in the rules is taken out, so that each run adds it once.
    rules["watchedTerms"] = [term for term in rules["watchedTerms"] if term["term"] != "motbloquant"]
    draft = merchant.call("POST", "/posts", {"merchant": slug, "zone": zone, "kind": "news", "category": "alimentation",
                                             "title": "Annonce motbloquant", "body": "Texte"}, expect=201)

    def block_with(message: str) -> str | None:
        """The message kept (None when refused, the rules then left as they were)."""
        before = admin.call("GET", f"/zones/{zone}/rules", expect=200)
        term = {"term": "motbloquant", "action": "block", "message": message}
        status, answer = admin.send("PUT", f"/zones/{zone}/rules",
                                    {**rules, "weeklyQuota": 500, "watchedTerms": rules["watchedTerms"] + [term]})
        if status == 400:
            assert answer["error"] and answer["message"], answer
            assert admin.call("GET", f"/zones/{zone}/rules", expect=200) == before, f"{message!r} refused but written"
            return None
        assert status == 200, (message, status, answer)
        return kept_as_stored(message, answer["watchedTerms"][-1]["message"], "rule message")

    def shown(message: str, baselines: dict | None) -> dict:
        posts_before = row_count(database, "post")
        status, refusal = merchant.send("POST", f"/posts/{draft['id']}/submit")
        assert status == 400 and refusal == {"error": "post_blocked", "message": message}, (status, refusal)
        status, refusal_page = page(f"{hub.url}/dashboard/posts/{draft['id']}/submit", merchant.token, form={})
        assert status == 400, status
        assert row_count(database, "post") == posts_before
        rules_page = get(f"{hub.url}/zones/{zone}/moderation/rules", admin.token)
        documents = {"refusal page": refusal_page, "rules page": rules_page}
        for where, document in documents.items():
            assert_shown_as_text(document, (baselines or documents)[where], [message], f"{where} {message!r}")
        return documents

    baselines = shown(block_with(BENIGN), None)
    for payload in payloads:
        kept = block_with(payload)
        if kept is not None:
            shown(kept, baselines)


def test_zone_rule_messages_come_back_as_text_in_refusals_and_on_the_rules_page(mail_hub):
    hub, database, _ = mail_hub
    check_rule_messages(hub, database, CLEAN)


def test_zone_rule_messages_lose_their_control_characters(mail_hub):
    hub, database, _ = mail_hub
    check_rule_messages(hub, database, CONTROLS)



def resident_named(hub: Server, database: Path, name: str) -> tuple[str, str]:
    """A bearer token for a new resident account that `zonehub users add --name` created, and the name given. An
    argument cannot hold a NUL, so a payload with one is given without it. A name the command refuses (control
    characters) must leave no account behind; the resident is then added with a plain name."""
    address = f"habitant.hostile{next(serial)}@example.org"
    name = name.replace("\x00", "")

    def add(display_name: str) -> subprocess.CompletedProcess:
        return subprocess.run([ZONEHUB_BIN, "users", "add", "--db", database, "--email", address, "--role",
                               "resident", "--name", display_name], env=zonehub_environment(), capture_output=True,
                              text=True, timeout=60)

    added = add(name)
    if added.returncode != 0:
        assert added.stderr.startswith("error: name: ") and "Traceback" not in added.stderr, (name, added.stderr)
        with sqlite3.connect(database) as connection:
            assert connection.execute('SELECT count(*) FROM user WHERE email = ?', (address,)).fetchone() == (0,)
        name = "Habitant"
        added = add(name)
    assert added.returncode == 0, (name, added.stderr)
    password = added.stdout.split("initial password: ", 1)[1].split()[0]
    status, session = send_json("POST", f"{hub.url}/api/v1/sessions", {"email": address, "password": password})
    assert status == 201, session
    return session["token"], name


def check_reports_by_named_residents(hub: Server, database: Path, smtp: SMTPServer, payloads: list[str]) -> None:
    """Residents whose display name is a payload report a held post with the payload as their note. The name comes
    back in /me, in the header and greeting of their dashboard, and as the actor of the zone's audit log (page and
    API); the note in the admins' queue page; a report sends no mail."""
    zone = "dordogne"
    admin = API(hub.url, f"admin.{zone}@demo.example.org")
    # A high threshold: reports leave the post as it is, so that each is read on the same queue item.
    rules = admin.call("GET", f"/zones/{zone}/rules", expect=200)
    admin.call("PUT", f"/zones/{zone}/rules", {**rules, "reportThreshold": 100}, expect=200)
    merchant = API(hub.url, f"marchand.{zone}@demo.example.org")
    slug = owned_merchant(merchant, hub.url, zone)
    admin.call("PUT", f"/zones/{zone}/trust/{slug}", {"setting": "revoked"})
    held = merchant.call("POST", "/posts", {"merchant": slug, "zone": zone, "kind": "news", "category": "alimentation",
                                            "title": f"Annonce signalée {next(serial)}", "body": "Texte"}, expect=201)["id"]
    assert merchant.call("POST", f"/posts/{held}/submit", expect=200)["status"] == "held"
    # Creating an account hashes its password (bcrypt, cost 12), and so does signing in: several at once. Each
    # account reports once, far below the limit of twenty reports an hour per account.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        accounts = list(pool.map(lambda name: resident_named(hub, database, name), [BENIGN, *payloads]))
    tables = ("report", "auditEntry", "outboxMessage")

    def report(account: tuple[str, str], payload: str, baselines: dict | None) -> dict:
        token, given_name = account
        name = API(hub.url, token=token)
        shown_name = name.call("GET", "/me", expect=200)["displayName"]
        kept_name = stored(given_name)
        assert shown_name in (one_line(kept_name), kept_name.replace("\n", " ")), ("display name", payload, shown_name)
        before = [row_count(database, table) for table in tables]
        status, answer = name.send("POST", f"/posts/{held}/reports", {"reason": "other", "note": payload})
        note = None
        if status == 400:
            refused_without_a_write(database, answer, tables, before, payload)
        else:
            assert status == 201 and answer == {"hidden": False}, (payload, status, answer)
            assert row_count(database, "outboxMessage") == before[2], "a report sent mail"
            note = stored(payload)
        documents = {"dashboard": get(f"{hub.url}/dashboard", token),
                     "audit": get(f"{hub.url}/zones/{zone}/moderation/audit", admin.token),
                     "queue": get(f"{hub.url}/zones/{zone}/moderation", admin.token)}
        baselines = baselines or documents
        dashboard = assert_shown_as_text(documents["dashboard"], baselines["dashboard"], [shown_name],
                                         f"dashboard of {payload!r}")
        assert [text_of(span) for span in dashboard.iter("span") if span.get("class") == "who"] == [words(shown_name)]
        assert text_of(next(dashboard.iter("h1"))) == words(f"Bonjour {shown_name}")
        if note is None:
            return documents
        # The newest line of the audit log is this report, by this resident.
        audit = assert_shown_as_text(documents["audit"], baselines["audit"], [shown_name], f"audit of {payload!r}")
        newest = next(item for ol in audit.iter("ol") if ol.get("class") == "audit" for item in ol)
        assert text_of(next(newest.iter("strong"))) == words(shown_name), payload
        line = admin.call("GET", f"/zones/{zone}/audit", expect=200)["items"][0]
        assert (line["action"], line["actor"]) == ("post.report", shown_name), (payload, line)
        # The queue item's newest report is this one, its note as text.
        queue = assert_shown_as_text(documents["queue"], baselines["queue"], [note], f"queue of {payload!r}")
        item = next(section for section in queue.iter("section") if section.get("data-post") == str(held))
        reports = next(ul for ul in item.iter("ul") if ul.get("class") == "reports")
        assert text_of(list(reports)[-1]).startswith(words(f"Autre : {note} —")), (payload, text_of(list(reports)[-1]))
        return documents

    baselines = report(accounts[0], BENIGN, None)
    for account, payload in zip(accounts[1:], payloads):
        report(account, payload, baselines)


def test_display_names_and_report_notes_come_back_as_text_on_the_dashboard_audit_log_and_queue(mail_hub):
    check_reports_by_named_residents(*mail_hub, CLEAN)


def test_display_names_and_report_notes_lose_their_control_characters_and_nothing_after_a_nul(mail_hub):
    check_reports_by_named_residents(*mail_hub, CONTROLS)
