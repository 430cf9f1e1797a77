"""Invariants of `clean` over arbitrary text (hypothesis), checked against obvious references."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import textclean

# Lines built from boilerplate-ish and prose-ish pieces, so detectors actually fire.
PIECES = st.sampled_from([
    "Search", "GAZA WAR", "...", "Read more", "Advertisement", "Photo: Reuters",
    "The council approved the budget on Tuesday after a long and heated debate.",
    "Heavy snow closed hundreds of schools across the region on Thursday, officials said.",
    "Share this article", "Home › World › Europe", "1/3 Traders on the floor",
])
LINES = st.lists(st.one_of(PIECES, st.text(max_size=80)), max_size=25)
SEPARATORS = st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\n \t\n"])


@st.composite
def documents(draw):
    lines = draw(LINES)
    return "".join(line + draw(SEPARATORS) for line in lines)


@settings(max_examples=300, deadline=None)
@given(documents())
def test_replay_subsequence_offsets_determinism(text):
    result = textclean.clean(text)
    # Replaying the removals on the original gives the cleaned text.
    assert textclean.apply_removals(result.original, result.removed) == result.text
    # Offsets are exact.
    for block in result.blocks:
        assert text[block.start:block.end] == block.text
    # The output is the kept blocks, in order, and nothing else.
    kept = [b.text for b, d in zip(result.blocks, result.decisions) if d.keep]
    assert [b.text for b in textclean.segment(result.text)] == kept
    # Each removed span holds its block.
    for span in result.removed:
        assert span.block_text in text[span.start:span.end]
        assert 0.0 <= span.score <= 1.0
    # Same input, same output.
    assert textclean.clean(text) == result


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_text_is_cleaned_without_error(text):
    result = textclean.clean(text)
    assert textclean.apply_removals(text, result.removed) == result.text


@settings(max_examples=200, deadline=None)
@given(documents())
def test_never_empties_a_document(text):
    result = textclean.clean(text)
    if result.blocks:
        assert any(d.keep for d in result.decisions)


@given(st.text())
def test_segment_matches_a_slow_reference(text):
    # Lines end at \n, \r\n or \r; whitespace is Unicode White_Space (the regex module's \s).
    import regex

    reference = []
    position = 0
    for line in regex.split(r"\r\n|\r|\n", text):
        visible = [i for i, ch in enumerate(line) if not regex.match(r"\s", ch)]
        if visible:
            reference.append((position + visible[0], position + visible[-1] + 1))
        position += len(line) + (2 if text.startswith("\r\n", position + len(line)) else 1)
    assert [(b.start, b.end) for b in textclean.segment(text)] == reference
