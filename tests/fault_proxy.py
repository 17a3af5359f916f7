"""A fault-injecting server in front of the test site (tests.site.Mirror or any LocalServer).

Requests pass through to the upstream's `respond(target)` unless a rule matches: a rule is a
regular expression searched in the request target (path and query), a fault kind, and how many
matching requests it spoils (the first `times`; 0 for all). Every request is logged with the
fault it got, so a test knows what was injected and whether a spoilt URL was later served well.

Faults (FAULTS): `status` (a 5xx; `retry_after` adds the header), `hang` (no answer for `seconds`,
then the connection closes), `reset` (TCP RST, no answer), `truncate` (half the body, full
Content-Length), `truncate_no_length` (half the body, no Content-Length, connection closed),
`error_page` (200 with the site's HTML error page: for files and detail pages), `redirect`
(302 to the same path on `other_base`, another host), `euc_kr` (the page in EUC-KR/CP949,
`Content-Type: text/html` without a charset), `control_chars` (a control character in each list
title), `oversized` (the body padded with zeros to `size` bytes).
"""

from __future__ import annotations

import re
import socket
import struct
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field, replace

from tests.local_server import ERROR_HTML, LocalServer, ServerThread, _Server

FAULTS = (
    "status",
    "hang",
    "reset",
    "truncate",
    "truncate_no_length",
    "error_page",
    "redirect",
    "euc_kr",
    "control_chars",
    "oversized",
)
CONTROL_CHARS = "\x01\x08\x0b\x1f"  # C0 controls XML 1.0 forbids, one in each listed title


class _QuietServer(_Server):
    def handle_error(self, request, client_address):  # the client gave up (a hang, a cancelled download)
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


@dataclass
class Rule:
    pattern: str
    fault: str
    times: int = 1  # spoil the first `times` matching requests; 0: every one
    status: int = 503
    retry_after: int | None = None
    seconds: float = 3.0
    size: int = 2 * 1024 * 1024
    hits: int = field(default=0, compare=False)

    def __post_init__(self):
        if self.fault not in FAULTS:
            raise ValueError(f"unknown fault {self.fault!r}: one of {', '.join(FAULTS)}")

    def takes(self, target: str) -> bool:
        return (self.times == 0 or self.hits < self.times) and re.search(self.pattern, target) is not None


@dataclass(frozen=True)
class Served:
    target: str
    fault: str | None  # None: passed through unharmed
    at: float


class FaultProxy(ServerThread):
    """Serves on 127.0.0.1 (a random port); `rules` may be changed between crawls."""

    def __init__(self, upstream: LocalServer, rules: list[Rule] | None = None, *, other_base: str = ""):
        self.upstream = upstream
        self.rules = [replace(rule, hits=0) for rule in rules or ()]
        self.other_base = other_base  # where `redirect` sends the client (another host)
        self.delay = 0.0
        self.log: list[Served] = []
        self.lock = threading.Lock()
        self.serve(_QuietServer(("127.0.0.1", 0), _handler_for(self)))

    def reset(self, rules=()) -> None:
        """New rules (fresh copies: each spoils its first `times` requests again), an empty log."""
        with self.lock:
            self.rules = [replace(rule, hits=0) for rule in rules]
            self.log.clear()

    def pick(self, target: str) -> Rule | None:
        with self.lock:
            rule = next((r for r in self.rules if r.takes(target)), None)
            if rule is not None:
                rule.hits += 1
            self.log.append(Served(target, rule.fault if rule else None, time.monotonic()))
            return rule

    def unused_rules(self) -> list[Rule]:
        """Rules that spoilt nothing (a test whose fault never happened proves nothing)."""
        return [rule for rule in self.rules if rule.hits == 0]

    def injected(self) -> Counter:
        """Faults injected since the last reset, by kind."""
        return Counter(s.fault for s in self.log if s.fault)

    def spoilt_for_good(self) -> set[str]:
        """Targets that got a fault and were never served unharmed afterwards."""
        last: dict[str, str | None] = {}
        for served in self.log:
            last[served.target] = served.fault
        return {target for target, fault in last.items() if fault}


def _handler_for(proxy: FaultProxy):
    from http.server import BaseHTTPRequestHandler

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_GET(self):
            if proxy.delay:
                time.sleep(proxy.delay)
            rule = proxy.pick(self.path)
            if rule is None:
                return self.answer(*proxy.upstream.respond(self.path))
            getattr(self, f"fault_{rule.fault}")(rule)

        def answer(self, status: int, content_type: str, body: bytes, *, headers=(), length: bool = True):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for name, value in headers:
                self.send_header(name, value)
            if length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def fault_status(self, rule: Rule):
            headers = [("Retry-After", str(rule.retry_after))] if rule.retry_after is not None else []
            self.answer(rule.status, "text/html; charset=utf-8", b"<html><body>busy</body></html>", headers=headers)

        def fault_hang(self, rule: Rule):
            time.sleep(rule.seconds)
            self.drop()

        def fault_reset(self, rule: Rule):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.drop()

        def fault_truncate(self, rule: Rule):
            status, content_type, body = proxy.upstream.respond(self.path)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.drop()

        def fault_truncate_no_length(self, rule: Rule):
            status, content_type, body = proxy.upstream.respond(self.path)
            self.answer(status, content_type, body[: len(body) // 2], headers=[("Connection", "close")], length=False)
            self.drop()

        def fault_error_page(self, rule: Rule):
            self.answer(200, "text/html; charset=utf-8", ERROR_HTML)

        def fault_redirect(self, rule: Rule):
            self.answer(302, "text/html; charset=utf-8", b"", headers=[("Location", proxy.other_base + self.path)])

        def fault_euc_kr(self, rule: Rule):
            status, _, body = proxy.upstream.respond(self.path)
            self.answer(status, "text/html", body.decode("utf-8").encode("cp949"))

        def fault_control_chars(self, rule: Rule):
            status, content_type, body = proxy.upstream.respond(self.path)
            title = b'<span class="text"><strong>'
            self.answer(status, content_type, body.replace(title, title + CONTROL_CHARS.encode()))

        def fault_oversized(self, rule: Rule):
            status, content_type, body = proxy.upstream.respond(self.path)
            self.answer(status, content_type, body + bytes(max(0, rule.size - len(body))))

        def drop(self):
            """End the connection here: no (more) answer."""
            self.close_connection = True
            try:
                self.wfile.flush()
            except OSError:
                pass
            try:
                self.connection.close()
            except OSError:
                pass

        def finish(self):
            try:
                super().finish()
            except (OSError, ValueError):  # the connection was dropped on purpose
                pass

        def log_message(self, *args):
            pass

    return Handler
