"""Reading text files, directories, globs, JSONL and stdin; writing outputs atomically.

Every input error names the file and the line (JSONL) so a user can find the bad record.
Outputs go to a temporary file beside the target and are renamed into place only when
complete, so an interrupted run never leaves half a file.
"""
from __future__ import annotations

import glob
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import InputError

STDIO = "-"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.txt")


@dataclass(frozen=True, slots=True)
class Record:
    """One document read from an input: its id, its text, and where it came from.

    ``fields`` is the whole JSON object for JSONL input (kept so outputs carry every other
    field as it was) and empty for plain-text files.
    """

    id: str
    text: str
    source: str
    line: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        """``file:line`` or ``file``, for messages."""
        return f"{self.source}:{self.line}" if self.line is not None else self.source


def is_jsonl_path(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def expand_inputs(paths: Sequence[str]) -> list[str]:
    """Files named by ``paths``: directories walked recursively, globs expanded, sorted.

    ``-`` stands for stdin and is passed through. Hidden files and folders are skipped.
    """
    found: list[str] = []
    for path in paths:
        if path == STDIO:
            found.append(path)
        elif os.path.isdir(path):
            found.extend(_walk(path))
        elif os.path.isfile(path):
            found.append(path)
        elif glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            for directory in (m for m in matches if os.path.isdir(m)):
                files.extend(_walk(directory))
            if not files:
                raise InputError(f"{path}: the pattern matches no file")
            found.extend(files)
        else:
            raise InputError(f"{path}: no such file or directory")
    return found


def _walk(directory: str) -> list[str]:
    files = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(os.path.join(root, n) for n in sorted(names) if not n.startswith("."))
    return files


def _read_bytes(path: str) -> bytes:
    if path == STDIO:
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc


def _source_name(path: str) -> str:
    return "<stdin>" if path == STDIO else path


def decode(data: bytes, source: str, *, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Decode ``data``; an undecodable byte is an error naming the file, line and column."""
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"{source}:{line}: byte {data[exc.start]:#04x} at column {column} is not valid "
            f"{encoding}; pass --encoding, or --errors replace to substitute U+FFFD"
        ) from exc
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc


def read_text_file(path: str, *, encoding: str = "utf-8", errors: str = "strict") -> Record:
    """A plain-text file (or stdin) as one record whose id is the path."""
    source = _source_name(path)
    return Record(id=source, text=decode(_read_bytes(path), source, encoding=encoding, errors=errors), source=source)


def iter_jsonl(
    path: str,
    *,
    text_key: str = "text",
    id_key: str | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
) -> Iterator[Record]:
    """The records of a JSONL file (or stdin), one per non-blank line.

    A line that is not a JSON object, or whose ``text_key`` is missing or not a string,
    raises :class:`InputError` naming the file and line. The id is the record's ``id_key``
    field when given and present, else ``file:line``.
    """
    source = _source_name(path)
    text = decode(_read_bytes(path), source, encoding=encoding, errors=errors)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(obj, dict):
            raise InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
        value = obj.get(text_key)
        if not isinstance(value, str):
            got = "missing" if text_key not in obj else f"{type(value).__name__}, not a string"
            raise InputError(f"{where}: field {text_key!r} is {got}; choose the field with --text-key")
        record_id = obj.get(id_key) if id_key else None
        yield Record(
            id=str(record_id) if record_id is not None else where,
            text=value,
            source=source,
            line=number,
            fields=obj,
        )


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
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def jsonl_line(obj: Any) -> str:
    """One JSONL line: compact, UTF-8 kept as is, newline-terminated."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"
