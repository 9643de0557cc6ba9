#!/usr/bin/env python3
"""A real SMTP server for the test suites, built on aiosmtpd.

It stores every accepted message byte for byte as DIR/messages/NNNNNN.eml and
records what happened on each connection in DIR/events.jsonl, so that a test
can check both what was delivered and how (how many connections, which
recipients were refused, whether STARTTLS and AUTH were used).

    python3 Tests/Support/smtp_server.py --dir DIR [--host 127.0.0.1] [--port 0]
        [--temporary ADDR=N ...] [--reject ADDR ...] [--delay-ms N]
        [--tls] [--auth USER:PASS]

Once listening it prints one line, "listening HOST PORT", to stdout, and then
serves until SIGTERM or SIGINT.  See README.md next to this file.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import logging
import os
import signal
import ssl
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any, Optional

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session, TLSSetupException

TEMPORARY_REPLY = "451 4.3.0 Try again later"
REJECT_REPLY = "550 5.1.1 Mailbox unavailable"
ACCEPT_REPLY = "250 OK"
SERVER_NAME = "localhost"

log = logging.getLogger("smtp_server")


class EventLog:
    """One JSON object per line, flushed as soon as it is written."""

    def __init__(self, path: Path):
        self._file = open(path, "a", encoding="utf-8")

    def write(self, event: str, session: int, **fields: Any) -> None:
        record = {"event": event, "session": session, **fields}
        self._file.write(json.dumps(record, separators=(",", ":")) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


class Mailbox:
    """Stores accepted messages as 000001.eml, 000002.eml, ... in one directory."""

    def __init__(self, directory: Path):
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        existing = [int(p.stem) for p in directory.glob("*.eml") if p.stem.isdigit()]
        self._numbers = itertools.count(max(existing, default=0) + 1)

    def store(self, content: bytes) -> str:
        name = f"{next(self._numbers):06d}.eml"
        temporary = self.directory / f".{name}.tmp"
        with open(temporary, "wb") as file:
            file.write(content)
        os.rename(temporary, self.directory / name)
        return name


class Handler:
    """The aiosmtpd hooks: recipient policy, message storage and the event log."""

    def __init__(self, events: EventLog, mailbox: Mailbox, temporary: dict[str, int],
                 rejected: set[str], delay_ms: int, credentials: Optional[tuple[bytes, bytes]]):
        self.events = events
        self.mailbox = mailbox
        self.temporary_left = dict(temporary)
        self.rejected = rejected
        self.delay = delay_ms / 1000.0
        self.credentials = credentials

    async def handle_EHLO(self, server: "RecordingSMTP", session: Session, envelope: Envelope,
                          hostname: str, responses: list[str]) -> list[str]:
        session.host_name = hostname
        self.events.write("ehlo", server.session_number, name=hostname)
        return responses

    def handle_STARTTLS(self, server: "RecordingSMTP", session: Session, envelope: Envelope) -> bool:
        self.events.write("starttls", server.session_number)
        return True

    async def handle_RCPT(self, server: "RecordingSMTP", session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        key = address.casefold()
        if key in self.rejected:
            reply, code = REJECT_REPLY, 550
        elif self.temporary_left.get(key, 0) > 0:
            self.temporary_left[key] -= 1
            reply, code = TEMPORARY_REPLY, 451
        else:
            envelope.rcpt_tos.append(address)
            envelope.rcpt_options.extend(rcpt_options)
            reply, code = ACCEPT_REPLY, 250
        self.events.write("rcpt", server.session_number, rcpt=address, code=code)
        return reply

    async def handle_DATA(self, server: "RecordingSMTP", session: Session, envelope: Envelope) -> str:
        if self.delay:
            # If the client goes away meanwhile, aiosmtpd cancels this coroutine
            # and the message is not stored: it was never acknowledged.
            await asyncio.sleep(self.delay)
        name = self.mailbox.store(envelope.original_content)
        self.events.write("message", server.session_number, file=name,
                          mail_from=envelope.mail_from, rcpt_tos=list(envelope.rcpt_tos))
        return ACCEPT_REPLY

    async def handle_exception(self, error: Exception) -> str:
        if isinstance(error, TLSSetupException):
            # A client that does not trust the certificate: worth one line, not a traceback.
            log.warning("STARTTLS handshake failed: %s", error.__cause__)
        else:
            log.exception("SMTP session exception")
        return f"500 Error: ({error.__class__.__name__}) {error}"

    def authenticate(self, server: "RecordingSMTP", session: Session, envelope: Envelope,
                     mechanism: str, auth_data: Any) -> AuthResult:
        ok = (isinstance(auth_data, LoginPassword)
              and self.credentials is not None
              and (auth_data.login, auth_data.password) == self.credentials)
        self.events.write("auth", server.session_number, ok=ok)
        return AuthResult(success=ok, handled=False)


class RecordingSMTP(SMTP):
    """aiosmtpd's SMTP protocol, numbering its TCP connections.

    aiosmtpd makes a new Session after STARTTLS, so the connection number is
    kept on the protocol object, which lives as long as the TCP connection.
    """

    numbers = itertools.count(1)
    live: set["RecordingSMTP"] = set()

    def __init__(self, handler: Handler, **kwargs: Any):
        super().__init__(handler, **kwargs)
        self.events = handler.events
        self.session_number = 0
        self._disconnected = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if self.transport is None:  # the TCP connection, not the switch to TLS
            self.session_number = next(self.numbers)
            self.live.add(self)
            self.events.write("connect", self.session_number)
        super().connection_made(transport)

    def connection_lost(self, error: Optional[Exception]) -> None:
        if not self._disconnected:
            self._disconnected = True
            self.live.discard(self)
            self.events.write("disconnect", self.session_number)
        super().connection_lost(error)


def make_certificate(directory: Path) -> ssl.SSLContext:
    cert, key = directory / "cert.pem", directory / "key.pem"
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "7", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if made.returncode != 0:
        sys.exit(f"smtp_server: openssl could not make a certificate:\n{made.stderr}")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", required=True, type=Path,
                        help="where messages/, events.jsonl and the TLS certificate go")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--temporary", action="extend", nargs="+", default=[], metavar="ADDR=N",
                        help=f'answer "{TEMPORARY_REPLY}" to the first N RCPT TO:<ADDR>, then accept')
    parser.add_argument("--reject", action="extend", nargs="+", default=[], metavar="ADDR",
                        help=f'always answer "{REJECT_REPLY}" to RCPT TO:<ADDR>')
    parser.add_argument("--delay-ms", type=int, default=0,
                        help="wait this long before answering each DATA")
    parser.add_argument("--implicit-tls", action="store_true",
                        help="TLS from the first byte (smtps://), with the same self-signed certificate as --tls")
    parser.add_argument("--tls", action="store_true",
                        help="offer STARTTLS with a fresh self-signed certificate and require it")
    parser.add_argument("--auth", metavar="USER:PASS",
                        help="require AUTH PLAIN or LOGIN with these credentials")
    arguments = parser.parse_args(argv)

    temporary: dict[str, int] = {}
    for item in arguments.temporary:
        address, separator, count = item.rpartition("=")
        if not separator or not address or not count.isdigit():
            parser.error(f"--temporary wants ADDR=N, not {item!r}")
        temporary[address.casefold()] = int(count)
    arguments.temporary = temporary
    arguments.reject = {address.casefold() for address in arguments.reject}
    if arguments.auth is not None:
        user, separator, password = arguments.auth.partition(":")
        if not separator:
            parser.error("--auth wants USER:PASS")
        arguments.auth = (user.encode(), password.encode())
    if arguments.delay_ms < 0:
        parser.error("--delay-ms must not be negative")
    return arguments


async def serve(arguments: argparse.Namespace) -> None:
    directory: Path = arguments.dir
    directory.mkdir(parents=True, exist_ok=True)
    events = EventLog(directory / "events.jsonl")
    handler = Handler(events, Mailbox(directory / "messages"), arguments.temporary,
                      arguments.reject, arguments.delay_ms, arguments.auth)
    tls_context = make_certificate(directory) if arguments.tls else None
    implicit_context = make_certificate(directory) if arguments.implicit_tls else None

    options: dict[str, Any] = dict(
        hostname=SERVER_NAME,
        decode_data=False,
        enable_SMTPUTF8=True,
        tls_context=tls_context,
        require_starttls=tls_context is not None,
    )
    if arguments.auth is not None:
        options.update(auth_required=True,
                       auth_require_tls=tls_context is not None,
                       authenticator=handler.authenticate)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: RecordingSMTP(handler, loop=loop, **options),
                                      host=arguments.host, port=arguments.port, ssl=implicit_context)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening {host} {port}", flush=True)

    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        server.close()
        await server.wait_closed()
        for protocol in list(RecordingSMTP.live):
            if protocol.transport is not None:
                protocol.transport.close()
        # Let the closed connections report themselves before the log is closed.
        for _ in range(10):
            if not RecordingSMTP.live:
                break
            await asyncio.sleep(0.01)
        events.close()


def main(argv: list[str]) -> int:
    # A parent may start this server from a thread that blocks signals (Swift's dispatch threads do), and a child
    # inherits that mask: without this, SIGTERM would stay pending and the server would never stop.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    arguments = parse_arguments(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(name)s %(levelname)s: %(message)s")
    # Plain-text AUTH is what --auth without --tls asks for, and aiosmtpd itself
    # touches its deprecated Session.login_data: neither is worth a warning here.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    quiet = ("auth_require_tls == False", "Session.login_data is deprecated")
    logging.getLogger("mail.log").addFilter(
        lambda record: not any(text in record.getMessage() for text in quiet))
    asyncio.run(serve(arguments))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
