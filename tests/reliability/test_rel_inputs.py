"""Hostile input gets a clear error or a counted rejection; nothing is lost silently."""
from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

import textclean
from textclean.cli import main

PROSE = "The council approved the budget on Tuesday after a long and heated debate."


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def planted_corpus(seed: int) -> tuple[bytes, list[str], int]:
    """JSONL bytes with good records and planted bad ones; the good ids, the bad count."""
    rng = random.Random(seed)
    bad_lines = [
        b"{not json",
        b'{"id": "x1"}',
        b'{"id": "x2", "text": null}',
        b'{"id": "x3", "text": 42}',
        b'["a", "list"]',
        b'{"id": "x4", "text": "bad byte \xff here"}',
        b'{"id": "g0", "text": "a repeated id"}',
        b"\x00\x01\x02 binary junk",
        b'{"id": "x5", "text": "a lone \\ud800 surrogate"}',
        b'{"id": "x6", "text": "a", "n": 1e400}',
        b'{"id": "x7", "text": "a", "n": NaN}',
        b'{"id": true, "text": "a"}',
        b'{"id": "x8", "text": "a", "n": ' + b"9" * 5000 + b"}",
        b'{"id": "x9", "text": "a", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    ]
    lines, good, bad = [], [], 0
    for i in range(200):
        if i > 0 and rng.random() < 0.1:
            lines.append(rng.choice(bad_lines))
            bad += 1
        else:
            lines.append(json.dumps({"id": f"g{i}", "text": f"Search\n{PROSE} {i}", "extra": [i]}).encode())
            good.append(f"g{i}")
    return b"\n".join(lines) + b"\n", good, bad


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_records_in_equal_records_out_plus_rejected(tmp_path, seed):
    data, good, bad = planted_corpus(seed)
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(data)
    out, rejected = tmp_path / "out.jsonl", tmp_path / "rejected.jsonl"
    result = run("clean", str(source), "--id-key", "id", "--on-error", "skip", "-o", str(out), "--rejected", str(rejected))
    assert result.exit_code == 0, result.output
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    rejections = [json.loads(line) for line in rejected.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in written] == good
    assert all(r["text"].endswith(PROSE + f" {r['extra'][0]}") and "Search" not in r["text"] for r in written)
    assert len(rejections) == bad
    assert all(r["reason"] and r["line"] for r in rejections)
    assert result.stderr == f"textclean: {len(good) + bad} records in, {len(good)} written, {bad} rejected (see {rejected})\n"


@pytest.mark.parametrize(("line", "message"), [
    (r'{"text": "Hi \ud800 there."}', r"a JSON string holds a lone surrogate ('\ud800'), which is not text"),
    ('{"text": "a", "n": 1e400}', "not usable JSON (the number 1e400 is out of range)"),
    ('{"text": "a", "n": -Infinity}', "not usable JSON (-Infinity is not standard JSON, and outputs would not be)"),
    ('{"text": "a", "n": ' + "1" * 4301 + "}", "not usable JSON (an integer of 4301 digits is too long)"),
    ('{"text": "a", "n": ' + "[" * 100_000 + "]" * 100_000 + "}", "JSON nested too deeply to read"),
    ('{"text": "a", "id": {"k": 1}}', "id field 'id' is dict; an id is a string or an integer"),
])
def test_json_that_python_reads_but_cannot_write_back_is_an_error_naming_the_line(tmp_path, line, message):
    # Each used to raise a traceback (UnicodeEncodeError, ValueError, RecursionError) or write
    # invalid JSON (Infinity); a surrogate pair stays text.
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "ok \\ud83d\\ude00 fine"}\n' + line + "\n")
    result = run("clean", str(source), "--id-key", "id", "-o", "-")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {source}:2: {message}\n"


@pytest.mark.parametrize(("inputs", "message"), [
    (["d.jsonl", "d.jsonl"], "d.jsonl: given twice; name each input once"),
    (["sub", "sub/e.jsonl"], "sub/e.jsonl: given twice; name each input once"),
    (["sub/e.jsonl", "./sub/e.jsonl"], "./sub/e.jsonl: given twice (also as sub/e.jsonl); name each input once"),
])
@pytest.mark.parametrize("command", ["clean", "dedup"])
def test_a_file_named_twice_is_an_error_even_when_skipping(tmp_path, monkeypatch, inputs, message, command):
    # Its records would be read twice: dedup stopped at the first repeated file:line id, even with
    # --on-error skip, and clean wrote every record twice.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    for name in ("d.jsonl", "sub/e.jsonl"):
        (tmp_path / name).write_text(json.dumps({"text": PROSE}) + "\n")
    result = run(command, *inputs, "--on-error", "skip", "-o", "-")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"


def test_a_byte_order_mark_is_not_text(tmp_path):
    # It kept "Search" (the line was "\ufeffSearch") and failed JSONL's first line.
    (tmp_path / "page.txt").write_bytes("\ufeffSearch\n".encode() + PROSE.encode() + b"\n")
    (tmp_path / "pages.jsonl").write_bytes("\ufeff".encode() + json.dumps({"text": f"Search\n{PROSE}"}).encode() + b"\n")
    assert run("clean", str(tmp_path / "page.txt")).stdout == PROSE + "\n"
    assert json.loads(run("clean", str(tmp_path / "pages.jsonl")).stdout)["text"] == PROSE


def test_jsonl_and_text_inputs_in_one_run_are_an_error(tmp_path):
    # The JSONL file was read as text: its JSON written out as the "cleaned" text.
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.jsonl").write_text(json.dumps({"text": PROSE}) + "\n")
    (tmp_path / "d" / "b.txt").write_text(PROSE + "\n")
    result = run("clean", str(tmp_path / "d"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert (f"Error: the inputs mix JSONL or WET files ({tmp_path / 'd' / 'a.jsonl'}) with text files "
            f"({tmp_path / 'd' / 'b.txt'})") in result.stderr
    assert run("clean", str(tmp_path / "d" / "a.jsonl"), "--jsonl").exit_code == 0


def test_fail_mode_stops_at_the_first_bad_record_naming_it(tmp_path):
    data, _, _ = planted_corpus(1)
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(data)
    first_bad = next(i for i, line in enumerate(data.split(b"\n"), 1) if not line.startswith(b'{"id": "g'))
    result = run("clean", str(source), "--id-key", "id", "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {source}:{first_bad}: ")
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(("text", "expected"), [
    ("", ""),
    ("   \n\t\n", "   \n\t\n"),
    ("Search\r\nKept prose line.\r\n", "Kept prose line.\r\n"),
    ("Search\rKept prose line.\r...", "Kept prose line."),
    ("Kept prose line.\x00 with a NUL inside", "Kept prose line.\x00 with a NUL inside"),
])
def test_edge_documents(text, expected):
    result = textclean.clean(text)
    assert result.text == expected
    assert textclean.apply_removals(text, result.removed) == expected


def test_empty_inputs_give_empty_outputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run("clean", str(empty)).stdout == ""
    empty_jsonl = tmp_path / "empty.jsonl"
    empty_jsonl.write_bytes(b"\n\n")
    result = run("clean", str(empty_jsonl))
    assert result.exit_code == 0 and result.stdout == ""
    assert run("clean", "--jsonl", input='{"text": ""}\n').stdout == '{"text":""}\n'


def test_escaped_nul_in_json_is_text_but_a_raw_nul_file_is_binary(tmp_path):
    assert run("clean", "--jsonl", input='{"text": "a\\u0000b"}\n').stdout == '{"text":"a\\u0000b"}\n'
    raw = tmp_path / "raw.txt"
    raw.write_bytes(b"text\x00more")
    assert run("clean", str(raw)).stderr == (f"Error: {raw}: looks binary (NUL byte at offset 4); textclean reads text "
                                              "(for UTF-16 or UTF-32 text, pass --encoding utf-16 or utf-32)\n")


def test_a_five_megabyte_single_line_record(tmp_path):
    line = ("word " * 1_000_000).strip()
    result = run("clean", "--jsonl", input=json.dumps({"text": "Search\n" + line}) + "\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["text"] == line


def test_other_encodings(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Search\nCafé prose stays here.".encode("latin-1"))
    assert run("clean", str(latin)).exit_code == 1
    assert run("clean", str(latin), "--encoding", "latin-1").stdout == "Café prose stays here.\n"
    utf16 = tmp_path / "u.jsonl"
    utf16.write_bytes('{"text": "Search\\nCafé prose stays here."}\n'.encode("utf-16"))
    assert run("clean", str(utf16), "--encoding", "utf-16").stdout == '{"text":"Café prose stays here."}\n'
    assert run("clean", str(latin), "--encoding", "klingon").stderr == "Error: unknown encoding 'klingon'\n"


def test_dedup_skips_and_counts_bad_records_too(tmp_path):
    text = "one two three four five six seven eight nine ten"
    payload = "\n".join([
        json.dumps({"id": "a", "text": text}), "{bad", json.dumps({"id": "b", "text": text}),
        json.dumps({"id": "a", "text": "reused id"}), json.dumps({"id": "c"}),
    ]) + "\n"
    rejected = tmp_path / "rejected.jsonl"
    result = run("dedup", "-", "--id-key", "id", "--on-error", "skip", "--rejected", str(rejected), input=payload)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a"]
    assert [json.loads(line)["line"] for line in rejected.read_text(encoding="utf-8").splitlines()] == [2, 4, 5]
    assert result.stderr.endswith(f"; 5 records in, 3 rejected (see {rejected})\n")
    assert run("dedup", "-", "--id-key", "id", input=payload).exit_code == 1


def test_dedup_skips_a_record_the_index_holds_with_another_text(tmp_path):
    # An incremental crawl keyed by url meets a page whose text changed: with --on-error skip it
    # is a counted rejection (it stopped the run).
    index, rejected = str(tmp_path / "seen.sqlite"), tmp_path / "rejected.jsonl"
    text = "one two three four five six seven eight nine ten"
    assert run("dedup", "-", "--id-key", "id", "--index", index, input=json.dumps({"id": "a", "text": text})).exit_code == 0
    changed = {"id": "a", "text": "the page changed " * 200}  # rejections keep the whole line (they were cut at 1,000)
    payload = json.dumps(changed) + "\n" + json.dumps({"id": "b", "text": "new"}) + "\n"
    result = run("dedup", "-", "--id-key", "id", "--index", index, "--on-error", "skip", "--rejected", str(rejected),
                 input=payload)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["b"]
    assert [(r["line"], r["reason"], json.loads(r["raw"])) for r in map(json.loads, rejected.read_text().splitlines())] == [
        (1, "document id 'a' is already in the index with another text; ids must be unique across runs "
            "(choose the id field with --id-key)", changed)]
    assert result.stderr == f"dedup: 1 documents, 1 kept, 0 removed; index {index}; 2 records in, 1 rejected (see {rejected})\n"
    failed = run("dedup", "-", "--id-key", "id", "--index", index, input=payload)
    assert failed.exit_code == 1 and "<stdin>:1: document id 'a' is already in the index with another text" in failed.stderr


def test_a_named_pipe_is_an_input(tmp_path):
    # bash's <(command) is a pipe: it was "no such file or directory".
    import os
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_text(f"Search\n{PROSE}\n"))
    writer.start()
    result = run("clean", str(pipe))
    writer.join(timeout=10)
    assert result.exit_code == 0 and result.stdout == PROSE + "\n"


def test_dedup_counts_replaced_bytes(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": "a", "text": "bad \xff byte"}\n')
    result = run("dedup", str(source), "--errors", "replace", "-o", "-")
    assert result.stderr == "dedup: 1 documents, 1 kept, 0 removed; 1 undecodable byte sequences replaced\n"


def test_a_folder_input_reads_its_files_leaves_out_pipes_and_devices_and_names_a_folder_it_cannot_list(tmp_path):
    # A FIFO inside the folder hung the run, a link to /dev/zero read forever, and a subfolder that
    # could not be listed was left out with exit 0 (os.walk skips what it cannot list).
    import os
    import shutil
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from as_nobody import without_root
    from textclean.io import expand_inputs

    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Search\nThe council voted to keep the library open.\n")
    (folder / "sub" / "b.txt").write_text("Another page of ordinary prose about the budget.\n")
    os.mkfifo(folder / "c.fifo")
    (folder / "zero").symlink_to("/dev/zero")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")  # a broken link still says why
    assert expand_inputs([str(folder)]) == [str(folder / n) for n in ("a.txt", "gone.txt", "sub/b.txt")]
    (folder / "gone.txt").unlink()
    done = subprocess.run([sys.executable, "-m", "textclean", "clean", str(folder), "-o", str(tmp_path / "out") + "/"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.txt")) == ["a.txt", "b.txt"]
    # Not under tmp_path: pytest's folders above it are closed to other users.
    shared = Path(tempfile.mkdtemp(dir=tmp_path if os.geteuid() != 0 else None))
    try:
        (shared / "pages" / "sub").mkdir(parents=True)
        (shared / "pages" / "sub" / "b.txt").write_text("A page.\n")
        for entry in (shared, shared / "pages"):
            entry.chmod(0o755)
        (shared / "pages" / "sub").chmod(0o000)
        said = without_root(lambda: expand_inputs([str(shared / "pages")]))
    finally:
        (shared / "pages" / "sub").chmod(0o755)
        shutil.rmtree(shared)
    assert said == f"InputError: {shared / 'pages' / 'sub'}: cannot read: Permission denied"


def test_standard_streams_closed_or_in_another_encoding(tmp_path):
    # A closed stdin or stdout was an AttributeError traceback (explain printed nothing, exit 0);
    # under a Latin-1 stdout, JSONL and text went out as Latin-1, or failed on a character it lacks.
    import os
    import subprocess
    import sys

    page = tmp_path / "page.txt"
    page.write_text("Search\nGrüße – “quoted” 标题, a line of text.\n", encoding="utf-8")

    def run(*args, close=None, **env):
        return subprocess.run([sys.executable, "-m", "textclean", *args], capture_output=close != 1,
                              stderr=subprocess.PIPE if close == 1 else None,
                              preexec_fn=(lambda: os.close(close)) if close is not None else None,
                              env={**os.environ, **env}, timeout=60)

    for command in (["clean", "-"], ["explain", "-"], ["dedup", "-"], ["learn", "-", "-o", str(tmp_path / "m.json")]):
        closed = run(*command, close=0)
        assert closed.returncode == 1 and closed.stderr.decode() == "Error: -: cannot read: standard input is closed\n"
    for command in (["clean", str(page)], ["explain", str(page)], ["dedup", str(page)]):
        closed = run(*command, close=1)
        assert closed.returncode == 1 and closed.stderr.decode() == "Error: stdout: cannot write: standard output is closed\n"
    latin = run("clean", str(page), PYTHONIOENCODING="latin-1")
    assert latin.returncode == 0 and latin.stdout.decode("utf-8") == "Grüße – “quoted” 标题, a line of text.\n"
    shown = run("explain", str(page), PYTHONIOENCODING="latin-1")
    assert shown.returncode == 0 and "Grüße \\u2013 \\u201cquoted\\u201d \\u6807\\u9898" in shown.stdout.decode("latin-1")


def test_a_file_name_that_is_not_utf8_is_an_id_outputs_and_indexes_can_hold(tmp_path):
    # Its id ('caf\udce9.txt', as Python decodes such a name) stopped --report, dedup and the index
    # with a UnicodeEncodeError traceback.
    import os

    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (tmp_path / name).write_text("Search\nThe council voted to keep the library open.\n")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this filesystem takes only UTF-8 file names")
    source = str(tmp_path / name)
    report, unique = tmp_path / "report.jsonl", tmp_path / "unique.jsonl"
    assert CliRunner().invoke(main, ["clean", source, "--report", str(report), "-o", str(tmp_path / "out.txt")]).exit_code == 0
    entry = json.loads(report.read_text(encoding="utf-8"))
    assert entry["id"] == f"{tmp_path}/caf\\udce9.txt" and entry["source"] == source  # the JSON escape reads back
    result = CliRunner().invoke(main, ["dedup", source, "--index", str(tmp_path / "seen.sqlite"), "-o", str(unique)])
    assert result.exit_code == 0, result.output
    assert json.loads(unique.read_text(encoding="utf-8"))["id"] == f"{tmp_path}/caf\\udce9.txt"
    assert CliRunner().invoke(main, ["clean", source, "-o", str(tmp_path / "outdir") + "/"]).exit_code == 0
    assert (tmp_path / "outdir" / name).exists()  # the output keeps the input's own name
