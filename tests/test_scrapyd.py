"""Smoke test of the scrapyd deploy: a real scrapyd on 127.0.0.1, the project egg built the way
`scrapyd-deploy` builds it, the spider scheduled against the local mirror, the archive checked.

Skips only when scrapyd / scrapyd-client are not installed (`pip install -e '.[test]'`).
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.conftest import ROOT
from tests.mirror_data import days_from, synthetic_releases
from tests.serving import free_port
from tests.site import Mirror

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

pytest.importorskip("scrapyd", reason="scrapyd is not installed (pip install -e '.[test]')")
requests = pytest.importorskip("requests", reason="requests (a scrapyd-client dependency) is not installed")
BIN = Path(sys.executable).parent
if not (BIN / "scrapyd-deploy").exists():
    pytest.skip("scrapyd-client is not installed (pip install -e '.[test]')", allow_module_level=True)

JOB_TIMEOUT = 120
START_TIMEOUT = 30
DAYS = days_from("2026-07-20", 1)


def project_name() -> str:
    config = configparser.ConfigParser()
    config.read(ROOT / "scrapy.cfg")
    return config["deploy"]["project"]


def build_egg(workdir: Path) -> Path:
    """Build the egg with `scrapyd-deploy --build-egg` from a copy of the project (it writes a
    setup.py and build/ beside scrapy.cfg: not in the checkout)."""
    copy = workdir / "project"
    shutil.copytree(ROOT / "briefing_spider", copy / "briefing_spider", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("scrapy.cfg", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, copy / name)
    egg = workdir / "briefing_spider.egg"
    built = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)], cwd=copy, capture_output=True, text=True, timeout=300
    )
    assert built.returncode == 0 and egg.exists(), built.stderr[-3000:]
    return egg


@pytest.fixture
def scrapyd(tmp_path):
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\npoll_interval = 0.5\n"
        "eggs_dir = eggs\nlogs_dir = logs\ndbs_dir = dbs\nitems_dir =\njobs_to_keep = 5\n"
    )
    log = open(home / "scrapyd.out", "w")
    server = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if requests.get(f"{url}/daemonstatus.json", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            assert server.poll() is None, (home / "scrapyd.out").read_text()
            assert time.monotonic() < deadline, f"scrapyd did not answer in {START_TIMEOUT} s"
            time.sleep(0.2)
        yield url, home
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_deploy_to_scrapyd_and_crawl_the_mirror(tmp_path, scrapyd):
    url, home = scrapyd
    project = project_name()
    egg = build_egg(tmp_path)
    with egg.open("rb") as body:
        added = requests.post(
            f"{url}/addversion.json", data={"project": project, "version": "1"}, files={"egg": body}, timeout=120
        ).json()
    assert added["status"] == "ok", added
    spiders = requests.get(f"{url}/listspiders.json", params={"project": project}, timeout=60).json()
    assert "korea_kr_press" in spiders["spiders"], spiders

    db_path = tmp_path / "briefings.db"
    releases = synthetic_releases(DAYS, per_day=4)
    with Mirror(releases) as mirror:
        job = requests.post(
            f"{url}/schedule.json",
            data=[
                ("project", project),
                ("spider", "korea_kr_press"),
                ("since", DAYS[0]),
                ("until", DAYS[0]),
                ("base_url", mirror.base_url),
                ("setting", f"BRIEFING_DB={db_path}"),
                ("setting", "DOWNLOAD_DELAY=0"),
                ("setting", "AUTOTHROTTLE_ENABLED=False"),
            ],
            timeout=30,
        ).json()
        assert job["status"] == "ok", job
        deadline = time.monotonic() + JOB_TIMEOUT
        while True:
            jobs = requests.get(f"{url}/listjobs.json", params={"project": project}, timeout=10).json()
            if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                break
            assert time.monotonic() < deadline, f"job not finished in {JOB_TIMEOUT} s: {jobs}\n{job_log(home)}"
            time.sleep(0.5)

    assert db_path.exists(), job_log(home)
    archived = {row["news_id"] for row in Database(db_path).query("SELECT news_id FROM briefings")}
    assert archived == {r.news_id for r in releases}, job_log(home)
    (run,) = Database(db_path).query("SELECT status, new FROM crawl_runs")
    assert run == {"status": "finished", "new": len(releases)}


def job_log(home: Path) -> str:
    logs = sorted(home.glob("logs/**/*.log"))
    return "\n".join(log.read_text(errors="replace")[-4000:] for log in logs) or "(no job log)"
