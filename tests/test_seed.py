"""The project's seed: a real scraped article with eight pieces of debris.

seeds/000_4ba80bf32c95347b.expected.txt was produced by `textclean clean` and checked by a
person: the headline once and the thirteen body paragraphs (fourteen blocks kept), blank
lines between, every word of the article present.
"""
from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path

import pytest

import textclean
from textclean.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

SEED = SEEDS / "000_4ba80bf32c95347b.txt"
EXPECTED = SEEDS / "000_4ba80bf32c95347b.expected.txt"


def test_seed_removals_are_the_eight_blocks_with_their_reasons():
    result = textclean.clean(SEED.read_text(encoding="utf-8"))
    removed = [(span.reason.value, span.block_text[:40]) for span in result.removed]
    assert removed == [
        ("navigation", "Search"),
        ("navigation", "Search"),
        ("section_label", "GAZA WAR"),
        ("duplicate", "Hamas, other Palestinian groups stress '"),
        ("caption", "Palestinian Prime Minister Mohammad Shta"),
        ("repeated_lead", "Palestinian factions including rivals Ha"),
        ("repeated_lead", "The meeting in Moscow on Thursday brough"),
        ("truncation", "..."),
    ]
    assert sum(d.keep for d in result.decisions) == 14


def test_seed_cli_output_matches_the_checked_file(tmp_path):
    from click.testing import CliRunner

    report = tmp_path / "report.jsonl"
    run = CliRunner().invoke(main, ["clean", str(SEED), "--report", str(report)])
    assert run.exit_code == 0, run.output
    assert run.output == EXPECTED.read_text(encoding="utf-8")
    import json

    (entry,) = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert Counter(span["reason"] for span in entry["removed"]) == {
        "navigation": 2, "section_label": 1, "duplicate": 1, "caption": 1, "repeated_lead": 2, "truncation": 1,
    }


def test_seed_keeps_every_word_of_the_article():
    original = SEED.read_text(encoding="utf-8")
    kept = textclean.clean(original).text
    body = original.split("\n\n\n")[0].split("(Credit: Zain Jaafar/AFP)")[1]
    assert body.strip() in kept


@pytest.mark.parametrize("width", [60, 76, 100])
def test_the_seed_hard_wrapped_loses_the_same_eight_blocks(width):
    # As lynx or html2text print it: each line wrapped, a blank line between. The wrapped lines of
    # a paragraph are one block again, so the same debris goes for the same reasons.
    text = SEED.read_text(encoding="utf-8")
    wrapped = "\n\n".join(textwrap.fill(line, width) for line in text.split("\n") if line.strip())
    expected, result = textclean.clean(text), textclean.clean(wrapped)
    assert [(s.reason, s.block_text) for s in result.removed] == [(s.reason, s.block_text) for s in expected.removed]
    assert sum(d.keep for d in result.decisions) == 14
