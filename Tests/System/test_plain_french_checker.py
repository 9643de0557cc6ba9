"""The check every browser test runs on French pages (`plain_french`, wired in conftest's `browser` fixture) finds
internal codes and English, and leaves French, addresses and what is marked English alone: on strings, and on a
crafted page served over HTTP and read by a real Chromium."""

import http.server
import threading

import pytest

import plain_french

CRAFTED = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>File de modération</title></head>
<body><header><a href="?lang=en" lang="en" hreflang="en">English</a></header>
<main><h1>File de modération — Oise</h1>
<p>La zone relit chaque publication avant sa mise en ligne.</p>
<ul class="reasons"><li>zone_policy_review</li></ul>
<p class="error">À corriger : weekly quota reached: 5 posts per week in this zone</p>
<p>Écrivez à <a href="mailto:admin.oise@demo.example.org">admin.oise@demo.example.org</a> ou ouvrez
<a href="/zones/oise/moderation/sign-ups">/zones/oise/moderation/sign-ups</a>.</p>
<p hidden>post.submit</p>
<label for="s">Statut</label><select id="s"><option>Publiée</option><option>held</option></select>
<button aria-label="Reject selected">Refuser</button>
<label for="t">Mots surveillés</label><textarea id="t">retenir | open bar</textarea>
<p>Une annonce active, signalée comme spam.</p>
</main></body></html>"""


def test_the_check_finds_codes_as_whole_words_and_english_sentences_in_strings():
    assert plain_french.problems(["Raisons : new_merchant ; zone_policy_review"]) == [
        "code 'new_merchant' in « Raisons : new_merchant ; zone_policy_review »",
        "code 'zone_policy_review' in « Raisons : new_merchant ; zone_policy_review »"]
    assert plain_french.problems(["trust.granted merchant:2 {}"]) == ["code 'trust.granted' in « trust.granted merchant:2 {} »"]
    assert plain_french.problems(["Page introuvable … no such page"]) == ["English in « Page introuvable … no such page »"]
    assert plain_french.problems(["title: is required"]) == ["English in « title: is required »"]
    assert plain_french.problems(["This merchant's trust was revoked"]) != []
    assert plain_french.problems(["Statut : held."]) == ["code 'held' in « Statut : held. »"]


def test_the_check_leaves_french_addresses_longer_words_and_ordinary_words_alone():
    french = [
        "La zone relit chaque publication avant sa mise en ligne",
        "Une annonce active, signalée comme spam, en rappel",
        "admin.oise@demo.example.org", "/zones/oise/moderation/sign-ups", "https://cave.example.org/held",
        "Monbazillac 2020 <à prix doux>", "Made in France", "Click & Collect le samedi",
        "Il a été retenu (upheld) puis publié", "Le logo du commerce",
    ]
    assert plain_french.problems(french) == []


def test_every_code_of_the_list_is_found_and_every_ordinary_word_is_in_the_list():
    codes = plain_french.load_codes()
    assert len(codes) > 100, len(codes)
    for code in codes:
        assert plain_french.CODES.search(f"Voici {code} ici"), code
    listed = {line.strip() for line in plain_french.CODES_FILE.read_text().splitlines()}
    assert set(plain_french.ORDINARY_WORDS) <= listed, set(plain_french.ORDINARY_WORDS) - listed


@pytest.fixture
def crafted_page():
    """The crafted page, served over HTTP on a free port of its own."""

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = CRAFTED.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *arguments):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/zones/oise/moderation"
    server.shutdown()
    thread.join()


def test_chromium_reads_a_french_page_block_by_block_and_the_watch_fails_on_it(crafted_page, browser):
    watch = browser.plain_french_watch  # the one every browser test has
    try:
        browser.get(crafted_page)
        quota = "« À corriger : weekly quota reached: 5 posts per week in this zone »"
        assert sorted(watch.found) == sorted(f"{crafted_page}: {problem}" for problem in [
            "code 'zone_policy_review' in « zone_policy_review »",
            f"code 'weekly' in {quota}", f"code 'week' in {quota}", f"English in {quota}",
            "code 'held' in « held »",
            "English in « Reject selected »",
        ]), watch.found
        with pytest.raises(pytest.fail.Exception, match="zone_policy_review"):
            watch.verdict()
        # A document is read once; the next one is read again.
        browser.get(crafted_page + "?encore")
        assert len(watch.found) == 12, watch.found
    finally:
        watch.found = []  # shown failing above: the test itself passes
