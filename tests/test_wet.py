"""Common Crawl WET files and gzip-compressed inputs, read as they stream.

The WET files are written here with warcio's own writer (the format Common Crawl publishes:
a ``warcinfo`` record, then one ``conversion`` record of page text per page).
"""
from __future__ import annotations

import gzip
import io
import json

from click.testing import CliRunner
from warcio.warcwriter import WARCWriter

from textclean import io as textclean_io
from textclean.cli import main

MENU = "\n".join(["Home", "News", "World", "Business", "Sport", "Culture", "Search", "Sign in"] * 3)
ARTICLE = "\n".join(f"The council met on day {i} and voted to keep the library open for another year, "
                    "after residents filled the hall to speak for it." for i in range(6))
FOOTER = "\n".join(["Most read", "About us", "Contact", "Privacy policy", "Terms of use", "© 2024 Example Media"] * 2)
PAGE = f"{MENU}\nLibrary stays open after council vote\n{ARTICLE}\n{FOOTER}"


def write_wet(path, pages: list[tuple[str, ...]], *, compress: bool = True) -> str:
    """A WET file of ``(url, text)`` or ``(url, text, WARC-Date)`` pages."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
    for url, text, *date in pages:
        headers = {"Content-Type": "text/plain", **({"WARC-Date": date[0]} if date else {})}
        writer.write_record(writer.create_warc_record(url, "conversion", payload=io.BytesIO(text.encode("utf-8")),
                                                      warc_headers_dict=headers))
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_wet_records_become_jsonl_records_with_url_and_date(tmp_path):
    wet = write_wet(tmp_path / "crawl.warc.wet.gz", [("https://example.com/a", PAGE), ("https://example.org/b", "Short note.")])
    out = tmp_path / "clean.jsonl"
    result = CliRunner().invoke(main, ["clean", wet, "--preset", "auto", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "textclean: --preset auto chose page for 1 of 2 documents\n"
    first, second = (json.loads(line) for line in out.read_text().splitlines())
    assert first["url"] == "https://example.com/a" and first["warc_record_id"].startswith("<urn:uuid:")
    assert first["date"] and second["text"] == "Short note."
    assert first["text"] == f"Library stays open after council vote\n{ARTICLE}"  # the page preset kept headline + body


def test_uncompressed_wet_and_record_numbers(tmp_path):
    wet = write_wet(tmp_path / "crawl.wet", [("https://example.com/a", "One."), ("https://example.com/b", "Two.")],
                    compress=False)
    records = list(textclean_io.read_records([wet], jsonl=None))
    assert [(r.text, r.line, r.where) for r in records] == [("One.", 2, f"{wet}:2"), ("Two.", 3, f"{wet}:3")]


def test_a_cut_off_wet_record_is_an_error_naming_it_or_a_rejection(tmp_path):
    whole = write_wet(tmp_path / "whole.wet", [("https://example.com/a", "One."), ("https://example.com/b", "Two " * 500)],
                      compress=False)
    data = open(whole, "rb").read()
    cut = tmp_path / "cut.wet"
    cut.write_bytes(data[: len(data) - 1500])
    result = CliRunner().invoke(main, ["clean", str(cut), "-o", "-"])
    assert result.exit_code == 1
    # 1,500 bytes cut: the record's closing CRLF CRLF and 1,496 bytes of its 2,000-byte text.
    assert f"{cut}:3: the record is cut off (504 of 2000 bytes)" in result.stderr
    skipped = CliRunner().invoke(main, ["clean", str(cut), "--on-error", "skip", "-o", "-"])
    assert skipped.exit_code == 0
    assert [json.loads(line)["text"] for line in skipped.stdout.splitlines()] == ["One."]
    assert "2 records in, 1 written, 1 rejected" in skipped.stderr


def test_undecodable_wet_text_names_the_record(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warc_record("https://example.com/a", "conversion", payload=io.BytesIO(b"caf\xe9")))
    wet = tmp_path / "bad.wet.gz"
    wet.write_bytes(buffer.getvalue())
    result = CliRunner().invoke(main, ["clean", str(wet), "-o", "-"])
    assert result.exit_code == 1
    assert f"{wet}:1: byte 0xe9 at offset 3 of the record's text is not valid UTF-8" in result.stderr
    replaced = CliRunner().invoke(main, ["clean", str(wet), "--errors", "replace", "-o", "-"])
    assert json.loads(replaced.stdout)["text"] == "caf\ufffd"


def test_gzip_jsonl_and_text_inputs_are_read_as_they_stream(tmp_path):
    jsonl = tmp_path / "docs.jsonl.gz"
    with gzip.open(jsonl, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": 1, "text": "Search\nA real paragraph of text."}) + "\n")
    text = tmp_path / "page.txt.gz"
    text.write_bytes(gzip.compress("Search\nA real paragraph of text.\n".encode()))
    result = CliRunner().invoke(main, ["clean", str(jsonl), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"id": 1, "text": "A real paragraph of text."}
    out_dir = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(text), "-o", f"{out_dir}/"])
    assert result.exit_code == 0, result.output
    assert (out_dir / "page.txt").read_text() == "A real paragraph of text.\n"  # written uncompressed


def test_a_damaged_gzip_file_is_an_error_naming_it(tmp_path):
    jsonl = tmp_path / "docs.jsonl.gz"
    jsonl.write_bytes(gzip.compress(b'{"text": "one"}\n' * 1000)[:-40])
    result = CliRunner().invoke(main, ["clean", str(jsonl), "-o", "-"])
    assert result.exit_code == 1
    assert f"{jsonl}: cannot read:" in result.stderr


def test_a_cut_off_compressed_wet_file_is_an_error_wherever_it_is_cut(tmp_path):
    # warcio ends an archive quietly at gzip's EOFError, so a cut at a record boundary used to
    # read as a shorter, valid file (exit 0, the rest dropped).
    pages = [(f"https://example.com/{i}", f"Page {i}\n" + ARTICLE) for i in range(40)]
    data = open(write_wet(tmp_path / "crawl.wet.gz", pages), "rb").read()
    cut = tmp_path / "cut.wet.gz"
    for tenth in range(1, 10):
        cut.write_bytes(data[: len(data) * tenth // 10])
        result = CliRunner().invoke(main, ["dedup", str(cut), "-o", "-"])
        assert result.exit_code == 1, (tenth, result.stderr)
        assert f"{cut}: not a readable WARC/WET file after record " in result.stderr
        assert "the file is cut short" in result.stderr


def test_with_skip_a_cut_off_file_is_one_rejection_and_the_counts_add_up(tmp_path):
    # A cut .jsonl.gz used to stop the run under --on-error skip; a WET record cut inside its
    # text was counted twice (records in = written + rejected + 1).
    jsonl = tmp_path / "docs.jsonl.gz"
    jsonl.write_bytes(gzip.compress(b"".join(b'{"text": "record %d"}\n' % i for i in range(2000)))[:-40])
    pages = [(f"https://example.com/{i}", f"Page {i}\n" + ARTICLE) for i in range(40)]
    data = open(write_wet(tmp_path / "crawl.wet.gz", pages), "rb").read()
    for cut in (jsonl, tmp_path / "cut.wet.gz"):
        for tenth in range(1, 10):
            if cut.name == "cut.wet.gz":
                cut.write_bytes(data[: len(data) * tenth // 10])
            result = CliRunner().invoke(main, ["clean", str(cut), "--on-error", "skip", "-o", "-"])
            assert result.exit_code == 0, result.stderr
            written = len(result.stdout.splitlines())
            assert result.stderr == f"textclean: {written + 1} records in, {written} written, 1 rejected\n"


def test_dedup_reads_wet(tmp_path):
    wet = write_wet(tmp_path / "crawl.wet.gz", [("https://example.com/a", PAGE), ("https://example.com/a?ref=1", PAGE)])
    result = CliRunner().invoke(main, ["dedup", wet, "-o", "-"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == "dedup: 2 documents, 1 kept, 1 removed (1 exact)\n"


def test_a_file_that_is_not_warc_is_an_error_naming_it(tmp_path):
    # The second text warcio reads as an ARC record, which was skipped: 0 documents, exit 0.
    wet = tmp_path / "notes.wet"
    for text, why in (("just some notes\n", ""), ("a b c d e\nsome notes\n", ": it is ARC, not WARC")):
        wet.write_text(text)
        result = CliRunner().invoke(main, ["clean", str(wet), "-o", "-"])
        assert result.exit_code == 1
        assert f"{wet}: not a readable WARC/WET file after record 0{why}" in result.stderr


def test_learn_reads_wet_and_finds_the_site_from_the_url(tmp_path):
    pages = [(f"https://news.example.com/{i}", f"{MENU}\nStory {i} headline here\nStory {i} is about topic {i}.\n{FOOTER}")
             for i in range(4)]
    wet = write_wet(tmp_path / "crawl.wet.gz", pages)
    model = tmp_path / "templates.json"
    result = CliRunner().invoke(main, ["learn", wet, "-o", str(model)])
    assert result.exit_code == 0, result.output
    assert "learn: 4 pages of 1 site" in result.stderr
    assert "news.example.com" in json.loads(model.read_text())["sites"]


def test_damaged_wet_files_give_records_or_an_input_error_never_a_crash(tmp_path):
    # Deterministic mutations (bytes changed, cut, inserted) of a small valid file: whatever
    # warcio makes of them, reading yields records or raises InputError naming the file.
    import random

    from textclean.errors import InputError

    valid = open(write_wet(tmp_path / "valid.wet", [(f"https://e.com/{i}", f"Page {i}\nline two") for i in range(3)],
                           compress=False), "rb").read()
    rng = random.Random(0)
    damaged = tmp_path / "damaged.wet"
    for _ in range(300):
        data = bytearray(valid)
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(data))
            kind = rng.random()
            if kind < 0.4:
                data[at] = rng.randrange(256)
            elif kind < 0.7:
                del data[at:at + rng.randint(1, 40)]
            else:
                data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
        damaged.write_bytes(bytes(data))
        for on_error in ("fail", "skip"):
            try:
                records = list(textclean_io.read_records([str(damaged)], jsonl=None, on_error=on_error))
            except InputError as exc:
                assert str(exc).startswith(str(damaged)) and on_error == "fail"
            else:
                assert all(r.source == str(damaged) for r in records)


def test_id_key_chooses_a_wet_field_as_the_id_and_other_fields_are_errors(tmp_path):
    wet = write_wet(tmp_path / "crawl.wet", [("https://example.com/a", PAGE), ("https://example.com/b", PAGE)],
                    compress=False)
    clusters = tmp_path / "clusters.jsonl"
    result = CliRunner().invoke(main, ["dedup", wet, "--id-key", "url", "--clusters", str(clusters), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert json.loads(clusters.read_text()) == {"id": "https://example.com/b", "duplicate_of": "https://example.com/a",
                                                 "similarity": 1.0, "containment": 1.0, "reason": "exact"}
    wrong = CliRunner().invoke(main, ["dedup", wet, "--id-key", "id"])
    assert wrong.exit_code == 1 and "--id-key 'id' is not a field of WET records; they have url, date" in wrong.output
    wrong = CliRunner().invoke(main, ["dedup", wet, "--keep", "latest:crawled"])
    assert wrong.exit_code == 1 and "the keep policy's field 'crawled' is not a field of WET records" in wrong.output

