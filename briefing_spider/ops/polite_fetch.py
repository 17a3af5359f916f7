"""A few requests to a site, the polite way, for a check rather than a crawl: robots.txt obeyed, the
crawl's User-Agent, a pause between requests, only the hosts asked for."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from urllib.parse import urlsplit

TIMEOUT_SECONDS = 30


class PoliteFetcher:
    def __init__(self, *, user_agent: str, delay: float = 1.0, hosts: frozenset[str] = frozenset()):
        self.user_agent, self.delay, self.hosts = user_agent, delay, hosts
        self.robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self.last = 0.0

    def __call__(self, url: str) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(url)
        if self.hosts and parts.netloc not in self.hosts:
            raise ValueError(f"{url}: not a host of the site ({', '.join(sorted(self.hosts))})")
        if not self.allowed(url):
            return 403, {}, b"robots.txt disallows this page"
        self.wait()
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:
                return answer.status, dict(answer.headers.items()), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers.items()), error.read()

    def allowed(self, url: str) -> bool:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        if origin not in self.robots:
            robots = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
            self.wait()
            try:
                robots.read()
            except urllib.error.URLError:
                robots.parse([])  # no robots.txt to be had: everything allowed, as a crawler takes it
            self.robots[origin] = robots
        return self.robots[origin].can_fetch(self.user_agent, url)

    def wait(self) -> None:
        pause = self.last + self.delay - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self.last = time.monotonic()
