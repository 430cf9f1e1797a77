"""Where a dedup index lives: in memory, in a SQLite file (the embedded default), or in Redis.

A store holds, per indexed document, its id, what the keep policy needs (length, shingle count,
the keep field), the exact hash of its normalized text, its sorted shingle hashes (to verify
candidates exactly), the id of the document kept for its cluster, its linked group and its
links to earlier documents (see :mod:`textclean.clusters`); and the LSH buckets of its
MinHash signature. The memory and Redis stores keep the buckets in datasketch's ``MinHashLSH``
(dict or Redis storage); the SQLite store keeps them in a table keyed by a 64-bit hash of the
same band bytes. Nothing is pickled: documents are JSON, shingles raw little-endian ``uint32``.

Every store records the index parameters (:class:`IndexParams`) and refuses to open with others.

>>> store = MemoryStore(IndexParams(num_perm=16, seed=1, shingles="word5", bands=8, rows=2))
>>> len(store)
0
"""
from __future__ import annotations

import gc
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

import numpy as np
import xxhash
from datasketch import MinHashLSH
from datasketch.storage import UnorderedStorage

from .errors import ConfigError, IndexBusyError, IndexMismatchError, OutputError
from .minhash import SCHEME
from .shingles import SHINGLE_HASH_VERSION

#: Version of the stored layout (SQLite schema, Redis keys); bumped on any incompatible change.
#: 2: documents record their links and linked group (containment no longer joins containers).
FORMAT_VERSION = 2


@dataclass(frozen=True, slots=True)
class IndexParams:
    """Everything that must match for two runs to share an index."""

    num_perm: int
    seed: int
    shingles: str
    bands: int
    rows: int
    scheme: str = SCHEME
    shingle_version: int = SHINGLE_HASH_VERSION
    threshold: float = 0.8
    containment_threshold: float | None = 0.9
    keep: str = "longest"
    format_version: int = FORMAT_VERSION
    min_contained_shingles: int = 10  # indexes written before it was recorded used 10

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> IndexParams:
        data = json.loads(text)
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})

    def check_same(self, saved: IndexParams, where: str) -> None:
        """Raise :class:`IndexMismatchError` naming each parameter that differs."""
        if saved.format_version != self.format_version:
            raise IndexMismatchError(
                f"{where} has index format {saved.format_version}, written by another textclean version; this "
                f"one reads format {self.format_version} (see FORMAT_VERSION): start a new index and add the corpus again"
            )
        diffs = [
            f"{f.name}: index has {getattr(saved, f.name)!r}, this run uses {getattr(self, f.name)!r}"
            for f in fields(self)
            if getattr(saved, f.name) != getattr(self, f.name)
        ]
        if diffs:
            raise IndexMismatchError(
                f"{where} was built with other parameters ({'; '.join(diffs)}); "
                "run with the index's parameters or start a new index file"
            )


@dataclass(frozen=True, slots=True)
class StoredDoc:
    """What an index remembers about one document besides its shingles and signature.

    ``kept``: the document kept for its cluster. ``group``: the smallest id of its linked group
    (see :mod:`textclean.clusters`), by which an index pulls the whole group. ``links``: the
    earlier documents it was verified against when added, as ``(id, kind)`` pairs. ``written``: the kept
    copy the last run that wrote this document's result named ("" before any did). A kept document
    whose result was never written that way (its run stopped before writing its output; or it was
    removed then and is a kept copy again) is taken by the next run given its record, so the
    record is not lost; a document of another run whose kept copy differs from ``written`` is
    reported by the run that reads it (superseded, or kept again).
    """

    id: str
    length: int
    size: int
    exact: str
    keep_value: Any = None
    kept: str = ""
    group: str = ""
    links: tuple[tuple[str, str], ...] = ()
    written: str = ""


def links_from_json(links: list) -> tuple[tuple[str, str], ...]:
    """``StoredDoc.links`` from their JSON form (lists)."""
    return tuple((other, kind) for other, kind in links)


def _band_keys(row: np.ndarray, ranges: list[tuple[int, int]]) -> list[bytes]:
    # datasketch's MinHashLSH key for a band: the slice's values as big-endian bytes.
    data = row.astype(">u4").tobytes()
    return [data[4 * start : 4 * end] for start, end in ranges]


class CompactSetStorage(UnorderedStorage):
    """datasketch's ``DictSetStorage`` with a bucket of one id stored as the id itself.

    Almost every LSH bucket holds one document, and an empty Python set alone costs 216
    bytes; storing the id cuts the memory per indexed document about threefold.
    """

    def __init__(self) -> None:
        self._dict: dict[bytes, Any] = {}

    def keys(self):
        return self._dict.keys()

    def get(self, key):
        value = self._dict.get(key)
        return set() if value is None else {value} if isinstance(value, str) else value

    def insert(self, key, *vals, **kwargs) -> None:
        for val in vals:
            old = self._dict.get(key)
            if old is None:
                self._dict[key] = val
            elif isinstance(old, str):
                if old != val:
                    self._dict[key] = {old, val}
            else:
                old.add(val)

    def remove(self, *keys, **kwargs) -> None:
        for key in keys:
            del self._dict[key]

    def remove_val(self, key, val, **kwargs) -> None:
        rest = self.get(key) - {val}
        self._dict[key] = next(iter(rest)) if len(rest) == 1 else rest

    def size(self) -> int:
        return len(self._dict)

    def itemcounts(self, **kwargs) -> dict:
        return {k: 1 if isinstance(v, str) else len(v) for k, v in self._dict.items()}

    def has_key(self, key) -> bool:
        return key in self._dict


class MemoryStore:
    """An index in this process's memory, over datasketch ``MinHashLSH`` (compact dict storage)."""

    def __init__(self, params: IndexParams) -> None:
        self.params = params
        self._lsh = MinHashLSH(num_perm=params.num_perm, params=(params.bands, params.rows))
        self._lsh.hashtables = [CompactSetStorage() for _ in self._lsh.hashtables]
        self._docs: dict[str, StoredDoc] = {}
        self._shingles: dict[str, np.ndarray] = {}
        self._exact: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}  # group -> the members besides the group's own id
        self._tables = [table._dict for table in self._lsh.hashtables]

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    @contextmanager
    def transaction(self) -> Iterator[None]:
        yield

    def exact_match(self, exact: str) -> str | None:
        return self._exact.get(exact)

    def candidates(self, signature: np.ndarray) -> set[str]:
        found: set[str] = set()
        for key, table in zip(_band_keys(signature, self._lsh.hashranges), self._lsh.hashtables):
            found.update(table.get(key))
        return found

    def add(self, doc: StoredDoc, shingles: np.ndarray, signature: np.ndarray | None) -> None:
        self._docs[doc.id] = doc
        self._shingles[doc.id] = shingles
        if signature is not None:  # exact copies are found through the exact hash
            self._exact.setdefault(doc.exact, doc.id)
            keys = _band_keys(signature, self._lsh.hashranges)
            self._lsh.keys.insert(doc.id, *keys)
            for key, table in zip(keys, self._lsh.hashtables):
                table.insert(key, doc.id)

    def add_linked(self, doc: StoredDoc, shingles: np.ndarray, signature: np.ndarray,
                   links_to: Callable[[set[str]], tuple]) -> StoredDoc:
        """Add ``doc`` with the links ``links_to`` finds among its LSH candidates (the documents
        sharing a band, itself not yet among them); the document as stored. One bucket lookup per band.

        The hot loop of a dedup run, so it works on the storage's dicts directly; a test
        checks the candidates against datasketch's ``MinHashLSH.query``.
        """
        found: set[str] = set()
        keys = _band_keys(signature, self._lsh.hashranges)
        doc_id = doc.id
        for key, table in zip(keys, self._tables):
            bucket = table.get(key)
            if bucket is None:
                table[key] = doc_id
            elif isinstance(bucket, str):
                found.add(bucket)
                table[key] = {bucket, doc_id}
            else:
                found |= bucket
                bucket.add(doc_id)
        self._lsh.keys.insert(doc.id, *keys)
        links = links_to(found)
        doc = replace(doc, links=links) if links else doc
        self._docs[doc.id] = doc
        self._shingles[doc.id] = shingles
        self._exact.setdefault(doc.exact, doc.id)
        return doc

    def docs(self, ids: Iterable[str]) -> dict[str, StoredDoc]:
        return {i: self._docs[i] for i in ids}

    def shingles(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        return {i: self._shingles[i] for i in ids}

    def members(self, group: str) -> set[str]:
        # Only groups of more than one document are listed; a document is its own group when added.
        found = set(self._members.get(group, ()))
        if group in self._docs and self._docs[group].group == group:
            found.add(group)
        return found

    def update(self, docs: Iterable[StoredDoc]) -> None:
        """Write the kept copy, group and links of documents already added."""
        for doc in docs:
            old = self._docs[doc.id]
            if doc.written != old.written:  # only mark_written writes it; keep the stored value
                doc = replace(doc, written=old.written)
            if old.group != doc.group:
                if old.group != doc.id:
                    self._members[old.group].discard(doc.id)
                if doc.group != doc.id:
                    self._members.setdefault(doc.group, set()).add(doc.id)
            self._docs[doc.id] = doc

    def mark_written(self, kept_of: Mapping[str, str]) -> None:
        """Record that the results of documents already added are written: ``written`` becomes the
        kept copy given for each (document id to kept id)."""
        # One new document per document of the run: without the collector's passes over the whole
        # index meanwhile (three quarters of the time), and positional (dataclasses.replace costs 5x more).
        collecting = gc.isenabled()
        gc.disable()
        try:
            for doc_id, kept in kept_of.items():
                doc = self._docs[doc_id]
                self._docs[doc_id] = StoredDoc(doc.id, doc.length, doc.size, doc.exact, doc.keep_value, doc.kept,
                                               doc.group, doc.links, kept)
        finally:
            if collecting:
                gc.enable()

    def close(self) -> None:
        pass


_HEADER = "CREATE TABLE IF NOT EXISTS header (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
# Created once the header's parameters are known to match: an index of another format is
# refused by name (format_version), not by a missing column.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    length INTEGER NOT NULL,
    size INTEGER NOT NULL,
    exact TEXT NOT NULL,
    keep_value TEXT NOT NULL,
    kept TEXT NOT NULL,
    grp TEXT NOT NULL,
    links TEXT NOT NULL,
    indexed INTEGER NOT NULL,
    shingles BLOB NOT NULL,
    written TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS docs_exact ON docs (exact) WHERE indexed = 1;
CREATE INDEX IF NOT EXISTS docs_grp ON docs (grp);
CREATE TABLE IF NOT EXISTS buckets (bucket INTEGER NOT NULL, doc INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS buckets_bucket ON buckets (bucket);
"""


# How long a writer waits for another process's batch to commit before giving up.
LOCK_WAIT_SECONDS = 60


def _is_lock_error(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


class SQLiteStore:
    """An index in one SQLite file: persistent and incremental ("have I seen this before?").

    Each batch is written in one transaction, so a run killed mid-way leaves the index as it
    was after its last whole batch. The file's ``header`` table records the parameters.
    """

    def __init__(self, path: str, params: IndexParams) -> None:
        self.params = params
        self.path = path
        try:
            # Another process writing the same index holds its lock one batch at a time; wait.
            # Not tied to the opening thread: DedupIndex says one thread at a time, not which.
            self._db = sqlite3.connect(path, isolation_level=None, timeout=LOCK_WAIT_SECONDS, check_same_thread=False)
            self._refuse_other_databases()
            saved = self._set_up()
            if saved is not None:
                params.check_same(IndexParams.from_json(saved), path)
            self._db.executescript(_SCHEMA)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(docs)")}
            if "written" not in columns:  # an index from before the column: every result was written
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute("ALTER TABLE docs ADD COLUMN written TEXT NOT NULL DEFAULT ''")
                self._db.execute("UPDATE docs SET written = kept")
                self._db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if "unable to open" in str(exc) and not os.path.isdir(os.path.dirname(os.path.abspath(path))):
                raise IndexMismatchError(f"{path}: cannot open or create an index there ({exc}); does its folder exist?") from exc
            if "unable to open" in str(exc) or "readonly" in str(exc):  # every run writes to its index
                raise OutputError(f"{path}: cannot write the index there ({exc}); a run updates its index, so it "
                                  "and its folder must be writable") from exc
            if not _is_lock_error(exc):
                raise IndexMismatchError(f"{path}: not a textclean SQLite index ({exc}); choose another --index file") from exc
            raise IndexBusyError(f"{path}: another process has held this index for over {LOCK_WAIT_SECONDS} s ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            raise IndexMismatchError(f"{path}: not a textclean SQLite index ({exc}); choose another --index file") from exc
        self._ranges = [(i * params.rows, (i + 1) * params.rows) for i in range(params.bands)]

    def _refuse_other_databases(self) -> None:
        """Refuse, before writing anything to it, a database that another program made."""
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "header" not in tables:
            raise IndexMismatchError(f"{self.path}: not a textclean SQLite index (it holds the tables "
                                     f"{', '.join(sorted(tables))}); choose another --index file")

    def _set_up(self) -> str | None:
        """Create the header once; the saved parameters when the index existed.

        Two processes opening a new index at once race for the journal-mode switch, which
        SQLite answers "locked" without waiting: retried until ``LOCK_WAIT_SECONDS``.
        """
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute(_HEADER)
                self._db.execute("BEGIN IMMEDIATE")
                row = self._db.execute("SELECT value FROM header WHERE key = 'params'").fetchone()
                if row is None:
                    self._db.execute("INSERT INTO header VALUES ('params', ?)", (self.params.to_json(),))
                self._db.execute("COMMIT")
                return row[0] if row else None
            except sqlite3.OperationalError as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if not _is_lock_error(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM docs").fetchone()[0]

    def __contains__(self, doc_id: object) -> bool:
        return self._db.execute("SELECT 1 FROM docs WHERE id = ?", (doc_id,)).fetchone() is not None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise IndexBusyError(
                f"{self.path}: another process has held this index for over {LOCK_WAIT_SECONDS} s ({exc}); "
                "run one writer at a time, or use --redis for an index shared by many workers"
            ) from exc
        try:
            yield
        except BaseException:
            if self._db.in_transaction:  # SQLite ends it itself on some errors ("database or disk is full")
                self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _buckets(self, signature: np.ndarray) -> list[int]:
        keys = _band_keys(signature, self._ranges)
        return [xxhash.xxh3_64_intdigest(band.to_bytes(2, "big") + key) - (1 << 63) for band, key in enumerate(keys)]

    def exact_match(self, exact: str) -> str | None:
        row = self._db.execute("SELECT id FROM docs WHERE exact = ? AND indexed = 1 LIMIT 1", (exact,)).fetchone()
        return row[0] if row else None

    def candidates(self, signature: np.ndarray) -> set[str]:
        buckets = self._buckets(signature)
        marks = ",".join("?" * len(buckets))
        sql = f"SELECT DISTINCT d.id FROM buckets b JOIN docs d ON d.rowid = b.doc WHERE b.bucket IN ({marks})"
        return {r[0] for r in self._db.execute(sql, buckets)}

    def add(self, doc: StoredDoc, shingles: np.ndarray, signature: np.ndarray | None) -> None:
        cur = self._db.execute(
            "INSERT INTO docs (id, length, size, exact, keep_value, kept, grp, links, indexed, shingles, written) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.length, doc.size, doc.exact, json.dumps(doc.keep_value), doc.kept, doc.group,
             json.dumps(doc.links), int(signature is not None), shingles.astype("<u4").tobytes(), doc.written),
        )
        if signature is not None:
            rowid = cur.lastrowid
            self._db.executemany("INSERT INTO buckets VALUES (?, ?)", [(b, rowid) for b in self._buckets(signature)])

    def add_linked(self, doc: StoredDoc, shingles: np.ndarray, signature: np.ndarray,
                   links_to: Callable[[set[str]], tuple]) -> StoredDoc:
        links = links_to(self.candidates(signature))
        doc = replace(doc, links=links) if links else doc
        self.add(doc, shingles, signature)
        return doc

    def _select(self, columns: str, ids: Iterable[str]) -> list[tuple]:
        ids = list(ids)
        rows: list[tuple] = []
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows += self._db.execute(f"SELECT {columns} FROM docs WHERE id IN ({','.join('?' * len(part))})", part).fetchall()
        return rows

    def docs(self, ids: Iterable[str]) -> dict[str, StoredDoc]:
        rows = self._select("id, length, size, exact, keep_value, kept, grp, links, written", ids)
        return {r[0]: StoredDoc(*r[:4], json.loads(r[4]), r[5], r[6], links_from_json(json.loads(r[7])), r[8])
                for r in rows}

    def shingles(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        return {r[0]: np.frombuffer(r[1], dtype="<u4").astype(np.uint32) for r in self._select("id, shingles", ids)}

    def members(self, group: str) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT id FROM docs WHERE grp = ?", (group,))}

    def update(self, docs: Iterable[StoredDoc]) -> None:
        self._db.executemany("UPDATE docs SET kept = ?, grp = ?, links = ? WHERE id = ?",
                             [(d.kept, d.group, json.dumps(d.links), d.id) for d in docs])

    def mark_written(self, kept_of: Mapping[str, str]) -> None:
        self._db.executemany("UPDATE docs SET written = ? WHERE id = ?", ((k, i) for i, k in kept_of.items()))

    def close(self) -> None:
        self._db.close()


def open_store(params: IndexParams, *, path: str | None = None, redis_url: str | None = None):
    """The store a caller asked for: SQLite at ``path``, Redis at ``redis_url``, else memory."""
    if path and redis_url:
        raise ConfigError("choose one index: a SQLite file or a Redis URL, not both")
    if path:
        return SQLiteStore(path, params)
    if redis_url:
        from .redis_store import RedisStore

        return RedisStore(redis_url, params)
    return MemoryStore(params)
