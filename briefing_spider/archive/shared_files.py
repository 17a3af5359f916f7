"""Files a user shares (exports, datasets) get the modes the user's umask gives a new file, as
`open()` would: a temporary file or directory (made 0600 / 0700 for its safety) is given them
before it is moved into place."""

from __future__ import annotations

import os
from pathlib import Path


def current_umask() -> int:
    mask = os.umask(0o022)  # reading it means setting it: set it straight back
    os.umask(mask)
    return mask


def as_user_expects(path: Path, *, directory: bool = False) -> None:
    os.chmod(path, (0o777 if directory else 0o666) & ~current_umask())
