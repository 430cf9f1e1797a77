"""Golden cases as data (tests/golden/*.json): one file per reason, negatives, known failures.

The expected removals in these files were written and checked by a person, case by case.
Each case's text is its lines joined by newlines; `drop` lists the lines that must go,
with the file's reason (or the case's own). Every other line must stay.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import textclean

GOLDEN = Path(__file__).parent / "golden"


def _cases(*names: str):
    for name in names:
        data = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
        for case in data["cases"]:
            reason = case.get("reason", data["reason"])
            yield pytest.param(case["lines"], [(line, reason) for line in case.get("drop", [])], id=f"{name}: {case['name']}")


REASON_FILES = sorted(p.stem for p in GOLDEN.glob("*.json") if p.stem not in {"negatives", "known_failures"})


def _removed(lines: list[str]) -> list[tuple[str, str]]:
    result = textclean.clean("\n".join(lines))
    assert textclean.apply_removals(result.original, result.removed) == result.text
    return [(span.block_text, span.reason.value) for span in result.removed]


@pytest.mark.parametrize(("lines", "expected"), list(_cases(*REASON_FILES)))
def test_reason_cases(lines, expected):
    assert _removed(lines) == expected


@pytest.mark.parametrize(("lines", "expected"), list(_cases("negatives")))
def test_negatives_survive_whole(lines, expected):
    result = textclean.clean("\n".join(lines))
    assert result.removed == ()
    assert result.text == "\n".join(lines)


@pytest.mark.xfail(strict=True, reason="known failure, recorded in tests/golden/known_failures.json")
@pytest.mark.parametrize(("lines", "expected"), list(_cases("known_failures")))
def test_known_failures(lines, expected):
    assert _removed(lines) == expected


def test_every_reason_but_the_corpus_ones_has_a_golden_file():
    corpus_reasons = {"template", "low_content"}  # need a site model or a full page: tested elsewhere
    assert set(REASON_FILES) == {r.value for r in textclean.Reason} - corpus_reasons
