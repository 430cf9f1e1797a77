"""What every detector receives: the document's blocks seen once, through one `Context`.

A detector is a pure function ``detect(blocks, context) -> list[Finding]``: it reads, it
never edits text, and it keeps nothing between documents. The context computes the shared
views of a document (normalized text, word counts, the head region) once per document.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import regex

from .. import lexicon as words
from .. import line_patterns
from ..config import CleanConfig
from ..normalize import SENTENCE_END, normalize, visible, word_count
from ..reasons import Reason
from ..types import Block, Finding

if TYPE_CHECKING:
    from ..templates import TemplateModel

T = TypeVar("T")
# Kicker, headline, byline, date, caption: a page's head is a handful of lines. Text whose
# lines are all short (hard-wrapped, code, tables) has no paragraph to end it, hence a cap.
HEAD_MAX_BLOCKS = 12


class Context:
    """Per-document views shared by detectors, computed lazily and at most once."""

    def __init__(
        self, blocks: Sequence[Block], config: CleanConfig, lexicon: Lexicon, *,
        site: str | None = None, templates: TemplateModel | None = None, shared: Mapping[str, Any] | None = None,
    ) -> None:
        self.blocks = blocks
        self.config = config
        self.lexicon = lexicon
        # The document's site and the learned template model (see detectors/template.py).
        self.site = site
        self.templates = templates
        # Views of this document already computed, e.g. by --preset auto's test (see :meth:`shared`).
        self._shared: dict[str, Any] = dict(shared or {})

    def shared(self, name: str, compute: Callable[[Context], T]) -> T:
        """``compute(self)``, computed once per document and shared by the detectors that need it."""
        if name not in self._shared:
            self._shared[name] = compute(self)
        return self._shared[name]

    @cached_property
    def norms(self) -> list[str]:
        """Each block's text through :func:`~textclean.normalize.normalize`."""
        return [normalize(block.text) for block in self.blocks]

    @cached_property
    def visible(self) -> list[str]:
        """Each block's text without invisible characters (:func:`~textclean.normalize.visible`):
        what patterns on text as written ("…", "(Credit: …)") match."""
        return [visible(block.text) for block in self.blocks]

    @cached_property
    def word_counts(self) -> list[int]:
        """Each block's words (see :func:`~textclean.normalize.word_count` for Chinese and Japanese)."""
        return [word_count(norm) for norm in self.norms]

    @cached_property
    def head_end(self) -> int:
        """Index of the first body paragraph: blocks before it are the page's head.

        0 (no head) when no paragraph starts within ``HEAD_MAX_BLOCKS``: text of short
        lines only (verse, recipes, code, tables) has no headline area to clean.
        """
        for index, text in enumerate(self.visible[:HEAD_MAX_BLOCKS]):
            if self.word_counts[index] >= 15 and SENTENCE_END.search(text):
                return index
        return 0

    @cached_property
    def lead(self) -> list[int]:
        """The opening paragraphs: the first ``lead_window`` blocks of ``lead_min_words`` words."""
        config = self.config
        long_blocks = (i for i, n in enumerate(self.word_counts) if n >= config.lead_min_words)
        return [i for _, i in zip(range(config.lead_window), long_blocks)]


#: A detector: the document's blocks (a tuple) and their context to findings (any iterable).
Detector = Callable[[tuple[Block, ...], Context], Iterable[Finding]]


class PhraseMatcher:
    """Whole-line phrase lookup over normalized text, with the phrase as evidence.

    >>> m = PhraseMatcher({"en": ("read more",)}, extra=("Weiterlesen",))
    >>> m.match("read more"), m.match("weiterlesen"), m.match("read")
    ('read more', 'weiterlesen', None)
    """

    def __init__(self, phrases: Mapping[str, Iterable[str]], *, extra: Iterable[str] = ()) -> None:
        every = [p for group in phrases.values() for p in group] + list(extra)
        self._phrases = frozenset(normalize(p) for p in every)

    def match(self, norm: str) -> str | None:
        return norm if norm in self._phrases else None


def compile_patterns(patterns: Iterable[str]) -> regex.Pattern[str] | None:
    """One case-insensitive alternation of ``patterns`` (None when there are none)."""
    patterns = list(patterns)
    if not patterns:
        return None
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE | regex.V0)


class Lexicon:
    """The word lists and patterns of :mod:`textclean.lexicon` plus a config's additions.

    Built once per :class:`~textclean.Cleaner`, since compiling patterns costs more than
    cleaning a document.
    """

    def __init__(self, config: CleanConfig) -> None:
        def extra(reason: Reason) -> tuple[str, ...]:
            return config.extra_phrases.get(reason.value, ())

        self.navigation = PhraseMatcher(words.NAVIGATION_PHRASES, extra=extra(Reason.NAVIGATION))
        self.section = PhraseMatcher(words.SECTION_PHRASES, extra=extra(Reason.SECTION_LABEL))
        self.truncation = PhraseMatcher(words.TRUNCATION_PHRASES, extra=extra(Reason.TRUNCATION))
        self.promo = PhraseMatcher(words.PROMO_PHRASES, extra=extra(Reason.PROMO))
        self.related = PhraseMatcher(words.RELATED_PHRASES)
        self.promo_pattern = compile_patterns(line_patterns.PROMO_PATTERNS)
        self.caption_ending = compile_patterns(line_patterns.CAPTION_ENDINGS)
        self.caption_opening = compile_patterns(line_patterns.CAPTION_OPENINGS)
        self.user_patterns = {
            Reason(reason): compile_patterns(patterns) for reason, patterns in config.extra_patterns.items()
        }


def finding(block: Block, reason: Reason, score: float, detector: str, evidence: str) -> Finding:
    return Finding(block.index, reason, round(min(max(score, 0.0), 1.0), 4), detector, evidence)


def clip(text: str, limit: int = 60) -> str:
    """``text`` shortened for evidence strings."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
