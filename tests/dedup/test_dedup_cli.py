"""``textclean dedup``: exact output, fields kept, errors with exit codes, an index across runs."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from textclean.cli import main

ARTICLE = " ".join(f"token{i}" for i in range(200))


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def rows():
    return [
        {"url": "a", "text": ARTICLE, "lang": "en"},
        {"url": "b", "text": ARTICLE.upper(), "lang": "en"},
        {"url": "c", "text": " ".join(ARTICLE.split()[:150]), "lang": "en"},
        {"url": "d", "text": "a different short note", "lang": "fr"},
    ]


def test_dedup_writes_unique_records_clusters_and_summary(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", rows())
    out, clusters = tmp_path / "unique.jsonl", tmp_path / "clusters.jsonl"
    result = CliRunner().invoke(main, ["dedup", corpus, "--id-key", "url", "-o", str(out), "--clusters", str(clusters)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "dedup: 4 documents, 2 kept, 2 removed (1 exact, 1 contained)\n"
    assert [json.loads(line) for line in out.read_text().splitlines()] == [rows()[0], rows()[3]]
    assert [json.loads(line) for line in clusters.read_text().splitlines()] == [
        {"id": "b", "duplicate_of": "a", "similarity": 1.0, "containment": 1.0, "reason": "exact"},
        {"id": "c", "duplicate_of": "a", "similarity": 0.7449, "containment": 1.0, "reason": "contained"},  # 146 of 196 shingles
    ]


def test_dedup_against_an_index_remembers_earlier_runs(tmp_path):
    index = str(tmp_path / "seen.sqlite")
    first = write_jsonl(tmp_path / "first.jsonl", rows()[2:])
    second = write_jsonl(tmp_path / "second.jsonl", rows()[:2])
    runner = CliRunner()
    r1 = runner.invoke(main, ["dedup", first, "--id-key", "url", "--index", index, "-o", str(tmp_path / "u1.jsonl")])
    assert r1.exit_code == 0 and r1.stderr == f"dedup: 2 documents, 2 kept, 0 removed; index {index}\n"
    r2 = runner.invoke(main, ["dedup", second, "--id-key", "url", "--index", index, "-o", str(tmp_path / "u2.jsonl"),
                              "--clusters", str(tmp_path / "c2.jsonl")])
    assert r2.exit_code == 0, r2.output
    assert r2.stderr == (f"dedup: 2 documents, 1 kept, 1 removed (1 exact); "
                         f"1 documents of earlier runs superseded; index {index}\n")
    assert [json.loads(x)["id"] for x in (tmp_path / "c2.jsonl").read_text().splitlines()] == ["b", "c"]
    r3 = runner.invoke(main, ["dedup", first, "--index", index, "--threshold", "0.5", "-o", "-"])
    assert r3.exit_code == 1
    assert "threshold: index has 0.8, this run uses 0.5" in r3.stderr


def test_a_document_kept_again_by_a_later_run_is_written_when_its_input_runs_again(tmp_path):
    # Run 1 removes b as contained in a. Run 2's chain of near-copies of b (c ⊂ d ⊂ e, each a
    # near-copy of the next) outgrows a, so b's group no longer joins a and b is its kept copy
    # again; b is not in run 2's input. It used to be written by no run at all.
    words = lambda prefix, n: [f"{prefix}{i}" for i in range(n)]
    common = words("c", 60)
    a, b = common + words("a", 20), common
    c = common + words("d", 8)
    d = c + words("e", 10)
    e = d + words("f", 12)
    index = str(tmp_path / "seen.sqlite")
    run1 = write_jsonl(tmp_path / "run1.jsonl", [{"id": "a", "text": " ".join(a)}, {"id": "b", "text": " ".join(b)}])
    run2 = write_jsonl(tmp_path / "run2.jsonl", [{"id": i, "text": " ".join(t)} for i, t in zip("cde", (c, d, e))])
    dedup = lambda source, out: CliRunner().invoke(main, ["dedup", source, "--id-key", "id", "--keep", "first",
                                                          "--index", index, "-o", str(tmp_path / out)])
    first = dedup(run1, "u1.jsonl")
    assert first.stderr == f"dedup: 2 documents, 1 kept, 1 removed (1 contained); index {index}\n"
    second = dedup(run2, "u2.jsonl")
    assert second.stderr == (f"dedup: 3 documents, 0 kept, 3 removed (1 near_duplicate, 2 contained); 1 documents of "
                             f"earlier runs kept again, not in these inputs (run their inputs again to write them); "
                             f"index {index}\n")
    again = dedup(run1, "u3.jsonl")
    assert [json.loads(line)["id"] for line in (tmp_path / "u3.jsonl").read_text().splitlines()] == ["b"]
    assert again.stderr == f"dedup: 2 documents, 1 kept, 1 removed (1 already_indexed); index {index}\n"


def test_bad_input_is_an_error_naming_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{"body": "no text"}\n')
    result = CliRunner().invoke(main, ["dedup", str(bad), "-o", "-"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}:2: field 'text' is missing; choose the field with --text-key\n"


def test_bad_usage_exits_2(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", rows())
    assert CliRunner().invoke(main, ["dedup", corpus, "--threshold", "1.5"]).exit_code == 2
    assert CliRunner().invoke(main, ["dedup"]).exit_code == 2
    result = CliRunner().invoke(main, ["dedup", corpus, "--keep", "random"])
    assert result.exit_code == 1 and "unknown keep policy 'random'" in result.stderr


def test_dedup_is_documented_in_help():
    result = CliRunner().invoke(main, ["--help"])
    assert "dedup" in result.output


def test_verbose_reports_the_lsh_s_curve(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", rows()[3:])
    result = CliRunner().invoke(main, ["dedup", corpus, "-v", "-o", str(tmp_path / "u.jsonl")])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "LSH: 42 bands x 3 rows of 128 permutations; chance that a pair of Jaccard similarity s is "
        "compared: 0.1: 0.0412, 0.2: 0.2863, 0.3: 0.6832, 0.4: 0.9378, 0.5: 0.9963, 0.6: 1, 0.7: 1, "
        "0.8: 1, 0.9: 1, 1: 1"
    )


def test_verbose_counts_the_candidates_and_warns_when_pages_share_chrome(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", rows())
    result = CliRunner().invoke(main, ["dedup", corpus, "--id-key", "url", "-v", "-o", str(tmp_path / "u.jsonl")])
    # a, b and c are one text: b is an exact copy (not in LSH), c is checked against a.
    assert result.stderr.splitlines()[1] == "LSH: 1 candidate pairs verified, 0.2 per document (16.7% of all pairs)"
    menu = " ".join(f"menu{i}" for i in range(120))
    pages = [{"url": f"p{i}", "text": f"{menu} " + " ".join(f"p{i}w{j}" for j in range(120))} for i in range(120)]
    result = CliRunner().invoke(main, ["dedup", write_jsonl(tmp_path / "site.jsonl", pages), "--id-key", "url", "-v",
                                       "-o", str(tmp_path / "u.jsonl")])
    assert "many documents share text without being copies (a site's menus and footers?)" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("dedup: 120 documents, 120 kept, 0 removed")


def test_a_rerun_against_the_index_removes_what_it_has_seen(tmp_path):
    index = str(tmp_path / "seen.sqlite")
    corpus = write_jsonl(tmp_path / "in.jsonl", rows())
    runner = CliRunner()
    args = ["dedup", corpus, "--id-key", "url", "--index", index, "-o", str(tmp_path / "u.jsonl"),
            "--clusters", str(tmp_path / "c.jsonl")]
    assert runner.invoke(main, args).exit_code == 0
    again = runner.invoke(main, args)
    assert again.exit_code == 0, again.output
    assert again.stderr == f"dedup: 4 documents, 0 kept, 4 removed (4 already_indexed); index {index}\n"
    assert (tmp_path / "u.jsonl").read_text() == ""
    assert [json.loads(x)["duplicate_of"] for x in (tmp_path / "c.jsonl").read_text().splitlines()] == [
        "a", "a", "a", "d"]
    changed = write_jsonl(tmp_path / "changed.jsonl", [{"url": "d", "text": "another text for d"}])
    clash = runner.invoke(main, ["dedup", changed, "--id-key", "url", "--index", index, "-o", "-"])
    assert clash.exit_code == 1
    assert "document id 'd' is already in the index with another text" in clash.stderr


def test_dedup_reads_stdin_twice_and_keeps_input_order(tmp_path):
    # The command reads its inputs twice (index, then write) so that only ids stay in memory;
    # stdin is copied for the second read.
    corpus = write_jsonl(tmp_path / "in.jsonl", rows()[2:])
    stdin = "".join(json.dumps(r) + "\n" for r in rows()[:2])
    result = CliRunner().invoke(main, ["dedup", "-", corpus, "-o", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["url"] for line in result.stdout.splitlines()] == ["a", "d"]
    assert result.stderr == "dedup: 4 documents, 2 kept, 2 removed (1 exact, 1 contained)\n"


@pytest.mark.parametrize("change", ["one record fewer", "a text swapped, the file the same size"])
def test_dedup_refuses_inputs_that_change_between_its_two_reads(tmp_path, monkeypatch, change):
    # The second read was checked by its count only: a text changed in place (same length) wrote
    # two exact copies as kept, with exit 0.
    import textclean.dedup_cli as dedup_cli

    corpus = write_jsonl(tmp_path / "in.jsonl", rows())
    before = open(corpus).read().splitlines(keepends=True)
    out = tmp_path / "unique.jsonl"
    real = dedup_cli.dedup_records

    def changing_before_the_second_read(records, **options):
        deliver = options["deliver"]

        def change_then_deliver(result):
            if change == "one record fewer":
                open(corpus, "w").writelines(before[1:])
            else:
                first = json.loads(before[0])
                open(corpus, "w").writelines([json.dumps({**first, "text": first["text"][::-1]}) + "\n", *before[1:]])
            deliver(result)

        return real(records, **{**options, "deliver": change_then_deliver})

    monkeypatch.setattr(dedup_cli, "dedup_records", changing_before_the_second_read)
    result = CliRunner().invoke(main, ["dedup", corpus, "-o", str(out)])
    assert result.exit_code == 1
    assert "the inputs changed while dedup read them" in result.stderr and "nothing written" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "in.jsonl"]


def test_a_pipe_input_is_refused_as_dedup_reads_twice(tmp_path):
    # <(cat page.txt) wrote the page with an empty text, exit 0; a FIFO hung on the second read.
    import os

    fifo = tmp_path / "pages.jsonl"
    os.mkfifo(fifo)
    result = CliRunner().invoke(main, ["dedup", str(fifo), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert f"{fifo}: a pipe or device, which dedup cannot read twice" in result.output


def test_jobs_give_the_same_unique_records_and_clusters(tmp_path):
    import random

    rng = random.Random(3)
    words = [f"w{i}" for i in range(400)]
    docs = []
    for i in range(2500):  # more than one batch of 2,000; every fourth a near copy of the one before
        if i % 4 == 3:
            text = " ".join(docs[-1]["text"].split()[:-1] + ["tail"])
        else:
            text = " ".join(rng.choice(words) for _ in range(60))
        docs.append({"url": f"u{i}", "text": text})
    corpus = write_jsonl(tmp_path / "in.jsonl", docs)
    runs = {}
    for jobs in ("1", "2"):
        out, clusters = tmp_path / f"u{jobs}.jsonl", tmp_path / f"c{jobs}.jsonl"
        result = CliRunner().invoke(main, ["dedup", corpus, "--id-key", "url", "--jobs", jobs, "-o", str(out),
                                           "--clusters", str(clusters)])
        assert result.exit_code == 0, result.output
        runs[jobs] = (out.read_bytes(), clusters.read_bytes(), result.stderr)
    assert runs["1"] == runs["2"]
    assert "625 removed" in runs["2"][2]


@pytest.mark.parametrize("store", ["redis", "sqlite"])
def test_an_index_lost_mid_run_is_an_error_saying_what_to_do(tmp_path, monkeypatch, store):
    # The redis client's ConnectionError, or sqlite3's "database or disk is full", went out as a traceback.
    import sqlite3

    from textclean import dedup_cli

    if store == "redis":
        exceptions = pytest.importorskip("redis.exceptions", reason="the redis package is in the test extra")
        error = exceptions.ConnectionError("Error 111 connecting to 127.0.0.1:6390. Connection refused.")
        option = ["--redis", "redis://127.0.0.1:6390/0"]
        said = "Error: Redis at redis://127.0.0.1:6390/0 stopped answering (Error 111"
    else:
        error = sqlite3.OperationalError("database or disk is full")
        option = ["--index", str(tmp_path / "seen.sqlite")]
        said = f"Error: the index {tmp_path / 'seen.sqlite'} failed (database or disk is full)"

    def lost(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(dedup_cli, "dedup_records", lost)
    corpus = tmp_path / "in.jsonl"
    corpus.write_text('{"text": "A short record of text."}\n')
    result = CliRunner().invoke(main, ["dedup", str(corpus), *option, "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1 and result.output.startswith(said)
    assert "nothing was written" in result.output and not (tmp_path / "out.jsonl").exists()
