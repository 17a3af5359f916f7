"""An HTTP server on 127.0.0.1 (a random port) for tests: subclasses answer `respond(path)`.

Keeps connections alive like a real site and disables Nagle (header lines are small writes: no
40 ms ACK stalls). `fail` answers chosen statuses first (a struggling site); `delay` slows every answer (a slow site); `hold` keeps chosen answers back
until `release()`. Also the answers the site's mirror
and the API mock share: robots.txt, and download.do's files (or its HTML error page).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode

HTML = "text/html; charset=utf-8"
ROBOTS = (200, "text/plain", b"User-agent: *\nAllow: /\n")
NOT_FOUND = (404, HTML, b"<html><body>not found</body></html>")
# The real site answers a missing file with an HTML error page and status 200.
ERROR_HTML = "<!DOCTYPE html><html><head><title>정책브리핑 - Error</title></head><body>오류</body></html>".encode()


@dataclass(frozen=True)
class Answer:
    """How to send a body (a fourth element `respond` may return): extra headers; without a
    Content-Length (the body ends at close); cut after `cut` bytes, then the connection closed."""

    headers: dict = field(default_factory=dict)
    declare_length: bool = True
    cut: int | None = None


class _Server(ThreadingHTTPServer):
    # The default listen backlog of 5 drops connections when a crawler opens 32 at once; the
    # client then waits out SYN retransmits (1 s, 3 s, 7 s…): stalls that are not the crawler's.
    request_queue_size = 128
    daemon_threads = True


class ServerThread:
    """A server on a random port of 127.0.0.1, served by a thread from `with` to its end."""

    def serve(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class LocalServer(ServerThread):
    HOLD_SECONDS = 60  # a held request is answered after this at the latest

    def __init__(self):
        # `fail[path_and_query] = [500, 500]`: those statuses first, in order, then the real answer
        self.fail: dict[str, list[int]] = defaultdict(list)
        self.asked: list[str] = []  # every request target, in order, failed ones too
        self.delay = 0.0
        self.hold = None  # a test's predicate on the request target: True holds the answer …
        self.released = threading.Event()  # … until this is set (a crawl caught mid-way, for sure)
        self.serve(_Server(("127.0.0.1", 0), _handler_for(self)))

    def release(self) -> None:
        self.hold = None
        self.released.set()

    def respond(self, target: str) -> tuple[int, str, bytes]:
        raise NotImplementedError

    def respond_form(self, path: str, fields: dict[str, str]) -> tuple:
        """A posted form; by default answered as a GET with the fields in the query."""
        return self.respond(f"{path.split('?', 1)[0]}?{urlencode(fields)}")

    @staticmethod
    def download(files: dict, query: dict[str, str]) -> tuple[int, str, bytes]:
        attachment = files.get(query.get("fileId", ""))
        if attachment is None:
            return 200, HTML, ERROR_HTML
        return 200, "application/octet-stream", attachment.body


def _handler_for(site: LocalServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_GET(self):
            self.answer(lambda: site.respond(self.path))

        def do_POST(self):
            """A posted form (a list that pages by form): `respond_form(path, fields)`; it is logged
            as `POST path?fields`."""
            length = int(self.headers.get("Content-Length") or 0)
            fields = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
            self.answer(lambda: site.respond_form(self.path, fields), f"POST {self.path}?{urlencode(fields)}")

        def answer(self, respond, logged: str | None = None):
            if site.delay:
                time.sleep(site.delay)
            hold = site.hold
            if hold is not None and hold(self.path):
                site.released.wait(site.HOLD_SECONDS)
            site.asked.append(logged or self.path)
            failing = site.fail.get(logged or self.path)
            answer_of = (failing.pop(0), HTML, b"<html><body>busy</body></html>") if failing else None
            status, content_type, body, *more = answer_of or respond()
            answer = more[0] if more else Answer()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if answer.declare_length:
                self.send_header("Content-Length", str(len(body)))
            else:  # the body ends when the connection closes
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(body if answer.cut is None else body[: answer.cut])
            if answer.cut is not None:
                self.close_connection = True

        def log_message(self, *args):
            pass

    return Handler
