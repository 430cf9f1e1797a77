"""Writing outputs: files that appear whole, and JSONL lines.

An output goes to a temporary file beside the target and is renamed into place only when
complete, so an interrupted run never leaves half a file (and the next run writing the same
output removes a killed run's temporary file).
"""
from __future__ import annotations

import glob
import json
import os
import socket
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .io import STDIO


@contextmanager
def atomic_output(path: str, *, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only when the block finishes without error.

    ``-`` writes to stdout. Parent folders are created.
    """
    if path == STDIO:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    owner = f".{target.name}.{socket.gethostname()}-"
    _remove_abandoned(target.parent, owner)
    fd, tmp = tempfile.mkstemp(prefix=f"{owner}{os.getpid()}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an output gets the usual mode
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_abandoned(folder: Path, owner: str) -> None:
    """Delete temporary files ``{owner}{pid}.*.tmp`` whose process is gone (a killed run's).

    The host is part of ``owner``, so a writer on another machine sharing the folder is never
    touched. Only POSIX can ask whether a process lives without signalling it.
    """
    if os.name != "posix":
        return
    for leftover in folder.glob(f"{glob.escape(owner)}*.tmp"):
        pid = leftover.name[len(owner):].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def jsonl_line(obj: Any) -> str:
    """One JSONL line: compact, UTF-8 kept as is, newline-terminated.

    U+0085, U+2028 and U+2029 are escaped: JSON allows them raw, but ``str.splitlines``
    (and many JSONL readers) would cut the record there.

    >>> jsonl_line({"text": "a\u2028b"})
    '{"text":"a\\\\u2028b"}\\n'
    """
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).translate(_LINE_BREAKS_ESCAPED) + "\n"


_LINE_BREAKS_ESCAPED = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
