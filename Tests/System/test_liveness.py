"""The server keeps answering its health check while a database-heavy page is under sustained load."""

import re
import subprocess
import time
import urllib.error
import urllib.request

import pytest

WRK = "/usr/bin/wrk"
CONNECTIONS = 256  # four times a usual 64
THREADS = 2
DURATION_SECONDS = 60
HEALTH_TIMEOUT = 1.0
MAX_TIMEOUT_SHARE = 0.03


def check_health(base_url: str) -> tuple[str, float]:
    """One GET /healthz: its outcome ("200" or what went wrong) and how long it took."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"{base_url}/healthz", timeout=HEALTH_TIMEOUT) as response:
            outcome = str(response.status) if response.read() == b"ok" else f"{response.status} with another body"
    except urllib.error.HTTPError as error:
        outcome = str(error.code)
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        outcome = f"{type(error).__name__}: {getattr(error, 'reason', error)}"
    return outcome, time.monotonic() - started


def wrk_counts(output: str) -> dict:
    """The counts of wrk's summary that the test judges; a missing error line means none of that kind."""
    requests = re.search(r"^\s*(\d+) requests in", output, re.MULTILINE)
    assert requests, f"no request count in wrk's output:\n{output}"
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_success = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    connect, read, write, timeout = map(int, socket_errors.groups()) if socket_errors else (0, 0, 0, 0)
    return {
        "requests": int(requests.group(1)), "connect": connect, "read": read, "write": write, "timeout": timeout,
        "non_success": int(non_success.group(1)) if non_success else 0,
    }


@pytest.mark.load
def test_health_check_answers_within_a_second_under_load(zonehub):
    target = f"{zonehub}/zones/centre-essonne"
    load = subprocess.Popen(
        [WRK, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION_SECONDS}s", "--latency", target],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    checks = []
    try:
        next_check = time.monotonic()
        while load.poll() is None:
            checks.append(check_health(zonehub))
            next_check += 1.0
            # Paced by wrk itself: returns at the next check's time, or at once when wrk ends.
            try:
                load.wait(timeout=max(0.0, next_check - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        output = load.stdout.read()
    finally:
        if load.poll() is None:
            load.kill()
            load.wait()

    print(f"\nwrk against {target}:\n{output}")
    slowest = max(elapsed for _, elapsed in checks)
    print(f"{len(checks)} health checks during the load, slowest {slowest * 1000:.0f} ms")
    assert load.returncode == 0, f"wrk failed:\n{output}"
    counts = wrk_counts(output)
    assert counts["requests"] > 0
    assert len(checks) >= DURATION_SECONDS - 5
    failed = [(second, outcome, round(elapsed, 2)) for second, (outcome, elapsed) in enumerate(checks)
              if outcome != "200" or elapsed > HEALTH_TIMEOUT]
    assert failed == [], f"health checks that failed or took over {HEALTH_TIMEOUT} s (second, outcome, time)"
    assert counts["timeout"] <= MAX_TIMEOUT_SHARE * (counts["requests"] + counts["timeout"]), counts
    assert counts["non_success"] == 0, counts
