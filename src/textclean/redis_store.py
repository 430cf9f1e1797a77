"""A dedup index in Redis, shared by many workers, through datasketch's Redis LSH storage.

The LSH buckets are datasketch ``MinHashLSH`` Redis storage with ``prepickle=False`` (keys are
the UTF-8 bytes of document ids, so nothing read back is unpickled); documents are JSON and
shingles raw little-endian ``uint32`` in Redis hashes under the same name prefix. The prefix's
``header`` key holds the index parameters, and a mismatch is refused.

Workers take turns batch by batch, as SQLite writers do: a batch holds the index's lock (a key
that expires ``LOCK_TTL_SECONDS`` after the batch's last write, so a killed worker's lock does
not outlive it for long), and each batch reads the groups it touches as stored then.

Redis has no rollback of a whole batch: each document is written with its links in one
transaction, but a worker killed mid-batch leaves the batch's documents out of their clusters.
The next run that reads one of them (the same input again, or a document linked to it) follows
its links and settles its group again.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, replace
import json
import time
import uuid

import numpy as np
from datasketch import MinHashLSH

from . import store
from .errors import ConfigError, IndexBusyError
from .store import IndexParams, StoredDoc, _band_keys, links_from_json

try:
    import redis
except ImportError:  # pragma: no cover - depends on the optional extra
    redis = None


def redis_kwargs(url: str) -> dict:
    """``redis.Redis`` keyword arguments for a ``redis://`` or ``rediss://`` URL (TLS → ``ssl=True``)."""
    if redis is None:
        raise ConfigError("the Redis store needs the redis package: pip install 'textclean[redis]'")
    try:
        kwargs = dict(redis.connection.parse_url(url))
    except ValueError as exc:
        raise ConfigError(f"not a Redis URL: {url!r} ({exc}); use redis://[user:password@]host:port/db") from exc
    if kwargs.pop("connection_class", None) is redis.connection.SSLConnection:
        kwargs["ssl"] = True
    return kwargs


#: The lock expires this long after a batch's last write (each document added renews it).
LOCK_TTL_SECONDS = 60
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


class RedisStore:
    """An index in the Redis server at ``url``, under the key prefix ``name``."""

    def __init__(self, url: str, params: IndexParams, *, name: str = "textclean") -> None:
        kwargs = redis_kwargs(url)
        self.params = params
        self._r = redis.Redis(**kwargs)
        try:
            self._r.ping()
        except redis.exceptions.RedisError as exc:
            raise ConfigError(f"cannot reach Redis at {url} ({exc}); start redis-server or pass another URL") from exc
        self._name = name
        self._locked = False
        self._r.setnx(f"{name}:header", params.to_json())
        params.check_same(IndexParams.from_json(self._r.get(f"{name}:header").decode()), f"Redis index {name!r} at {url}")
        self._lsh = MinHashLSH(
            num_perm=params.num_perm,
            params=(params.bands, params.rows),
            storage_config={"type": "redis", "basename": f"{name}:lsh".encode(), "redis": kwargs},
            prepickle=False,
        )

    def _key(self, what: str) -> str:
        return f"{self._name}:{what}"

    def __len__(self) -> int:
        return self._r.hlen(self._key("docs"))

    def __contains__(self, doc_id: object) -> bool:
        return bool(self._r.hexists(self._key("docs"), str(doc_id)))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the index's lock for one batch, waiting up to ``store.LOCK_WAIT_SECONDS`` for it."""
        token, key = uuid.uuid4().hex, self._key("lock")
        deadline = time.monotonic() + store.LOCK_WAIT_SECONDS
        while not self._r.set(key, token, nx=True, ex=LOCK_TTL_SECONDS):
            if time.monotonic() > deadline:
                raise IndexBusyError(
                    f"Redis index {self._name!r}: another worker has held it for over {store.LOCK_WAIT_SECONDS} s "
                    f"(a killed worker's lock expires within {LOCK_TTL_SECONDS} s); try again")
            time.sleep(0.05)
        self._locked = True
        try:
            yield
        finally:
            self._locked = False
            self._r.eval(_RELEASE, 1, key, token)  # only this batch's lock: an expired one may be another's

    def exact_match(self, exact: str) -> str | None:
        found = self._r.hget(self._key("exact"), exact)
        return found.decode() if found is not None else None

    # Each document costs two round trips: one pipeline reads its 42-odd buckets, one MULTI/EXEC
    # transaction writes the document and its buckets, through datasketch's own storage methods.
    def candidates(self, signature: np.ndarray) -> set[str]:
        pipe = self._r.pipeline(transaction=False)
        for key, table in zip(_band_keys(signature, self._lsh.hashranges), self._lsh.hashtables):
            table._get_items(pipe, table.redis_key(key))
        return {member.decode() for bucket in pipe.execute() for member in bucket}

    def add(self, doc: StoredDoc, shingles: np.ndarray, signature: np.ndarray | None) -> None:
        pipe = self._r.pipeline(transaction=True)
        pipe.hset(self._key("docs"), doc.id, json.dumps(asdict(doc)))
        pipe.hset(self._key("shingles"), doc.id, shingles.astype("<u4").tobytes())
        pipe.sadd(self._key(f"members:{doc.group}"), doc.id)
        if self._locked:
            pipe.expire(self._key("lock"), LOCK_TTL_SECONDS)
        if signature is not None:
            pipe.hsetnx(self._key("exact"), doc.exact, doc.id)
            key = doc.id.encode()
            keys = _band_keys(signature, self._lsh.hashranges)
            self._lsh.keys._insert(pipe, key, *keys)
            for band_key, table in zip(keys, self._lsh.hashtables):
                table._insert(pipe, band_key, key)
        pipe.execute()

    def add_linked(self, doc: StoredDoc, shingles: np.ndarray, signature: np.ndarray,
                   links_to: Callable[[set[str]], tuple]) -> StoredDoc:
        links = links_to(self.candidates(signature))
        doc = replace(doc, links=links) if links else doc
        self.add(doc, shingles, signature)  # one transaction: the document with its links
        return doc

    def docs(self, ids: Iterable[str]) -> dict[str, StoredDoc]:
        ids = list(ids)
        values = self._r.hmget(self._key("docs"), ids) if ids else []
        return {i: _doc(json.loads(v)) for i, v in zip(ids, values) if v is not None}

    def shingles(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        ids = list(ids)
        values = self._r.hmget(self._key("shingles"), ids) if ids else []
        return {i: np.frombuffer(v, dtype="<u4").astype(np.uint32) for i, v in zip(ids, values) if v is not None}

    def members(self, group: str) -> set[str]:
        return {m.decode() for m in self._r.smembers(self._key(f"members:{group}"))}

    def update(self, docs: Iterable[StoredDoc]) -> None:
        docs = list(docs)
        old = self.docs(d.id for d in docs)
        pipe = self._r.pipeline()
        for doc in docs:
            if doc.written != old[doc.id].written:  # only mark_written writes it; keep the stored value
                doc = replace(doc, written=old[doc.id].written)
            before = old[doc.id].group
            if before != doc.group:
                pipe.srem(self._key(f"members:{before}"), doc.id)
                pipe.sadd(self._key(f"members:{doc.group}"), doc.id)
            pipe.hset(self._key("docs"), doc.id, json.dumps(asdict(doc)))
        pipe.execute()

    def mark_written(self, kept_of: Mapping[str, str]) -> None:
        pipe = self._r.pipeline()
        for doc in self.docs(kept_of).values():
            pipe.hset(self._key("docs"), doc.id, json.dumps(asdict(replace(doc, written=kept_of[doc.id]))))
        pipe.execute()

    def close(self) -> None:
        self._r.close()


def _doc(data: dict) -> StoredDoc:
    # An index from before ``written``: every result was written.
    return StoredDoc(**{"written": data["kept"], **data, "links": links_from_json(data["links"])})
