"""Never costs the article words: cleaning extractor output on the dev sets keeps recall
(within 0.005) and raises F1. Reads ../shared/data and its scorer; skipped without them."""
from __future__ import annotations

import importlib.util

import pytest

import textclean


def _scorer(dev_data):
    path = dev_data.parent / "tools" / "devscore.py"
    spec = importlib.util.spec_from_file_location("devscore", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("dataset", ["readability", "cleanportaleval"])
def test_residual_cleaning_keeps_recall_and_raises_f1(dataset, dev_data):
    devscore = _scorer(dev_data)
    rows = devscore.load(dataset, "residual")
    golds = [row["gold"] for row in rows]
    cleaner = textclean.Cleaner()
    _, recall_before, f1_before = devscore.macro_prf(golds, [row["text"] for row in rows])
    _, recall_after, f1_after = devscore.macro_prf(golds, [cleaner.clean(row["text"]).text for row in rows])
    assert recall_after >= recall_before - 0.005
    assert f1_after > f1_before
