"""Text evidence about each line of a full-page dump: is it prose, or menu, link list, footer?

A full-page dump (innerText, Common Crawl WET, html-text, inscriptis) keeps every visible line
of a page and loses the HTML. What is left to tell the article from the rest is the text itself:
how long a line is, how much of it is function words (prose needs them, menus and link lists do
not), punctuation, casing, menu and crumb shapes, where the line stands, and what its
neighbours look like (an article is a contiguous region of prose). :func:`page_features`
computes those numbers, one row per block, for the :mod:`~textclean.detectors.low_content`
detector and its training script (``tools/train_page_model.py``) alike.

Speed matters (hundreds of pages a second), so characters are classified with one table
lookup over the whole page and words with one tokenization; per-line sums come from
cumulative sums, not Python loops over characters.

>>> from textclean.segment import segment
>>> rows = page_features(segment("Home\\nNews\\nSport\\nThe council met on Tuesday and voted to keep the library open."))
>>> rows.shape == (4, len(FEATURES))
True
>>> rows[:, FEATURES.index("stop_share")].round(2).tolist()
[0.0, 0.0, 0.0, 0.5]
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import repeat
from typing import NamedTuple

import numpy as np
import regex

from . import lexicon, page_words
from .normalize import CJK_CHARS_PER_WORD, SOUTHEAST_ASIAN_CHARS_PER_WORD, normalize
from .segment import segment
from .types import Block

# Character classes, one bit each, looked up by code point (the Basic Multilingual Plane).
_UPPER, _ALPHA, _DIGIT, _PUNCT, _COMMA, _CJK, _CJK_FUNCTION, _SEPARATOR, _SOUTHEAST_ASIAN, _MARK = (1 << i for i in range(10))


def _char_table() -> np.ndarray:
    table = np.zeros(0x10000, dtype=np.uint16)
    every = "".join(map(chr, range(0x10000)))
    for bit, pattern in ((_UPPER, r"\p{Lu}|\p{Lt}"), (_ALPHA, r"\p{L}"), (_DIGIT, r"\p{Nd}"),
                         (_CJK, r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]"),
                         (_SOUTHEAST_ASIAN, r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"), (_MARK, r"\p{M}")):
        table[[m.start() for m in regex.finditer(pattern, every)]] |= bit
    for bit, chars in ((_PUNCT, ".!?;,:。！？；，、"), (_COMMA, ",，、"),
                       (_CJK_FUNCTION, page_words.CJK_FUNCTION_CHARS), (_SEPARATOR, "|›»·•/-–—>")):
        table[[ord(ch) for ch in chars]] |= bit
    return table


def _ranges(bit: int) -> str:
    """The code points of ``bit`` as a regular-expression class body of ranges."""
    points = np.flatnonzero(_TABLE & bit)
    breaks = np.flatnonzero(np.diff(points) > 1)
    firsts, lasts = points[np.r_[0, breaks + 1]], points[np.r_[breaks, len(points) - 1]]
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in zip(firsts, lasts))


_TABLE = _char_table()
# Token classes, one bit each: function word, footer word, web address part, date word; newline.
_STOP, _FOOTER, _LINK, _DATE, _NEWLINE = (1 << i for i in range(5))
_TOKEN_CLASS: dict[str, int] = {"\n": _NEWLINE}
for _bit, _words in ((_STOP, (w for group in page_words.STOP_WORDS.values() for w in group)),
                     (_FOOTER, page_words.FOOTER_WORDS), (_LINK, page_words.LINK_WORDS),
                     (_DATE, (*page_words.MONTH_WORDS, *map(str, range(1990, 2040))))):
    for _word in _words:
        _TOKEN_CLASS[_word] = _TOKEN_CLASS.get(_word, 0) | _bit
# Words run on through combining marks: Python's \w stops at a Devanagari vowel sign, which would
# cut "हिन्दी" into four tokens.
_TOKEN = re.compile(rf"[\w{_ranges(_MARK)}]+|\n")
_NAV = frozenset(normalize(p) for group in lexicon.NAVIGATION_PHRASES.values() for p in group)
_PROMO = frozenset(normalize(p) for table in (lexicon.PROMO_PHRASES, lexicon.RELATED_PHRASES,
                                              lexicon.TRUNCATION_PHRASES) for group in table.values() for p in group)
# Closing quotes and brackets after a sentence's mark: English and French (”’»), German (“‘«›),
# CJK (」』）】); and the spaces French puts inside them.
_CLOSERS = "\"'”’»)]*“‘«›」』）】 \u00a0\u202f"
_SENTENCE_ENDERS = frozenset(".!?;:。！？；…។။؟।۔")
# Reference marks after a sentence's full stop: "…in 1998.[12]", "…the war. [MP3 SP]", "…said.¹".
_SUPERSCRIPT_DIGITS = "¹²³⁰⁴⁵⁶⁷⁸⁹"
_TRAILING_REFERENCES = re.compile(rf"(?:\s*\[(?![.…\s]*\])[^\[\]\n]{{1,30}}\]|[{_SUPERSCRIPT_DIGITS}])+$")
_SOUTHEAST_ASIAN_FUNCTION = re.compile("|".join(sorted(page_words.SOUTHEAST_ASIAN_FUNCTION_WORDS, key=len, reverse=True)))
_BULLETS = frozenset("*+•·▪►▸‣◦-–")
_PROSE_MIN_TOKENS = 10
_PHRASE_MAX_TOKENS = 6
_FULL_PAGE_MIN_LINES = 25
# A short line (menu item, crumb, button): four words or fewer, compared as log1p like the log_tokens column.
_SHORT_LOG_TOKENS = float(np.log1p(4))
# Extractors drop whole-line menu and promo phrases: this many of them (and this share of the
# lines) mark a dump even when its menus run into long lines.
_FULL_PAGE_MIN_PHRASES = 5
_FULL_PAGE_PHRASE_SHARE = 0.02
_OPENING_TAG = re.compile(r"<(?:a|div|embed|iframe|img|ins|link|meta|noscript|object|p|script|source|span|style|table|"
                          r"td|tr|video)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_MARKUP_MIN_SHARE = 0.5

# Per-block measurements (before the neighbourhood is added). Names are part of the model file.
BLOCK_FEATURES = (
    "log_chars", "log_tokens", "stop_share", "sentence_end", "punct_density", "comma_density",
    "title_share", "upper_share", "digit_share", "bullet", "separators", "nav_phrase", "promo_phrase",
    "footer_words", "link_words", "date_words", "short_title_line", "repeated_text", "cjk", "starts_lower", "markup",
)
# Where the block stands and what surrounds it.
CONTEXT_FEATURES = (
    "position", "char_position", "first_block", "title_overlap", "in_body_region", "share_of_longest", "short_run", "prose_run", "prose_mass3", "prose_mass10", "relative_tokens",
    "win1_log_tokens", "win1_stop_share", "win1_sentence_end", "win1_short_title_line",
    "win3_log_tokens", "win3_stop_share", "win3_sentence_end", "win3_short_title_line",
    "win10_log_tokens", "win10_stop_share", "win10_sentence_end", "win10_short_title_line",
    "continues_previous", "continued_by_next",
    "win3_date_words", "win10_date_words", "win3_footer_words", "win10_footer_words", "win3_bullet", "win10_bullet",
)
FEATURES = BLOCK_FEATURES + CONTEXT_FEATURES
_WINDOW_OF = ("log_tokens", "stop_share", "sentence_end", "short_title_line")
# Columns averaged over the neighbourhood: the four above (widths 1, 3, 10), then three more (widths 3, 10).
_WINDOWED = [BLOCK_FEATURES.index(name) for name in (*_WINDOW_OF, "date_words", "footer_words", "bullet")]


class PageMeasures(NamedTuple):
    """A page's :data:`BLOCK_FEATURES` (``base``), and its lower-cased tokens (newlines included)
    with each one's class bits (function, footer, web or date word) and line: what
    :func:`page_features` builds on, measured once per page (see :func:`full_page_measures`)."""

    base: np.ndarray
    tokens: list[str]
    token_cls: np.ndarray
    line_of: np.ndarray


def page_features(blocks: Sequence[Block], measures: PageMeasures | None = None) -> np.ndarray:
    """One row of :data:`FEATURES` per block (float64, shape ``(len(blocks), len(FEATURES))``);
    ``measures``: the blocks' :func:`page_measures`, when already taken."""
    if not blocks:
        return np.zeros((0, len(FEATURES)))
    texts = [block.text for block in blocks]
    base, tokens, token_cls, line_of = _measures(texts) if measures is None else measures
    return np.column_stack([base, *_context_measures(texts, base, tokens, token_cls, line_of)])


def page_measures(blocks: Sequence[Block]) -> PageMeasures:
    """The blocks' :class:`PageMeasures`."""
    return _measures([block.text for block in blocks])


def _measures(texts: list[str]) -> PageMeasures:
    n = len(texts)
    doc = "\n".join(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    ends = np.cumsum(lengths + 1) - 1
    starts = ends - lengths
    chars = lengths.astype(np.float64)

    codes = np.frombuffer(doc.encode("utf-32-le"), dtype=np.uint32)
    cls = _TABLE[np.minimum(codes, 0xFFFF)]
    word = (cls & (_ALPHA | _DIGIT | _MARK)) != 0
    word_start = word & ~np.concatenate(([False], word[:-1]))
    space_before = np.concatenate(([False], codes[:-1] == 32))
    space_after = np.concatenate((codes[1:] == 32, [False]))
    strong = (codes == 0x7C) | (codes == 0x203A) | (codes == 0xBB)  # | › »
    separator = ((cls & _SEPARATOR) != 0) & ((space_before & space_after) | strong)

    def per_block(flags: np.ndarray) -> np.ndarray:
        # Each block's span runs to the next block's start: the newline between has no class.
        return np.add.reduceat(flags, starts, dtype=np.int64).astype(np.float64)

    upper, alpha, digit = per_block(cls & _UPPER != 0), per_block(cls & _ALPHA != 0), per_block(cls & _DIGIT != 0)
    punct, comma = per_block(cls & _PUNCT != 0), per_block(cls & _COMMA != 0)
    cjk, cjk_function = per_block(cls & _CJK != 0), per_block(cls & _CJK_FUNCTION != 0)
    title_starts = per_block(word_start & (cls & _UPPER != 0))
    alpha_starts = per_block(word_start & (cls & _ALPHA != 0))
    separators = per_block(separator | (codes == 0xA9))  # © counts as a separator

    tokens_list = _TOKEN.findall(doc.lower())
    token_cls = np.fromiter(map(_TOKEN_CLASS.get, tokens_list, repeat(0)), dtype=np.int64, count=len(tokens_list))
    newline = token_cls == _NEWLINE
    line_of = np.cumsum(newline) - newline
    words = np.bincount(line_of, weights=~newline, minlength=n)

    def per_line(bit: int) -> np.ndarray:
        return np.bincount(line_of, weights=(token_cls & bit) != 0, minlength=n)

    stop, footer, link, date = per_line(_STOP), per_line(_FOOTER), per_line(_LINK), per_line(_DATE)
    # A run of Chinese or Japanese is one \w+ token; it counts a word per CJK_CHARS_PER_WORD characters instead.
    tokens = words - per_block(word_start & (cls & _CJK != 0)) + cjk / CJK_CHARS_PER_WORD
    mostly_cjk = cjk > 0.3 * chars
    stop_share = np.where(mostly_cjk, np.minimum(1.0, 3.0 * cjk_function / np.maximum(cjk, 1)),
                          stop / np.maximum(words, 1))
    title_share = title_starts / np.maximum(alpha_starts, 1)
    sentence_end = np.array([_ends_sentence(text) for text in texts], dtype=np.float64)
    southeast_asian = (cls & _SOUTHEAST_ASIAN) != 0
    if southeast_asian.any():
        tokens, stop_share, sentence_end = _southeast_asian(
            doc, starts, chars, per_block(southeast_asian), cls[ends - 1] & _SOUTHEAST_ASIAN != 0,
            tokens, stop_share, sentence_end)
    bullet = np.array([text[0] in _BULLETS and text[1:2] == " " for text in texts], dtype=np.float64)
    starts_lower = np.array([text[0].islower() for text in texts], dtype=np.float64)
    markup = np.array([text[0] == "<" and is_markup(text) for text in texts], dtype=np.float64)
    nav, promo = _phrases(tokens_list, newline, words)
    short_title = (tokens <= 5) & (title_share >= 0.5) & (sentence_end == 0)
    seen = Counter(texts)
    repeated = np.log(np.fromiter((seen[t] for t in texts), dtype=np.float64, count=n))
    base = np.column_stack([
        np.log1p(chars), np.log1p(tokens), stop_share, sentence_end, punct / (tokens + 1), comma / (tokens + 1),
        title_share, upper / np.maximum(alpha, 1), digit / np.maximum(chars, 1), bullet, separators, nav, promo,
        footer / (words + 1), link / (words + 1), date / (words + 1), short_title, repeated, mostly_cjk, starts_lower,
        markup,
    ]).astype(np.float64)
    return PageMeasures(base, tokens_list, token_cls, line_of)


def _ends_sentence(text: str) -> bool:
    if text[-1:] == "]" or text[-1:] in _SUPERSCRIPT_DIGITS:
        text = _TRAILING_REFERENCES.sub("", text)
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDERS


def is_markup(text: str) -> bool:
    """Whether a line is raw HTML that leaked into the dump (a page's ``<noscript>`` fallbacks:
    tracking pixels, ad iframes), not text: it opens with a tag and is mostly tags.

    >>> is_markup('<img src="//pixel.example.com/p.gif" width="1" height="1" />')
    True
    >>> is_markup("<p> is the paragraph tag, and every page has dozens of them.")
    False
    """
    return bool(_OPENING_TAG.match(text)) and sum(map(len, _TAG.findall(text))) >= _MARKUP_MIN_SHARE * len(text)


def _southeast_asian(doc: str, starts: np.ndarray, chars: np.ndarray, script_chars: np.ndarray,
                     ends_in_script: np.ndarray, tokens: np.ndarray, stop_share: np.ndarray,
                     sentence_end: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Lines mostly in Thai, Lao, Khmer or Burmese, measured as those scripts are written: a word
    per ``SOUTHEAST_ASIAN_CHARS_PER_WORD`` characters, function words found as substrings (no
    spaces to split at), and (Thai and Lao mark none) a closing letter of the script as a sentence
    end in a line long enough for a sentence (a menu item ends in a letter too)."""
    mostly = script_chars > 0.3 * chars
    found = [(m.start(), len(m.group())) for m in _SOUTHEAST_ASIAN_FUNCTION.finditer(doc)]
    line = np.searchsorted(starts, [start for start, _ in found], side="right") - 1
    function_chars = np.bincount(line, weights=[length for _, length in found], minlength=len(starts))
    share = np.minimum(1.0, 3.0 * function_chars / np.maximum(script_chars, 1))
    return (np.where(mostly, script_chars / SOUTHEAST_ASIAN_CHARS_PER_WORD, tokens), np.where(mostly, share, stop_share),
            np.where(mostly & ends_in_script & (script_chars >= _PROSE_MIN_TOKENS * SOUTHEAST_ASIAN_CHARS_PER_WORD),
                     1.0, sentence_end))


def looks_like_full_page(text: str) -> bool:
    """Whether ``text`` looks like a full-page dump (menus, link lists) rather than an extracted article.

    At least 25 lines, at least 40 % of them of four words or fewer, and navigation or promo
    phrases among them (or 60 % short lines); or, where menus run into long lines, at least five
    lines that are navigation or promo phrases, one in 50 or more. Tuned to be wrong on fewer than
    1 % of extractor outputs, since running full-page removal on an article would cost its short lines.

    >>> looks_like_full_page("The council met on Tuesday. It voted to keep the library open.")
    False
    >>> looks_like_full_page("\\n".join(["Home", "News", "Sport", "Weather", "Contact", "Search"] * 5))
    True
    """
    return full_page_measures(segment(text)) is not None


def full_page_measures(blocks: Sequence[Block]) -> PageMeasures | None:
    """The blocks' :func:`page_measures` if they look like a full-page dump (see
    :func:`looks_like_full_page`), else None: the test and the page's features share them."""
    if len(blocks) < _FULL_PAGE_MIN_LINES:
        return None
    measures = page_measures(blocks)
    base = measures.base
    short = float(np.mean(base[:, BLOCK_FEATURES.index("log_tokens")] <= _SHORT_LOG_TOKENS))
    phrases = float(base[:, BLOCK_FEATURES.index("nav_phrase")].sum() + base[:, BLOCK_FEATURES.index("promo_phrase")].sum())
    dump = (short >= 0.4 and (phrases >= 2 or short >= 0.6)
            or phrases >= max(_FULL_PAGE_MIN_PHRASES, _FULL_PAGE_PHRASE_SHARE * len(blocks)))
    return measures if dump else None


def _phrases(tokens: list[str], newline: np.ndarray, words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Whether each short line is a navigation phrase, or a promo / related / read-more phrase."""
    n = len(words)
    nav, promo = np.zeros(n), np.zeros(n)
    ends = np.flatnonzero(newline).tolist() + [len(tokens)]
    for line in np.flatnonzero((words > 0) & (words <= _PHRASE_MAX_TOKENS)).tolist():
        end = ends[line]
        key = " ".join(tokens[end - int(words[line]):end])
        nav[line] = key in _NAV
        promo[line] = key in _PROMO
    return nav, promo


def _context_measures(texts: list[str], base: np.ndarray, tokens_list: list[str], token_cls: np.ndarray,
                      line_of: np.ndarray) -> list[np.ndarray]:
    n = len(texts)
    col = {name: base[:, i] for i, name in enumerate(BLOCK_FEATURES)}
    tokens = np.expm1(col["log_tokens"])
    chars = np.expm1(col["log_chars"])
    # Word-count bounds compare logs: expm1(log1p(k)) misses k by one ulp either way (4 → 3.9999…, 25 → 25.0000…1).
    short = col["log_tokens"] <= _SHORT_LOG_TOKENS
    prose = (col["log_tokens"] >= np.log1p(_PROSE_MIN_TOKENS)) & ((col["stop_share"] >= 0.15) | (col["sentence_end"] > 0))
    start, end = body_region(_prose_gain(tokens, prose))
    index = np.arange(n, dtype=np.float64)
    cum_chars = np.cumsum(chars) - chars
    context = [
        index / max(n - 1, 1), cum_chars / max(chars.sum(), 1.0), (index == 0).astype(np.float64),
        _title_overlap(texts, tokens_list, token_cls, line_of), ((index >= start) & (index <= end)).astype(np.float64), chars / max(chars.max(), 1.0),
        np.log1p(_run_length(short)), np.log1p(_run_length(prose)),
        _relative_mass(prose * tokens, 3), _relative_mass(prose * tokens, 10),
        col["log_tokens"] - np.log1p(_median(tokens)),
    ]
    windowed = _window_means(base[:, _WINDOWED], (1, 3, 10))
    context.extend(windowed[0][:, :4].T)
    context.extend(windowed[1][:, :4].T)
    context.extend(windowed[2][:, :4].T)
    # A paragraph hard-wrapped over several lines: this line opens in lower case after one without an ending.
    open_line = np.concatenate(([0.0], 1.0 - col["sentence_end"][:-1]))
    continues = open_line * col["starts_lower"]
    context += [continues, np.concatenate((continues[1:], [0.0]))]
    near, around = windowed[1][:, 4:].T, windowed[2][:, 4:].T
    context += [near[0], around[0], near[1], around[1], near[2], around[2]]
    return context


def _median(values: np.ndarray) -> float:
    """``np.median`` without its overhead (it dominated on pages of a few hundred lines)."""
    ordered = np.sort(values)
    return float(ordered[(len(ordered) - 1) // 2] + ordered[len(ordered) // 2]) / 2


def body_region(gain: np.ndarray) -> tuple[int, int]:
    """First and last index of the contiguous stretch whose ``gain`` sums highest (maximum subarray)."""
    best, best_span = -np.inf, (0, len(gain) - 1)
    running, run_start = 0.0, 0
    for i, value in enumerate(gain.tolist()):
        if running <= 0:
            running, run_start = value, i
        else:
            running += value
        if running > best:
            best, best_span = running, (run_start, i)
    return best_span


def _prose_gain(tokens: np.ndarray, prose: np.ndarray) -> np.ndarray:
    """Prose lines gain their token count, other lines cost a little each, so a short caption or
    subheading inside the article does not split it, while a menu of twenty items does."""
    return np.where(prose, np.minimum(tokens, 120.0), -np.minimum(tokens, 12.0) - 3.0)


def _title_overlap(texts: list[str], tokens: list[str], token_cls: np.ndarray, line_of: np.ndarray) -> np.ndarray:
    """Share of each short block's content words (not function words) found in the first line
    (usually the page title): "the" and "of" would match any title."""
    n = len(texts)
    first, end = np.searchsorted(line_of, (1, n)).tolist()  # the tokens of the first line, then of all others
    content = (token_cls[:end] & (_STOP | _NEWLINE)) == 0
    title = frozenset(token for token, is_content in zip(tokens[:first], content[:first].tolist()) if is_content)
    if not title or end <= first:
        return np.zeros(n)
    lines, content = line_of[first:end], content[first:]
    in_title = np.fromiter(map(title.__contains__, tokens[first:end]), dtype=bool, count=end - first)
    words = np.bincount(lines, weights=content, minlength=n)
    shared = np.bincount(lines, weights=in_title, minlength=n)
    short = np.fromiter(map(len, texts), dtype=np.int64, count=n) < 300
    return np.where(short & (words > 0), shared / np.maximum(words, 1), 0.0)


def _run_length(flags: np.ndarray) -> np.ndarray:
    """For each position, the length of the run of True flags it sits in (0 where False)."""
    n = len(flags)
    change = np.flatnonzero(np.diff(flags.astype(np.int8))) + 1
    starts = np.concatenate(([0], change))
    lengths = np.diff(np.concatenate((starts, [n])))
    return np.where(flags, np.repeat(lengths, lengths), 0).astype(np.float64)


def _relative_mass(values: np.ndarray, width: int) -> np.ndarray:
    """Sum of ``values`` over the ``width`` blocks on each side, as a share of the page's largest such sum."""
    padded = np.concatenate(([0.0], np.cumsum(values)))
    index = np.arange(len(values))
    total = padded[np.minimum(index + width + 1, len(values))] - padded[np.maximum(index - width, 0)]
    return total / max(total.max(), 1.0)


def _window_means(values: np.ndarray, widths: Sequence[int]) -> list[np.ndarray]:
    """Mean of ``values`` (rows: blocks) over the ``width`` blocks on each side, the block itself
    excluded, for each of ``widths`` (one cumulative sum serves them all)."""
    n = len(values)
    padded = np.vstack([np.zeros((1, values.shape[1])), np.cumsum(values, axis=0)])
    index = np.arange(n)
    out = []
    for width in widths:
        lo = np.maximum(index - width, 0)
        hi = np.minimum(index + width + 1, n)
        count = (hi - lo - 1)[:, None]
        out.append(np.where(count > 0, (padded[hi] - padded[lo] - values) / np.maximum(count, 1), 0.0))
    return out
