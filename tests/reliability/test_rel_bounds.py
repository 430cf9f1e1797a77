"""Pathological documents finish and stay within memory bounds.

These are bounds, not speed tests (speed lives in benchmarks/): a hang guard of a minute
catches quadratic blow-ups, which take hours at these sizes.
"""
from __future__ import annotations

import signal
import tracemalloc
from contextlib import contextmanager

import pytest

import textclean
from textclean.detectors.repeats import MAX_FUZZY_CHARS


@contextmanager
def hang_guard(seconds: int = 60):
    def fail(*_):
        raise TimeoutError(f"took over {seconds} s: a quadratic path?")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("text", [
    pytest.param("The same line of text repeated again and again here.\n" * 10_000, id="10k identical lines"),
    pytest.param("First line of the alternating pair.\nSecond line of the alternating pair.\n" * 5_000, id="ABAB"),
    pytest.param("x" * 1_000_000, id="1 MB word"),
    pytest.param("".join(f"Line number {i} of a long list of similar sentences here.\n" for i in range(10_000)), id="10k near lines"),
])
def test_pathological_documents_finish(text):
    with hang_guard():
        result = textclean.clean(text)
    assert textclean.apply_removals(text, result.removed) == result.text


def test_memory_is_linear_in_the_document():
    text = "A paragraph of ordinary prose that goes on for a while, with commas, and ends.\n" * 60_000  # 4.9 MB
    tracemalloc.start()
    with hang_guard():
        textclean.clean(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * len(text)  # measured about 13 bytes per character


def test_huge_blocks_are_compared_exactly_and_say_so():
    block = "word " * (MAX_FUZZY_CHARS // 4)
    result = textclean.clean(f"{block}\n{block.strip()}!\n{block.strip()} extra")
    (finding,) = [f for f in result.findings if f.reason.value == "duplicate"]
    assert finding.block == 1
    assert "compared exactly" in finding.evidence


def test_a_huge_line_of_punctuation_raises_no_numeric_warning():
    # Its page-model logit passed exp's range: numpy printed "overflow encountered in exp".
    import warnings

    text = "Menu\nHome\n" + "." * 2_000_000 + "\nThe council met on Tuesday and voted to keep the library open.\n" * 3
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = textclean.Cleaner(preset="page").clean(text)
    assert "." * 2_000_000 not in result.text
