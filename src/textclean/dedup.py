"""Corpus deduplication: exact hash, MinHash LSH, exact verification, union-find, a keep policy.

A document is a duplicate of another when their normalized texts are equal (``exact``), their
shingle sets have Jaccard similarity ≥ ``threshold`` (``near_duplicate``), or at least
``containment_threshold`` of the smaller one's shingles lie inside the larger
(``contained``: a teaser, a copy cut short). LSH only proposes candidates; each is verified
on the exact shingle sets before it counts. Near-copies are joined into clusters by union-find,
and a contained document joins one cluster that contains it (see :mod:`textclean.clusters`).
Each cluster keeps one document by the ``keep`` policy, which looks only at the documents
(never at input order), so any order of the same corpus gives the same clusters and keeps.

>>> result = dedup_records([
...     Record(id="a", text="the quick brown fox jumps over the lazy dog " * 3, source="-"),
...     Record(id="b", text="The quick brown fox jumps over the lazy dog! " * 3, source="-"),
...     Record(id="c", text="an entirely different sentence about something else", source="-"),
... ])
>>> [r.id for r in result.kept]        # the longest copy is kept
['b', 'c']
>>> result.duplicates[0]
Duplicate(id='a', duplicate_of='b', similarity=1.0, containment=1.0, reason='exact')
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import xxhash

from . import parallel
from .clusters import HOLDS, INSIDE, SIMILAR, UnionFind, kept_per_document
from .config import DedupConfig
from .errors import InputError, check_count
from .io import Record
from .keep import KeepPolicy
from .minhash import MinHasher
from .shingles import (Shingling, containment, distinct_per_document, jaccard, normalized_for, overlaps,
                       shingle_hashes_many)
from .store import StoredDoc, open_store

__all__ = ["DedupConfig", "DedupIndex", "DedupResult", "Duplicate", "dedup_records", "exact_hash"]

REASONS = ("exact", "near_duplicate", "contained", "chained", "already_indexed")


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A removed document: the kept one it duplicates, how similar, and why (see ``REASONS``).

    ``similarity`` is the exact Jaccard similarity of the two shingle sets; ``containment`` the
    share of the smaller set inside the larger. ``chained``: linked to the kept document only
    through other duplicates. ``already_indexed``: the same id with the same text is in the
    index from an earlier run (``duplicate_of`` is its cluster's kept copy, maybe itself).
    """

    id: str
    duplicate_of: str
    similarity: float
    containment: float
    reason: str

    def to_json(self) -> dict:
        return {"id": self.id, "duplicate_of": self.duplicate_of, "similarity": self.similarity,
                "containment": self.containment, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class DedupResult:
    """``kept``: this run's unique records in input order (empty when the index did not hold
    them: ``hold_records=False``), ``kept_ids`` their ids. ``duplicates``: one per removed
    document, sorted by id; it includes documents of earlier runs (``superseded``) that a
    better copy in this run now replaces, or whose kept copy changed. ``reinstated``: documents
    of earlier runs, removed then, that are kept copies again (a chain of near-copies outgrew what
    held them); their records are not in this run, and the next run given them keeps them.
    ``candidates``: the pairs LSH proposed and this run verified exactly (its cost grows with them)."""

    kept: list[Record]
    kept_ids: list[str]
    duplicates: list[Duplicate]
    superseded: list[str]
    candidates: int = 0
    reinstated: list[str] = field(default_factory=list)


# Per text: its exact hash, its distinct shingle hashes, and (one row each) the MinHash signatures.
Fingerprints = tuple[list[str], list[np.ndarray], np.ndarray]


def fingerprints(texts: Sequence[str], config: DedupConfig) -> Fingerprints:
    """What the index needs of each text; depends only on the texts and the config."""
    norm = [normalized_for(t, config.shingling) for t in texts]
    hashes, offsets = shingle_hashes_many(norm, shingling=config.shingling)
    sigs = _hasher(config.num_perm, config.seed, config.shingling).signatures_from_hashes(hashes, offsets)
    return [exact_hash(n) for n in norm], distinct_per_document(hashes, offsets), sigs


@lru_cache(maxsize=4)
def _hasher(num_perm: int, seed: int, shingling: Shingling) -> MinHasher:
    return MinHasher(num_perm=num_perm, seed=seed, shingling=shingling)


def _fingerprints_of(payload: tuple[list[str], DedupConfig]) -> Fingerprints:
    return fingerprints(*payload)


def exact_hash(normalized: str) -> str:
    """The exact-duplicate key: xxh3-128 of the normalized text, in hex."""
    return xxhash.xxh3_128_hexdigest(normalized.encode())


def link_kind(own: np.ndarray, other: np.ndarray, config: DedupConfig) -> str | None:
    """How two sorted distinct shingle arrays are linked, if they are duplicates: ``SIMILAR``
    (Jaccard ≥ ``threshold``, or each lies inside the other), ``INSIDE`` (``own``, of
    ``min_contained_shingles`` or more, lies ≥ ``containment_threshold`` inside ``other``) or
    ``HOLDS`` (the reverse); None when they are not duplicates."""
    return _kind(int(overlaps(own, [other])[0]), own.size, other.size, config)


def _kind(shared: int, own: int, other: int, config: DedupConfig) -> str | None:
    """``link_kind`` from the two shingle counts and how many they share."""
    union = own + other - shared
    if (shared / union if union else 1.0) >= config.threshold:  # two empty sets are alike
        return SIMILAR
    ct, small = config.containment_threshold, min(own, other)
    if ct is None or small == 0 or small < config.min_contained_shingles or shared / small < ct:
        return None
    if own == other:
        return SIMILAR
    return INSIDE if own < other else HOLDS


def measured(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Two shingle arrays' Jaccard similarity and the containment of the smaller in the larger, rounded as reported."""
    small, large = (a, b) if a.size <= b.size else (b, a)
    return round(jaccard(a, b), 4), round(containment(small, large), 4)


def described(own: np.ndarray, kept: np.ndarray, same_text: bool, config: DedupConfig) -> tuple[float, float, str]:
    """``(similarity, containment, reason)`` of a removed document against its kept copy
    (``chained``: linked only through other copies)."""
    sim, cont = measured(own, kept)
    ct = config.containment_threshold
    if same_text:
        return sim, cont, "exact"
    if sim >= config.threshold:
        return sim, cont, "near_duplicate"
    if ct is not None and cont >= ct and min(own.size, kept.size) >= config.min_contained_shingles:
        return sim, cont, "contained"
    return sim, cont, "chained"


def _unwritten(doc: StoredDoc) -> bool:
    """Whether no run wrote ``doc``'s result: added by a run that stopped before writing its
    output, or removed then and a kept copy now (its record belongs in the next output)."""
    return doc.written == "" or doc.kept == doc.id != doc.written


class DedupIndex:
    """An index of documents seen so far, in a store (memory, SQLite file or Redis).

    ``add(records)`` indexes a batch and returns nothing; ``result()`` says, for every record
    added since the index was opened, whether it is kept or which document it duplicates.
    ``query(text)`` answers "have I seen this before?" without adding anything. With
    ``hold_records=False`` the index keeps only each record's id, not its text and fields, for
    corpora larger than memory: the caller reads the kept records again by ``kept_ids``.
    A record whose id this run has used, or that the index holds with another text, raises
    :class:`InputError`; with ``on_reject``, that is called with the record and why instead,
    and the record is left out.

    Once the result is written out, call ``mark_written(result)``: until then the index treats
    this run's kept documents as never delivered, and a later run given them keeps them again
    rather than reporting them ``already_indexed`` (:func:`dedup_records` does this after its
    ``deliver``). An index is used by one thread at a time.
    """

    def __init__(self, config: DedupConfig | None = None, *, path: str | None = None,
                 redis_url: str | None = None, store=None, hold_records: bool = True,
                 on_reject: Callable[[Record, str], None] | None = None) -> None:
        self.config = config or DedupConfig()
        self._params = self.config.index_params()
        self.store = store if store is not None else open_store(self._params, path=path, redis_url=redis_url)
        self._policy = KeepPolicy.parse(self.config.keep)
        self._groups = UnionFind()  # linked groups (see textclean.clusters)
        self._info: dict[str, StoredDoc] = {}
        self._kept_before: dict[str, str] = {}  # other runs' documents this run reassigned, and their kept id before
        self._order: list[str] = []  # this run's newly indexed records, in input order
        self._records: dict[str, Record] | None = {} if hold_records else None
        self._run_ids: set[str] = set()
        self._seen: list[str] = []  # this run's records already indexed by an earlier run
        #: Verified pairs found in this run (document, indexed document it duplicates).
        self.links: list[tuple[str, str]] = []
        self._candidates = 0  # candidate pairs verified
        self._on_reject = on_reject

    def __enter__(self) -> DedupIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def _pull_group(self, doc_id: str) -> set[str]:
        """Read an indexed document's whole linked group from the store into this run's groups
        (as stored now: another writer may have grown it since it was last read); its members.

        A member linked to a document outside its stored group brings that document's group too:
        a Redis worker killed mid-batch leaves documents with their links but not their group."""
        pulled: set[str] = set()
        todo = [doc_id]
        self._groups.add(doc_id)
        while todo:
            start = todo.pop()
            if start in pulled:
                continue
            members = self.store.members(self.store.docs([start])[start].group) | {start}
            for member, info in self.store.docs(members).items():
                self._info[member] = info
                self._groups.add(member)
                self._groups.union(member, doc_id)
                todo += [other for other, _ in info.links if other not in members]
            pulled |= members
        return pulled

    def add(self, records: Sequence[Record], prints: Fingerprints | None = None) -> None:
        """Index ``records`` (one transaction) and update the clusters they touch.

        ``prints``: their :func:`fingerprints`, when computed elsewhere (in worker processes)."""
        exacts, sets, sigs = prints or fingerprints(texts_of(records), self.config)
        touched: set[str] = set()
        fresh: set[str] = set()  # documents this batch added or read from the store
        with self.store.transaction():
            for record, exact, own, sig in zip(records, exacts, sets, sigs):
                try:
                    stored = self._claim(record, exact)
                except InputError as exc:
                    if self._on_reject is None:
                        raise
                    self._on_reject(record, str(exc).removeprefix(f"{record.where}: "))
                    continue
                if stored is not None:
                    mine = _unwritten(stored)
                    if mine:  # its run stopped before writing it, or it is a kept copy again
                        self._take(record)
                    else:
                        self._seen.append(record.id)
                    if (stored.links or mine or stored.kept != stored.id) and record.id not in fresh:
                        # Settled again (a Redis worker killed mid-batch leaves its documents
                        # unassigned), and its kept copy read, as the result names it.
                        fresh |= self._pull_group(record.id)
                        touched.add(record.id)
                    continue
                rep = self.store.exact_match(exact)
                info = StoredDoc(record.id, len(record.text), int(own.size), exact,
                                 self._policy.value_of(record.fields), record.id, record.id)
                if rep is not None:  # an exact copy: linked to the first copy, not put in LSH
                    info = replace(info, links=((rep, SIMILAR),))
                    self.store.add(info, own, None)
                else:  # stored with its links to the candidates it duplicates
                    info = self.store.add_linked(info, own, sig, lambda found: tuple(self._verified(own, found)))
                self._take(record)
                self._groups.add(record.id)
                fresh.add(record.id)
                for other, _ in info.links:
                    self.links.append((record.id, other))
                    if other not in fresh:
                        fresh |= self._pull_group(other)
                    self._groups.union(record.id, other)
                self._info[record.id] = info
                touched.add(record.id)
            changed = self._settle({self._groups.find(t) for t in touched})
            self.store.update([self._info[d] for d in sorted(changed)])

    def _verified(self, own: np.ndarray, candidates: set[str]) -> list[tuple[str, str]]:
        """The candidates ``own`` duplicates, with the kind of link, in id order."""
        if not candidates:
            return []
        self._candidates += len(candidates)
        found = sorted(self.store.shingles(candidates).items())
        shared = overlaps(own, [other for _, other in found])
        # Both rules need this share of the smaller set in common (Jaccard ≤ shared/smaller), less
        # a rounding margin: most candidates stop here, and _kind decides the rest exactly.
        sizes = np.fromiter((other.size for _, other in found), dtype=np.int64, count=len(found))
        floor = min(self.config.threshold, self.config.containment_threshold or 1.0) - 1e-9
        maybe = np.flatnonzero(shared >= floor * np.minimum(sizes, own.size)).tolist()
        links = ((found[i][0], _kind(int(shared[i]), own.size, int(sizes[i]), self.config)) for i in maybe)
        return [(c, kind) for c, kind in links if kind]

    def _take(self, record: Record) -> None:
        """Make ``record`` one of this run's: its result is in this run's output."""
        self._order.append(record.id)
        if self._records is not None:
            self._records[record.id] = record

    def _claim(self, record: Record, exact: str) -> StoredDoc | None:
        """Make ``record``'s id one of this run's: None for a new document, or as stored when an
        earlier run indexed it (nothing to add: the text is the same)."""
        if record.id in self._run_ids:
            raise InputError(f"{record.where}: document id {record.id!r} appears twice; "
                             "ids must be unique (choose the id field with --id-key)")
        stored = None
        if record.id in self._info or record.id in self.store:
            stored = self._info.get(record.id) or self.store.docs([record.id])[record.id]
            if stored.exact != exact:
                raise InputError(f"{record.where}: document id {record.id!r} is already in the index with another "
                                 "text; ids must be unique across runs (choose the id field with --id-key)")
            self._info.setdefault(record.id, stored)
        self._run_ids.add(record.id)
        return stored

    def _settle(self, roots: Iterable[str]) -> set[str]:
        """Recompute the clusters of the linked groups at ``roots``; the ids whose kept copy or group changed."""
        changed = set()
        for root in roots:
            members = self._groups.members[root]
            if len(members) == 1:  # a document alone keeps itself, as it was stored
                continue
            docs = {m: self._info[m] for m in members}
            kept = kept_per_document(docs, [(m, *link) for m in members for link in docs[m].links],
                                     self._policy)
            group = min(members)
            for m, doc in docs.items():
                if (doc.kept, doc.group) != (kept[m], group):
                    self._info[m] = replace(doc, kept=kept[m], group=group)
                    changed.add(m)
                    if m not in self._run_ids and doc.kept != kept[m]:
                        self._kept_before.setdefault(m, doc.kept)
        return changed

    def _duplicate(self, doc_id: str, kept: str, sets: dict[str, np.ndarray]) -> Duplicate:
        same_text = self._info[doc_id].exact == self._info[kept].exact
        return Duplicate(doc_id, kept, *described(sets[doc_id], sets[kept], same_text, self.config))

    def result(self) -> DedupResult:
        """Kept records and duplicates of everything added through this object."""
        removed = [d for d in self._order if self._info[d].kept != d]
        # Other runs' documents whose kept copy this run changed, or whose written result is out
        # of date (a run that stopped before writing its output changed it).
        moved = sorted({d for d, before in self._kept_before.items() if self._info[d].kept != before}
                       | {d for d, doc in self._info.items() if d not in self._run_ids and doc.written not in ("", doc.kept)})
        superseded = [d for d in moved if self._info[d].kept != d]
        reinstated = [d for d in moved if self._info[d].kept == d]
        seen = set(self._seen)
        ids = removed + [d for d in superseded if d not in seen]
        sets = self.store.shingles(set(ids) | seen | {self._info[d].kept for d in [*ids, *seen]})
        duplicates = [self._duplicate(d, self._info[d].kept, sets) for d in ids if self._info[d].kept != d]
        for doc_id in seen:
            found = self._duplicate(doc_id, self._info[doc_id].kept, sets)
            duplicates.append(Duplicate(doc_id, found.duplicate_of, found.similarity, found.containment,
                                        "already_indexed"))
        duplicates.sort(key=lambda d: d.id)
        kept_ids = [d for d in self._order if self._info[d].kept == d]
        kept = [self._records[d] for d in kept_ids] if self._records is not None else []
        return DedupResult(kept=kept, kept_ids=kept_ids, duplicates=duplicates, superseded=superseded,
                           candidates=self._candidates, reinstated=reinstated)

    def mark_written(self, result: DedupResult) -> None:
        """Record that ``result`` (this run's :meth:`result`) is written, its output and clusters:
        a later run given these records again removes them as ``already_indexed``."""
        written = {d: self._info[d].kept for d in [*self._order, *result.superseded]}
        with self.store.transaction():
            self.store.mark_written(written)

    def query(self, text: str) -> list[Duplicate]:
        """Indexed documents that ``text`` duplicates (verified), most similar first; adds nothing.
        A document that lies inside ``text`` is not listed: ``text`` is not its copy (added, it
        would be the one kept)."""
        (exact,), (own,), sigs = fingerprints([text], self.config)
        rep = self.store.exact_match(exact)
        found = {rep} if rep is not None else set()
        found |= {c for c, kind in self._verified(own, self.store.candidates(sigs[0])) if kind != HOLDS}
        sets = self.store.shingles(found)
        out = [Duplicate("", doc_id, *described(own, sets[doc_id], doc_id == rep, self.config)) for doc_id in found]
        return sorted(out, key=lambda d: (-d.similarity, -d.containment, d.duplicate_of))


def texts_of(records: Sequence[Record]) -> list[str]:
    """The texts of ``records``; anything but a :class:`Record` among them is a clear TypeError."""
    try:
        return [r.text for r in records]
    except AttributeError:
        bad = next(r for r in records if not isinstance(r, Record))
        raise TypeError(f"records are textclean.io.Record objects (from read_records, or Record(id=..., text=..., "
                        f"source=...)), got {type(bad).__name__} {bad!r:.60}") from None


def dedup_records(records: Iterable[Record], *, config: DedupConfig | None = None, path: str | None = None,
                  redis_url: str | None = None, batch_size: int = 2000,
                  progress: Callable[[int], None] | None = None, hold_records: bool = True,
                  jobs: int = 1, deliver: Callable[[DedupResult], None] | None = None,
                  on_reject: Callable[[Record, str], None] | None = None) -> DedupResult:
    """Deduplicate ``records`` (against the index at ``path`` or ``redis_url`` if given).

    ``progress`` is called with the number of records done after each batch. With
    ``hold_records=False`` only ids are kept in memory (see :class:`DedupIndex`). With ``jobs``
    > 1, worker processes compute the batches' fingerprints (the same numbers) while this
    process indexes them in order. ``deliver`` (say, writing the kept records to a file) is
    called with the result before the index records it as written: if it raises, or the process
    dies first, a later run given the same records keeps them again instead of removing them as
    ``already_indexed``. ``on_reject``: see :class:`DedupIndex`.
    """
    config = config or DedupConfig()
    check_count("batch_size", batch_size)
    check_count("jobs", jobs)
    batches = parallel.batched(records, batch_size)
    if jobs > 1:
        batched = parallel.ordered(((b, (texts_of(b), config)) for b in batches), _fingerprints_of, jobs=jobs)
    else:
        batched = ((b, None) for b in batches)
    with DedupIndex(config, path=path, redis_url=redis_url, hold_records=hold_records, on_reject=on_reject) as index:
        for batch, prints in batched:
            index.add(batch, prints)
            if progress:
                progress(len(batch))
        result = index.result()
        if deliver is not None:
            deliver(result)
        index.mark_written(result)
        return result
