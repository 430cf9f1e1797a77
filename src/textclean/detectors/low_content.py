"""`low_content`: in a full-page dump, every block outside the article's headline and body.

The page's text is all there is (menus, link lists, footers, comments, the article somewhere in
the middle). A small logistic model shipped with the package (``models/page_model.json``,
trained by ``tools/train_page_model.py``) gives each block a probability of being body text
from the evidence of :mod:`textclean.page_features`. The body is then taken as one contiguous
region (the stretch where body probability, weighted by length, adds up the most), so a short
list item or subheading inside the article stays and a lone teaser outside it goes. The
headline above the region (and a standfirst under it) is kept and never reported. A page of
fewer than ten lines has no menus to speak of, so there only near-certain debris goes.

Measured and not adopted (each set held out in turn; ``tools/train_page_model.py --variants``
prints the region rules): a cost per block (shorter regions), further regions beside the main
one, a lower or per-page region threshold, filling gaps between kept blocks, table and list
features (column gaps, leading digits, distance to the prose region), spline features. Each
trades trafilatura-eval's must_keep against its must_drop (about +0.01 for -0.01) or readability's
F1, or loses held-out accuracy, so the one region stays. Also measured (``--folds 5``, where the
model then scored readability F1 0.912, cleanportaleval 0.940, trafilatura-eval must_keep 0.880 /
must_drop 0.857; with the markup rule below, 0.914 / 0.942 / 0.881 / 0.860): boosted oblivious
trees instead of the logistic model (0.921 / 0.927 / 0.887 / 0.858: cleanportaleval loses
recall), a second stage over the neighbours' probabilities, two-state HMM smoothing, learned
start/end-of-article models decoded with the region (0.914 / 0.943 / 0.889 / 0.857), timestamp
and topic-word features, hashed word identity
(4,096 buckets of the line's and its neighbours' words: 0.914 / 0.939 / 0.883 / 0.871, but
must_keep -0.015 with a set held out, as words learned on one set miss the next), boosted trees
averaged with the logistic model (28 settings; the best moves every figure by -0.001 to +0.004,
at 3x the detector's time), weights trained through this region decoder (structured hinge loss,
averaged perceptron: must_drop -0.013 to -0.015), its thresholds tuned per fold, and blank
lines around a line (only trafilatura-eval's inscriptis dumps have them: readability held out
-0.006), a line's measures relative to its own page (22 forms: differences from the prose's
median, z-scores, ranks, ratios; the best within +-0.003), lexical cohesion (the share of a
line's content words found in two or more other prose lines: at most +0.003, at 8% of the
preset's speed; it separates readability's unsure lines but not trafilatura-eval's, whose
teasers and comments share the article's words), sentence counts, caption and photo-gallery
patterns, and unlabelled trafilatura-eval lines between two must_keep lines taken as content
(readability held out -0.014), a sequence model over the feature rows (dilated 1D CNN or
bidirectional GRU, 5–15k weights, alone or averaged with this model: with a set held out,
trafilatura-eval's must_drop falls by 0.02–0.30 and moves with the seed; the best five-fold gain,
readability +0.007, is within seed noise, and the GRU runs at 160 pages/s in numpy), and a learned
second stage that accepts further regions or trims the region's ends (region-level features,
AUC 0.68–0.74 and 0.58–0.62; must_keep +0.007–0.03 for must_drop -0.004 to -0.024); each within
0.01 or a trade. Given every line's true label as its probability, this region rule reaches
0.985 / 0.983 / 0.974 / 0.981: what is short is the probabilities. With the true span given
(first to last content line), trafilatura-eval would reach 0.958 / 0.943 but readability only
0.921: the first's shortfall is where the article ends, the second's is inside it.

A line of raw HTML (``page_features.is_markup``: ``<noscript>`` fallbacks such as tracking
pixels, which dumps keep as text) gets body probability 0 and says so in its evidence.

Each finding's evidence names the features that weighed most against the block. Its score is
``0.5 + (1 - p) / 2`` for body probability ``p``: every reported block reaches the default 0.5
threshold, and a stricter threshold (``thresholds={"low_content": 0.9}``) keeps all but the
surest drops.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from ..page_features import FEATURES, body_region, page_features, page_measures
from ..reasons import Reason
from ..types import Block, Finding
from .base import Context

MODEL_FORMAT = "textclean-page-model/1"
# A block counts toward the body region by (p - REGION_P) * sqrt(tokens + 1).
REGION_P = 0.5
# Inside the region a block goes only when the model is sure of it; outside, it stays if surer still.
INSIDE_MIN_P = 0.1
OUTSIDE_MIN_P = 0.85
# A page of fewer lines has no menus or link lists to speak of: only near-certain debris goes.
SMALL_PAGE_BLOCKS = 10
SMALL_PAGE_MIN_P = 0.02
# The headline (see find_headline): a line repeating the page title among the 40 lines above the
# region (share, byline and photo lines often stand between), else a headline-shaped line among the 8.
_TITLE_WINDOW = 40
_TITLE_MIN_OVERLAP = 0.8
_HEADLINE_WINDOW = 8
_HEADLINE_MIN_OVERLAP = 0.6
_TOKENS, _TITLE_OVERLAP, _SENTENCE_END, _STOP_SHARE, _MARKUP = (
    FEATURES.index(name) for name in ("log_tokens", "title_overlap", "sentence_end", "stop_share", "markup"))
_NOT_HEADLINE = [FEATURES.index(name) for name in
                 ("sentence_end", "nav_phrase", "promo_phrase", "date_words", "separators", "footer_words")]
# A title may end in "?" or "!", carry a date, a " - " or a footer word ("Facebook is tracking me");
# it is no menu or promo phrase.
_NOT_TITLE = [FEATURES.index(name) for name in ("nav_phrase", "promo_phrase")]
# A standfirst is sentences, but no byline ("Posted by … on <date>"), menu, promo or footer line.
_NOT_STANDFIRST = [FEATURES.index(name) for name in
                   ("nav_phrase", "promo_phrase", "date_words", "separators", "footer_words")]

# What a feature's value says when it weighs against a block: (below the training mean, above it).
# Both directions are named, since which one weighs against a block is the model's to learn.
_AGAINST = {
    "log_chars": ("short", "long"), "log_tokens": ("few words", "many words"),
    "stop_share": ("few function words", "many function words"),
    "sentence_end": ("no sentence ending", "a sentence ending"),
    "punct_density": ("little punctuation", "much punctuation"), "comma_density": ("few commas", "many commas"),
    "title_share": ("few title-cased words", "title-cased words"), "upper_share": ("few capitals", "capitals"),
    "digit_share": ("few digits", "digits"), "bullet": ("no list bullet", "a list bullet"),
    "separators": ("no menu separators", "menu separators (| › » ·)"),
    "nav_phrase": ("no navigation phrase", "a navigation phrase"),
    "promo_phrase": ("no promo phrase", "a promo or related-links phrase"),
    "footer_words": ("no footer words", "footer words (copyright, privacy, share…)"),
    "link_words": ("no web addresses", "web addresses"), "date_words": ("no dates", "dates"),
    "short_title_line": ("not a short title-cased line", "a short title-cased line"),
    "repeated_text": ("said once on the page", "repeated on the page"), "cjk": ("not CJK text", "CJK text"),
    "starts_lower": ("starts with a capital", "starts in lower case"), "markup": ("not markup", "HTML markup, not text"),
    "position": ("early on the page", "late on the page"), "char_position": ("early on the page", "late on the page"),
    "first_block": ("not the first line", "the first line"),
    "title_overlap": ("not the page title's words", "the page title's words"),
    "in_body_region": ("outside the prose region", "inside the prose region"),
    "share_of_longest": ("short beside the page's longest line", "long beside the page's longest line"),
    "short_run": ("not in a run of short lines", "in a run of short lines"),
    "prose_run": ("not in a run of prose", "in a run of prose"),
    "prose_mass3": ("little prose nearby", "much prose nearby"),
    "prose_mass10": ("little prose in the neighbourhood", "much prose in the neighbourhood"),
    "relative_tokens": ("short for this page", "long for this page"),
    "continues_previous": ("not continuing the line above", "continues the line above"),
    "continued_by_next": ("not continued by the next line", "continued by the next line"),
    **{f"win{width}_{name}": (low.format(where), high.format(where))
       for width, where in ((1, "neighbours"), (3, "neighbours"), (10, "lines around it"))
       for name, (low, high) in {
           "log_tokens": ("short {}", "long {}"),
           "stop_share": ("{} without function words", "{} with function words"),
           "sentence_end": ("{} without sentences", "{} with sentences"),
           "short_title_line": ("no short title-cased lines among {}", "short title-cased lines among {}"),
           "date_words": ("no dates among {}", "dates among {}"),
           "footer_words": ("no footer words among {}", "footer words among {}"),
           "bullet": ("no list bullets among {}", "list bullets among {}"),
       }.items() if f"win{width}_{name}" in FEATURES},
}
_AGAINST_BY_INDEX = tuple(_AGAINST[name] for name in FEATURES)


class PageModel:
    """A logistic model over :data:`~textclean.page_features.FEATURES`, loaded from JSON data."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a page model of format {MODEL_FORMAT}: {data.get('format')!r}")
        if tuple(data["features"]) != FEATURES:
            raise ValueError("the page model was trained on other features; retrain it with tools/train_page_model.py")
        self.mean = np.array(data["mean"])
        self.scale = np.array(data["scale"])
        self.weights = np.array(data["weights"])
        self.bias = float(data["bias"])

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Each feature's part in each block's log-odds of being body text."""
        return (x - self.mean) / self.scale * self.weights

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(self.contributions(x).sum(axis=1) + self.bias)))


@lru_cache(maxsize=1)
def bundled_model() -> PageModel:
    """The model shipped with the package (read once: it is immutable data)."""
    text = resources.files("textclean").joinpath("models/page_model.json").read_text(encoding="utf-8")
    return PageModel(json.loads(text))


def keep_mask(x: np.ndarray, body: np.ndarray, *, line_cost: float = 0.0, second_region_p: float | None = None,
              second_region_share: float = 0.3) -> np.ndarray:
    """Which blocks stay, from their features ``x`` and body probabilities: the body region and the headline.

    The keyword options are the alternatives that ``tools/train_page_model.py --variants``
    measures; the defaults are the detector's. ``line_cost`` is taken off every block's region
    gain (shorter regions); ``second_region_p`` admits further regions outside the main one, found
    with that probability threshold, each gaining at least ``second_region_share`` of the main one.
    """
    return _keep_and_region(x, _not_markup(x, body), line_cost, second_region_p, second_region_share)[0]


def _not_markup(x: np.ndarray, body: np.ndarray) -> np.ndarray:
    """Body probabilities with raw HTML lines at 0: markup is never article text, whatever else it looks like."""
    return np.where(x[:, _MARKUP] > 0, 0.0, body)


def _keep_and_region(x: np.ndarray, body: np.ndarray, line_cost: float = 0.0, second_region_p: float | None = None,
                     second_region_share: float = 0.3) -> tuple[np.ndarray, tuple[int, int]]:
    if len(body) < SMALL_PAGE_BLOCKS:
        return body >= SMALL_PAGE_MIN_P, (0, len(body) - 1)
    weight = np.sqrt(np.expm1(x[:, _TOKENS]) + 1.0)
    gain = (body - REGION_P) * weight - line_cost
    start, end = body_region(gain)
    inside = np.zeros(len(body), dtype=bool)
    inside[start:end + 1] = True
    if second_region_p is not None:
        floor = second_region_share * float(gain[start:end + 1].sum())
        for first, last in further_regions((body - second_region_p) * weight - line_cost, start, end, floor):
            inside[first:last + 1] = True
    keep = (inside & (body >= INSIDE_MIN_P)) | (body >= OUTSIDE_MIN_P)
    keep[find_headline(x, body, start)] = True
    return keep, (start, end)


def further_regions(gain: np.ndarray, start: int, end: int, floor: float) -> list[tuple[int, int]]:
    """Stretches outside ``start``–``end`` whose ``gain`` sums to ``floor`` or more, best first on each side."""
    found, todo = [], [(0, start), (end + 1, len(gain))]
    while todo:
        lo, hi = todo.pop()
        if hi <= lo:
            continue
        first, last = body_region(gain[lo:hi])
        if gain[lo + first:lo + last + 1].sum() >= floor:
            found.append((lo + first, lo + last))
            todo += [(lo, lo + first), (lo + last + 1, hi)]
    return sorted(found)


def find_headline(x: np.ndarray, body: np.ndarray, start: int) -> list[int]:
    """The headline above the body region, and a standfirst between them (empty when the region opens with it:
    a line of 3–30 words repeating 60 % of the title's content words, and no more of them than the best above).

    The headline is the line among the 40 above the region that repeats the page title (the first
    line of an html-text dump: 80 % of its content words or more, 3–30 words, no navigation or promo
    phrase) with the most of its words, so that "From: Example News" does not beat the headline of
    "Headline | Example News"; or, when none does, the nearest of the 8 lines above the region shaped
    like one: 5–25 words (four-word lines were more often menu items), no sentence ending, date,
    separator, navigation, promo or footer words. Sentences of eight words or more among the 8
    lines above the region and below the headline, with none of those words, are its standfirst.
    """
    if start == 0:
        return []
    tokens = np.rint(np.expm1(x[:, _TOKENS]))  # whole words: expm1(log1p(4)) is 3.9999…
    overlap = x[:, _TITLE_OVERLAP]
    title_words = overlap * tokens  # about how many of the title's words a line repeats
    repeats_title = [i for i in range(max(1, start - _TITLE_WINDOW), start)
                     if 3 <= tokens[i] <= 30 and overlap[i] >= _TITLE_MIN_OVERLAP and not x[i, _NOT_TITLE].any()]
    best = max(repeats_title, key=lambda i: (title_words[i], i)) if repeats_title else None
    opens_with_title = 3 <= tokens[start] <= 30 and overlap[start] >= _HEADLINE_MIN_OVERLAP
    if opens_with_title and (best is None or title_words[start] >= title_words[best]):
        return []
    shaped = [i for i in range(max(1, start - _HEADLINE_WINDOW), start)
              if 5 <= tokens[i] <= 25 and not x[i, _NOT_HEADLINE].any()]
    if best is not None:
        headline = best
    elif shaped:
        headline = shaped[-1]
    else:
        return [0] if body[0] >= 0.5 else []
    standfirst = [i for i in range(max(headline + 1, start - _HEADLINE_WINDOW), start)
                  if tokens[i] >= 8 and (x[i, _SENTENCE_END] > 0 or x[i, _STOP_SHARE] >= 0.2)
                  and not x[i, _NOT_STANDFIRST].any()]
    return [headline, *standfirst]


def low_content(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """Blocks of a full-page dump that are not the article's headline or body."""
    if not blocks:
        return []
    model = bundled_model()
    x = page_features(blocks, context.shared("page_measures", lambda c: page_measures(c.blocks)))
    contributions = model.contributions(x)
    logits = np.clip(contributions.sum(axis=1) + model.bias, -500.0, 500.0)  # exp overflows past ~709
    body = _not_markup(x, 1.0 / (1.0 + np.exp(-logits)))
    keep, (start, end) = _keep_and_region(x, body)
    dropped = np.flatnonzero(~keep)
    if not len(dropped):
        return []
    # The features that weighed most against each dropped block, found for all at once; blocks
    # with the same ones share one evidence string.
    against_dropped = contributions[dropped]
    against_dropped[:, _MARKUP] = np.where(x[dropped, _MARKUP] > 0, -np.inf, 0.0)  # markup decides alone (_not_markup)
    worst = np.argpartition(against_dropped, 3, axis=1)[:, :4]
    worst_values = np.take_along_axis(against_dropped, worst, axis=1)
    order = np.argsort(worst_values, axis=1)
    worst, worst_values = np.take_along_axis(worst, order, axis=1), np.take_along_axis(worst_values, order, axis=1)
    # Each key names a feature and which side of its mean the block lies on (index * 2 + above).
    above = np.take_along_axis(x[dropped], worst, axis=1) > model.mean[worst]
    keys = np.where(worst_values < -0.2, worst * 2 + above, -1).tolist()
    against: dict[tuple[int, ...], str] = {}
    # Blocks are numbered from 1 in evidence, as in `textclean explain`'s table.
    inside = f"inside the body region (blocks {start + 1}–{end + 1}); "
    outside = f"outside the body region (blocks {start + 1}–{end + 1}); "
    scores = np.round(0.5 + (1.0 - body[dropped]) / 2, 4).tolist()
    reason = Reason.LOW_CONTENT
    found = []
    for index, p, score, key in zip(dropped.tolist(), body[dropped].tolist(), scores, keys):
        key = tuple(key)
        text = against.get(key)
        if text is None:
            text = against[key] = _against(key)
        where = inside if start <= index <= end else outside
        found.append(Finding(index, reason, score, "low_content", f"body probability {p:.2f}, {where}{text}"))
    return found


@lru_cache(maxsize=4096)
def _against(keys: tuple[int, ...]) -> str:
    """The (at most three) distinct reasons that weighed most against a block.

    ``keys`` hold ``index * 2 + above`` (is the block's value above the feature's mean), -1 when not strong.
    """
    reasons: list[str] = []
    for key in keys:
        if key < 0:
            break
        text = _AGAINST_BY_INDEX[key // 2][key % 2]
        if text not in reasons:
            reasons.append(text)
    return "against it: " + ", ".join(reasons[:3]) if reasons else "no single feature decided it"
