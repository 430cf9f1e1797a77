"""``textclean dedup --engine spark``: the same output as the local engine, JSONL and Parquet."""
from __future__ import annotations

import json

from click.testing import CliRunner

from textclean.cli import main

ARTICLE = " ".join(f"token{i}" for i in range(200))
ROWS = [
    {"url": "a", "text": ARTICLE, "lang": "en"},
    {"url": "b", "text": ARTICLE.upper(), "lang": "en"},
    {"url": "c", "text": " ".join(ARTICLE.split()[:150]), "lang": "en"},
    {"url": "d", "text": "a different short note", "lang": "fr"},
]


def run(*args):
    return CliRunner().invoke(main, ["dedup", *args])


def test_jsonl_in_and_out_equals_the_local_engine(spark, tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    outputs = {}
    for engine in ("local", "spark"):
        out, clusters = tmp_path / f"{engine}.jsonl", tmp_path / f"{engine}-clusters.jsonl"
        result = run(str(corpus), "--id-key", "url", "-o", str(out), "--clusters", str(clusters), "--engine", engine,
                     "--master", "local[2]")
        assert result.exit_code == 0, result.output
        outputs[engine] = (out.read_text(), clusters.read_text())
        assert result.stderr.startswith("dedup: 4 documents, 2 kept, 2 removed (1 exact, 1 contained)")
    assert outputs["spark"] == outputs["local"]


def test_jsonl_output_follows_the_inputs_order_as_on_the_local_engine(spark, tmp_path):
    # Spark's order was its file URIs': "c.jsonl b.jsonl" came out b's records first.
    names = ["c.jsonl", "a b/é[1].jsonl", "b.jsonl"]
    for name, row in zip(names, ROWS[:1] + ROWS[3:] + [{"url": "e", "text": "yet another note", "lang": "de"}]):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(json.dumps(row) + "\n")
    outputs = {}
    for engine in ("local", "spark"):
        out = tmp_path / f"{engine}.jsonl"
        result = run(*(str(tmp_path / n) for n in names), "--id-key", "url", "-o", str(out), "--engine", engine,
                     "--master", "local[2]")
        assert result.exit_code == 0, result.output
        outputs[engine] = [json.loads(line)["url"] for line in out.read_text().splitlines()]
    assert outputs["spark"] == outputs["local"] == ["a", "d", "e"]


def test_parquet_in_and_out(spark, tmp_path):
    source = tmp_path / "in.parquet"
    spark.createDataFrame([(r["url"], r["text"], r["lang"]) for r in ROWS], "url string, text string, lang string") \
        .repartition(2).write.parquet(str(source))
    out, clusters = tmp_path / "out.parquet", tmp_path / "clusters.jsonl"
    result = run(str(source), "--id-key", "url", "-o", str(out), "--clusters", str(clusters), "--engine", "spark")
    assert result.exit_code == 0, result.output
    assert sorted(r["url"] for r in spark.read.parquet(str(out)).collect()) == ["a", "d"]
    assert [json.loads(line)["id"] for line in clusters.read_text().splitlines()] == ["b", "c"]


def test_spark_engine_errors_say_what_to_do(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps(ROWS[0]) + "\n")
    result = run(str(corpus), "--engine", "spark", "--index", str(tmp_path / "i.sqlite"), "--id-key", "url")
    assert result.exit_code == 1
    assert "--engine spark dedups one corpus; --index and --redis are for the local engine" in result.output
    result = run(str(corpus), "--engine", "spark", "--on-error", "skip", "--id-key", "url")
    assert result.exit_code == 1 and "--on-error skip is for the local engine" in result.output
    result = run(str(tmp_path / "in.parquet"), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 1 and "Parquet files need --engine spark" in result.output
    colon = tmp_path / "crawl:1.jsonl"  # Hadoop failed with "URISyntaxException: Relative path in absolute URI"
    colon.write_text(json.dumps(ROWS[0]) + "\n")
    result = run(str(colon), "--engine", "spark", "--id-key", "url", "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 1 and f"{colon}: Spark (Hadoop) cannot read a file whose path holds ':'" in result.output


def test_a_bad_jsonl_record_names_its_file(spark, tmp_path):
    # As it was given: Spark's own name for it was file:///.../my%20in.jsonl.
    corpus = tmp_path / "my in.jsonl"
    corpus.write_text(json.dumps(ROWS[0]) + "\n" + '{"url": "x", "body": "no text field"}\n')
    result = run(str(corpus), "--engine", "spark", "--id-key", "url", "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 1
    assert f"Error: {corpus}: field 'text' is missing; choose the field with --text-key" in result.output
    other = tmp_path / "a.jsonl"  # named second, so reported second, as on the local engine
    other.write_text('{"url": "y"}\n')
    result = run(str(corpus), str(other), "--engine", "spark", "--id-key", "url", "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 1 and f"Error: {corpus}: field 'text'" in result.output
    assert not (tmp_path / "o.jsonl").exists()


def test_bytes_that_are_not_utf8_stop_the_run_as_on_the_local_engine(spark, tmp_path):
    corpus = tmp_path / "in.jsonl"
    good = json.dumps({"url": "a", "text": ARTICLE + " \ufffd"}, ensure_ascii=False).encode()  # a real U+FFFD
    corpus.write_bytes(good + b"\n" + b'{"url": "b", "text": "caf\xe9 au lait"}\n')
    messages = {}
    for engine in ("local", "spark"):
        out = tmp_path / f"{engine}.jsonl"
        result = run(str(corpus), "--id-key", "url", "-o", str(out), "--engine", engine)
        assert result.exit_code == 1 and not out.exists()
        messages[engine] = result.output
    # Spark names the file and quotes the record, as for its other JSONL errors (no line numbers).
    assert "in.jsonl:2: byte 0xe9 at column 26 is not valid utf-8" in messages["local"]
    assert "in.jsonl: byte 0xe9 at column 26 is not valid utf-8; pass --errors replace" in messages["spark"]
    assert "caf\ufffd au lait" in messages["spark"]
    result = run(str(corpus), "--id-key", "url", "-o", str(tmp_path / "o.jsonl"), "--engine", "spark",
                 "--errors", "replace")
    assert result.exit_code == 0, result.output
    assert "caf\ufffd au lait" in (tmp_path / "o.jsonl").read_text()
    assert "; 1 undecodable byte sequences replaced" in result.stderr  # the first record's U+FFFD is text
    corpus.write_bytes(good + b"\n")  # U+FFFD alone is text, not an error
    assert run(str(corpus), "--id-key", "url", "-o", str(tmp_path / "o.jsonl"), "--engine", "spark").exit_code == 0


def test_file_names_are_literal_blank_lines_go_and_outputs_are_checked(spark, tmp_path):
    # Spark expanded "a[1].jsonl" again (reading a1.jsonl), stopped at a line of a tab (local skips
    # it), overwrote an input named as -o, and read only the Parquet of a Parquet + JSONL mix.
    (tmp_path / "a[1].jsonl").write_text(json.dumps(ROWS[0]) + "\n\t\n")
    (tmp_path / "a1.jsonl").write_text(json.dumps(ROWS[3]) + "\n")
    out = tmp_path / "out.jsonl"
    result = run(str(tmp_path / "a[1].jsonl"), "--id-key", "url", "-o", str(out), "--engine", "spark", "--master", "local[2]")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["url"] for line in out.read_text().splitlines()] == ["a"]
    same = run(str(tmp_path / "a1.jsonl"), "--id-key", "url", "-o", str(tmp_path / "a1.jsonl"), "--engine", "spark")
    assert same.exit_code == 1 and f"-o {tmp_path / 'a1.jsonl'} is the input" in same.stderr
    spark.createDataFrame([("x", "a text")], "url string, text string").write.parquet(str(tmp_path / "p.parquet"))
    mixed = run(str(tmp_path / "p.parquet"), str(tmp_path / "a1.jsonl"), "--id-key", "url", "-o", str(out),
                "--engine", "spark")
    assert mixed.exit_code == 1 and "one kind at a time" in mixed.stderr


def test_a_nan_keep_value_loses_as_on_the_local_engine(spark, tmp_path):
    # to_json wrote NaN as the string "NaN", and every string outranks every number.
    source = tmp_path / "in.parquet"
    spark.createDataFrame([("a", ARTICLE, float("nan")), ("b", ARTICLE, 2.0), ("c", ARTICLE, float("inf"))],
                          "url string, text string, date double").write.parquet(str(source))
    clusters = tmp_path / "clusters.jsonl"
    result = run(str(source), "--id-key", "url", "--keep", "latest:date", "-o", str(tmp_path / "out.parquet"),
                 "--clusters", str(clusters), "--engine", "spark", "--master", "local[2]")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["duplicate_of"] for line in clusters.read_text().splitlines()] == ["b", "b"]


def test_parquet_values_json_has_not_are_written_as_json_can_hold_them(spark, tmp_path):
    # Dates and decimals raised TypeError (not JSON serializable), NaN was written as NaN (not
    # JSON), a dotted id column was unresolved, and a missing Parquet path was a Java traceback.
    import datetime
    import decimal

    source = tmp_path / "in.parquet"
    spark.createDataFrame(
        [("a", ARTICLE, datetime.datetime(2024, 5, 1, 12, 30), decimal.Decimal("1.10"), float("nan"))],
        "`my.id` string, text string, seen timestamp, price decimal(4,2), score double").write.parquet(str(source))
    out = tmp_path / "out.jsonl"
    result = run(str(source), "--id-key", "my.id", "-o", str(out), "--engine", "spark", "--master", "local[2]")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text()) == {"my.id": "a", "text": ARTICLE, "seen": "2024-05-01T12:30:00",
                                           "price": "1.10", "score": None}
    missing = run(str(tmp_path / "nope.parquet"), "--id-key", "url", "-o", str(out), "--engine", "spark")
    assert missing.exit_code == 1 and f"Error: {tmp_path / 'nope.parquet'}: no such file or directory" in missing.stderr
