"""Child processes that never outlive their parent: a crawl killed with SIGKILL must not leave
its build workers (or, through them, multiprocessing's resource tracker) running."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
POLL_SECONDS = 1.0


def die_with_parent(parent_pid: int) -> None:
    """End this process when `parent_pid` (its parent) ends, however it ends. On Linux the kernel
    does it (prctl PR_SET_PDEATHSIG: SIGKILL, at once, even mid-computation in C code); elsewhere
    a daemon thread polls the parent's pid. Call it first thing in the child."""
    if sys.platform.startswith("linux") and _parent_death_signal(signal.SIGKILL):
        if os.getppid() != parent_pid:  # the parent died before prctl took effect
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="die-with-parent", daemon=True).start()


def _parent_death_signal(signum: int) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        threading.Event().wait(POLL_SECONDS)
    os._exit(1)
