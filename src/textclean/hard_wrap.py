"""Hard-wrapped text: lines a tool broke at a fixed width (lynx and w3m dumps, html2text: 72–80 columns).

The cleaner judges each line as a paragraph, heading or menu item. In wrapped text a paragraph
is several lines, each cut mid-sentence, so each would look like a fragment without a sentence end.
``wrap_width`` finds the width a text was wrapped at, and ``wrapped_runs`` the lines that were one
line before; :func:`textclean.segment.segment` makes each run one block.

>>> lines = ["The council met on Tuesday and voted to keep", "the library open.", "Home", "News"]
>>> wrapped_runs(lines, 46)
[(0, 1), (2, 2), (3, 3)]
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

# Widths a wrapper uses; a text whose lines all end before 40 columns is a list, not wrapped prose.
MIN_WIDTH, MAX_WIDTH = 40, 120
# A wrapped line ends within this many columns of the width (the next word did not fit).
_SLACK = 10
# Among many lines a few overflow the width (a long word, a table row): the width is the 99th percentile.
_MANY_LINES = 100
# Wrapped prose goes on in lower case after at least this share of its breaks (English about 0.8).
_LOWER_SHARE = 0.3


def wrap_width(texts: Sequence[str]) -> int | None:
    """The column ``texts`` were wrapped at, or None if they were not hard-wrapped.

    Wrapped: at least half of the lines longer than half the width end within ten columns of it
    (at least three lines; lines without a space or with a web address are left out, as a wrapper
    cannot break a URL: lynx's list of references runs past the width), and where the next line's
    first word would not have fit, the next line often goes on in lower case, mid-sentence (a list
    of headlines of about one length starts each with a capital).
    """
    lengths = [len(text) for text in texts if " " in text and "://" not in text]
    if len(lengths) < 5 or (len(lengths) < _MANY_LINES and max(lengths) > MAX_WIDTH):  # most texts: a long line
        return None
    lengths.sort()
    width = lengths[-1] if len(lengths) < _MANY_LINES else lengths[int(0.99 * (len(lengths) - 1))]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    near = bisect_right(lengths, width) - bisect_left(lengths, width - _SLACK)
    if near < max(3, (len(lengths) - bisect_left(lengths, width / 2)) / 2):
        return None
    following = [after for before, after in zip(texts, texts[1:]) if _breaks(before, after, width)]
    lower = sum(after[0].islower() for after in following)
    return width if lower >= max(3, _LOWER_SHARE * len(following)) else None


def _breaks(line: str, following: str, width: int) -> bool:
    """Whether a wrapper at ``width`` broke ``line`` there: ``following``'s first word would not have fit."""
    return len(line) + 1 + len(following.split(" ", 1)[0]) > width >= len(line)


def wrapped_runs(texts: Sequence[str], width: int, blank_after: Sequence[bool] = ()) -> list[tuple[int, int]]:
    """``(first, last)`` line of each run that a wrapper broke from one line, in order, covering all lines.

    A line runs on into the next when the next line's first word would not have fit after it
    within ``width`` (which is why the wrapper broke there), unless a blank line lies between them
    (``blank_after[i]``: lynx, w3m and html2text put one between paragraphs).
    """
    runs, first = [], 0
    for i in range(len(texts) - 1):
        if not _breaks(texts[i], texts[i + 1], width) or (i < len(blank_after) and blank_after[i]):
            runs.append((first, i))
            first = i + 1
    if texts:
        runs.append((first, len(texts) - 1))
    return runs


def unwrapped_lines(lines: Sequence[str]) -> list[str]:
    """The non-empty of a text's stripped ``lines``, with each hard-wrapped run joined by spaces
    into one (the blocks :func:`textclean.segment.segment` makes, for code that has only lines)."""
    present = [i for i, line in enumerate(lines) if line]
    texts = [lines[i] for i in present]
    width = wrap_width(texts)
    if width is None:
        return texts
    blank_after = [following - at > 1 for at, following in zip(present, present[1:])]
    return [" ".join(texts[first:last + 1]) for first, last in wrapped_runs(texts, width, blank_after)]
