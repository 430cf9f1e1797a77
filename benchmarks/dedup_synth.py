"""A deterministic synthetic corpus for dedup benchmarks: Zipf-distributed words, planted copies.

Every 10th document is a copy of an earlier one: exact (case changed), edited (a few words
replaced), a teaser (a prefix of 40–95 %), or with a new footer, so the index does real work.
"""
from __future__ import annotations

import numpy as np

from textclean.io import Record


def make_vocab(rng: np.random.Generator, size: int = 50_000) -> np.ndarray:
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    lengths = rng.integers(2, 11, size)
    return np.array(["".join(rng.choice(letters, n)) for n in lengths], dtype=object)


def make_corpus(n_docs: int, *, seed: int = 20240601, mean_words: int = 220) -> list[Record]:
    rng = np.random.default_rng(seed)
    vocab = make_vocab(rng)
    # Zipf-like word frequencies, as in natural text.
    weights = 1.0 / np.arange(1, vocab.size + 1) ** 1.05
    weights /= weights.sum()
    lengths = np.clip(rng.normal(mean_words, mean_words / 3, n_docs).astype(int), 20, None)
    words = rng.choice(vocab.size, size=int(lengths.sum()), p=weights)
    starts = np.concatenate(([0], np.cumsum(lengths)))
    texts: list[str] = []
    for i in range(n_docs):
        if i % 10 == 9 and i > 10:
            source = texts[int(rng.integers(0, i))].split(" ")
            kind = i // 10 % 4
            if kind == 0:
                texts.append(" ".join(source).upper())
                continue
            if kind == 1:
                for _ in range(max(1, len(source) // 40)):
                    source[int(rng.integers(0, len(source)))] = vocab[int(rng.integers(0, vocab.size))]
            elif kind == 2:
                source = source[: max(5, int(len(source) * rng.uniform(0.4, 0.95)))]
            else:
                source = source + list(vocab[rng.integers(0, vocab.size, 15)])
            texts.append(" ".join(source))
        else:
            texts.append(" ".join(vocab[words[starts[i] : starts[i + 1]]]) + ".")
    return [Record(id=f"doc{i:06d}", text=t, source="synthetic", fields={"id": i, "text": t}) for i, t in enumerate(texts)]


def corpus_bytes(records: list[Record]) -> int:
    return sum(len(r.text.encode()) for r in records)
