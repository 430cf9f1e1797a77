"""Writing outputs: files that appear whole, and JSONL lines.

An output goes to a temporary file beside the target and is renamed into place only when
complete, so an interrupted run never leaves half a file (and the next run writing the same
output removes a killed run's temporary file). A symlink's target is replaced, not the link;
a device or pipe (``/dev/null``, a FIFO) is written as it is, since it cannot be renamed over.
"""
from __future__ import annotations

import contextlib
import errno
import gzip
import json
import os
import socket
import stat
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from io import TextIOWrapper
from pathlib import Path
from typing import IO, Any

from .errors import ConfigError, OutputError
from .io import LONE_SURROGATE, STDIO


@contextmanager
def atomic_output(path: str, *, encoding: str = "utf-8") -> Iterator[_Named]:
    """A text file that appears at ``path`` only when the block finishes without error.

    ``-`` writes to stdout. Parent folders are created. A name ending in ``.gz`` is written
    gzip-compressed. What stops the file being created, finished or renamed raises
    :class:`OutputError` naming it.
    """
    if path == STDIO:
        stream = _stdout(encoding)
        try:
            yield _Named(stream, "stdout")
            with _naming("stdout"):
                stream.flush()
        finally:
            if stream is not sys.stdout:
                with contextlib.suppress(OSError, ValueError):
                    stream.detach()  # sys.stdout keeps its buffer
        return
    if _is_stream(path):
        with _naming(path):
            fh = open(path, "w", encoding=encoding, newline="")
        try:
            yield _Named(fh, path)
        finally:
            with _naming(path):
                fh.close()
        return
    target = Path(os.path.realpath(path))
    owner = f".{target.name}.{socket.gethostname()}-"
    with _naming(path):
        if target.parent.exists() and not target.parent.is_dir():  # mkdir would say "File exists"
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(target.parent, owner)
        fd, tmp = tempfile.mkstemp(prefix=f"{owner}{os.getpid()}.", suffix=".tmp", dir=target.parent)
    raw = os.fdopen(fd, "wb")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an output gets the usual mode
        # mtime 0 and no name in the header: the same output gives the same bytes.
        packed = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) if path.lower().endswith(".gz") else None
        fh = TextIOWrapper(packed or raw, encoding=encoding, newline="")
        yield _Named(fh, path)
        with _naming(path):
            fh.flush()
            if packed is not None:
                fh.detach()
                packed.close()  # writes the gzip trailer; raw stays open
            raw.flush()
            os.fsync(raw.fileno())
            raw.close()
            os.replace(tmp, target)
    except BaseException:
        # The file goes, and what a failed write left buffered with it: closing flushes again,
        # and that second "no space left" must not replace the error that says which output.
        with contextlib.suppress(OSError):
            raw.close()
        Path(tmp).unlink(missing_ok=True)
        raise


def _stdout(encoding: str) -> IO[str]:
    """Standard output as text in ``encoding`` (UTF-8), whatever the locale's encoding: JSONL on
    stdout was Latin-1 under a Latin-1 locale, and characters it lacks stopped the run."""
    if sys.stdout is None:
        raise OutputError("stdout: cannot write: standard output is closed")
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    return sys.stdout if buffer is None else TextIOWrapper(buffer, encoding=encoding, newline="")


class _Named:
    """An output's text stream whose failing writes (a full disk) raise :class:`OutputError`
    naming the output, not a bare OSError from whatever code was writing."""

    __slots__ = ("_fh", "_path")

    def __init__(self, fh: IO[str], path: str) -> None:
        self._fh, self._path = fh, path

    def write(self, text: str) -> int:
        try:  # not _naming: a context manager per record costs more than the write
            return self._fh.write(text)
        except UnicodeEncodeError:  # a file name that is not UTF-8, in a record's source: JSON escapes it
            return self.write(LONE_SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text))
        except OSError as exc:
            raise _cannot_write(self._path, exc) from exc


@contextmanager
def _naming(path: str) -> Iterator[None]:
    """An OSError while creating, finishing or renaming an output, as an OutputError naming it."""
    try:
        yield
    except OSError as exc:
        raise _cannot_write(path, exc) from exc


def _cannot_write(path: str, exc: OSError) -> OutputError:
    return OutputError(f"{path}: cannot write: {exc.strerror or exc}")


def _is_stream(path: str) -> bool:
    """Whether ``path`` is an existing file that is neither regular nor a folder: a device or pipe."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def check_output_paths(outputs: Mapping[str, str | None], *, inputs: Sequence[str] = (),
                       read: Mapping[str, str | None] | None = None) -> None:
    """Raise :class:`ConfigError` when an output (option name to path) is a folder or lies under
    a file, is an input or a file the run reads (``read``: option name to path, such as the index
    or a template model), or is the same file as another output (two on stdout would interleave):
    writing it would lose that file, or the run would fail only after all its work.
    Devices and pipes may be named more than once.
    """
    taken = {_file_key(path): f"the input {path}" for path in inputs if path != STDIO}
    taken.update((_file_key(path), f"the file of {option}") for option, path in (read or {}).items() if path)
    for option, path in outputs.items():
        if not path or path != STDIO and _is_stream(path):
            continue
        if path != STDIO:
            _check_writable_place(option, path)
        key = STDIO if path == STDIO else _file_key(path)
        if key in taken:
            raise ConfigError(f"{option} {path} is {taken[key]}: writing it would replace that; name another file")
        taken[key] = f"the file of {option}" if path != STDIO else f"stdout, where {option} writes"


def _check_writable_place(option: str, path: str) -> None:
    if (os.path.isdir(path) or path.endswith(os.sep)) and not path.rstrip(os.sep).lower().endswith(".parquet"):
        raise ConfigError(f"{option} {path} is a folder; name a file")  # Spark writes Parquet as a folder
    parent = Path(path).absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise ConfigError(f"{option} {path} lies under {parent}, which is a file, not a folder")


def _file_key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _remove_abandoned(folder: Path, owner: str) -> None:
    """Delete temporary files ``{owner}{pid}.*.tmp`` whose process is gone (a killed run's).

    The host is part of ``owner``, so a writer on another machine sharing the folder is never
    touched. Only POSIX can ask whether a process lives without signalling it.
    """
    if os.name != "posix":
        return
    for name in _temporaries(folder).pop(owner, ()):
        pid = name[len(owner):].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            (folder / name).unlink(missing_ok=True)


@lru_cache(maxsize=256)
def _temporaries(folder: Path) -> dict[str, list[str]]:
    """The folder's temporary files by owner (``.{name}.{host}-``), listed once per folder and
    process: listing it for each of 10,000 outputs made a directory output quadratic."""
    found: dict[str, list[str]] = {}
    marker = f".{socket.gethostname()}-"
    for entry in os.scandir(folder):
        if entry.name.startswith(".") and entry.name.endswith(".tmp") and marker in entry.name:
            owner = entry.name[:entry.name.rindex(marker) + len(marker)]
            found.setdefault(owner, []).append(entry.name)
    return found


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
