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
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .errors import ConfigError
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
)

_SHARES = ("fuzzy_threshold", "prefix_min_share")
_COUNTS = ("min_repeat_words", "lead_min_words", "lead_window", "max_label_words", "max_chrome_words", "max_fuzzy_blocks")


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
            _check_share(name, getattr(self, name))
        for name in _COUNTS:
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name} must be a whole number of at least 1, got {value!r}")
        thresholds = {str(Reason(_reason(k))): float(v) for k, v in self.thresholds.items()}
        for reason, value in thresholds.items():
            _check_share(f"thresholds[{reason!r}]", value)
        object.__setattr__(self, "detectors", tuple(self.detectors))
        object.__setattr__(self, "thresholds", MappingProxyType({**_DEFAULT_THRESHOLDS, **thresholds}))
        for name in ("extra_phrases", "extra_patterns"):
            extra = {str(Reason(_reason(k))): tuple(v) for k, v in getattr(self, name).items()}
            object.__setattr__(self, name, MappingProxyType(extra))

    @classmethod
    def preset(cls, name: str, **overrides: Any) -> CleanConfig:
        """The named preset (see ``PRESETS``) with keyword overrides."""
        if name not in PRESETS:
            raise ConfigError(f"unknown preset {name!r}; choose one of {', '.join(sorted(PRESETS))}")
        return cls(**{**PRESETS[name], **overrides})

    def replace(self, **overrides: Any) -> CleanConfig:
        """A copy with some settings changed (validated like the original)."""
        return dataclasses.replace(self, **overrides)

    def threshold(self, reason: Reason) -> float:
        return self.thresholds[reason.value]


def _reason(key: str) -> str:
    try:
        return Reason(str(key)).value
    except ValueError:
        known = ", ".join(r.value for r in Reason)
        raise ConfigError(f"unknown reason {key!r}; known reasons: {known}") from None


def _check_share(name: str, value: float) -> None:
    if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ConfigError(f"{name} must be within 0..1 (a share, not a percentage), got {value!r}")


_DEFAULT_THRESHOLDS = {reason.value: 0.5 for reason in Reason}

# Presets are plain data: a name and the keyword overrides it stands for.
PRESETS: dict[str, dict[str, Any]] = {
    "default": {},
    # Only what is near-certain: exact-ish repeats, markers, and whole-line chrome phrases.
    "conservative": {
        "thresholds": {reason.value: 0.9 for reason in Reason},
        "fuzzy_threshold": 0.98,
    },
}
