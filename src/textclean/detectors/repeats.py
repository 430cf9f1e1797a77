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


@dataclass(frozen=True, slots=True)
class Copy:
    """Block ``block`` copies the earlier block ``source``: ``kind`` is exact/fuzzy/prefix."""

    block: int
    source: int
    similarity: float
    kind: str


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
        copy = _exact(index, norm, first_seen)
        fuzzy_ok = index < config.max_fuzzy_blocks and len(norm) <= MAX_FUZZY_CHARS
        if copy is None and fuzzy_ok and fuzzy_pool:
            best = process.extractOne(norm, fuzzy_pool, scorer=fuzz.ratio, score_cutoff=cutoff)
            if best is not None:
                copy = Copy(index, fuzzy_index[best[2]], best[1] / 100, "fuzzy")
        opening = " ".join(norm.split(" ", _OPENING_WORDS)[:_OPENING_WORDS])
        if copy is None:
            copy = _prefix(index, norm, by_opening.get(opening, ()), context)
        if copy is not None:
            copies[index] = copy
        first_seen.setdefault(norm, index)
        by_opening.setdefault(opening, []).append(index)
        if fuzzy_ok:
            fuzzy_pool.append(norm)
            fuzzy_index.append(index)
    return copies


def _exact(index: int, norm: str, first_seen: dict[str, int]) -> Copy | None:
    source = first_seen.get(norm)
    return None if source is None else Copy(index, source, 1.0, "exact")


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
    """A block that repeats an earlier block exactly or fuzzily; the first copy stays."""
    found = []
    for copy in earlier_copies(context).values():
        if copy.kind == "prefix" or _QUESTION.search(blocks[copy.block].text):
            continue
        how = "exactly" if copy.kind == "exact" else f"{copy.similarity:.0%} similar"
        evidence = f"repeats block {copy.source + 1} ({how}): '{clip(blocks[copy.source].text)}'"
        found.append(finding(blocks[copy.block], Reason.DUPLICATE, copy.similarity, "duplicate", evidence))
    return found


def repeated_lead(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """A run of blocks that re-emits the opening paragraphs in order, possibly cut short."""
    copies = earlier_copies(context)
    lead = set(context.lead)
    last_content = _last_content_block(blocks, context)
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
        # One re-emitted paragraph is a lead only when it closes the document.
        if len(run) >= 2 or (run[0].block == last_content and start.source != run[0].block - 1):
            found.extend(_lead_findings(run, blocks))
        index = run[-1].block + 1
    return found


def _lead_findings(run: list[Copy], blocks: Sequence[Block]) -> list[Finding]:
    first, last = run[0].source + 1, run[-1].source + 1
    where = f"block {first}" if first == last else f"blocks {first}–{last}"
    findings = []
    for copy in run:
        how = "cut short" if copy.kind == "prefix" else f"{copy.similarity:.0%} similar"
        evidence = f"re-emits the lead ({where}) in a run of {len(run)}; this copies block {copy.source + 1}, {how}"
        findings.append(finding(blocks[copy.block], Reason.REPEATED_LEAD, copy.similarity, "repeated_lead", evidence))
    return findings


def _last_content_block(blocks: Sequence[Block], context: Context) -> int:
    for index in range(len(blocks) - 1, -1, -1):
        if not _marker(blocks[index], context.norms[index], context):
            return index
    return -1


def _marker(block: Block, norm: str, context: Context) -> str | None:
    if _ELLIPSIS_ONLY.fullmatch(block.text):
        return block.text
    return context.lexicon.truncation.match(norm) if norm else None


def truncation(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """Truncation markers ("...", "[…]", "Read more", "Lire la suite") and cut-off copies."""
    found = []
    for block, norm in zip(blocks, context.norms):
        marker = _marker(block, norm, context)
        if marker:
            found.append(finding(block, Reason.TRUNCATION, 0.95, "truncation", f"the whole line is the truncation marker '{marker}'"))
    for copy in earlier_copies(context).values():
        if copy.kind == "prefix":
            share = len(context.norms[copy.block]) / len(context.norms[copy.source])
            evidence = f"a cut-off copy of block {copy.source + 1} (its first {share:.0%})"
            found.append(finding(blocks[copy.block], Reason.TRUNCATION, copy.similarity * 0.95, "truncation", evidence))
    return found
