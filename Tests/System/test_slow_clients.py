"""Slow clients: a request head that does not arrive in time and an idle kept-alive connection are closed by the
server, and hundreds of half-sent heads do not keep a new visitor from being answered."""

import select
import selectors
import socket
import time
import urllib.request

import pytest

from conftest import Server, demo_database

HEAD_TIMEOUT = 2  # seconds, ZONEHUB_REQUEST_HEAD_TIMEOUT of the server under test
IDLE_TIMEOUT = 5  # seconds, ZONEHUB_IDLE_TIMEOUT
# "Closed, not left open forever": far above the timeouts, so that a loaded machine does not fail the test.
CLOSE_WITHIN = 60.0
SLOW_CLIENTS = 300
HALF_HEAD = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`zonehub serve` with short timeouts, on a demo database of its own."""
    folder = tmp_path_factory.mktemp("slow-clients")
    server = Server(demo_database(folder / "hub.sqlite"), folder / "serve.log",
                    ZONEHUB_REQUEST_HEAD_TIMEOUT=str(HEAD_TIMEOUT), ZONEHUB_IDLE_TIMEOUT=str(IDLE_TIMEOUT))
    yield server
    server.stop()


def seconds_until_closed(connection: socket.socket) -> float:
    """How long until the server closes `connection` (reading nothing more); fails after CLOSE_WITHIN."""
    started = time.monotonic()
    connection.settimeout(CLOSE_WITHIN)
    try:
        rest = connection.recv(65536)
    except ConnectionResetError:
        rest = b""
    except TimeoutError:
        pytest.fail(f"the server left the connection open for {CLOSE_WITHIN:.0f} s")
    assert rest == b"", f"the server answered instead of closing: {rest[:200]!r}"
    return time.monotonic() - started


def answer_to(connection: socket.socket, request: bytes) -> bytes:
    """Sends `request` and reads one answer whole (head and its Content-Length body) from a kept-alive connection."""
    connection.sendall(request)
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = connection.recv(65536)
        assert chunk, f"closed before the answer's head: {answer!r}"
        answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    fields = [line.split(b":", 1) for line in head.split(b"\r\n")[1:]]
    length = next(int(value) for name, value in fields if name.lower() == b"content-length")
    while len(body) < length:
        chunk = connection.recv(65536)
        assert chunk, f"closed before the answer's body: {answer!r}"
        body += chunk
    return head + b"\r\n\r\n" + body


def test_a_half_sent_request_head_is_closed_by_the_server(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(HALF_HEAD)
        waited = seconds_until_closed(connection)
    # Not refused on the spot: the head had its time.
    assert waited >= HEAD_TIMEOUT / 2


def test_a_head_sent_a_line_at_a_time_is_closed_at_its_deadline_all_the_same(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(b"GET / HTTP/1.1\r\n")
        started = time.monotonic()
        try:
            # Paced like a slow client: a header line every half second, each well within the head timeout.
            while not select.select([connection], [], [], 0.5)[0]:
                assert time.monotonic() - started < CLOSE_WITHIN, "the server kept a dripping head open"
                connection.sendall(f"X-Slow: {time.monotonic()}\r\n".encode())
        except (BrokenPipeError, ConnectionResetError):
            return
        seconds_until_closed(connection)


def test_an_idle_kept_alive_connection_is_closed_after_the_idle_timeout(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        request = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        assert answer_to(connection, request).startswith(b"HTTP/1.1 200")
        # Still open for a second request: the head timeout does not apply while waiting between requests.
        assert answer_to(connection, request).startswith(b"HTTP/1.1 200")
        waited = seconds_until_closed(connection)
    assert waited > HEAD_TIMEOUT, "closed by the head timeout, not the idle one"


def test_hundreds_of_half_sent_heads_are_all_closed(server):
    connections = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(SLOW_CLIENTS)]
    try:
        with selectors.DefaultSelector() as waiting:
            for connection in connections:
                connection.sendall(HALF_HEAD)
                waiting.register(connection, selectors.EVENT_READ)
            deadline = time.monotonic() + CLOSE_WITHIN
            while waiting.get_map() and time.monotonic() < deadline:
                for key, _ in waiting.select(timeout=1.0):
                    try:
                        assert key.fileobj.recv(65536) == b""
                    except ConnectionResetError:
                        pass
                    waiting.unregister(key.fileobj)
            still_open = len(waiting.get_map())
        assert still_open == 0, f"{still_open} of {SLOW_CLIENTS} half-sent heads still open after {CLOSE_WITHIN} s"
    finally:
        for connection in connections:
            connection.close()


def test_a_new_visitor_is_answered_while_hundreds_of_slow_clients_hold_connections(tmp_path):
    # A long head timeout, so that the slow clients are surely still there when the visitor comes.
    server = Server(demo_database(tmp_path / "hub.sqlite"), tmp_path / "serve.log", ZONEHUB_REQUEST_HEAD_TIMEOUT="300")
    connections = []
    try:
        with selectors.DefaultSelector() as closing:
            for _ in range(SLOW_CLIENTS):
                connection = socket.create_connection(("127.0.0.1", server.port), timeout=10)
                connections.append(connection)
                connection.sendall(HALF_HEAD)
                closing.register(connection, selectors.EVENT_READ)
            with urllib.request.urlopen(f"{server.url}/readyz", timeout=30) as answer:
                assert (answer.status, answer.read()) == (200, b"ready\n")
            closed = closing.select(timeout=0)
        assert closed == [], f"{len(closed)} slow clients were closed before the visitor's answer"
    finally:
        for connection in connections:
            connection.close()
        server.stop()
