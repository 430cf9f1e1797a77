"""Seeded corpora for the Spark tests: planted near-duplicate groups and long chains."""
from __future__ import annotations

import random
import sys
from pathlib import Path

from textclean.io import Record

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dedup"))
from dedup_corpus import make_corpus  # noqa: E402


def chains(seed: int, *, n_chains: int = 3, length: int = 30, window: int = 100, step: int = 5) -> list[Record]:
    """Sliding windows over long random texts: each document is a near duplicate of the next
    (Jaccard ≈ 0.9), while a chain's ends share nothing, so only transitive grouping joins
    them. Ids are shuffled so the smallest id sits anywhere along the chain."""
    rng = random.Random(seed)
    records = []
    for c in range(n_chains):
        words = [f"c{c}w{rng.randrange(10**6)}" for _ in range(window + step * length)]
        names = [f"k{rng.randrange(10**6):06d}" for _ in range(length)]
        for i, name in enumerate(names):
            records.append(Record(id=f"{name}-{c}-{i}", text=" ".join(words[i * step : i * step + window]),
                                  source="gen", fields={"date": rng.randint(1, 9)}))
    return records


def corpus(seed: int = 7) -> list[Record]:
    """Planted copies (edits, teasers, footers, exact), chains, and a few empty documents."""
    records = [r for s in range(3) for r in make_corpus(seed + s, n_base=30, prefix=f"s{s}-")]
    records += chains(seed)
    records += [Record(id=f"empty{i}", text=" \n ", source="gen", fields={}) for i in range(3)]
    random.Random(seed).shuffle(records)
    return records


def as_rows(records: list[Record]) -> list[tuple]:
    return [(r.id, r.text, r.fields.get("date")) for r in records]


SCHEMA = "id string, text string, date long"
