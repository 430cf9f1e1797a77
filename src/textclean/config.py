"""`CleanConfig`: every knob of the cleaner in one immutable object, and presets as data.

>>> config = CleanConfig.preset("conservative")
>>> config.thresholds["duplicate"]
0.9
>>> config.replace(fuzzy_threshold=0.95).fuzzy_threshold
0.95
>>> CleanConfig(fuzzy_threshold=2)
Traceback (most recent call last):
...
textclean.errors.ConfigError: fuzzy_threshold must be within 0..1 (a share, not a percentage), got 2
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from .errors import ConfigError, check_count, check_share
from .reasons import Reason

DEFAULT_DETECTORS = (
    "navigation",
    "section_label",
    "duplicate",
    "repeated_lead",
    "truncation",
    "caption",
    "promo",
    "related_links",
    "user_patterns",
    "template",  # finds nothing unless a template model is passed to the Cleaner
)

_SHARES = ("fuzzy_threshold", "prefix_min_share")
_COUNTS = ("min_repeat_words", "lead_min_words", "lead_window", "max_label_words", "max_chrome_words", "max_fuzzy_blocks")


class FrozenMap(dict):
    """A dict that refuses changes. Unlike a mapping proxy it hashes, pickles and deep-copies, so
    a config can be a dict key, go to worker processes, and pass through ``asdict`` and JSON."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return FrozenMap, (dict(self),)

    def _read_only(self, *_args: Any, **_kwargs: Any) -> Any:
        raise TypeError("a CleanConfig does not change; make another with config.replace(...)")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _read_only


@dataclass(frozen=True)
class CleanConfig:
    """Settings of a :class:`~textclean.Cleaner`. Build with keywords or from a preset.

    Scores and thresholds are shares in 0..1. ``extra_phrases`` adds whole-line phrases per
    reason (``{"navigation": ("Rubriques",)}``); ``extra_patterns`` adds regular expressions
    (the ``regex`` module's syntax) matched against the whole stripped line.
    """

    detectors: tuple[str, ...] = DEFAULT_DETECTORS
    # A finding drops its block when its score reaches the threshold of its reason.
    thresholds: Mapping[str, float] = field(default_factory=dict)
    # rapidfuzz similarity (0..1) at which two blocks count as the same block.
    fuzzy_threshold: float = 0.95
    # A cut-off copy must keep at least this share of the block it copies.
    prefix_min_share: float = 0.3
    # Shorter blocks are never called duplicates: short lines legitimately recur.
    min_repeat_words: int = 5
    # The lead: the first `lead_window` blocks with at least `lead_min_words` words.
    lead_min_words: int = 10
    lead_window: int = 6
    max_label_words: int = 4
    # Chrome (navigation, promo) is judged only on lines up to this many words.
    max_chrome_words: int = 25
    # Fuzzy comparison is quadratic; past this many blocks only exact repeats are found.
    max_fuzzy_blocks: int = 2000
    extra_phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    extra_patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in _SHARES:
            check_share(name, getattr(self, name))
        for name in _COUNTS:
            check_count(name, getattr(self, name))
        thresholds = {str(Reason(_reason(k))): v for k, v in _mapping(self.thresholds).items()}
        for reason, value in thresholds.items():  # 0 would drop blocks a detector protects (score 0)
            check_share(f"thresholds[{reason!r}]", value, zero=False)
        object.__setattr__(self, "detectors", tuple(self.detectors))
        object.__setattr__(self, "thresholds", FrozenMap(
            {**_DEFAULT_THRESHOLDS, **{reason: float(value) for reason, value in thresholds.items()}}))
        for name in ("extra_phrases", "extra_patterns"):
            extra = {str(Reason(_reason(k))): _strings(f"{name}[{k!r}]", v) for k, v in getattr(self, name).items()}
            object.__setattr__(self, name, FrozenMap(extra))
        for reason, patterns in self.extra_patterns.items():
            for pattern in patterns:
                try:
                    regex.compile(pattern)
                except regex.error as exc:
                    raise ConfigError(f"extra_patterns[{reason!r}]: {pattern!r} is not a regular expression ({exc})") from None

    @classmethod
    def preset(cls, name: str, **overrides: Any) -> CleanConfig:
        """The named preset (see ``PRESETS``) with keyword overrides."""
        if name == AUTO:
            raise ConfigError("preset 'auto' picks page or default per document, so it is a Cleaner's, not a "
                              "config's: use Cleaner(preset='auto')")
        if name not in PRESETS:
            raise ConfigError(f"unknown preset {name!r}; choose one of {', '.join(sorted([*PRESETS, AUTO]))}")
        config = cls(**PRESETS[name])
        return config.replace(**overrides) if overrides else config

    def replace(self, **overrides: Any) -> CleanConfig:
        """A copy with some settings changed (validated like the original).

        ``thresholds`` names only the reasons that change; the others keep this config's:

        >>> strict = CleanConfig.preset("conservative", thresholds={"duplicate": 0.4})
        >>> strict.thresholds["duplicate"], strict.thresholds["navigation"]
        (0.4, 0.9)
        """
        if "thresholds" in overrides:
            changed = {_reason(key): value for key, value in _mapping(overrides["thresholds"]).items()}
            overrides["thresholds"] = {**self.thresholds, **changed}
        return dataclasses.replace(self, **overrides)

    def threshold(self, reason: Reason) -> float:
        return self.thresholds[reason.value]


def _mapping(thresholds: Any) -> Mapping[str, Any]:
    if not isinstance(thresholds, Mapping):
        raise ConfigError(f"thresholds maps reasons to scores, e.g. {{'duplicate': 0.4}}; got {thresholds!r}")
    return thresholds


def _strings(name: str, values: Any) -> tuple[str, ...]:
    """``values`` as a tuple of strings; a lone string is refused (it would be taken letter by letter)."""
    if isinstance(values, str):
        raise ConfigError(f"{name} must be a list of strings, got {values!r}; e.g. ({values!r},)")
    strings = tuple(values) if isinstance(values, Iterable) else None  # read once: it may be a generator
    if strings is None or not all(isinstance(v, str) for v in strings):
        raise ConfigError(f"{name} must be a list of strings, got {values!r}")
    return strings


def _reason(key: str) -> str:
    try:
        return Reason(str(key)).value
    except ValueError:
        known = ", ".join(r.value for r in Reason)
        raise ConfigError(f"unknown reason {key!r}; known reasons: {known}") from None


_DEFAULT_THRESHOLDS = {reason.value: 0.5 for reason in Reason}

# Presets are plain data: a name and the keyword overrides it stands for.
PRESETS: dict[str, dict[str, Any]] = {
    "default": {},
    # Only what is near-certain: exact-ish repeats, markers, and whole-line chrome phrases.
    "conservative": {
        "thresholds": {reason.value: 0.9 for reason in Reason},
        "fuzzy_threshold": 0.98,
    },
    # Full-page dumps (innerText, WET, html-text): keep only the headline and the article body.
    # low_content alone: on full pages the default detectors add nothing measurable and halve speed.
    "page": {
        "detectors": ("low_content", "template"),  # template: only with a model passed in
    },
}
# Not a config but a choice per document between "page" and "default" (see Cleaner).
AUTO = "auto"


# --- Corpus dedup -------------------------------------------------------------------------
# Imported here, not at the top: they are only needed by DedupConfig.
from .keep import KeepPolicy  # noqa: E402
from .minhash import MAX_NUM_PERM, choose_bands, s_curve  # noqa: E402
from .shingles import Shingling  # noqa: E402
from .store import IndexParams  # noqa: E402


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Options of a dedup run; every similarity is on the 0–1 scale.

    ``threshold``: Jaccard similarity of shingle sets from which two documents are near
    duplicates. ``containment_threshold``: share of the smaller document's shingles inside the
    larger from which it is a (cut-off) copy; ``None`` turns containment off.
    ``containment_min_ratio``: the smallest size ratio (smaller/larger shingle count) at which
    containment is searched for with ``containment_recall``; smaller teasers are found by chance.
    ``min_contained_shingles``: shorter documents never count as contained. ``recall``: the
    chance that LSH proposes a pair at the lowest similarity it must find; bands and rows are
    chosen for it. ``keep``: ``longest``, ``first`` (smallest id, digits compared as numbers),
    ``most_complete`` (most distinct shingles), ``earliest:FIELD`` or ``latest:FIELD``.
    """

    threshold: float = 0.8
    containment_threshold: float | None = 0.9
    containment_min_ratio: float = 0.5
    min_contained_shingles: int = 10
    recall: float = 0.99
    containment_recall: float = 0.9
    num_perm: int = 128
    seed: int = 1
    shingling: Shingling = field(default_factory=Shingling)
    keep: str = "longest"

    def __post_init__(self) -> None:
        check_share("threshold", self.threshold, zero=False, usual=0.8)
        if self.containment_threshold is not None:  # None turns containment off
            check_share("containment_threshold", self.containment_threshold, zero=False, usual=0.9)
        check_share("containment_min_ratio", self.containment_min_ratio, zero=False)
        for name in ("recall", "containment_recall"):  # checked here, so the error names the right one
            check_share(name, getattr(self, name), zero=False, one=False, usual=0.99 if name == "recall" else 0.9)
        if not isinstance(self.shingling, Shingling):
            raise ConfigError(f"shingling must be a Shingling, got {self.shingling!r}; e.g. Shingling(kind='char', size=9)")
        check_count("num_perm", self.num_perm, low=2, high=MAX_NUM_PERM)
        check_count("min_contained_shingles", self.min_contained_shingles)
        check_count("seed", self.seed, low=0)
        KeepPolicy.parse(self.keep)
        self.bands_rows  # validates recall and num_perm against the thresholds

    @property
    def containment_similarity(self) -> float | None:
        """The Jaccard similarity of a containment pair at the smallest size ratio,
        ``c·x / (1 + x − c·x)``: what LSH must find for containment (None when off)."""
        if self.containment_threshold is None:
            return None
        c, x = self.containment_threshold, self.containment_min_ratio
        return c * x / (1 + x - c * x)

    @property
    def bands_rows(self) -> tuple[int, int]:
        """LSH bands and rows: recall ≥ ``recall`` at ``threshold`` and ≥ ``containment_recall``
        at :attr:`containment_similarity`, with as few false candidates as possible."""
        cs = self.containment_similarity
        also = [(cs, self.containment_recall)] if cs is not None and cs < self.threshold else []
        return choose_bands(self.threshold, self.num_perm, recall=self.recall, also=also)

    def s_curve(self) -> list[tuple[float, float]]:
        """The chance that a pair of each Jaccard similarity becomes a candidate."""
        return s_curve(*self.bands_rows)

    def index_params(self) -> IndexParams:
        bands, rows = self.bands_rows
        return IndexParams(
            num_perm=self.num_perm, seed=self.seed, shingles=self.shingling.describe(), bands=bands, rows=rows,
            threshold=self.threshold, containment_threshold=self.containment_threshold, keep=self.keep,
            min_contained_shingles=self.min_contained_shingles,
        )
