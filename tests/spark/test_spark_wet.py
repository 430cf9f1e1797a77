"""WET files on Spark: ``read_wet`` and ``textclean dedup --engine spark`` give what the local engine gives."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from textclean.cli import main
from textclean.errors import InputError

from test_wet import ARTICLE, PAGE, write_wet  # tests/ is on the path (its conftest.py)

OTHER = "\n".join(f"Storm warnings were issued on day {i} for the whole coast, and ferries stayed in port "
                  "while the wind reached gale force." for i in range(6))


def _corpus(tmp_path) -> list[str]:
    first = write_wet(tmp_path / "a.wet.gz", [("https://example.com/library", PAGE, "2024-03-02T10:00:00Z"),
                                              ("https://example.com/storm", OTHER, "2024-03-02T11:00:00Z")])
    second = write_wet(tmp_path / "b.wet", [
        ("https://mirror.example.org/library", PAGE + "\nShare this", "2024-03-05T09:00:00Z"),
        ("https://mirror.example.org/short", ARTICLE.split("\n")[0], "2024-03-01T08:00:00Z")], compress=False)
    return [first, second]


def test_read_wet_gives_one_row_per_page(spark, tmp_path):
    from textclean.spark import read_wet

    frame = read_wet(spark, _corpus(tmp_path))
    assert frame.columns == ["url", "date", "warc_record_id", "text"]
    rows = sorted(frame.collect(), key=lambda r: r["url"])
    assert [r["url"] for r in rows] == ["https://example.com/library", "https://example.com/storm",
                                        "https://mirror.example.org/library", "https://mirror.example.org/short"]
    assert rows[1]["text"] == OTHER and all(r["warc_record_id"].startswith("<urn:uuid:") and r["date"] for r in rows)


# One cluster: the library page, its longer mirror, and the short page made of its first paragraph.
@pytest.mark.parametrize("keep, kept_copy, id_key", [("longest", "https://mirror.example.org/library", []),
                                                     ("earliest:date", "https://mirror.example.org/short", ["--id-key", "url"])])
def test_dedup_of_wet_files_equals_the_local_engine(spark, tmp_path, keep, kept_copy, id_key):
    inputs = _corpus(tmp_path)
    outputs = {}
    for engine in ("local", "spark"):
        out, clusters = tmp_path / f"{engine}.jsonl", tmp_path / f"{engine}-clusters.jsonl"
        result = CliRunner().invoke(main, ["dedup", *inputs, "-o", str(out), "--clusters", str(clusters), *id_key,
                                           "--keep", keep, "--engine", engine, "--master", "local[2]"])
        assert result.exit_code == 0, result.output
        assert result.stderr.startswith("dedup: 4 documents, 2 kept, 2 removed")
        outputs[engine] = (out.read_text(), clusters.read_text())
    assert outputs["spark"] == outputs["local"]
    kept = [json.loads(line) for line in outputs["spark"][0].splitlines()]
    assert [r["url"] for r in kept] == ["https://example.com/storm", kept_copy]  # in input order
    removed = [json.loads(line)["id"] for line in outputs["spark"][1].splitlines()]
    assert all(i.startswith("https://" if id_key else "<urn:uuid:") for i in removed) and len(removed) == 2


def test_wet_to_parquet(spark, tmp_path):
    out = tmp_path / "kept.parquet"
    result = CliRunner().invoke(main, ["dedup", *_corpus(tmp_path), "-o", str(out), "--engine", "spark"])
    assert result.exit_code == 0, result.output
    rows = spark.read.parquet(str(out)).collect()
    assert sorted(r["url"] for r in rows) == ["https://example.com/storm", "https://mirror.example.org/library"]


def test_a_cut_off_wet_file_is_an_error_naming_the_record(spark, tmp_path):
    from textclean.spark import read_wet

    whole = write_wet(tmp_path / "whole.wet", [("https://example.com/a", "One."), ("https://example.com/b", "Two " * 500)],
                      compress=False)
    cut = tmp_path / "cut.wet"
    cut.write_bytes(open(whole, "rb").read()[:-1500])
    with pytest.raises(InputError, match=r"cut\.wet:3: the record is cut off"):
        read_wet(spark, [str(cut)])
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(main, ["dedup", str(cut), "-o", str(out), "--engine", "spark"])
    assert result.exit_code == 1 and "cut.wet:3: the record is cut off" in result.output
    assert not out.exists()
    # Of two bad files, the first named is the one reported, as on the local engine (Spark took
    # the first in name order).
    (tmp_path / "a.wet").write_bytes(cut.read_bytes())
    for engine in ("local", "spark"):
        result = CliRunner().invoke(main, ["dedup", str(cut), str(tmp_path / "a.wet"), "-o", str(out), "--engine", engine])
        assert result.exit_code == 1 and "cut.wet:3: the record is cut off" in result.output, engine


def test_mixed_kinds_unknown_fields_and_no_files_are_refused(spark, tmp_path):
    inputs = _corpus(tmp_path)
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text(json.dumps({"id": "x", "text": "y"}) + "\n")
    result = CliRunner().invoke(main, ["dedup", inputs[0], str(jsonl), "--engine", "spark", "--id-key", "id"])
    assert result.exit_code == 1 and "one kind at a time" in result.output
    result = CliRunner().invoke(main, ["dedup", *inputs, "--engine", "spark", "--keep", "latest:crawled"])
    assert result.exit_code == 1 and "'crawled' is not a field of WET records" in result.output
    result = CliRunner().invoke(main, ["dedup", *inputs, "--engine", "spark", "--id-key", "id"])
    assert result.exit_code == 1 and "--id-key 'id' is not a field of WET records" in result.output
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["dedup", str(tmp_path / "empty"), "--engine", "spark", "--id-key", "id"])
    assert result.exit_code == 1 and "--engine spark found no input file to read" in result.output


def test_wet_bytes_that_are_not_utf8_fail_or_are_replaced_as_asked(spark, tmp_path):
    import io

    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warc_record("https://example.com/a", "conversion", payload=io.BytesIO(b"caf\xe9")))
    wet = tmp_path / "bad.wet.gz"
    wet.write_bytes(buffer.getvalue())
    out = tmp_path / "o.jsonl"
    failed = CliRunner().invoke(main, ["dedup", str(wet), "-o", str(out), "--engine", "spark"])
    assert failed.exit_code == 1 and "bad.wet.gz:1: byte 0xe9 at offset 3" in failed.output
    replaced = CliRunner().invoke(main, ["dedup", str(wet), "-o", str(out), "--engine", "spark", "--errors", "replace"])
    assert replaced.exit_code == 0, replaced.output
    assert json.loads(out.read_text())["text"] == "caf\ufffd"
    for engine in ("local", "spark"):  # Spark said nothing of it
        replaced = CliRunner().invoke(main, ["dedup", str(wet), "-o", str(out), "--engine", engine, "--errors", "replace"])
        assert "; 1 undecodable byte sequences replaced" in replaced.stderr, engine
    latin = CliRunner().invoke(main, ["dedup", str(wet), "--engine", "spark", "--encoding", "latin-1"])
    assert latin.exit_code == 1 and "--engine spark reads UTF-8 only" in latin.output
