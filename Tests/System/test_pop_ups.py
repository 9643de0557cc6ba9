"""Pop-up shop calendars read by a real iCalendar parser (Python's icalendar), and the pages in Chromium."""

import datetime
import json
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from selenium.webdriver.common.by import By

from test_pages import click_and_wait_for_next_page, element, sign_in, merchant_email

GOLDEN = Path(__file__).resolve().parents[1] / "FeedsTests" / "Golden" / "pop-ups.ics"
PARIS = ZoneInfo("Europe/Paris")


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.status == 200, url
        assert answer.headers["Content-Type"] == "text/calendar; charset=utf-8", url
        return answer.read()


def fetch_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.status == 200, url
        return json.loads(answer.read())


def events(data: bytes) -> list:
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0"
    return list(calendar.walk("VEVENT"))


def test_the_golden_calendar_parses_with_nine_oclock_local_across_the_spring_change():
    parsed = events(GOLDEN.read_bytes())
    assert [str(event["UID"]) for event in parsed] == [
        "pop-up-slot-1@hub.example.org", "pop-up-slot-2@hub.example.org", "pop-up-slot-3@hub.example.org"]
    starts = [event.decoded("DTSTART") for event in parsed]
    assert [start.astimezone(PARIS).hour for start in starts] == [9, 9, 9]
    assert [start.utcoffset() for start in starts] == [
        datetime.timedelta(hours=1), datetime.timedelta(hours=2), datetime.timedelta(hours=2)]
    assert [str(event["STATUS"]) for event in parsed] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]
    assert [int(event["SEQUENCE"]) for event in parsed] == [0, 2, 1]
    assert str(parsed[0]["SUMMARY"]) == "Boutique éphémère : La Halle, côté « marché »"
    assert str(parsed[0]["DESCRIPTION"]).endswith("électricité et point d'eau à l'arrière.")
    assert parsed[0].decoded("DTSTAMP") == datetime.datetime(2026, 3, 14, 10, 0, tzinfo=datetime.timezone.utc)


def test_every_demo_zone_and_venue_calendar_parses_with_permanent_uids(zonehub):
    zones = fetch_json(f"{zonehub}/api/v1/zones")["items"]
    full = waiting = 0
    for zone in zones:
        zone_events = events(fetch(f"{zonehub}/zones/{zone['slug']}/pop-ups.ics"))
        assert len(zone_events) >= 9, zone["slug"]
        uids = [str(event["UID"]) for event in zone_events]
        assert len(set(uids)) == len(uids)
        venues = fetch_json(f"{zonehub}/api/v1/zones/{zone['slug']}/pop-up-venues")["items"]
        assert len(venues) == 3
        for venue in venues:
            venue_events = events(fetch(venue["calendar"]))
            assert {str(event["UID"]) for event in venue_events} <= set(uids)
            slots = fetch_json(f"{zonehub}/api/v1/pop-up-venues/{venue['id']}/slots")["items"]
            full += sum(1 for slot in slots if slot["free"] == 0)
            waiting += sum(1 for slot in slots if slot["waiting"] > 0)
        saturdays = [event.decoded("DTSTART") for event in zone_events if "Mercerie" in str(event["SUMMARY"])]
        assert saturdays and all(start.astimezone(PARIS).strftime("%A %H:%M") == "Saturday 09:00" for start in saturdays)
    assert full >= 2 * len(zones) and waiting >= len(zones)


def test_a_merchant_joins_a_waitlist_from_the_slot_page(zonehub, browser):
    zone = "oise"
    venues = fetch_json(f"{zonehub}/api/v1/zones/{zone}/pop-up-venues")["items"]
    mercerie = next(venue for venue in venues if "Mercerie" in venue["details"]["name"])
    slots = fetch_json(f"{zonehub}/api/v1/pop-up-venues/{mercerie['id']}/slots")["items"]
    full = next(slot for slot in slots if slot["free"] == 0)
    sign_in(browser, zonehub, merchant_email(zone))
    browser.get(f"{zonehub}/pop-up-slots/{full['id']}")
    assert "Complet" in element(browser, "p.places").text
    statuses = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "main li")]
    assert len(statuses) == 2 and "Confirmée" in statuses[0] and "Liste d'attente" in statuses[1]
    browser.get(f"{zonehub}/zones/{zone}/pop-ups")
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.pop-up-slots tbody tr")) >= 9
    click_and_wait_for_next_page(browser, browser.find_element(By.LINK_TEXT, "Stand du marché couvert"))
    assert element(browser, "h1").text == "Stand du marché couvert"
