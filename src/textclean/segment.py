"""Text to blocks: every non-blank line, stripped, with exact offsets into the original.

A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r``. Scraped text puts one paragraph, heading,
menu item or caption on a line, so a line is the unit a removal can take or leave.

>>> [(b.start, b.end, b.text) for b in segment("Title\\r\\n\\n  Body text. \\rEnd")]
[(0, 5, 'Title'), (10, 20, 'Body text.'), (22, 25, 'End')]
"""
from __future__ import annotations

import regex

from .types import Block

# A run of non-whitespace-bounded content on one line: first and last visible characters.
_LINE_CONTENT = regex.compile(r"[^\S\r\n]*+([^\r\n]*[^\s])[^\S\r\n]*+")


def segment(text: str) -> tuple[Block, ...]:
    """The blocks of ``text`` in order; ``text[b.start:b.end] == b.text`` for each."""
    return tuple(Block(index, *match.span(1), match.group(1))
                 for index, match in enumerate(_LINE_CONTENT.finditer(text)))
