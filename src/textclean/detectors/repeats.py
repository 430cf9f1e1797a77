"""Blocks that repeat earlier blocks: duplicates, re-emitted leads, cut-off copies, markers.

All three repeat detectors read one table, :func:`earlier_copies`, that pairs a block with
the earlier block it copies: exactly (normalized), fuzzily (rapidfuzz ``ratio``), or as a
cut-off prefix. The first copy of anything is never in the table, so it always stays.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz, process

from ..reasons import Reason
from ..types import Block, Finding
from .base import Context, clip, finding

_ELLIPSIS_ONLY = regex.compile(r"[\[(]?\s*(?:\.\s*){2,}\s*[\])]?|[\[(]?\s*…\s*[\])]?")
# Blocks this long are compared exactly only: fuzzy ratio is quadratic in length.
MAX_FUZZY_CHARS = 5000
# Cut-off copies share their first words with the block they copy.
_OPENING_WORDS = 5
# Questions legitimately recur, in an FAQ's contents list and above each answer.
_QUESTION = regex.compile(r"[?？؟]\s*$")
# A repeat in the head within this many blocks of its source is a re-emitted title or caption;
# there a line of this many words is long enough to count (elsewhere: min_repeat_words).
_HEAD_REPEAT_DISTANCE = 3
_HEAD_REPEAT_MIN_WORDS = 2
# Weight of a repeat elsewhere: exact copies score 0.45, below the default threshold 0.5.
_FAR_REPEAT_WEIGHT = 0.45
# The longest marker line ("Click here to read more", "Leer artículo completo") is shorter.
_MAX_MARKER_CHARS = 40
_ENDS_WITH_ELLIPSIS = regex.compile(r"(?:\.\s*\.\s*\.|…)\s*[\])]?\s*$")


@dataclass(frozen=True, slots=True)
class Copy:
    """Block ``block`` copies the earlier block ``source``: ``kind`` is exact/fuzzy/prefix.

    ``capped``: the block was past a fuzzy-comparison cap, so only exact copies were sought.
    """

    block: int
    source: int
    similarity: float
    kind: str
    capped: bool = False


def earlier_copies(context: Context) -> dict[int, Copy]:
    """For each block that copies an earlier one (of ``min_repeat_words`` or more), the copy."""
    return context.shared("earlier_copies", _find_copies)


def _find_copies(context: Context) -> dict[int, Copy]:
    config = context.config
    cutoff = config.fuzzy_threshold * 100
    first_seen: dict[str, int] = {}
    by_opening: dict[str, list[int]] = {}
    fuzzy_pool: list[str] = []
    fuzzy_index: list[int] = []
    copies: dict[int, Copy] = {}
    for index, (norm, count) in enumerate(zip(context.norms, context.word_counts)):
        if count < config.min_repeat_words:
            continue
        fuzzy_ok = index < config.max_fuzzy_blocks and len(norm) <= MAX_FUZZY_CHARS
        source = first_seen.get(norm)
        copy = None if source is None else Copy(index, source, 1.0, "exact", capped=not fuzzy_ok)
        if copy is None and fuzzy_ok and fuzzy_pool:
            best = process.extractOne(norm, fuzzy_pool, scorer=fuzz.ratio, score_cutoff=cutoff)
            if best is not None:
                copy = Copy(index, fuzzy_index[best[2]], best[1] / 100, "fuzzy")
        opening = " ".join(norm.split(" ", _OPENING_WORDS)[:_OPENING_WORDS])
        same_opening = by_opening.get(opening)
        if copy is None and same_opening:
            copy = _prefix(index, norm, same_opening, context)
        if copy is not None:
            copies[index] = copy
        first_seen.setdefault(norm, index)
        by_opening.setdefault(opening, []).append(index)
        if fuzzy_ok:
            fuzzy_pool.append(norm)
            fuzzy_index.append(index)
    return copies


def _prefix(index: int, norm: str, candidates: Sequence[int], context: Context) -> Copy | None:
    """A copy of the start of a longer earlier block, cut short (perhaps mid-word)."""
    config = context.config
    for source in candidates:
        full = context.norms[source]
        share = len(norm) / len(full)
        if not config.prefix_min_share <= share < 1:
            continue
        similarity = 1.0 if full.startswith(norm) else fuzz.ratio(norm, full[: len(norm)]) / 100
        if similarity >= config.fuzzy_threshold:
            return Copy(index, source, similarity, "prefix")
    return None


def duplicate(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """A block that repeats an earlier block exactly or fuzzily; the first copy stays.

    Scrapers re-emit the headline, kicker or caption right where they stand, so a copy in
    the page's head close to its source scores its similarity. Anywhere else repeats are
    often the text's own (an IETF page header, a table, a refrain): they are reported
    with a score below the default threshold, and dropped only by a lower threshold.
    """
    found = []
    for copy in [*earlier_copies(context).values(), *_short_head_copies(context)]:
        if copy.kind == "prefix" or _QUESTION.search(context.visible[copy.block]):
            continue
        how = "exactly" if copy.kind == "exact" else f"{copy.similarity:.0%} similar"
        if copy.capped:
            how += f"; compared exactly only, past the fuzzy cap ({MAX_FUZZY_CHARS} characters or {context.config.max_fuzzy_blocks} blocks)"
        near_in_head = copy.block < context.head_end and copy.block - copy.source <= _HEAD_REPEAT_DISTANCE
        score = copy.similarity if near_in_head else copy.similarity * _FAR_REPEAT_WEIGHT
        where = "in the page head, near its source" if near_in_head else "in the body, may be the text's own"
        evidence = f"repeats block {copy.source + 1} ({how}) {where}: '{clip(blocks[copy.source].text)}'"
        found.append(finding(blocks[copy.block], Reason.DUPLICATE, score, "duplicate", evidence))
    return found


def _short_head_copies(context: Context) -> list[Copy]:
    """Exact copies, in the head and near their source, of lines too short for :func:`earlier_copies`:
    a headline of few words ("Regierung beschließt Entlastungspaket") re-emitted under itself."""
    copies = []
    norms, counts = context.norms, context.word_counts
    for index in range(1, context.head_end):
        if _HEAD_REPEAT_MIN_WORDS <= counts[index] < context.config.min_repeat_words:
            source = next((s for s in range(max(0, index - _HEAD_REPEAT_DISTANCE), index) if norms[s] == norms[index]), None)
            if source is not None:
                copies.append(Copy(index, source, 1.0, "exact"))
    return copies


def repeated_lead(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """A run of blocks that re-emits the opening paragraphs in order, possibly cut short."""
    copies = earlier_copies(context)
    lead = set(context.lead)
    found: list[Finding] = []
    index = 0
    while index < len(blocks):
        start = copies.get(index)
        if start is None or start.source not in lead:
            index += 1
            continue
        run = [start]
        while (following := copies.get(run[-1].block + 1)) and 0 < following.source - run[-1].source <= 3:
            run.append(following)
        # A re-emitted lead closes the document, after original article text at least twice
        # its length (a lone paragraph: four times); a repeated run elsewhere is the text's own.
        at_end = _only_debris_after(run[-1].block, context)
        if at_end and _originals_between(run[-1].source, run[0].block, context) >= max(2 * len(run), 4):
            found.extend(_lead_findings(run, blocks))
        index = run[-1].block + 1
    return found


def _originals_between(first: int, last: int, context: Context) -> int:
    """Paragraph-length blocks strictly between ``first`` and ``last`` that copy nothing."""
    counts = context.shared("original_paragraphs_before", _original_paragraphs_before)
    return counts[last] - counts[first + 1]


def _original_paragraphs_before(context: Context) -> list[int]:
    """``counts[i]``: blocks before ``i`` of paragraph length that copy nothing (prefix sums)."""
    copies = earlier_copies(context)
    counts = [0]
    for index, words in enumerate(context.word_counts):
        counts.append(counts[-1] + (index not in copies and words >= context.config.min_repeat_words))
    return counts


def _only_debris_after(index: int, context: Context) -> bool:
    """Whether every block after ``index`` is a marker or too short to be a paragraph."""
    return index >= context.shared("last_paragraph", _last_paragraph)


def _last_paragraph(context: Context) -> int:
    for index in range(len(context.blocks) - 1, -1, -1):
        text, norm = context.visible[index], context.norms[index]
        if context.word_counts[index] >= context.config.min_repeat_words and not _marker(text, norm, context):
            return index
    return -1


def _lead_findings(run: list[Copy], blocks: Sequence[Block]) -> list[Finding]:
    first, last = run[0].source + 1, run[-1].source + 1
    where = f"block {first}" if first == last else f"blocks {first}–{last}"
    findings = []
    for copy in run:
        how = "cut short" if copy.kind == "prefix" else f"{copy.similarity:.0%} similar"
        evidence = f"re-emits the lead ({where}) in a run of {len(run)}; this copies block {copy.source + 1}, {how}"
        findings.append(finding(blocks[copy.block], Reason.REPEATED_LEAD, copy.similarity, "repeated_lead", evidence))
    return findings


def _marker(text: str, norm: str, context: Context) -> str | None:
    if len(text) > _MAX_MARKER_CHARS:
        return None
    if _ELLIPSIS_ONLY.fullmatch(text):
        return text
    # "Read more:" introduces a list of links; only a bare "Read more" marks a cut.
    if not norm or text.endswith((":", "：")):
        return None
    return context.lexicon.truncation.match(norm)


def truncation(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """Truncation markers ("...", "[…]", "Read more", "Lire la suite") and cut-off copies."""
    found = []
    for block, text, norm in zip(blocks, context.visible, context.norms):
        marker = _marker(text, norm, context)
        if marker:
            found.append(finding(block, Reason.TRUNCATION, 0.95, "truncation", f"the whole line is the truncation marker '{marker}'"))
    for copy in earlier_copies(context).values():
        # A cut-off copy shows its cut ("…") or stands at the very end of the text.
        cut_visible = _ENDS_WITH_ELLIPSIS.search(context.visible[copy.block]) or _only_debris_after(copy.block, context)
        if copy.kind == "prefix" and cut_visible:
            share = len(context.norms[copy.block]) / len(context.norms[copy.source])
            evidence = f"a cut-off copy of block {copy.source + 1} (its first {share:.0%})"
            found.append(finding(blocks[copy.block], Reason.TRUNCATION, copy.similarity * 0.95, "truncation", evidence))
    return found
