"""The one timing loop of the benchmarks: the best of several passes over the same inputs."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence


def best_seconds(
    function: Callable, inputs: Sequence, repeats: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The shortest time of `repeats` passes calling `function` on each input."""
    best = float("inf")
    for _ in range(repeats):
        start = clock()
        for item in inputs:
            function(item)
        best = min(best, clock() - start)
    return best
