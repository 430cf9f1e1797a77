"""Dedup speed: textclean's signatures and pipeline against datasketch's, measured in one session.

Run: ``pytest benchmarks/test_bench_dedup.py --benchmark-enable -s`` (``-s`` shows the figures).
Ratios are CPU time (``time.process_time``, best of a few runs) of the same work on the same
documents, so they hold per core even on a busy machine. With benchmarks disabled (the default)
each test still runs once, on small inputs, and checks nothing but that it runs.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from datasketch import MinHash, MinHashLSH

from dedup_synth import corpus_bytes, make_corpus
from textclean.config import DedupConfig
from textclean.dedup import dedup_records
from textclean.minhash import MinHasher
from textclean.normalize import normalize
from textclean.shingles import normalized_for

CORPUS_DOCS = 100_000  # end-to-end corpus (about 140 MB of text)
BASELINE_DOCS = 10_000  # the datasketch pipeline is run on this prefix, and ours on the same
UPDATE_DOCS = 500  # datasketch's per-shingle update loop is slow: fewer documents
BULK_DOCS = 2_000
MEMORY_DOCS = 50_000
TARGETS = {"vs_update": 20.0, "vs_bulk": 4.0, "mb_per_s": 6.0, "vs_pipeline": 2.5}


def enabled(benchmark) -> bool:
    return not getattr(benchmark, "disabled", True)


def cpu_best(fn, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def report(benchmark, **figures) -> None:
    benchmark.extra_info.update(figures)
    print("\n" + json.dumps(figures))


@pytest.fixture(scope="module")
def corpus(request):
    n = CORPUS_DOCS if request.config.getoption("benchmark_enable", False) else 2_000
    return make_corpus(n)


def word_shingles(text: str, size: int = 5) -> list[bytes]:
    return shingles_of_normalized([normalize(text)], size)[0]


def shingles_of_normalized(norm: list[str], size: int = 5) -> list[list[bytes]]:
    out = []
    for text in norm:
        toks = text.split()
        grams = [" ".join(toks[i : i + size]).encode() for i in range(len(toks) - size + 1)]
        out.append(grams if grams or not toks else [" ".join(toks).encode()])
    return out


def test_signatures_vs_datasketch_update_loop(benchmark, corpus):
    """Normalized texts to signatures; datasketch gets its shingle bytes prebuilt (not timed)."""
    docs = corpus[:UPDATE_DOCS]
    norm = [normalized_for(r.text, DedupConfig().shingling) for r in docs]
    shingles = shingles_of_normalized(norm)
    hasher = MinHasher(num_perm=128, seed=1)

    def datasketch_update_loop():
        for doc in shingles:
            m = MinHash(num_perm=128, seed=1, scheme="affine32")
            for s in doc:
                m.update(s)

    benchmark(hasher.signatures, norm, normalized=True)
    ours = cpu_best(lambda: hasher.signatures(norm, normalized=True))
    theirs = cpu_best(datasketch_update_loop, repeats=1)
    report(benchmark, docs=len(docs), ours_s=round(ours, 4), datasketch_update_s=round(theirs, 4),
           ratio=round(theirs / ours, 1))
    if enabled(benchmark):
        assert theirs / ours >= TARGETS["vs_update"]


def test_signatures_vs_datasketch_bulk(benchmark, corpus):
    """Two ratios: from the same normalized texts (datasketch must cut its shingles too), and
    against ``MinHash.bulk`` alone with its shingle bytes prebuilt (the strictest reading)."""
    docs = corpus[:BULK_DOCS]
    norm = [normalized_for(r.text, DedupConfig().shingling) for r in docs]
    shingles = shingles_of_normalized(norm)
    hasher = MinHasher(num_perm=128, seed=1)
    benchmark(hasher.signatures, norm, normalized=True)
    ours = cpu_best(lambda: hasher.signatures(norm, normalized=True))
    bulk_only = cpu_best(lambda: MinHash.bulk(shingles, num_perm=128, seed=1, scheme="affine32"))
    from_text = cpu_best(lambda: MinHash.bulk(shingles_of_normalized(norm), num_perm=128, seed=1, scheme="affine32"))
    report(benchmark, docs=len(docs), ours_s=round(ours, 4), datasketch_bulk_s=round(bulk_only, 4),
           datasketch_shingle_and_bulk_s=round(from_text, 4), ratio_from_text=round(from_text / ours, 1),
           ratio_bulk_only=round(bulk_only / ours, 1))
    if enabled(benchmark):
        assert from_text / ours >= TARGETS["vs_bulk"]


def datasketch_pipeline(records, config: DedupConfig):
    """The same dedup, written with datasketch's MinHash.bulk and MinHashLSH and Python sets."""
    lsh = MinHashLSH(num_perm=config.num_perm, params=config.bands_rows)
    sets = {r.id: set(word_shingles(r.text)) for r in records}
    minhashes = MinHash.bulk([list(sets[r.id]) for r in records], num_perm=config.num_perm, seed=config.seed,
                             scheme="affine32")
    parent = {r.id: r.id for r in records}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    exact: dict[str, str] = {}
    for record, m in zip(records, minhashes):
        key = normalize(record.text)
        if key in exact:
            parent[find(record.id)] = find(exact[key])
            continue
        exact[key] = record.id
        own = sets[record.id]
        for other in lsh.query(m):
            theirs = sets[other]
            inter = len(own & theirs)
            small = min(len(own), len(theirs))
            if inter / (len(own) + len(theirs) - inter) >= config.threshold or (
                small >= config.min_contained_shingles and inter / small >= config.containment_threshold
            ):
                parent[find(record.id)] = find(other)
        lsh.insert(record.id, m)
    clusters: dict[str, list] = {}
    for r in records:
        clusters.setdefault(find(r.id), []).append(r)
    return [max(c, key=lambda r: (len(r.text), [-ord(ch) for ch in r.id])).id for c in clusters.values()]


def test_end_to_end_vs_datasketch_pipeline(benchmark, corpus):
    docs = corpus[:BASELINE_DOCS]
    config = DedupConfig()
    benchmark.pedantic(dedup_records, args=(docs,), rounds=1, iterations=1)
    ours = cpu_best(lambda: dedup_records(docs, config=config), repeats=2)
    theirs = cpu_best(lambda: datasketch_pipeline(docs, config), repeats=1)
    # The two pipelines agree on what is kept (up to MinHash's randomness, which is shared).
    kept = {r.id for r in dedup_records(docs, config=config).kept}
    assert len(kept ^ set(datasketch_pipeline(docs, config))) <= len(docs) // 1000 + 1
    mb = corpus_bytes(docs) / 1e6
    report(benchmark, docs=len(docs), mb=round(mb, 1), ours_s=round(ours, 2), datasketch_pipeline_s=round(theirs, 2),
           ours_mb_per_s=round(mb / ours, 2), datasketch_mb_per_s=round(mb / theirs, 2), ratio=round(theirs / ours, 2))
    if enabled(benchmark):
        assert theirs / ours >= TARGETS["vs_pipeline"]


def test_end_to_end_corpus(benchmark, corpus):
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    result = benchmark.pedantic(dedup_records, args=(corpus,), rounds=1, iterations=1)
    cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start_wall
    mb = corpus_bytes(corpus) / 1e6
    report(benchmark, docs=len(corpus), mb=round(mb, 1), cpu_s=round(cpu, 2), wall_s=round(wall, 2),
           mb_per_s_per_core=round(mb / cpu, 2), mb_per_s_wall=round(mb / wall, 2),
           kept=len(result.kept), removed=len(result.duplicates))
    assert len(result.kept) + len(result.duplicates) == len(corpus)
    if enabled(benchmark):
        assert mb / cpu >= TARGETS["mb_per_s"]


def test_end_to_end_into_sqlite_index(benchmark, corpus, tmp_path):
    docs = corpus[:BASELINE_DOCS]
    path = str(tmp_path / "seen.sqlite")
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    benchmark.pedantic(dedup_records, args=(docs,), kwargs={"path": path}, rounds=1, iterations=1)
    cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start_wall
    mb = corpus_bytes(docs) / 1e6
    report(benchmark, docs=len(docs), mb=round(mb, 1), mb_per_s_per_core=round(mb / cpu, 2),
           mb_per_s_wall=round(mb / wall, 2), index_bytes_per_doc=round(Path(path).stat().st_size / len(docs)))


MEMORY_SCRIPT = """
import json, sys
sys.path.insert(0, {here!r})
from dedup_synth import make_corpus
from textclean.dedup import DedupIndex

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096

records = make_corpus({n})
before = rss()
index = DedupIndex()
for start in range(0, len(records), 2000):
    index.add(records[start:start + 2000])
after = rss()
print(json.dumps({{"docs": len(records), "bytes_per_doc": round((after - before) / len(records))}}))
"""


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs /proc to read the process's memory")
def test_memory_per_indexed_document(benchmark, request):
    n = MEMORY_DOCS if request.config.getoption("benchmark_enable", False) else 2_000
    script = MEMORY_SCRIPT.format(here=str(Path(__file__).parent), n=n)
    out = benchmark.pedantic(lambda: subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                                    check=True, env=os.environ), rounds=1, iterations=1)
    figures = json.loads(out.stdout)
    report(benchmark, **figures)
    assert figures["bytes_per_doc"] > 0
