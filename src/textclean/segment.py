"""Text to blocks: every non-blank line, stripped, with exact offsets into the original.

A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r``. Scraped text puts one paragraph, heading,
menu item or caption on a line, so a line is the unit a removal can take or leave. Hard-wrapped
text (lynx, w3m, html2text: :mod:`textclean.hard_wrap`) breaks a paragraph into lines of one
width; there a block is the run of lines a wrapper broke from one line.

>>> [(b.start, b.end, b.text) for b in segment("Title\\r\\n\\n  Body text. \\rEnd")]
[(0, 5, 'Title'), (10, 20, 'Body text.'), (22, 25, 'End')]
"""
from __future__ import annotations

from collections.abc import Sequence

import regex

from .hard_wrap import wrap_width, wrapped_runs
from .types import Block

# A run of non-whitespace-bounded content on one line: first and last visible characters.
_LINE_CONTENT = regex.compile(r"[^\S\r\n]*+([^\r\n]*[^\s])[^\S\r\n]*+")


def segment(text: str) -> tuple[Block, ...]:
    """The blocks of ``text`` in order: its lines (:func:`segment_lines`), or in hard-wrapped text
    the runs of lines a wrapper broke from one line, each run's text its lines joined by spaces."""
    lines = segment_lines(text)
    texts = [line.text for line in lines]
    width = wrap_width(texts)
    if width is None:
        return lines
    runs = wrapped_runs(texts, width, blank_line_after(text, lines))
    return tuple(Block(index, lines[first].start, lines[last].end, " ".join(texts[first:last + 1]))
                 for index, (first, last) in enumerate(runs))


def segment_lines(text: str) -> tuple[Block, ...]:
    """The non-blank lines of ``text`` in order, stripped; ``text[b.start:b.end] == b.text`` for each."""
    return tuple(Block(index, *match.span(1), match.group(1))
                 for index, match in enumerate(_LINE_CONTENT.finditer(text)))


# What the line pattern strips: Unicode White_Space (str.strip() would also take \x1c–\x1f).
_WHITE_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def stripped_lines(text: str) -> list[str]:
    """Every line of ``text``, cut and stripped as :func:`segment_lines` does, a blank one as "": its
    blocks' texts without their offsets, for code that needs only those (str.splitlines also cuts
    at \\v, \\f, \\x1c–\\x1e, \\x85, \\u2028 and \\u2029, which segment leaves inside a line).

    >>> stripped_lines("Title\\r\\n\\n  Body\\u2028text. \\rEnd")
    ['Title', '', 'Body\\u2028text.', 'End']
    """
    return [line.strip(_WHITE_SPACE) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def blank_line_after(text: str, blocks: Sequence[Block]) -> list[bool]:
    """For each block of ``text``, whether a blank line separates it from the next.

    >>> text = "One\\r\\n\\r\\nTwo\\nThree\\r\\rFour"
    >>> blank_line_after(text, segment_lines(text))
    [True, False, True, False]
    """
    gaps = (text[block.end:following.start] for block, following in zip(blocks, blocks[1:]))
    return [gap.count("\n") + gap.count("\r") - gap.count("\r\n") >= 2 for gap in gaps] + [False] * bool(blocks)
