"""Cleaning speed, as a ratio to a C4-style line filter run in the same session.

    pytest benchmarks/test_bench_clean.py --benchmark-enable

The baseline is the kind of filter corpora use today (keep lines that end in terminal
punctuation and have at least three words, drop lines with "javascript" or "cookie"): a
floor for per-line work, so the ratio says what textclean's detectors cost on top.
"""
from __future__ import annotations

import pytest

import textclean

from corpus import article_corpus, seed_text

CORPUS = article_corpus(1000)
CORPUS_MB = sum(len(t.encode("utf-8")) for t in CORPUS) / 1e6
_TERMINAL = (".", "!", "?", '"', "”", "'")


def c4_line_filter(text: str) -> str:
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        lowered = stripped.lower()
        if stripped.endswith(_TERMINAL) and len(stripped.split()) >= 3 and "javascript" not in lowered and "cookie" not in lowered:
            kept.append(stripped)
    return "\n".join(kept)


@pytest.fixture(scope="module")
def cleaner():
    return textclean.Cleaner()


def test_seed(benchmark, cleaner):
    result = benchmark(cleaner.clean, seed_text())
    assert len(result.removed) == 8


@pytest.mark.benchmark(group="corpus")
def test_corpus_baseline_c4_filter(benchmark):
    benchmark.extra_info["megabytes"] = CORPUS_MB
    benchmark.pedantic(lambda: [c4_line_filter(t) for t in CORPUS], rounds=5, iterations=1)


@pytest.mark.benchmark(group="corpus")
def test_corpus_textclean(benchmark, cleaner):
    benchmark.extra_info["megabytes"] = CORPUS_MB
    benchmark.extra_info["documents"] = len(CORPUS)
    results = benchmark.pedantic(lambda: [cleaner.clean(t) for t in CORPUS], rounds=5, iterations=1)
    assert len(results) == len(CORPUS)
