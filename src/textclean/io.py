"""Reading text files, directories, globs, JSONL and stdin (writing is :mod:`textclean.output`).

Every input error names the file and the line (JSONL) so a user can find the bad record.
"""
from __future__ import annotations

import glob
import gzip
import json
import math
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Literal, overload

from .errors import ConfigError, InputError

STDIO = "-"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.txt", ".jsonl.gz", ".ndjson.gz")


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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

    def __post_init__(self) -> None:
        if not isinstance(self.id, str):  # ids are compared and sorted as text everywhere
            raise TypeError(f"a Record's id is a string, got {self.id!r}; e.g. Record(id=str(n), ...)")
        if not self.id.isascii() and LONE_SURROGATE.search(self.id):
            # "caf\udce9.txt:3", from a file name that is not UTF-8: no output or index could hold it.
            object.__setattr__(self, "id", self.id.encode("utf-8", "backslashreplace").decode("utf-8"))

    @property
    def where(self) -> str:
        """``file:line`` or ``file``, for messages."""
        return f"{self.source}:{self.line}" if self.line is not None else self.source


def is_jsonl_path(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def expand_inputs(paths: Sequence[str]) -> list[str]:
    """Files named by ``paths``: directories walked recursively, globs expanded, sorted.

    ``-`` stands for stdin and is passed through. Hidden files and folders are skipped. A file
    named twice (directly, or through a folder or pattern) is an error: its records would be too.
    """
    found: list[str] = []
    for path in paths:
        if path == STDIO:
            found.append(path)
        elif os.path.isdir(path):
            found.extend(_walk(path))
        elif os.path.exists(path):  # a file, or a pipe such as bash's <(command)
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
    first: dict[str, str] = {}
    for path in found:
        key = path if path == STDIO else os.path.realpath(path)
        if key in first:
            also = f" (also as {first[key]})" if first[key] != path else ""
            raise InputError(f"{path}: given twice{also}; name each input once")
        first[key] = path
    return found


def _walk(directory: str) -> list[str]:
    """The regular files under ``directory``, hidden ones aside, in name order. A folder that
    cannot be listed is an error (os.walk skips it silently); a pipe, device or socket is left
    out (opening a FIFO would wait for a writer forever)."""
    def unlistable(exc: OSError) -> None:
        raise _unreadable(exc.filename or directory, exc)

    files = []
    try:
        for root, dirs, names in os.walk(directory, onerror=unlistable):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            paths = (os.path.join(root, n) for n in sorted(names) if not n.startswith("."))
            files.extend(p for p in paths if _not_special(p))
    except RecursionError:
        raise InputError(f"{directory}: a folder tree too deep to walk (over about 1,000 levels)") from None
    return files


@contextmanager
def open_binary(path: str, stdin: BinaryIO | None = None) -> Iterator[BinaryIO]:
    """``path`` open for reading bytes: ``-`` is ``stdin`` (default: standard input), and a
    ``.gz`` file is decompressed as it is read."""
    if path == STDIO:
        if stdin is None and sys.stdin is None:
            raise InputError("-: cannot read: standard input is closed")
        yield stdin or sys.stdin.buffer
        return
    try:
        fh = _StrictGzipFile(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    with fh:
        yield fh


# What a damaged or truncated file raises while it is read (gzip adds the last two).
READ_ERRORS = (OSError, EOFError, zlib.error)


class _StrictGzipFile(gzip.GzipFile):
    """A gzip file whose cut-off stream raises OSError, not EOFError: warcio takes an EOFError
    for the end of the archive, so a truncated WET file would end quietly, its rest unread."""

    def read(self, size=-1):
        with _cut_off_as_oserror():
            return super().read(size)

    def read1(self, size=-1):
        with _cut_off_as_oserror():
            return super().read1(size)

    def readinto(self, buffer):
        with _cut_off_as_oserror():
            return super().readinto(buffer)

    def readline(self, size=-1):
        with _cut_off_as_oserror():
            return super().readline(size)


@contextmanager
def _cut_off_as_oserror() -> Iterator[None]:
    try:
        yield
    except EOFError as exc:
        raise OSError(f"{exc}: the file is cut short") from exc


def _not_special(path: str) -> bool:
    """Whether ``path`` is not a pipe, device or socket (a broken link counts: reading it says why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def _unreadable(path: str, exc: BaseException) -> InputError:
    return InputError(f"{source_name(path)}: cannot read: {getattr(exc, 'strerror', None) or exc}")


def _read_bytes(path: str, stdin: BinaryIO | None = None) -> bytes:
    with open_binary(path, stdin) as fh:
        try:
            return fh.read()
        except READ_ERRORS as exc:
            raise _unreadable(path, exc) from exc


def _binary_lines(path: str, stdin: BinaryIO | None = None) -> Iterator[bytes]:
    """The file's lines as they are read, without their ``\\n``: a big file is never held whole."""
    with open_binary(path, stdin) as fh:
        try:
            for line in fh:
                yield line.removesuffix(b"\n")
        except READ_ERRORS as exc:
            raise _unreadable(path, exc) from exc


def source_name(path: str) -> str:
    return "<stdin>" if path == STDIO else path


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input record (or file) that could not be used, and why: written to ``--rejected``.
    ``raw`` is the whole JSONL line (empty for a file), so a record rejected for its id or site
    can be mended and run again."""

    source: str
    line: int | None
    reason: str
    raw: str = ""

    @property
    def where(self) -> str:
        """``file:line`` or ``file``, for messages."""
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "reason": self.reason, "raw": self.raw}


@dataclass
class ReadStats:
    """Counts kept while reading: records read, rejected, undecodable bytes replaced."""

    records: int = 0
    rejected: int = 0
    replaced: int = 0


_REPLACEMENT_UTF8 = "\ufffd".encode()


_BOM = "\ufeff"


def decode(
    data: bytes,
    source: str,
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    stats: ReadStats | None = None,
    first_line: int = 1,
) -> str:
    """Decode ``data``; an undecodable byte is an error naming the file, line and column.

    With ``errors="replace"`` each undecodable byte sequence becomes U+FFFD and is counted
    in ``stats.replaced``. ``first_line`` is the line number of ``data``'s first line.
    """
    try:
        text = data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + first_line
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"{source}:{line}: byte {data[exc.start]:#04x} at column {column} is not valid "
            f"{encoding}; pass --encoding, or --errors replace to substitute U+FFFD"
        ) from exc
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc
    except UnicodeError as exc:  # a codec that fails otherwise (punycode, idna)
        raise InputError(f"{source}: cannot decode as {encoding}: {exc}") from exc
    if stats is not None and errors == "replace":
        stats.replaced += replaced_count(text, data)
    return text


def replaced_count(text: str, data: bytes) -> int:
    """How many U+FFFD ``errors="replace"`` put into ``text``, decoded from UTF-8 ``data``
    (a U+FFFD the data already held is text, not a replacement)."""
    return text.count("\ufffd") - data.count(_REPLACEMENT_UTF8)


def read_text_file(
    path: str, *, encoding: str = "utf-8", errors: str = "strict", stats: ReadStats | None = None,
    stdin: BinaryIO | None = None,
) -> Record:
    """A plain-text file (or stdin) as one record whose id is the path, without a leading
    byte-order mark (Windows editors write one in UTF-8 too).

    A file with a NUL byte is binary, not text: an :class:`InputError` says where.
    """
    source = source_name(path)
    data = _read_bytes(path, stdin)
    nul = data.find(b"\0")
    if nul >= 0 and encoding.replace("-", "").lower() in ("utf8", "ascii", "latin1", "iso88591", "cp1252"):
        raise InputError(f"{source}: looks binary (NUL byte at offset {nul}); textclean reads text "
                         "(for UTF-16 or UTF-32 text, pass --encoding utf-16 or utf-32)")
    text = decode(data, source, encoding=encoding, errors=errors, stats=stats).removeprefix(_BOM)
    if stats is not None:
        stats.records += 1
    return Record(id=source, text=text, source=source)


def iter_jsonl(
    path: str,
    *,
    text_key: str = "text",
    id_key: str | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
    on_error: str = "fail",
    stats: ReadStats | None = None,
    seen_ids: dict[str, str] | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Record | Rejection]:
    """The records of a JSONL file (or stdin), one per non-blank line.

    A line that is not a JSON object, whose ``text_key`` is missing or not a string, or
    whose id repeats an earlier one (when ``seen_ids`` is given) raises :class:`InputError`
    naming the file and line, or, with ``on_error="skip"``, is yielded as a
    :class:`Rejection`. The id is the record's ``id_key`` field when given and present, else
    ``file:line``. Lines end at ``\\n`` only: U+2028 and friends may stand inside JSON strings.
    """
    check_reading(errors, on_error)
    stats = stats if stats is not None else ReadStats()
    source = source_name(path)
    number = 0
    try:
        for number, raw in enumerate(_raw_lines(path, source, encoding, errors, stats, stdin), start=1):
            if not raw.strip():
                continue
            stats.records += 1
            try:
                line = raw if isinstance(raw, str) else decode(
                    raw, source, encoding=encoding, errors=errors, stats=stats, first_line=number)
                if number == 1:
                    line = line.removeprefix(_BOM)
                item: Record | Rejection = _record(line, source, number, text_key, id_key, seen_ids)
            except InputError as exc:
                if on_error == "fail":
                    raise
                stats.rejected += 1
                reason = str(exc).removeprefix(f"{source}:{number}: ")
                item = Rejection(source, number, reason, raw if isinstance(raw, str) else raw.decode(encoding, "replace"))
            yield item
    except InputError as exc:  # in skip mode only the file itself fails here: cut short, unreadable
        if on_error == "fail":
            raise
        stats.records += 1
        stats.rejected += 1
        yield Rejection(source, number + 1, f"{exc}; the rest of the file is not read")


def _raw_lines(path: str, source: str, encoding: str, errors: str, stats: ReadStats,
               stdin: BinaryIO | None) -> Iterator[bytes] | list[str]:
    """The file's lines, split at ``\\n`` only; as bytes, read as they come, when the encoding
    keeps ``\\n`` one byte (so one bad byte costs one record, not the file), else decoded whole
    (UTF-16/32)."""
    try:
        ascii_newline = "\n".encode(encoding) == b"\n"
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc
    if ascii_newline:
        return _binary_lines(path, stdin)
    return decode(_read_bytes(path, stdin), source, encoding=encoding, errors=errors, stats=stats).split("\n")


# A JSON escape of a UTF-16 surrogate; json.loads joins a pair, but leaves a lone one in the string.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _check_no_lone_surrogate(obj: Any) -> None:
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"a JSON string holds a lone surrogate ({exc.object[exc.start]!a}), "
                         "which is not text") from exc


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:40]} is out of range")
    return value


def _readable_int(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # Python reads integers of up to 4,300 digits
        raise ValueError(f"an integer of {len(text)} digits is too long") from None


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not standard JSON, and outputs would not be")


# One decoder: json.loads builds a new one per call when given hooks.
_DECODER = json.JSONDecoder(parse_float=_finite_float, parse_int=_readable_int, parse_constant=_no_constant)


def _record(
    line: str, source: str, number: int, text_key: str, id_key: str | None, seen_ids: dict[str, str] | None
) -> Record:
    where = f"{source}:{number}"
    try:
        obj, text, record_id = parse_jsonl_line(line, text_key, id_key)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from exc
    record_id = record_id if record_id is not None else where
    if seen_ids is not None:
        first = seen_ids.setdefault(record_id, where)
        if first != where:
            raise InputError(f"{where}: id {record_id!r} was already used at {first}")
    return Record(id=record_id, text=text, source=source, line=number, fields=obj)


def parse_jsonl_line(line: str, text_key: str, id_key: str | None) -> tuple[dict[str, Any], str, str | None]:
    """A JSONL line's object, its text, and its id (None without ``id_key`` or when the field is
    absent or null). Raises :class:`InputError` saying what is wrong (the caller adds where):
    not a JSON object, no text, an id that is not a string or integer, a number that is not
    finite (it could not be written back as JSON), or a lone surrogate (it is not text).
    """
    try:
        obj = _DECODER.decode(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError("JSON nested too deeply to read") from exc
    except ValueError as exc:  # from the parse hooks below
        raise InputError(f"not usable JSON ({exc})") from exc
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}")
    if _SURROGATE_ESCAPE.search(line):
        _check_no_lone_surrogate(obj)
    text = obj.get(text_key)
    if not isinstance(text, str):
        got = "missing" if text_key not in obj else f"{type(text).__name__}, not a string"
        raise InputError(f"field {text_key!r} is {got}; choose the field with --text-key")
    record_id = obj.get(id_key) if id_key else None
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, (str, int))):
        raise InputError(f"id field {id_key!r} is {type(record_id).__name__}; an id is a string or an integer")
    return obj, text, None if record_id is None else str(record_id)


def check_reading(errors: str, on_error: str) -> None:
    """Refuse reading options the readers do not know (a text file skipped under any other
    ``on_error``; an unknown ``errors`` was reported as an unknown encoding)."""
    if errors not in ("strict", "replace"):
        raise ConfigError(f"errors must be 'strict' or 'replace', not {errors!r}")
    if on_error not in ("fail", "skip"):
        raise ConfigError(f"on_error must be 'fail' or 'skip', not {on_error!r}")


@overload
def read_records(files: Iterable[str | os.PathLike[str]], *, jsonl: bool | None, text_key: str = ...,
                 id_key: str | None = ..., encoding: str = ..., errors: str = ..., on_error: Literal["fail"] = ...,
                 stats: ReadStats | None = ..., stdin: BinaryIO | None = ...) -> Iterator[Record]: ...
@overload
def read_records(files: Iterable[str | os.PathLike[str]], *, jsonl: bool | None, text_key: str = ...,
                 id_key: str | None = ..., encoding: str = ..., errors: str = ..., on_error: str,
                 stats: ReadStats | None = ..., stdin: BinaryIO | None = ...) -> Iterator[Record | Rejection]: ...
def read_records(
    files: Iterable[str | os.PathLike[str]],
    *,
    jsonl: bool | None,
    text_key: str = "text",
    id_key: str | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
    on_error: str = "fail",
    stats: ReadStats | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Record | Rejection]:
    """Every record of ``files`` in order: JSONL records, WET records (:mod:`textclean.wet`), or
    one record per text file. ``.gz`` files are decompressed as they are read.

    ``jsonl=None`` decides per file: stdin and ``.jsonl``/``.ndjson`` files are JSONL; ``.wet``
    and ``.wet.gz`` files are always WET. With
    ``on_error="skip"`` what cannot be read (a bad JSONL line, a binary or undecodable file,
    an id used before, when ``id_key`` is given) is yielded as a :class:`Rejection` and counted in
    ``stats``, so records read == records used + rejected; with ``"fail"`` it raises
    :class:`InputError`. ``-`` reads ``stdin`` (default: the process's standard input).
    """
    if isinstance(files, (str, bytes, os.PathLike)):
        raise TypeError(f"read_records() takes a list of files, not one path; e.g. [{files!r}]")
    check_reading(errors, on_error)
    stats = stats if stats is not None else ReadStats()
    seen_ids: dict[str, str] | None = {} if id_key else None
    from .wet import is_wet_path, iter_wet  # wet.py reads through this module

    for path in map(os.fspath, files):
        if is_wet_path(path):
            yield from iter_wet(path, text_key=text_key, id_key=id_key, errors=errors, on_error=on_error, stats=stats,
                                seen_ids=seen_ids, stdin=stdin)
            continue
        if jsonl or (jsonl is None and (path == STDIO or is_jsonl_path(path))):
            yield from iter_jsonl(path, text_key=text_key, id_key=id_key, encoding=encoding, errors=errors,
                                  on_error=on_error, stats=stats, seen_ids=seen_ids, stdin=stdin)
            continue
        try:
            yield read_text_file(path, encoding=encoding, errors=errors, stats=stats, stdin=stdin)
        except InputError as exc:
            if on_error == "fail":
                raise
            stats.records += 1
            stats.rejected += 1
            yield Rejection(source_name(path), None, str(exc).removeprefix(f"{source_name(path)}: "))
