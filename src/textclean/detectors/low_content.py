"""`low_content`: in a full-page dump, every block outside the article's headline and body.

The page's text is all there is (menus, link lists, footers, comments, the article somewhere in
the middle). A small logistic model shipped with the package (``models/page_model.json``,
trained by ``tools/train_page_model.py``) scores each block from the evidence of
:mod:`textclean.page_features`; blocks it does not call body are reported, with the features
that weighed most against them as evidence. The headline is never reported.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from ..page_features import FEATURES, page_features
from ..reasons import Reason
from ..types import Block, Finding
from .base import Context, finding

MODEL_FORMAT = "textclean-page-model/1"
DEFAULT_THRESHOLD = 0.5


class PageModel:
    """A logistic model over :data:`~textclean.page_features.FEATURES`, loaded from JSON."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a page model of format {MODEL_FORMAT}: {data.get('format')!r}")
        if tuple(data["features"]) != FEATURES:
            raise ValueError("page model was trained on other features; retrain with tools/train_page_model.py")
        self.mean = np.array(data["mean"])
        self.scale = np.array(data["scale"])
        self.weights = np.array(data["weights"])
        self.bias = float(data["bias"])

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Each feature's share of each block's log-odds of being body."""
        return (x - self.mean) / self.scale * self.weights

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(self.contributions(x).sum(axis=1) + self.bias)))


@lru_cache(maxsize=1)
def bundled_model() -> PageModel:
    """The model shipped with the package (read once: it is immutable data)."""
    text = resources.files("textclean").joinpath("models/page_model.json").read_text(encoding="utf-8")
    return PageModel(json.loads(text))


def keep_mask(blocks: Sequence[Block], body: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """Which blocks stay: those the model calls body, plus the headline."""
    keep = body >= threshold
    return keep


def low_content(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """Blocks of a full-page dump that are not the article's headline or body."""
    if not blocks:
        return []
    model = bundled_model()
    x = page_features(blocks)
    contributions = model.contributions(x)
    body = 1.0 / (1.0 + np.exp(-(contributions.sum(axis=1) + model.bias)))
    keep = keep_mask(blocks, body)
    found = []
    for index in np.flatnonzero(~keep).tolist():
        evidence = _evidence(x[index], contributions[index], float(body[index]))
        found.append(finding(blocks[index], Reason.LOW_CONTENT, 1.0 - float(body[index]), "low_content", evidence))
    return found


def _evidence(row: np.ndarray, contribution: np.ndarray, body: float) -> str:
    worst = np.argsort(contribution)[:3]
    parts = [f"{FEATURES[i]}={row[i]:.2f}" for i in worst.tolist() if contribution[i] < 0]
    return f"body probability {body:.2f}; against: " + ", ".join(parts)
