"""A SQLite dedup index survives SIGKILL at any point, and two writers serialize safely."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from textclean.cli import main


def corpus(path, seed: int, n: int = 400) -> list[dict]:
    """Documents in groups of near copies (shared long openings), written as JSONL."""
    rng = random.Random(seed)
    vocab = [f"w{rng.randrange(10**6)}" for _ in range(2000)]
    records = []
    for group in range(n // 4):
        base = [rng.choice(vocab) for _ in range(120)]
        for copy in range(4):
            words = base + [rng.choice(vocab) for _ in range(copy * 3)]
            records.append({"id": f"d{group}-{copy}", "text": " ".join(words)})
    rng.shuffle(records)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return records


def stored(index) -> dict[str, str]:
    with sqlite3.connect(index) as db:
        return dict(db.execute("SELECT id, kept FROM docs"))


def dedup(*args):
    return subprocess.run([sys.executable, "-m", "textclean", "dedup", "--id-key", "id", *map(str, args)],
                          capture_output=True, text=True)


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_sigkill_at_a_random_point_leaves_an_index_that_resumes_to_the_same_answer(tmp_path, seed):
    source = tmp_path / "in.jsonl"
    records = corpus(source, seed, n=2000)
    index = tmp_path / "seen.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "textclean", "dedup", str(source), "--id-key", "id",
                             "--index", str(index), "-o", str(tmp_path / "out.jsonl")], stderr=subprocess.PIPE)
    while not index.exists() and proc.poll() is None:  # it has begun writing
        time.sleep(0.01)
    time.sleep(random.Random(seed).uniform(0.0, 0.5))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if index.exists():
        partial = stored(index)  # opens, and holds whole documents only
        assert all(partial[kept] == kept for kept in partial.values())
    # A rerun over the whole input completes the index; the answer equals a clean run's, and so do
    # its outputs: the killed run's documents were never written, so the rerun writes them.
    assert dedup(source, "--index", index, "-o", tmp_path / "rerun.jsonl", "--clusters", tmp_path / "rerun.clusters").returncode == 0
    clean_index = tmp_path / "clean.sqlite"
    assert dedup(source, "--index", clean_index, "-o", tmp_path / "clean.jsonl", "--clusters", tmp_path / "clean.clusters").returncode == 0
    assert stored(index) == stored(clean_index)
    assert len(stored(index)) == len(records)
    assert (tmp_path / "rerun.jsonl").read_text() == (tmp_path / "clean.jsonl").read_text()
    assert (tmp_path / "rerun.clusters").read_text() == (tmp_path / "clean.clusters").read_text()
    # Once written, the same input again is all already_indexed.
    assert dedup(source, "--index", index, "-o", tmp_path / "third.jsonl").returncode == 0
    assert (tmp_path / "third.jsonl").read_text() == ""


def test_a_run_that_fails_before_writing_its_output_loses_nothing(tmp_path):
    # The index commits batch by batch and the output is written at the end. An output that
    # could not be written (a full disk) left every kept record indexed and never written: a
    # rerun removed them all as already_indexed.
    from textclean.dedup import dedup_records
    from textclean.io import read_records

    source = tmp_path / "in.jsonl"
    corpus(source, 5, n=200)
    index = tmp_path / "seen.sqlite"

    def disk_full(result):
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        dedup_records(read_records([str(source)], jsonl=True, id_key="id"), path=str(index), deliver=disk_full)
    assert dedup(source, "--index", index, "-o", tmp_path / "rerun.jsonl").returncode == 0
    assert dedup(source, "-o", tmp_path / "clean.jsonl").returncode == 0
    assert (tmp_path / "rerun.jsonl").read_text() == (tmp_path / "clean.jsonl").read_text() != ""


def test_two_processes_writing_one_index_serialize(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    records = corpus(first, 21, n=400)
    lines = first.read_text(encoding="utf-8").splitlines()
    first.write_text("\n".join(lines[:200]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[200:]) + "\n", encoding="utf-8")
    index = tmp_path / "shared.sqlite"
    procs = [subprocess.Popen([sys.executable, "-m", "textclean", "dedup", str(part), "--id-key", "id",
                               "--index", str(index), "-o", str(tmp_path / f"out{n}.jsonl")],
                              stderr=subprocess.PIPE, text=True) for n, part in enumerate((first, second))]
    errors = [proc.communicate()[1] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], errors
    together = tmp_path / "together.jsonl"
    together.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one_run = tmp_path / "one.sqlite"
    assert dedup(together, "--index", one_run, "-o", tmp_path / "one.jsonl").returncode == 0
    assert stored(index) == stored(one_run)
    assert len(stored(index)) == len(records)


def test_a_busy_index_is_a_clear_error(tmp_path, monkeypatch):
    import textclean.store as store

    source = tmp_path / "in.jsonl"
    corpus(source, 5, n=40)
    index = tmp_path / "busy.sqlite"
    assert dedup(source, "--index", index, "-o", tmp_path / "o.jsonl").returncode == 0
    holder = sqlite3.connect(index, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    monkeypatch.setattr(store, "LOCK_WAIT_SECONDS", 0.2)
    result = CliRunner().invoke(main, ["dedup", str(source), "--id-key", "id", "--index", str(index), "-o", str(tmp_path / "p.jsonl")])
    holder.execute("ROLLBACK")
    assert result.exit_code == 1
    assert "another process has held this index for over 0.2 s" in result.output
