"""The JSON API fuzzed from its own OpenAPI description by schemathesis, on a hub of the test's own: whatever is
sent, the answer is never a 5xx, and it is one the spec describes (status, content type, headers, body schema). The
hub logs in JSON lines meanwhile; every line must parse, none may be an error, and the request log must account for
the requests without the secrets of query strings."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Server, sign_in

CONFIG = Path(__file__).with_name("schemathesis.toml")
# Examples per operation and run; three runs over the API's 51 operations make about 4,000 requests.
EXAMPLES = 25
# Signing out would end the session the run authenticates with; its own tests are in the Swift suite.
EXCLUDED = ["--exclude-method", "DELETE", "--exclude-path", "/sessions/current"]
# Every check schemathesis has, response_schema_conformance and status_code_conformance among them, but two:
# - positive_data_acceptance wants a 2xx for any request the schema allows, and the hub has rules no JSON Schema can
#   say (a market ends after it starts, a status filter needs a zone, a search needs a word of two letters);
# - unsupported_method wants a 405 for a method a path does not serve, where Hummingbird's router answers 404.
CHECKS = ["--checks", "all", "--exclude-checks", "positive_data_acceptance,unsupported_method"]
# One worker: with two, Hypothesis parses its strategies' sources in both threads at once, and CPython 3.11's
# ast.parse is not thread-safe ("SystemError: AST constructor recursion depth mismatch" failed a run).
WORKERS = ["--workers", "1"]


def schemathesis(server: Server, bearer: str, known_identifiers: bool, report: Path) -> subprocess.CompletedProcess:
    # The settings file is read only for the run that wants its identifiers; the other one draws them freely.
    settings = ["--config-file", str(CONFIG)] if known_identifiers else ["--config-file", "/dev/null"]
    command = [
        sys.executable, "-m", "schemathesis.cli", *settings, "run", f"{server.url}/api/v1/openapi.json",
        "--url", f"{server.url}/api/v1", *CHECKS,
        "--header", f"Authorization: Bearer {bearer}",
        "--phases", "coverage,fuzzing", "--max-examples", str(EXAMPLES), "--seed", "20261203",
        *WORKERS, "--report", "junit", "--report-dir", str(report), *EXCLUDED,
    ]
    # Run in the report's folder, where schemathesis and Hypothesis leave their caches.
    report.mkdir(parents=True)
    return subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=report)


@pytest.fixture
def server(database, tmp_path):
    hub = Server(database, tmp_path / "serve.log", ZONEHUB_LOG_FORMAT="json")
    yield hub
    hub.stop()


def test_fuzzing_the_api_from_its_openapi_description_gets_only_answers_it_describes(server, tmp_path):
    # Sessions first: the fuzzed sign-ins soon lock this client address out, as they should.
    admin = sign_in(server.url, "admin.dordogne@demo.example.org")
    merchant = sign_in(server.url, "marchand.dordogne@demo.example.org")
    runs = [("admin, free identifiers", admin, False), ("admin, demo identifiers", admin, True),
            ("merchant, demo identifiers", merchant, True)]
    for name, bearer, known in runs:
        result = schemathesis(server, bearer, known, tmp_path / name.replace(" ", "-").replace(",", ""))
        summary = result.stdout[-4000:]
        assert result.returncode == 0, f"{name}:\n{summary}\n{result.stderr[-2000:]}"
        # A run that sent next to nothing would pass without having tested anything.
        generated = re.search(r"(\d+) generated", summary)
        assert generated and int(generated.group(1)) >= 1000, f"{name}:\n{summary}"
        print(f"{name}: {generated.group(0)} test cases, all conforming")  # shown by pytest -s, for the README
    server.stop()
    # The server's own output is JSON lines (the log handler writes whole lines; only startup banners could not be).
    events = [json.loads(line) for line in server.log.read_text().splitlines()]
    errors = [event for event in events if event["level"] in ("error", "critical")]
    assert not errors, errors[:20]
    requests = [event for event in events if event["message"] == "request"]
    assert len(requests) >= 3000, len(requests)
    assert all(set(event) >= {"time", "method", "path", "route", "status", "ms", "hb.request.id"} for event in requests)
    assert not any("?" in event["path"] for event in requests)
    assert {event["route"] for event in requests} >= {"/api/v1/posts", "/api/v1/zones/{slug}"}
