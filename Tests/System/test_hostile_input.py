"""A corpus of XSS, injection and encoding payloads (hostile_inputs.json) pushed through every free-text field of
posts, merchant profiles, pop-up venues and seasonal markets on the real binary, then read back where each field is
shown: the HTML pages (html5lib, the HTML5 parsing algorithm browsers use), the RSS, Atom and JSON feeds (a strict
XML parser and feedparser), the digest mail as sent (Python's MIME parser) and the venue's iCalendar feed
(icalendar).

"Never interpreted" is checked the same way everywhere: the payload comes back as text, equal to what was stored,
and the document around it has no element, attribute, header, property or component that the same page shows
without the payload."""

import datetime
import email
import functools
import email.policy
import json
import sqlite3
import subprocess
import unicodedata
import urllib.request
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import feedparser
import html5lib
import icalendar
import pytest

from conftest import ZONEHUB_BIN, Server, send_json, sign_in, zonehub_environment

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

    def __init__(self, base: str, email_address: str):
        self.base = base
        self.token = sign_in(base, email_address)

    def call(self, method: str, path: str, body: dict | None = None, expect: int | None = None):
        status, answer = self.send(method, path, body)
        if expect is not None:
            assert status == expect, f"{method} {path}: {status} {answer}"
        return answer

    def send(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | None]:
        status, answer = send_json(method, f"{self.base}/api/v1{path}", body, self.token)
        assert status < 500, f"{method} {path}: {status} {answer}"
        return status, answer


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read()


# MARK: - The documents' shapes


def html_shape(document: bytes | str) -> tuple[set, set, str]:
    """Element names, attribute names, and all the text, of an HTML page parsed as a browser would."""
    tree = html5lib.parse(document, treebuilder="etree", namespaceHTMLElements=False)
    tags, attributes = set(), set()
    for element in tree.iter():
        if isinstance(element.tag, str):
            tags.add(element.tag)
            attributes.update(element.attrib)
            for name, value in element.attrib.items():
                if name in URL_ATTRIBUTES:
                    assert not value.strip().lower().startswith(("javascript:", "vbscript:", "data:")), (name, value)
    for line_break in tree.iter("br"):
        line_break.tail = " " + (line_break.tail or "")
    return tags, attributes, words("".join(tree.itertext()))


@functools.cache
def baseline_shape(baseline: bytes | str) -> tuple[set, set, str]:
    """`html_shape` of a page shown with plain text, parsed once however many payloads are compared with it."""
    return html_shape(baseline)


def assert_shown_as_text(document: bytes | str, baseline: bytes | str, texts: list[str], where: str) -> None:
    tags, attributes, content = html_shape(document)
    base_tags, base_attributes, _ = baseline_shape(baseline)
    assert tags <= base_tags, f"{where}: new elements {tags - base_tags}"
    assert attributes <= base_attributes, f"{where}: new attributes {attributes - base_attributes}"
    for text in texts:
        assert words(text) in content, f"{where}: {text!r} not shown as text"


def assert_mail_is_inert(raw: bytes, baseline: bytes, titles: list[str]) -> None:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    base = email.message_from_bytes(baseline, policy=email.policy.default)
    assert sorted(message.keys()) == sorted(base.keys()), "headers differ"
    assert not message.defects, message.defects
    # The subject counts the posts and names the zone, never a post's title.
    subject = str(message["Subject"])
    assert subject.split(":")[0] == str(base["Subject"]).split(":")[0] and not set("\r\n<>") & set(subject), subject
    plain = words(message.get_body(("plain",)).get_content())
    for title in titles:
        assert words(title) in plain, f"{title!r} not in the text part"
    # Decoded by the MIME parser from the part's charset, as a mail client does.
    html = message.get_body(("html",)).get_content()
    assert_shown_as_text(html, base.get_body(("html",)).get_content(), titles, "mail html")
    parts = [part.get_content_type() for part in message.walk()]
    assert parts == [part.get_content_type() for part in base.walk()]


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
