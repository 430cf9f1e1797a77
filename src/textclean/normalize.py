"""The one normalizer used for every comparison of text in textclean.

Two blocks "are the same" when their normalized forms are equal; fuzzy scores, template
lines and dedup shingles are all computed on normalized text, so every part of the library
agrees on what a repeat is.

>>> normalize("  Hamas, other  groups — stress 'UNITY'!  ")
'hamas other groups stress unity'
>>> normalize("© 2024 Example Corp.", mask_digits=True)
'0 example corp'
>>> words("Ça va? Très bien, merci.")
['ça', 'va', 'très', 'bien', 'merci']
"""
from __future__ import annotations

import re
import string
import unicodedata

import regex

# Punctuation and symbols become spaces, so "word—word" splits like "word - word".
_PUNCT_SYMBOL_OR_SPACE = regex.compile(r"[\p{P}\p{S}\s]+")
_DIGIT_RUN = regex.compile(r"\d+(?:[\s.,:/-]*\d+)*")
_WORD = regex.compile(r"\w+")
# Fast path for ASCII text (the same result, several times faster): ASCII's punctuation and
# symbols are exactly string.punctuation, and its regex whitespace is str.split()'s except
# for the four information separators \x1c-\x1f, which send a text down the regex path.
_ASCII_PUNCT_TO_SPACE = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))
_INFO_SEPARATOR = re.compile("[\x1c-\x1f]")


def normalize(text: str, *, mask_digits: bool = False) -> str:
    """NFKC, casefold, punctuation and symbols to spaces, whitespace collapsed.

    With ``mask_digits`` every run of digits (with the separators inside dates, times and
    numbers such as ``3.5`` or ``2024-02-26``) becomes ``0``, so "Updated 3 hours ago" and
    "Updated 12 hours ago" normalize alike.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    if mask_digits:
        text = _DIGIT_RUN.sub("0", text)
    if _INFO_SEPARATOR.search(text):  # str.split() would split on these; \s does not
        return _PUNCT_SYMBOL_OR_SPACE.sub(" ", text).strip()
    if text.isascii():
        return _fold_ascii(text)
    # Line by line, so the ASCII lines of a mostly-ASCII text take the fast path.
    return " ".join(filter(None, map(_fold_line, text.split("\n"))))


def _fold_ascii(text: str) -> str:
    # bytes.translate runs at memory speed; str.translate looks each character up in a dict.
    return " ".join(text.encode("ascii").translate(_ASCII_PUNCT_TO_SPACE).decode("ascii").split())


def _fold_line(line: str) -> str:
    if line.isascii():
        return _fold_ascii(line)
    return _PUNCT_SYMBOL_OR_SPACE.sub(" ", line).strip()


def words(text: str) -> list[str]:
    """The word tokens of ``text`` after NFKC and casefolding (letters, digits, underscore)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
