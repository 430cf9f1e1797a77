"""Stores: SQLite incremental runs equal one run, survive a kill, refuse other parameters; Redis."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from textclean.dedup import DedupConfig, DedupIndex, dedup_records
from textclean.errors import IndexMismatchError
from textclean.io import Record
from textclean.minhash import MinHasher
from textclean.store import MemoryStore, SQLiteStore

from as_nobody import without_root
from dedup_corpus import make_corpus

REDIS_URL = os.environ.get("TEXTCLEAN_REDIS_URL", "redis://127.0.0.1:6379/15")


def final_mapping(records, *results):
    """Each document's kept id after applying the runs' outputs in order."""
    kept_of = {r.id: r.id for r in records}
    for result in results:
        kept_of.update({d.id: d.duplicate_of for d in result.duplicates})
    return kept_of


def stored_mapping(path):
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT id, kept FROM docs"))


@pytest.mark.parametrize("keep", ["longest", "first", "latest:date"])
def test_two_halves_against_one_sqlite_index_equal_one_run(tmp_path, keep):
    records = make_corpus(21)
    config = DedupConfig(keep=keep)
    one = dedup_records(records, config=config)
    path = str(tmp_path / "seen.sqlite")
    half = len(records) // 2
    first = dedup_records(records[:half], config=config, path=path)
    second = dedup_records(records[half:], config=config, path=path, batch_size=5)
    expected = final_mapping(records, one)
    assert final_mapping(records, first, second) == expected
    assert stored_mapping(path) == expected
    # Kept output of both runs, less what the second run superseded, is the one-run output.
    kept = {r.id for r in first.kept} - set(second.superseded) | {r.id for r in second.kept}
    assert kept == {r.id for r in one.kept}


def test_sqlite_memory_and_datasketch_agree_on_candidates(tmp_path):
    records = make_corpus(4)
    config = DedupConfig()
    hasher = MinHasher(num_perm=config.num_perm, seed=config.seed, shingling=config.shingling)
    memory = MemoryStore(config.index_params())
    with DedupIndex(config, store=memory) as index:
        index.add(records)
    with DedupIndex(config, path=str(tmp_path / "i.sqlite")) as index:
        index.add(records)
        sqlite_store = index.store
        for row in hasher.signatures([r.text for r in records[:20]]):
            from_lsh = set(memory._lsh.query(hasher.lean(row)))  # datasketch's own query
            assert memory.candidates(row) == from_lsh
            assert sqlite_store.candidates(row) == from_lsh


def test_sqlite_header_mismatch_is_refused(tmp_path):
    path = str(tmp_path / "seen.sqlite")
    dedup_records(make_corpus(1, n_base=3), path=path)
    with pytest.raises(IndexMismatchError, match=r"threshold: index has 0.8, this run uses 0.7.*new index file"):
        dedup_records([], config=DedupConfig(threshold=0.7), path=path)
    with sqlite3.connect(path) as db:
        header = json.loads(db.execute("SELECT value FROM header WHERE key='params'").fetchone()[0])
    assert header | {"bands": 0} == {
        "num_perm": 128, "seed": 1, "scheme": "affine32", "shingles": "word5", "shingle_version": 2,
        "bands": 0, "rows": 3, "threshold": 0.8, "containment_threshold": 0.9, "keep": "longest",
        "format_version": 2, "min_contained_shingles": 10,
    }
    with pytest.raises(IndexMismatchError, match=r"min_contained_shingles: index has 10, this run uses 1"):
        dedup_records([], config=DedupConfig(min_contained_shingles=1), path=path)
    del header["min_contained_shingles"]  # an index written before it was recorded: 10 then
    with sqlite3.connect(path) as db:
        db.execute("UPDATE header SET value = ? WHERE key = 'params'", (json.dumps(header),))
    dedup_records([], path=path)
    with sqlite3.connect(path) as db:  # normalized before format characters were dropped
        db.execute("UPDATE header SET value = ? WHERE key = 'params'", (json.dumps(header | {"shingle_version": 1}),))
    with pytest.raises(IndexMismatchError, match=r"shingle_version: index has 1, this run uses 2.*new index file"):
        dedup_records([], path=path)


def test_an_index_of_an_older_format_is_refused_by_name(tmp_path):
    path = tmp_path / "old.sqlite"
    params = json.loads(DedupConfig().index_params().to_json()) | {"format_version": 1}
    with sqlite3.connect(path) as db:  # format 1: no grp or links columns
        db.execute("CREATE TABLE header (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO header VALUES ('params', ?)", (json.dumps(params),))
        db.execute("CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kept TEXT NOT NULL)")
    with pytest.raises(IndexMismatchError, match=r"old.sqlite has index format 1.*reads format 2.*start a new index"):
        dedup_records(make_corpus(1, n_base=3), path=str(path))


def test_an_index_written_before_the_written_column_opens_with_every_document_written(tmp_path):
    path = tmp_path / "seen.sqlite"
    records = make_corpus(2, n_base=20)
    first = dedup_records(records[:40], path=str(path))
    with sqlite3.connect(path) as db:
        db.execute("ALTER TABLE docs DROP COLUMN written")
    second = dedup_records(records, path=str(path))
    assert {d.id for d in second.duplicates if d.reason == "already_indexed"} == {r.id for r in records[:40]}
    assert stored_mapping(path) == final_mapping(records, dedup_records(records))
    assert first.kept


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "app.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE users (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(IndexMismatchError, match="app.sqlite: not a textclean SQLite index .it holds the tables users."):
        dedup_records(make_corpus(1, n_base=3), path=str(path))
    assert path.read_bytes() == before and not (tmp_path / "app.sqlite-wal").exists()
    with pytest.raises(IndexMismatchError, match="cannot open or create an index there.*does its folder exist"):
        dedup_records([], path=str(tmp_path / "no" / "such" / "folder.sqlite"))


def test_an_index_that_cannot_be_written_says_so_and_a_thread_may_take_it_over(tmp_path):
    # Both said "not a textclean SQLite index" / "does its folder exist?" as an IndexMismatchError,
    # which callers may take as leave to rebuild the index.
    import shutil
    import tempfile
    import threading

    # Not under tmp_path: pytest's folders above it are closed to other users.
    folder = Path(tempfile.mkdtemp(dir=tmp_path if os.geteuid() != 0 else None))
    try:
        path = folder / "seen.sqlite"
        dedup_records(make_corpus(1, n_base=3), path=str(path))
        folder.chmod(0o755)
        path.chmod(0o444)
        said = without_root(lambda: DedupIndex(path=str(path)))
        assert said.startswith(f"OutputError: {path}: cannot write the index there") and "must be writable" in said
        folder.chmod(0o555)
        said = without_root(lambda: DedupIndex(path=str(folder / "new.sqlite")))
        assert said.startswith(f"OutputError: {folder / 'new.sqlite'}: cannot write the index there"), said
        folder.chmod(0o755)
        path.chmod(0o644)
        index = DedupIndex(path=str(path))  # opened here, used in another thread (sqlite3 refused)
        found = []
        worker = threading.Thread(target=lambda: found.append(index.query(make_corpus(1, n_base=3)[0].text)))
        worker.start()
        worker.join()
        index.close()
        assert found and found[0]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_a_file_that_is_not_an_index_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(IndexMismatchError, match="not a textclean SQLite index"):
        dedup_records([], path=str(path))


KILL_SCRIPT = """
import json, sys
sys.path.insert(0, {tests!r})
from dedup_corpus import make_corpus
from textclean.dedup import dedup_records
records = [r for s in range(6) for r in make_corpus(s, n_base=60, prefix=f"s{{s}}-")]
def progress(n):
    print("batch", flush=True)
    import time; time.sleep(0.05)
dedup_records(records, path={path!r}, batch_size=10, progress=progress)
"""


def test_killed_run_leaves_a_usable_index(tmp_path):
    path = str(tmp_path / "seen.sqlite")
    script = KILL_SCRIPT.format(tests=str(Path(__file__).parent), path=path)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    for _ in range(5):
        assert proc.stdout.readline() == "batch\n"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    records = [r for s in range(6) for r in make_corpus(s, n_base=60, prefix=f"s{s}-")]
    stored = stored_mapping(path)
    assert 50 <= len(stored) < len(records)
    assert len(stored) % 10 == 0  # whole batches only
    # Consistent: every document's kept copy is stored and keeps itself.
    assert all(stored[k] == k for k in stored.values())
    # The same input again completes the index and keeps what one clean run keeps: the killed
    # run's documents were never written, so they are this run's, not already_indexed.
    resumed = dedup_records(records, path=path)
    clean = dedup_records(records)
    assert stored_mapping(path) == final_mapping(records, clean)
    assert [r.id for r in resumed.kept] == [r.id for r in clean.kept]
    assert resumed.duplicates == clean.duplicates


def _redis_or_skip():
    redis = pytest.importorskip("redis", reason="the redis package is not installed (pip install 'textclean[redis]')")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.RedisError as exc:
        pytest.skip(f"no Redis server reachable at {REDIS_URL} ({exc}); run .ci/redis.sh or set TEXTCLEAN_REDIS_URL")
    return client


@pytest.fixture
def redis_name():
    client = _redis_or_skip()
    name = f"textclean-test-{uuid.uuid4().hex[:8]}"
    yield name
    keys = list(client.scan_iter(match=f"{name}:*"))
    if keys:
        client.delete(*keys)


def test_redis_index_shared_by_two_workers_equals_one_run(redis_name):
    from textclean.redis_store import RedisStore

    records = make_corpus(8)
    config = DedupConfig()
    one = dedup_records(records, config=config)
    half = len(records) // 2
    results = []
    for part in (records[:half], records[half:]):  # two workers, one after the other
        with DedupIndex(config, store=RedisStore(REDIS_URL, config.index_params(), name=redis_name)) as index:
            index.add(part)
            results.append(index.result())
    assert final_mapping(records, *results) == final_mapping(records, one)
    with pytest.raises(IndexMismatchError, match="seed: index has 1, this run uses 2"):
        other = DedupConfig(seed=2)
        RedisStore(REDIS_URL, other.index_params(), name=redis_name)


def test_redis_store_never_pickles(redis_name):
    from textclean.redis_store import RedisStore

    config = DedupConfig()
    store = RedisStore(REDIS_URL, config.index_params(), name=redis_name)
    assert store._lsh.prepickle is False
    with DedupIndex(config, store=store) as index:
        index.add(make_corpus(2, n_base=5))
        assert index.query(make_corpus(2, n_base=5)[0].text)[0].similarity == 1.0


def test_unreachable_redis_is_a_clear_error():
    pytest.importorskip("redis", reason="the redis package is not installed")
    from textclean.errors import ConfigError
    from textclean.redis_store import RedisStore

    with pytest.raises(ConfigError, match="cannot reach Redis at redis://127.0.0.1:1/0.*start redis-server"):
        RedisStore("redis://127.0.0.1:1/0", DedupConfig().index_params())


def test_memory_store_shared_by_two_indexes_equals_one_run():
    records = make_corpus(13)
    config = DedupConfig(keep="latest:date")
    store = MemoryStore(config.index_params())
    half = len(records) // 2
    results = []
    for part in (records[:half], records[half:]):
        index = DedupIndex(config, store=store)
        index.add(part)
        results.append(index.result())
    assert final_mapping(records, *results) == final_mapping(records, dedup_records(records, config=config))


def interleaved_equals_one_run(two_stores, seeds=range(3)):
    """Two writers of one index (``two_stores(config, seed)``: two handles on it), taking turns
    batch by batch, each seeing the other's changes only through the store, leave every
    document's kept copy as one run over all of them does."""
    for seed in seeds:
        records = make_corpus(seed)
        config = DedupConfig(keep="latest:date")
        one = final_mapping(records, dedup_records(records, config=config))
        first, second = (DedupIndex(config, store=store) for store in two_stores(config, seed))
        half = len(records) // 2
        for start in range(0, half + 10, 10):
            first.add(records[start:min(start + 10, half)])
            second.add(records[half + start:half + start + 10])
        stored = {i: doc.kept for i, doc in first.store.docs(one).items()}
        first.close()
        second.close()
        assert stored == one, seed


def test_two_writers_taking_turns_equal_one_run(tmp_path):
    # Each writer read a group once and kept it: the other's later changes to it were lost (11 of
    # 12 such runs differed from one run before groups were read again in every batch).
    def memory(config, seed):
        store = MemoryStore(config.index_params())
        return store, store

    def sqlite(config, seed):
        return [SQLiteStore(str(tmp_path / f"{seed}.sqlite"), config.index_params()) for _ in range(2)]

    interleaved_equals_one_run(memory)
    interleaved_equals_one_run(sqlite)


def test_two_redis_workers_taking_turns_equal_one_run(redis_name):
    from textclean.redis_store import RedisStore

    interleaved_equals_one_run(lambda config, seed: [
        RedisStore(REDIS_URL, config.index_params(), name=f"{redis_name}:{seed}") for _ in range(2)])


@pytest.mark.parametrize("kind", ["sqlite", "redis"])
def test_a_batch_killed_before_it_settles_is_mended_by_the_next_run(kind, tmp_path, monkeypatch, request):
    # Redis keeps what a killed batch wrote (documents with their links, not yet in their clusters);
    # SQLite rolls it back. Running the same input again must leave what one clean run leaves.
    if kind == "redis":
        from textclean.redis_store import RedisStore

        name = request.getfixturevalue("redis_name")
        def open_store(config): return RedisStore(REDIS_URL, config.index_params(), name=name)
    else:
        def open_store(config): return SQLiteStore(str(tmp_path / "i.sqlite"), config.index_params())
    records = make_corpus(4)
    config = DedupConfig(keep="latest:date")
    one = final_mapping(records, dedup_records(records, config=config))
    settle = DedupIndex._settle
    with DedupIndex(config, store=open_store(config)) as index:
        index.add(records[:60])
        monkeypatch.setattr(DedupIndex, "_settle", lambda self, roots: (_ for _ in ()).throw(KeyboardInterrupt))
        with pytest.raises(KeyboardInterrupt):
            index.add(records[60:])
    monkeypatch.setattr(DedupIndex, "_settle", settle)
    with DedupIndex(config, store=open_store(config)) as index:
        index.add(records)
        assert {i: doc.kept for i, doc in index.store.docs(one).items()} == one


def test_a_redis_worker_waits_for_the_lock_then_says_so(redis_name, monkeypatch):
    import textclean.store as store
    from textclean.errors import IndexBusyError
    from textclean.redis_store import RedisStore

    params = DedupConfig().index_params()
    holder, waiter = RedisStore(REDIS_URL, params, name=redis_name), RedisStore(REDIS_URL, params, name=redis_name)
    monkeypatch.setattr(store, "LOCK_WAIT_SECONDS", 0.2)
    with holder.transaction():
        with pytest.raises(IndexBusyError, match="another worker has held it for over 0.2 s"):
            with waiter.transaction():
                pass
    with waiter.transaction():  # released: the next batch goes ahead
        pass


def test_compact_storage_behaves_like_datasketch_dict_storage():
    from datasketch import MinHashLSH

    from textclean.store import CompactSetStorage

    config = DedupConfig()
    hasher = MinHasher(num_perm=config.num_perm, seed=config.seed)
    texts = [" ".join(f"w{i}" for i in range(k, k + 150)) for k in (0, 3, 6, 500)]
    rows = hasher.signatures(texts)
    compact = MinHashLSH(num_perm=128, params=config.bands_rows)
    compact.hashtables = [CompactSetStorage() for _ in compact.hashtables]
    plain = MinHashLSH(num_perm=128, params=config.bands_rows)
    for key, row in zip("abcd", rows):
        compact.insert(key, hasher.lean(row))
        plain.insert(key, hasher.lean(row))
    for row in rows:
        assert sorted(compact.query(hasher.lean(row))) == sorted(plain.query(hasher.lean(row)))
    compact.remove("b")
    plain.remove("b")
    for row in rows:
        assert sorted(compact.query(hasher.lean(row))) == sorted(plain.query(hasher.lean(row)))
    assert [len(t) for t in compact.hashtables] == [len(t) for t in plain.hashtables]


def _records(**texts):
    return [Record(id=i, text=t, source="-") for i, t in texts.items()]


def _fail(result):
    raise OSError(28, "No space left on device")


def _chain():
    """b lies inside a; c ⊂ d ⊂ e are near-copies of b growing past a (see test_dedup_cli)."""
    words = lambda prefix, n: [f"{prefix}{i}" for i in range(n)]
    common = words("c", 60)
    c = common + words("d", 8)
    d = c + words("e", 10)
    return (_records(a=" ".join(common + words("a", 20)), b=" ".join(common)),
            _records(c=" ".join(c), d=" ".join(d), e=" ".join(d + words("f", 12))))


def test_a_document_kept_again_while_its_run_writes_is_written_by_the_next_run_given_it(tmp_path):
    # Run 1 computed its result (b inside a) before run 2 made b a kept copy again; run 1 then
    # wrote its stale result. b used to be lost for good: every later run called it already_indexed.
    path, config = str(tmp_path / "seen.sqlite"), DedupConfig(keep="first")
    run1, run2 = _chain()
    first = DedupIndex(config, path=path)
    first.add(run1)
    stale = first.result()
    with DedupIndex(config, path=path) as second:
        second.add(run2)
        second.mark_written(second.result())
        assert second.result().reinstated == ["b"]
    first.mark_written(stale)
    first.close()
    assert [r.id for r in dedup_records(run1, config=config, path=path).kept] == ["b"]


def test_after_a_failed_run_part_of_its_input_runs_alone(tmp_path):
    # x's kept copy y was never read into the run: KeyError: 'y'.
    path = str(tmp_path / "seen.sqlite")
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    records = _records(x=text, y=text + " nu")
    with pytest.raises(OSError):
        dedup_records(records, path=path, deliver=_fail)
    alone = dedup_records(records[:1], path=path)
    assert alone.kept == [] and [(d.id, d.duplicate_of) for d in alone.duplicates] == [("x", "y")]
    assert [r.id for r in dedup_records(records[1:], path=path).kept] == ["y"]


def test_after_a_failed_run_the_rerun_reports_what_it_superseded(tmp_path):
    # The failed run stored x's new kept copy; the rerun saw no change and reported nothing, so
    # x (written by run 0) and y (written now) both stayed kept.
    path = str(tmp_path / "seen.sqlite")
    text = " ".join(f"w{i}" for i in range(60))
    dedup_records(_records(x=text, u="something else entirely, not like x at all"), path=path)
    with pytest.raises(OSError):
        dedup_records(_records(y=text + " and one more sentence"), path=path, deliver=_fail)
    rerun = dedup_records(_records(y=text + " and one more sentence"), path=path)
    assert rerun.superseded == ["x"] and [(d.id, d.duplicate_of) for d in rerun.duplicates] == [("x", "y")]
    again = dedup_records(_records(z="a third text, unrelated to the others here"), path=path)
    assert again.superseded == []
