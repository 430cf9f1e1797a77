"""``parallel.ordered``: answers in input order, a bounded read-ahead, worker errors raised at their task."""
from __future__ import annotations

import os
import signal
import time

import pytest

from textclean import parallel
from textclean.errors import WorkerError


def _slow_square(payload: int) -> int:
    time.sleep(0.02 if payload % 3 == 0 else 0.0)  # later tasks often finish first
    return payload * payload


def _fail_on_seven(payload: int) -> int:
    if payload == 7:
        raise ValueError("payload 7 is bad")
    return payload


def test_answers_come_back_in_input_order_with_their_keys():
    tasks = ((f"key{i}", i) for i in range(40))
    assert list(parallel.ordered(tasks, _slow_square, jobs=2)) == [(f"key{i}", i * i) for i in range(40)]


def test_only_a_few_tasks_are_read_ahead():
    read = []

    def tasks():
        for i in range(1000):
            read.append(i)
            yield i, i

    answers = parallel.ordered(tasks(), _slow_square, jobs=2)
    next(answers)
    assert len(read) <= 2 * 2 + 1  # four in flight, plus the one that replaced the first answered
    answers.close()


def test_a_worker_error_is_raised_at_its_task():
    seen = []
    with pytest.raises(ValueError, match="payload 7 is bad"):
        for key, _answer in parallel.ordered(((i, i) for i in range(20)), _fail_on_seven, jobs=2):
            seen.append(key)
    assert seen == list(range(7))


def _die_on_seven(payload: int) -> int:
    if payload == 7:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer does
    return payload


def test_a_worker_that_dies_is_an_error_not_a_hang():
    # multiprocessing.Pool replaced the dead worker and waited for its task forever.
    seen = []
    with pytest.raises(WorkerError, match="a worker process stopped abruptly .killed, or out of memory"):
        for key, _answer in parallel.ordered(((i, i) for i in range(20)), _die_on_seven, jobs=2):
            seen.append(key)
    assert seen == list(range(len(seen))) and len(seen) <= 7


def test_batched_reads_lazily_in_lists_of_the_size():
    assert list(parallel.batched(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(parallel.batched([], 3)) == []
