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

import unicodedata

import regex

# Punctuation and symbols become spaces, so "word—word" splits like "word - word".
_PUNCT_SYMBOL_OR_SPACE = regex.compile(r"[\p{P}\p{S}\s]+")
_DIGIT_RUN = regex.compile(r"\d+(?:[\s.,:/-]*\d+)*")
_WORD = regex.compile(r"\w+")


def normalize(text: str, *, mask_digits: bool = False) -> str:
    """NFKC, casefold, punctuation and symbols to spaces, whitespace collapsed.

    With ``mask_digits`` every run of digits (with the separators inside dates, times and
    numbers such as ``3.5`` or ``2024-02-26``) becomes ``0``, so "Updated 3 hours ago" and
    "Updated 12 hours ago" normalize alike.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    if mask_digits:
        text = _DIGIT_RUN.sub("0", text)
    return _PUNCT_SYMBOL_OR_SPACE.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The word tokens of ``text`` after NFKC and casefolding (letters, digits, underscore)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
