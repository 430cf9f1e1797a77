"""The one normalizer used for every comparison of text in textclean.

Two blocks "are the same" when their normalized forms are equal; fuzzy scores, template
lines and dedup shingles are all computed on normalized text, so every part of the library
agrees on what a repeat is.

>>> normalize("  Hamas, other  groups — stress 'UNITY'!  ")
'hamas other groups stress unity'
>>> normalize("© 2024 Example Corp.", mask_digits=True)
'0 example corp'
>>> normalize("Sea\u200brch"), normalize("Bundes\xadregierung")
('search', 'bundesregierung')
>>> words("Ça va? Très bien, merci.")
['ça', 'va', 'très', 'bien', 'merci']
>>> word_count(normalize("Ça va? Très bien.")), word_count(normalize("国务院总理周三在北京主持召开常务会议。"))
(4, 11)
"""
from __future__ import annotations

import re
import string
import unicodedata

import regex

# Punctuation and symbols become spaces, so "word—word" splits like "word - word".
_PUNCT_SYMBOL_OR_SPACE = regex.compile(r"[\p{P}\p{S}\s]+")


def _basic_plane_class(pattern: regex.Pattern[str]) -> re.Pattern[str]:
    """The runs ``pattern`` matches in the Basic Multilingual Plane, as a stdlib ``re`` class:
    a bitmap there, twice as fast on the typographic quotes and accented letters that send most
    real text off the ASCII path. (A class reaching past the plane loses the bitmap.)"""
    every = "".join(map(chr, range(0x10000)))
    ranges = "".join(f"\\u{m.start():04x}-\\u{m.end() - 1:04x}" for m in pattern.finditer(every))
    return re.compile(f"[{ranges}]+")


_BMP_PUNCT_SYMBOL_OR_SPACE = _basic_plane_class(_PUNCT_SYMBOL_OR_SPACE)
# Invisible characters, the format characters: soft hyphens inside words (German news sets them
# by the thousand), zero-width spaces and joiners, direction marks, a byte-order mark. "Sea\u200brch"
# is "Search". (Adding the other default-ignorables, variation selectors and the combining
# grapheme joiner, doubles this pass's time for characters that scraped text hardly holds.)
_INVISIBLE = regex.compile(r"\p{Cf}+")
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_DIGIT_RUN = regex.compile(r"\d+(?:[\s.,:/-]*\d+)*")
_WORD = regex.compile(r"\w+")
# Chinese and Japanese write words without spaces between them: there a word is counted per
# CJK_CHARS_PER_WORD characters (about the mean length of a Chinese word), so that their
# paragraphs, leads and repeats are as long in words as those of other scripts. Thai, Lao, Khmer
# and Burmese put spaces only between phrases; their words average about four code points
# (marks included; an estimate from Thai word-segmented text, as the dev sets have none).
CJK_CHARS_PER_WORD = 1.7
# A line that ends a sentence: its closing mark in most scripts (Latin, Arabic, Urdu, CJK,
# Devanagari, Khmer, Burmese) or a closing quote or bracket (German closes with “ and «, CJK
# with 」), or a Thai or Lao letter, since those scripts mark no sentence end.
SENTENCE_END = regex.compile(r"(?:[.!?؟۔。！？।…»«\"“”‘’')）\]」』។။]|[\p{Thai}\p{Lao}])\s*$")
SOUTHEAST_ASIAN_CHARS_PER_WORD = 4.0
_CJK_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]+")
_SOUTHEAST_ASIAN_RUN = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+")
# Where those scripts lie (Thai and Lao, Myanmar, Khmer; CJK from U+2E80): one scan says whether to count runs.
_UNSPACED_SCRIPT = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\U0010ffff]")
# Fast path for ASCII text (the same result, several times faster): ASCII's punctuation and
# symbols are exactly string.punctuation, and its regex whitespace is str.split()'s except
# for the four information separators \x1c-\x1f, which send a text down the regex path.
_ASCII_PUNCT_TO_SPACE = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))
_INFO_SEPARATOR = re.compile("[\x1c-\x1f]")


def normalize(text: str, *, mask_digits: bool = False) -> str:
    """NFKC, casefold, invisible characters (:func:`visible`) out, punctuation and symbols to
    spaces, whitespace collapsed.

    With ``mask_digits`` every run of digits (with the separators inside dates, times and
    numbers such as ``3.5`` or ``2024-02-26``) becomes ``0``, so "Updated 3 hours ago" and
    "Updated 12 hours ago" normalize alike.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    ascii_text = text.isascii()  # the common case: checked once, and no call (this is the hot path)
    if not ascii_text and not text.isprintable():
        text = _INVISIBLE.sub("", text)
    if mask_digits:
        text = _DIGIT_RUN.sub("0", text)
    if _INFO_SEPARATOR.search(text):  # str.split() would split on these; \s does not
        return _PUNCT_SYMBOL_OR_SPACE.sub(" ", text).strip()
    if ascii_text:
        return _fold_ascii(text)
    # Line by line, so the ASCII lines of a mostly-ASCII text take the fast path.
    return " ".join(filter(None, map(_fold_line, text.split("\n"))))


def _fold_ascii(text: str) -> str:
    # bytes.translate runs at memory speed; str.translate looks each character up in a dict.
    return " ".join(text.encode("ascii").translate(_ASCII_PUNCT_TO_SPACE).decode("ascii").split())


def _fold_line(line: str) -> str:
    if line.isascii():
        return _fold_ascii(line)
    if _BEYOND_BMP.search(line):  # emoji and other symbols past the plane
        return _PUNCT_SYMBOL_OR_SPACE.sub(" ", line).strip()
    return _BMP_PUNCT_SYMBOL_OR_SPACE.sub(" ", line).strip()


def word_count(norm: str) -> int:
    """Words in a :func:`normalize`-d text: its space-separated tokens, a run of Chinese or
    Japanese characters counting one word per :data:`CJK_CHARS_PER_WORD` characters, and one of
    Thai, Lao, Khmer or Burmese one per :data:`SOUTHEAST_ASIAN_CHARS_PER_WORD`."""
    if not norm:
        return 0
    count = norm.count(" ") + 1
    if norm.isascii() or not _UNSPACED_SCRIPT.search(norm):
        return count
    # Each run stands in for the one token it sits in.
    for run_pattern, per_word in ((_CJK_RUN, CJK_CHARS_PER_WORD), (_SOUTHEAST_ASIAN_RUN, SOUTHEAST_ASIAN_CHARS_PER_WORD)):
        count += sum(max(1, round(len(run) / per_word)) - 1 for run in run_pattern.findall(norm))
    return count


def words(text: str) -> list[str]:
    """The word tokens of ``text`` after NFKC, casefolding and invisible characters out (letters,
    digits, underscore)."""
    return _WORD.findall(visible(unicodedata.normalize("NFKC", text).casefold()))


def visible(text: str) -> str:
    """``text`` without invisible characters (soft hyphens, zero-width spaces and joiners,
    direction marks), for patterns matched on text as written.

    >>> visible("Sea\u200brch …\u200e")
    'Search …'
    """
    # Format characters are neither ASCII nor printable: most text needs no regex pass (both
    # checks are C loops; a line break makes a text unprintable, so isascii comes first).
    return text if text.isascii() or text.isprintable() else _INVISIBLE.sub("", text)
