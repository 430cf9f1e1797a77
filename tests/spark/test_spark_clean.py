"""Spark cleaning equals ``textclean.clean`` on every row: golden cases, the seed, nulls."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import textclean
from textclean.detectors.chrome import section_label

REPO = Path(__file__).resolve().parents[2]


def texts() -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    for path in sorted((REPO / "tests" / "golden").glob("*.json")):
        found += ["\n".join(case["lines"]) for case in json.loads(path.read_text(encoding="utf-8"))["cases"]]
    # A full-page dump: the seed between a site's menus and its footer.
    menu = ["Home", "News", "World", "Sport", "Weather", "Search", "Sign in"] * 4
    found.append("\n".join([*menu, found[0], "About us", "Contact", "Privacy policy", "Terms of use"]))
    return found + ["", "   \n  "]


# A caller's detector goes to the executors with the Cleaner (it was refused): one they can import.
OWN_DETECTOR = {"detectors": {"kicker_again": section_label},
                "detectors_enabled": (*textclean.CleanConfig().detectors, "kicker_again")}


@pytest.mark.parametrize("options", [{}, {"preset": "conservative", "fuzzy_threshold": 0.97},
                                     {"preset": "auto", "thresholds": {"low_content": 0.6}}, OWN_DETECTOR])
def test_every_row_equals_textclean_clean(spark, options):
    from textclean.spark import clean

    corpus = texts()
    if options.get("preset") == "auto":  # the auto case must see both kinds of row
        assert {textclean.clean(text, **options).preset for text in corpus} == {"page", "default"}
    frame = spark.createDataFrame([(i, t) for i, t in enumerate(corpus)] + [(len(corpus), None)],
                                  "n long, text string").repartition(3)
    rows = {r["n"]: r for r in clean(frame, **options).collect()}
    assert len(rows) == len(corpus) + 1
    for n, text in enumerate(corpus):
        expected = textclean.clean(text, **options)
        assert rows[n]["clean_text"] == expected.text
        assert [s.asDict() for s in rows[n]["removed"]] == [s.to_dict() for s in expected.removed]
        if options.get("preset") == "auto":
            assert rows[n]["preset"] == expected.preset
    assert ("preset" in rows[0].asDict()) == (options.get("preset") == "auto")  # the column only where there is a choice
    assert rows[len(corpus)]["clean_text"] is None and rows[len(corpus)]["removed"] is None


def test_bad_options_fail_on_the_driver(spark):
    from textclean.spark import clean

    frame = spark.createDataFrame([("a",)], "body string")
    with pytest.raises(textclean.ConfigError, match="column 'text' is not in the DataFrame; its columns: body"):
        clean(frame)
    with pytest.raises(textclean.ConfigError, match="fuzzy_threshold must be within 0..1"):
        clean(frame, "body", fuzzy_threshold=95)
    with_preset = spark.createDataFrame([("a", "x")], "text string, preset string")
    with pytest.raises(textclean.ConfigError, match="already has column 'preset'; choose another"):
        clean(with_preset, preset="auto")
    assert "preset" in clean(with_preset).columns  # without auto no column is added, so none clashes
    numbers = spark.createDataFrame([(1819043176, b"Search\nA line of prose.")], "n int, raw binary")
    with pytest.raises(textclean.ConfigError, match="column 'n' is int, not a string"):
        clean(numbers, "n")  # its four bytes were cleaned as the text 'lleh', or an ANSI cast failed
    assert clean(numbers, "raw").first()["clean_text"] == "A line of prose."  # UTF-8 bytes are text
    with pytest.raises(textclean.ConfigError, match="a detector must be a function defined at the top of a module"):
        clean(frame, "body", detectors={"mine": lambda blocks, context: []},
              detectors_enabled=(*textclean.CleanConfig().detectors, "mine"))
    with pytest.raises(textclean.ConfigError, match="column 'nope' .site_col. is not in the DataFrame"):
        clean(frame, "body", site_col="nope")
    with pytest.raises(textclean.ConfigError, match="column 'n' is int, not a string; choose another with site_col="):
        clean(numbers, "raw", site_col="n")


def test_a_template_model_cleans_each_row_by_its_site_column(spark):
    # Template models were refused: rows had no way to name their site.
    from textclean.spark import clean

    def page(site: str, story: int) -> str:
        return (f"Subscribe to the {site} newsletter today\nStory {story}: the council voted on the budget "
                f"for the library, which stays open.\nAll rights reserved by {site}")

    model = textclean.learn_templates([{"site": s, "text": page(s, i)} for s in ("a.org", "b.org") for i in range(5)],
                                      group_by="site")
    rows = [(s, page(s, 9)) for s in ("a.org", "b.org")] + [(None, page("a.org", 9))]
    frame = spark.createDataFrame(rows, "site string, text string")
    got = clean(frame, preset="page", site_col="site", templates=model).collect()
    cleaner = textclean.Cleaner(preset="page", templates=model)
    for row, (site, text) in zip(got, rows):
        expected = cleaner.clean(text, site=site)
        assert row["clean_text"] == expected.text
        assert [s.asDict() for s in row["removed"]] == [s.to_dict() for s in expected.removed]
    assert [s["reason"] for s in got[0]["removed"]] == ["template", "template"]
    assert "template" not in {s["reason"] for s in got[2]["removed"]}  # no site, and the model has two


def test_a_text_that_is_not_utf8_stops_the_job_saying_where(spark):
    # spark.read.text, or binary cast to string, keeps such bytes; Arrow could not hand them to Python.
    from pyspark.sql import functions as F

    from textclean.spark import clean

    raw = spark.createDataFrame([(bytearray(b"caf\xe9 au lait"),)], "raw binary")
    frame = raw.select(F.col("raw").cast("string").alias("text"))
    with pytest.raises(Exception, match=r"column 'text': byte 0xe9 at offset 3 of the text beginning 'caf\ufffd au "
                                        r"lait' is not UTF-8; replace such bytes with U\+FFFD first"):
        clean(frame).collect()
    fixed = frame.withColumn("text", F.decode(F.encode("text", "UTF-8"), "UTF-8"))  # the fix the error gives
    assert clean(fixed).first()["clean_text"] == "caf\ufffd au lait"
