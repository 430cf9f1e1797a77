"""From decisions to removed spans and back: the one function that edits text.

A dropped block's span takes the separator before it when a kept block precedes it, and
the separator after it otherwise, so the kept blocks keep their original separators and
``apply_removals(original, removed) == text`` holds by construction.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .types import Block, CleanResult, Decision, Finding, Span


def removed_spans(original: str, blocks: Sequence[Block], decisions: Sequence[Decision]) -> tuple[Span, ...]:
    """The spans of ``original`` that dropped blocks take, in order, not overlapping."""
    spans = []
    kept_before = False
    for position, (block, decision) in enumerate(zip(blocks, decisions)):
        if decision.keep:
            kept_before = True
            continue
        if kept_before:
            start, end = blocks[position - 1].end, block.end
        else:
            start = block.start
            end = blocks[position + 1].start if position + 1 < len(blocks) else block.end
        assert decision.reason is not None  # dropped decisions always carry a reason
        spans.append(Span(start, end, block.index, decision.reason, decision.score,
                          decision.detector, decision.evidence, block.text))
    return tuple(spans)


def apply_removals(original: str, removed: Iterable[Span | Mapping[str, Any]]) -> str:
    """``original`` with every span in ``removed`` cut out: the cleaned text. Spans are
    :class:`Span` objects or their ``to_dict()``/``--report`` form (``start`` and ``end`` keys).

    >>> from textclean import clean
    >>> result = clean("Search\\n\\nA real paragraph of text.\\n...")
    >>> apply_removals(result.original, result.removed) == result.text == "A real paragraph of text."
    True
    >>> apply_removals(result.original, result.to_dict()["removed"]) == result.text
    True
    """
    pieces = []
    position = 0
    for start, end in sorted(map(_offsets, removed)):
        if start < position:
            raise ValueError(f"removed spans overlap at offset {start}")
        if not 0 <= start <= end <= len(original):
            raise ValueError(f"removed span {start}..{end} is not within the text's {len(original)} characters")
        pieces.append(original[position:start])
        position = end
    pieces.append(original[position:])
    return "".join(pieces)


def _offsets(span: Span | Mapping[str, Any]) -> tuple[int, int]:
    return (span["start"], span["end"]) if isinstance(span, Mapping) else (span.start, span.end)


_TEXT_WIDTH = 48
_WORDS = re.compile(r"\S+")


def explain_table(result: CleanResult) -> str:
    """One row per block: number, kept or dropped, reason, score, the text and the evidence. A
    kept block with findings under their thresholds shows the strongest (a protected headline,
    a repeat far from its source), so what almost removed it is visible too."""
    strongest: dict[int, Finding] = {}
    for found in result.findings:
        if found.block not in strongest or found.score > strongest[found.block].score:
            strongest[found.block] = found
    rows = [f"{'#':>4}  {'action':<6}  {'reason':<13}  {'score':>5}  {'text':<{_TEXT_WIDTH}}  why"]
    for block, decision in zip(result.blocks, result.decisions):
        action = "keep" if decision.keep else "drop"
        reason = decision.reason.value if decision.reason else "-"
        score = f"{decision.score:.2f}" if not decision.keep else "-"
        why = decision.evidence if not decision.keep else decision.rule
        if decision.keep and (found := strongest.get(block.index)) is not None:
            why += f"; {found.reason.value} {found.score:.2f}: {found.evidence}"
        text = _column(block.text, _TEXT_WIDTH)
        rows.append(f"{block.index + 1:>4}  {action:<6}  {reason:<13}  {score:>5}  {text}  {why}")
    return "\n".join(rows)


def _column(text: str, width: int) -> str:
    """``text``'s words, cut and padded to ``width`` terminal columns: wide (CJK) characters take
    two, combining marks none, and control characters show as escapes instead of acting on the
    terminal. Only what fits is looked at: a block of 30 MB took gigabytes.

    >>> _column("标题", 6) + "|", _column("bell\\x07", 10) + "|", _column("ab  cd ef", 4) + "|"
    ('标题  |', 'bell\\\\x07  |', 'ab …|')
    """
    cells: list[tuple[str, int]] = []
    used = 0
    for word in _WORDS.finditer(text):
        for char in (" " if cells else "") + word.group():
            shown = repr(char)[1:-1] if unicodedata.category(char) == "Cc" else char
            cells.append((shown, sum(map(_width, shown))))
            used += cells[-1][1]
        if used > width:
            while used > width - 1:
                used -= cells.pop()[1]
            cells.append(("…", 1))
            used += 1
            break
    return "".join(c for c, _ in cells) + " " * (width - used)


def _width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
