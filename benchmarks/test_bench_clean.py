"""Cleaning speed, as a ratio to a C4-style line filter (baselines.py) run in the same session.

    pytest benchmarks/test_bench_clean.py --benchmark-enable --benchmark-timer=time.process_time
"""
from __future__ import annotations

import pytest

import textclean

from baselines import c4_line_filter
from corpus import article_corpus, seed_text

CORPUS = article_corpus(1000)
CORPUS_MB = sum(len(t.encode("utf-8")) for t in CORPUS) / 1e6


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
    # Each result is let go once its text is taken, as the CLI does after writing it: holding
    # every CleanResult would add the garbage collector's full passes over them (10–20%).
    results = benchmark.pedantic(lambda: [cleaner.clean(t).text for t in CORPUS], rounds=5, iterations=1)
    assert len(results) == len(CORPUS)
