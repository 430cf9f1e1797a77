"""The normalizer's fast paths (ASCII; stdlib ``re`` on the Basic Multilingual Plane) give exactly
the regex reference's result."""
from __future__ import annotations

import string
import unicodedata

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textclean.normalize import _BMP_PUNCT_SYMBOL_OR_SPACE, normalize

_REFERENCE = regex.compile(r"[\p{P}\p{S}\s]+")
_INVISIBLE = regex.compile(r"\p{Cf}")
_DIGIT_RUN = regex.compile(r"\d+(?:[\s.,:/-]*\d+)*")


def reference(text: str, mask_digits: bool = False) -> str:
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text).casefold())
    if mask_digits:
        text = _DIGIT_RUN.sub("0", text)
    return _REFERENCE.sub(" ", text).strip()


mixed = st.text(
    alphabet=st.one_of(
        st.sampled_from(string.printable + "\x1c\x1d\x1e\x1f\x85\xa0"),
        st.sampled_from("’“”—–…©®€ßİﬁ\u0301\u2028\u3000éÉ\xad\u200b\u200e\ufeff"),
        st.characters(),
    ),
    max_size=80,
)


@settings(max_examples=600)
@given(text=mixed, mask_digits=st.booleans())
@example(text="ab\x1c\ncd", mask_digits=False)
@example(text="Bundes\xadregierung 2\u200b024 \u200fsea\u200brch", mask_digits=True)
@example(text="Hello, World!\nÇa va?\n\n--\n", mask_digits=False)
@example(text="„Quote“ — l’été… ☺ 😀 done\n𝔘𝔫𝔦 ‰ 🇫🇷!", mask_digits=False)
def test_fast_path_equals_regex_reference(text, mask_digits):
    assert normalize(text, mask_digits=mask_digits) == reference(text, mask_digits)


def test_ascii_punctuation_is_exactly_the_regex_class():
    ascii_ps = "".join(chr(c) for c in range(128) if regex.match(r"[\p{P}\p{S}]", chr(c)))
    assert ascii_ps == string.punctuation


def test_basic_plane_class_is_exactly_the_regex_class():
    every = "".join(map(chr, range(0x10000)))
    assert _BMP_PUNCT_SYMBOL_OR_SPACE.sub(" ", every) == _REFERENCE.sub(" ", every)
