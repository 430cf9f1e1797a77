"""The `textclean` command, tested with exact output (click's runner, no subprocess)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from textclean.cli import main

ARTICLE = "Search\nThe council approved the budget on Tuesday after a long debate.\n...\n"
CLEANED = "The council approved the budget on Tuesday after a long debate.\n"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_clean_stdin_to_stdout():
    result = run("clean", "-", input=ARTICLE)
    assert result.exit_code == 0
    assert result.output == CLEANED


def test_clean_file_to_output_file(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "out.txt"
    result = run("clean", str(source), "-o", str(target))
    assert result.exit_code == 0 and result.output == ""
    assert target.read_text(encoding="utf-8") == CLEANED
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_clean_jsonl_keeps_other_fields_and_order():
    lines = [
        {"id": "b", "body": ARTICLE, "meta": {"x": 1}},
        {"id": "a", "body": "Advertisement\nPlain prose stays as it is here.", "n": None},
    ]
    payload = "".join(json.dumps(line) + "\n" for line in lines)
    result = run("clean", "--jsonl", "--text-key", "body", "--id-key", "id", input=payload)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out == [
        {"id": "b", "body": CLEANED, "meta": {"x": 1}},  # the trailing newline is the original's
        {"id": "a", "body": "Plain prose stays as it is here.", "n": None},
    ]


def test_report_has_one_record_per_document_with_spans(tmp_path):
    report = tmp_path / "removed.jsonl"
    payload = json.dumps({"id": 7, "text": ARTICLE}) + "\n" + json.dumps({"id": 8, "text": "Just prose."}) + "\n"
    result = run("clean", "--jsonl", "--id-key", "id", "--report", str(report), input=payload)
    assert result.exit_code == 0
    records = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["7", "8"]
    assert [(s["block_text"], s["reason"], s["detector"]) for s in records[0]["removed"]] == [
        ("Search", "navigation", "navigation"), ("...", "truncation", "truncation"),
    ]
    assert records[1]["removed"] == []
    span = records[0]["removed"][0]
    assert ARTICLE[span["start"]:span["end"]].strip() == "Search"


def test_directory_input_writes_one_file_per_input(tmp_path):
    source = tmp_path / "in"
    (source / "sub").mkdir(parents=True)
    (source / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (source / "sub" / "two.txt").write_text("Advertisement\nKept line of prose.", encoding="utf-8")
    result = run("clean", str(source), "-o", str(tmp_path / "out") + "/")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "one.txt").read_text(encoding="utf-8") == CLEANED
    assert (tmp_path / "out" / "sub" / "two.txt").read_text(encoding="utf-8") == "Kept line of prose.\n"


def test_explain_prints_the_table():
    result = run("explain", "-", input=ARTICLE)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "== <stdin>"
    assert lines[2].split()[:3] == ["1", "drop", "navigation"]
    assert lines[3].split()[:2] == ["2", "keep"]
    assert lines[4].split()[:3] == ["3", "drop", "truncation"]


def test_explain_aligns_its_why_column_in_a_terminal_whatever_the_script():
    # Chinese characters take two columns, combining marks none; a control character printed
    # raw would act on the terminal (a bell here), so it shows as an escape.
    import unicodedata

    lines = ["搜索", "这是一篇很长的文章正文，里面有很多的字，讲述了一件非常重要的事情。" * 2,
             "Cafe\u0301 de\u0301ja\u0300 vu, a line of prose long enough to be cut short here.", "bell\x07 line"]
    table = run("explain", "-", input="\n".join(lines)).output.splitlines()[1:]
    columns = {sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
                   for c in row[:row.rindex("  ")]) for row in table}
    assert len(columns) == 1
    assert "\x07" not in "".join(table) and "bell\\x07 line" in table[-1]


def test_threshold_raises_the_bar_for_one_reason_only():
    # "Search" is navigation at 0.95, "..." truncation; the bar moves for navigation alone,
    # on top of the preset's own thresholds.
    kept = run("clean", "-", "--threshold", "navigation=0.99", input=ARTICLE)
    assert kept.exit_code == 0
    assert kept.output == "Search\n" + CLEANED
    for preset in ("default", "conservative", "auto"):
        assert run("clean", "-", "--preset", preset, "--threshold", "promo=0.99", input=ARTICLE).stdout == CLEANED
    table = run("explain", "-", "--threshold", "navigation=0.99", input=ARTICLE).output.splitlines()
    assert table[2].split()[:2] == ["1", "keep"]


@pytest.mark.parametrize(("value", "message"), [
    ("navigation", "is not REASON=SCORE"), ("navigation=high", "is not REASON=SCORE"),
    ("nope=0.5", "unknown reason 'nope'"), ("navigation=95", "must be within (0, 1]"),
])
def test_bad_threshold_is_a_usage_error(value, message):
    result = run("clean", "-", "--threshold", value, input=ARTICLE)
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize(("payload", "message"), [
    ('{"id": 1, "text": "ok"}\n{not json}\n', "Error: <stdin>:2: not valid JSON"),
    ('{"id": 1}\n', "Error: <stdin>:1: field 'text' is missing; choose the field with --text-key"),
    ('{"text": null}\n', "Error: <stdin>:1: field 'text' is NoneType, not a string"),
    ('[1, 2]\n', "Error: <stdin>:1: expected a JSON object, got list"),
])
def test_bad_jsonl_names_the_line_and_exits_1(payload, message):
    result = run("clean", "--jsonl", input=payload)
    assert result.exit_code == 1
    assert result.stderr.startswith(message)  # after the records written before it, on stdout


def test_invalid_utf8_names_file_line_and_fix(tmp_path):
    source = tmp_path / "bad.txt"
    source.write_bytes(b"fine line\nbad \xff byte\n")
    result = run("clean", str(source))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {source}:2: byte 0xff at column 5 is not valid utf-8; "
        "pass --encoding, or --errors replace to substitute U+FFFD\n"
    )
    replaced = run("clean", str(source), "--errors", "replace")
    assert replaced.stdout == "fine line\nbad \ufffd byte\n"
    assert replaced.stderr == "textclean: 1 records in, 1 written, 0 rejected, 1 undecodable byte sequences replaced\n"


def test_missing_file_exits_1_and_bad_usage_exits_2(tmp_path):
    missing = run("clean", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1
    assert missing.output == f"Error: {tmp_path / 'nope.txt'}: no such file or directory\n"
    assert run("clean", "--preset", "nope").exit_code == 2
    assert run("clean", "--no-such-option").exit_code == 2
    for option in ("--min-share=2", "--min-pages=1", "--fuzzy-threshold=0"):  # learn exited 1 on these
        bad = run("learn", "-", "-o", str(tmp_path / "model.json"), option, input='{"text": "x", "host": "a"}\n')
        assert bad.exit_code == 2 and option[2:].split("=")[0].replace("-", "_") in bad.output


def test_a_failed_run_leaves_no_output_file(tmp_path):
    target = tmp_path / "out.jsonl"
    result = run("clean", "--jsonl", "-o", str(target), input='{"text": "ok"}\n{broken\n')
    assert result.exit_code == 1
    assert list(tmp_path.iterdir()) == []


def test_skip_mode_counts_every_record_and_writes_the_rejected(tmp_path):
    lines = [
        json.dumps({"id": "1", "text": ARTICLE}),
        "{broken",
        json.dumps({"id": "2"}),
        json.dumps({"id": "3", "text": None}),
        json.dumps({"id": "1", "text": "a repeated id"}),
        json.dumps({"id": "4", "text": "Line\u2028with a line separator inside a JSON string."}),
    ]
    rejected = tmp_path / "rejected.jsonl"
    result = run("clean", "--jsonl", "--id-key", "id", "--on-error", "skip", "--rejected", str(rejected),
                 input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["1", "4"]
    assert result.stderr == f"textclean: 6 records in, 2 written, 4 rejected (see {rejected})\n"
    reasons = [(r["line"], r["reason"]) for r in map(json.loads, rejected.read_text(encoding="utf-8").splitlines())]
    assert reasons == [
        (2, "not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
        (3, "field 'text' is missing; choose the field with --text-key"),
        (4, "field 'text' is NoneType, not a string; choose the field with --text-key"),
        (5, "id '1' was already used at <stdin>:1"),
    ]


def test_binary_text_file_is_refused_or_skipped(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("A plain line of prose.", encoding="utf-8")
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    failed = run("clean", str(good), str(binary))
    assert failed.exit_code == 1
    assert failed.stderr == (f"Error: {binary}: looks binary (NUL byte at offset 8); textclean reads text "
                             "(for UTF-16 or UTF-32 text, pass --encoding utf-16 or utf-32)\n")
    skipped = run("clean", str(good), str(binary), "--on-error", "skip")
    assert skipped.exit_code == 0
    assert skipped.stdout == "A plain line of prose.\n"
    assert skipped.stderr == "textclean: 2 records in, 1 written, 1 rejected\n"


def test_jobs_give_the_same_output_report_and_rejections_in_the_same_order(tmp_path):
    menu = "\n".join(["Home", "News", "World", "Sport", "Search", "Sign in"] * 5)
    rows = []
    for i in range(300):  # several batches per worker
        if i % 3 == 0:
            text = f"{menu}\nStory {i} headline here\n" + f"Story {i} is long enough to be the body of a page. " * 9
        else:
            text = f"Search\nParagraph {i} of an extracted article, kept whole.\n..."
        rows.append(json.dumps({"id": i, "text": text}) if i % 50 != 7 else "{broken")
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(rows) + "\n")
    outputs = {}
    for jobs in ("1", "2"):
        out, report, rejected = (tmp_path / f"{name}{jobs}.jsonl" for name in ("out", "report", "rejected"))
        result = CliRunner().invoke(main, ["clean", str(corpus), "--preset", "auto", "--jobs", jobs, "-o", str(out),
                                           "--report", str(report), "--on-error", "skip", "--rejected", str(rejected)])
        assert result.exit_code == 0, result.output
        outputs[jobs] = (out.read_bytes(), report.read_bytes(), rejected.read_bytes(),
                         result.stderr.replace(str(rejected), "REJECTED"))
    assert outputs["1"] == outputs["2"]
    out, report, rejected, stderr = outputs["2"]
    assert len(out.splitlines()) == len(report.splitlines()) == 294 and len(rejected.splitlines()) == 6
    assert "--preset auto chose page for 98 of 294 documents" in stderr  # 2 of the 100 pages were broken


def test_jobs_must_be_at_least_one():
    result = CliRunner().invoke(main, ["clean", "--jobs", "0", "-"], input="x\n")
    assert result.exit_code == 2


def test_running_out_of_memory_is_an_error_not_a_traceback(monkeypatch):
    from textclean import cli

    def too_big(*_args):
        raise MemoryError

    monkeypatch.setattr(cli, "_clean_one", too_big)
    result = run("clean", "-", input=ARTICLE)
    assert result.exit_code == 1
    assert result.output == "Error: out of memory (a record too large for this machine?); run with fewer --jobs or more memory\n"


def test_explain_looks_only_at_what_fits_of_a_huge_block():
    # A 30 MB one-line block took gigabytes: its characters were listed before being cut to 48 columns.
    import tracemalloc

    import textclean

    result = textclean.clean("Search\n" + "word " * 1_000_000)
    tracemalloc.start()
    table = result.explain()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 100_000 and "word word word" in table.splitlines()[2]


def test_explain_shows_what_almost_removed_a_kept_block():
    # A kept block said only "no finding reached its threshold", hiding e.g. a protected headline's
    # template evidence or a repeat reported at 0.45.
    text = ("The council met on Tuesday and voted to keep the library open for another year.\n"
            "Picture-in-Picture\nMembers said the budget would hold for five more years.\n")
    rows = run("explain", "-", input=text).output.splitlines()
    assert rows[3].endswith("no finding reached its threshold; navigation 0.30: the video player control "
                            "'picture in picture', but no other UI line is near: a heading?")
    assert rows[2].endswith("no finding reached its threshold")  # nothing found: nothing more said
