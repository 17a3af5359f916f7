"""Reliability tally: crawls through injected faults, and a SIGKILL loop, on the local mirror.

For each fault kind of the fault suite (tests/fault_suite.py) and each round: a copy of a clean
archive of the first day, a crawl of both days through the fault (tests/fault_proxy.py), then a
clean re-run. A kill loop then SIGKILLs crawls while they write (after a random number of records) and
finishes with a clean crawl.
Printed: faults injected by kind, crawls run, and what must be 0 — records lost, worse copies
kept, duplicates — with what the suite also checks: faults left uncounted in crawl_errors and
exit codes that hid a failed run. Then the machine's faults (bench/reliability_machine.py): a file
that is no archive, a directory no one may write, a disk that fills mid-crawl.

    python bench/reliability.py --rounds 2 --kills 10
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.reliability_machine import MACHINE_FAULTS, run_machine_fault  # noqa: E402
from tests.fault_proxy import FaultProxy  # noqa: E402
from tests.fault_suite import (  # noqa: E402
    BEFORE_ARGS,
    OtherHost,
    copy_archive,
    crawl,
    duplicates,
    faults,
    last_run,
    mirror_releases,
    records,
    uncounted,
)
from tests.site import Mirror  # noqa: E402
from tests.test_faults import CHECKS, WRITTEN_BEFORE_KILL, kill_crawl_while_it_writes  # noqa: E402


class Tally:
    def __init__(self):
        self.injected: Counter = Counter()
        self.crawls = self.lost = self.worse = self.duplicates = self.uncounted = self.bad_exits = 0
        self.failed_checks = 0
        self.kills = self.kills_landed = 0
        self.by_fault: dict[str, Counter] = {}

    def note(self, fault: str, **counts: int) -> None:
        self.by_fault.setdefault(fault, Counter()).update(counts)
        for name, value in counts.items():
            setattr(self, name, getattr(self, name) + value)


def lost_and_worse(held: dict, now: dict) -> tuple[int, int]:
    """(records held before and now gone, records held before and now different)."""
    lost = sum(1 for news_id in held if news_id not in now)
    worse = sum(1 for news_id, record in held.items() if news_id in now and now[news_id] != record)
    return lost, worse


def against_reference(now: dict, reference: dict) -> tuple[int, int]:
    """(reference records missing, records differing from the reference's)."""
    missing = sum(1 for news_id in reference if news_id not in now)
    return missing, sum(1 for news_id, record in now.items() if record != reference.get(news_id))


def run_fault(fault, proxy, before: Path, reference: dict, workdir: Path, tally: Tally) -> None:
    db = copy_archive(before, workdir)
    held = records(db)
    proxy.reset(fault.rules)
    result = crawl(proxy.base_url, db)
    tally.injected.update(proxy.injected())
    spoilt = proxy.spoilt_for_good()
    failed_checks = 0
    for check in fault.checks:  # e.g. the retry waited for Retry-After
        try:
            CHECKS[check](proxy, fault)
        except AssertionError:
            failed_checks += 1
    proxy.reset()
    after = records(db)
    _, errors = last_run(db)
    lost, worse = lost_and_worse(held, after)
    missed = len(uncounted(spoilt, errors)) if fault.counted else 0
    bad_exit = int((result.returncode == 0) != fault.exit_ok)
    again = crawl(proxy.base_url, db)
    lost_after, worse_after = against_reference(records(db), reference)
    tally.note(
        fault.name,
        crawls=2,
        lost=lost + lost_after,
        worse=worse + worse_after,
        duplicates=duplicates(db),
        uncounted=missed,
        bad_exits=bad_exit + int(again.returncode != 0),
        failed_checks=failed_checks,
    )


def kill_loop(proxy, reference: dict, workdir: Path, kills: int, rng: random.Random, tally: Tally) -> None:
    """SIGKILL crawls while they write; an archive close to whole is finished by a clean crawl
    (which must complete it) and the next kill starts a new one, so that every kill lands mid-crawl."""
    proxy.reset()
    proxy.delay = 0.15
    archives = (workdir / f"briefings-{n}.db" for n in range(kills + 1))
    db, held = next(archives), {}
    try:
        for _ in range(kills):
            tally.kills += 1
            try:  # killed once it has written a random number of records: surely mid-crawl
                tally.kills_landed += int(kill_crawl_while_it_writes(proxy, db, rng) > 0)
            except AssertionError:  # it ended before, or wrote nothing in time
                pass
            tally.crawls += 1
            now = records(db) if db.exists() else {}
            lost, _ = lost_and_worse(held, now)
            worse = against_reference(now, reference)[1]  # a half record differs from the reference
            tally.note("kill", lost=lost, worse=worse, duplicates=duplicates(db) if db.exists() else 0)
            held = now
            if len(held) > len(reference) - max(WRITTEN_BEFORE_KILL):  # no room for one more kill
                finish_with_a_clean_crawl(proxy, db, reference, tally)
                db, held = next(archives), {}
    finally:
        proxy.delay = 0
    finish_with_a_clean_crawl(proxy, db, reference, tally)


def finish_with_a_clean_crawl(proxy, db: Path, reference: dict, tally: Tally) -> None:
    delay, proxy.delay = proxy.delay, 0
    result = crawl(proxy.base_url, db)
    proxy.delay = delay
    lost, worse = against_reference(records(db), reference)
    tally.note(
        "kill", crawls=1, lost=lost, worse=worse, duplicates=duplicates(db), bad_exits=int(result.returncode != 0)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2, help="crawls through each fault kind")
    parser.add_argument("--kills", type=int, default=10, help="SIGKILLed crawls in the kill loop")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = random.randrange(1 << 30) if args.seed is None else args.seed
    tally = Tally()
    started = time.monotonic()
    releases = mirror_releases()
    with (
        tempfile.TemporaryDirectory() as tmp,
        Mirror(releases) as mirror,
        OtherHost(mirror) as other,
        FaultProxy(mirror, other_base=other.other_base) as proxy,
    ):
        tmp = Path(tmp)
        crawl(proxy.base_url, tmp / "reference" / "briefings.db")
        reference = records(tmp / "reference" / "briefings.db")
        crawl(proxy.base_url, tmp / "before" / "briefings.db", *BEFORE_ARGS)
        tally.crawls += 2
        for fault in faults(releases):
            for round_ in range(args.rounds):
                run_fault(
                    fault, proxy, tmp / "before" / "briefings.db", reference, tmp / f"{fault.name}-{round_}", tally
                )
        kill_loop(proxy, reference, tmp / "kills", args.kills, random.Random(seed), tally)
        machine = {
            name: [run_machine_fault(name, tmp / f"{name}-{round_}") for round_ in range(args.rounds)]
            for name in MACHINE_FAULTS
        }
    print_tally(tally, args, seed, time.monotonic() - started, faults(releases))
    print_machine(machine)


def print_tally(tally: Tally, args, seed: int, seconds: float, fault_list) -> None:
    print(
        f"reliability: {len(fault_list)} fault kinds × {args.rounds} rounds, kill loop of {args.kills} "
        f"(seed {seed}), {seconds:.0f} s"
    )
    print("| fault | lost | worse kept | duplicates | uncounted | wrong exit | other check failed |")
    print("|---|---|---|---|---|---|---|")
    for fault in [*fault_list, None]:
        name = fault.name if fault else "kill"
        counts = tally.by_fault.get(name, Counter())
        print(
            f"| {name} | {counts['lost']} | {counts['worse']} | "
            f"{counts['duplicates']} | {counts['uncounted']} | {counts['bad_exits']} | {counts['failed_checks']} |"
        )
    print(
        "faults injected: "
        + ", ".join(f"{kind} {n}" for kind, n in sorted(tally.injected.items()))
        + f", SIGKILL {tally.kills} ({tally.kills_landed} mid-crawl)"
    )
    print(f"crawls run: {tally.crawls}")
    print(
        f"records lost: {tally.lost}   worse copies kept: {tally.worse}   duplicates: {tally.duplicates}"
        f"   (all three must be 0)"
    )
    print(
        f"faults not counted in crawl_errors: {tally.uncounted}   wrong exit codes: {tally.bad_exits}   "
        f"other checks failed (Retry-After honoured): {tally.failed_checks}"
    )


def print_machine(machine: dict[str, list]) -> None:
    print("| machine fault | faulty crawls | wrong exit | cause not named | left running | worse kept | half records |")
    print("|---|---|---|---|---|---|---|")
    for name, rounds in machine.items():
        counted = [r for r in rounds if isinstance(r, dict)]
        if not counted:
            print(f"| {name} | skipped: {rounds[0]} |||||")
            continue
        total = Counter()
        for counts in counted:
            total.update(counts)
        print(
            f"| {name} | {total['crawls']} | {total['bad_exits']} | {total['unnamed']} | {total['running']} | "
            f"{total['worse']} | {total['halves']} |"
        )
    print("(every column after crawls must be 0)")


if __name__ == "__main__":
    main()
