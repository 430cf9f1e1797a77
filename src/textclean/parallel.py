"""Work spread over processes, answered in input order, reading only a little ahead.

The command line cleans a corpus record by record; with ``--jobs N`` it sends batches of
records to N worker processes. :func:`ordered` keeps what must stay in the parent (the
records, with all their fields) beside each batch's payload (only what the workers need),
and yields each batch's answers in input order, so the output is the same byte for byte
whatever N is. At most ``2 * jobs`` batches are in flight, so memory stays bounded.
"""
from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

from .errors import WorkerError

Item = TypeVar("Item")
Key = TypeVar("Key")
Answer = TypeVar("Answer")


def ordered(
    tasks: Iterable[tuple[Key, Any]],
    work: Callable[[Any], Answer],
    *,
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
) -> Iterator[tuple[Key, Answer]]:
    """``(key, work(payload))`` for each ``(key, payload)`` of ``tasks``, in order, computed by
    ``jobs`` processes (each set up once by ``initializer(*initargs)``). ``work`` must be a
    module-level function and payloads and answers picklable; an exception in a worker is
    raised here, at its task, and a worker that dies (killed, out of memory) is a
    :class:`~textclean.errors.WorkerError` (a ``multiprocessing.Pool`` waited for it forever)."""
    tasks = iter(tasks)
    pool = ProcessPoolExecutor(jobs, multiprocessing.get_context(), _quiet_worker, (initializer, initargs))
    try:
        pending: deque[tuple[Key, Future[Answer]]] = deque()

        def submit() -> bool:
            for key, payload in tasks:
                pending.append((key, pool.submit(work, payload)))
                return True
            return False

        more = True
        while more and len(pending) < 2 * jobs:
            more = submit()
        while pending:
            key, answer = pending.popleft()
            yield key, answer.result()
            more = more and submit()
    except BrokenProcessPool as exc:  # from a result or a submit, whichever comes first
        raise WorkerError(f"a worker process stopped abruptly (killed, or out of memory?) ({exc}); "
                          "run again, with fewer --jobs or more memory") from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """``items`` in lists of ``size`` (the last may be shorter), read as they are needed."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _quiet_worker(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    """Set a worker up; it ignores Ctrl-C, which the parent handles (stopping the pool), so an
    interrupted run prints one message, not a traceback per worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)
