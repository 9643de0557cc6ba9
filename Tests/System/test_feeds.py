"""Every feed of the demo hub, read by a real feed reader (Python's feedparser)."""

import json
import re
import time
import urllib.request
import xml.etree.ElementTree as ElementTree

import feedparser


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.status == 200, url
        return answer.read()


def feed_paths(base_url: str) -> list[str]:
    """The hub's, every zone's, every zone category's with posts, and every merchant's feed, without extension."""
    paths = ["/feed"]
    opml = ElementTree.fromstring(fetch(f"{base_url}/feeds.opml"))
    zones = sorted({o.get("htmlUrl").rsplit("/", 1)[1] for o in opml.iter("outline")})
    assert zones == ["bassin-d-arcachon", "centre-essonne", "dordogne", "oise"]
    for zone in zones:
        paths.append(f"/zones/{zone}/feed")
        posts = json.loads(fetch(f"{base_url}/api/v1/posts?zone={zone}&limit=100"))["items"]
        for category in sorted({post["content"]["category"] for post in posts}):
            paths.append(f"/zones/{zone}/categories/{category}/feed")
    merchants = json.loads(fetch(f"{base_url}/api/v1/merchants"))["items"]
    paths += [f"/merchants/{merchant['slug']}/feed" for merchant in merchants]
    return paths


def test_every_demo_feed_parses_without_error_with_its_entries_dates_and_links(zonehub):
    paths = feed_paths(zonehub)
    assert len(paths) >= 1 + 4 + 8 + 8
    for path in paths:
        expected = json.loads(fetch(f"{zonehub}{path}.json"))["items"]
        for extension in ("atom", "rss", "json"):
            url = f"{zonehub}{path}.{extension}"
            parsed = feedparser.parse(fetch(url))
            if extension != "json":
                assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
                assert parsed.feed.get("language", parsed.feed.get("xml_lang", "fr")).startswith("fr"), url
                assert [entry.id for entry in parsed.entries] == [item["id"] for item in expected], url
                assert [entry.title for entry in parsed.entries] == [item["title"] for item in expected], url
                for entry in parsed.entries:
                    # Posts, and in a zone's feeds its new products.
                    assert entry.link == entry.id and (
                        entry.link.startswith(zonehub + "/posts/")
                        or re.fullmatch(rf"{re.escape(zonehub)}/merchants/[a-z0-9-]+/products/\d+", entry.link)), url
                    published = entry.get("published_parsed")
                    assert published is not None, f"{url}: {entry.id} has no date a reader understands"
                    assert abs(time.mktime(published) - time.time()) < 2 * 86400, url
                dates = [entry.published_parsed for entry in parsed.entries]
                assert dates == sorted(dates, reverse=True), f"{url}: entries are not newest first"
                self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
                assert self_links == [url], url
            else:
                assert expected == json.loads(fetch(url))["items"]
    zone = feedparser.parse(fetch(f"{zonehub}/zones/dordogne/feed.atom"))
    assert any("Coffret gourmand de Noël" == entry.title for entry in zone.entries)
    offer = next(entry for entry in zone.entries if entry.title == "Coffret gourmand de Noël")
    assert "49,90 €" in offer.content[0].value


def test_pages_announce_their_feeds_for_autodiscovery(zonehub):
    for page, feed in [("/zones/oise", "/zones/oise/feed"), ("/merchants/velo-vallee", "/merchants/velo-vallee/feed"),
                       ("/zones/oise?category=livres", "/zones/oise/categories/livres/feed")]:
        html = fetch(f"{zonehub}{page}").decode()
        for extension, media_type in (("atom", "application/atom+xml"), ("rss", "application/rss+xml"),
                                      ("json", "application/feed+json")):
            assert f'type="{media_type}"' in html and f'href="{feed}.{extension}"' in html, page
        assert "Suivre ce flux" in html, page
