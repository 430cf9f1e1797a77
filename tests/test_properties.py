"""Invariants of `clean` over arbitrary text (hypothesis), checked against obvious references."""
from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

import textclean
from textclean.segment import segment_lines, stripped_lines

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


@st.composite
def hard_wrapped_documents(draw):
    """Paragraphs of prose-ish words wrapped at one width, as lynx or html2text print them."""
    words = st.sampled_from(["the", "council", "approved", "budget", "on", "Tuesday", "after", "a", "long",
                             "debate,", "and", "residents", "said.", "Home", "snow", "closed", "schools"])
    paragraphs = draw(st.lists(st.lists(words, min_size=1, max_size=60).map(" ".join), max_size=12))
    width = draw(st.integers(40, 120))
    return draw(st.sampled_from(["\n\n", "\n"])).join(textwrap.fill(p, width) for p in paragraphs)


@settings(max_examples=300, deadline=None)
@given(st.one_of(documents(), hard_wrapped_documents()))
def test_replay_subsequence_offsets_determinism(text):
    result = textclean.clean(text)
    # Replaying the removals on the original gives the cleaned text.
    assert textclean.apply_removals(result.original, result.removed) == result.text
    # Offsets are exact: a block is its line, or its hard-wrapped lines joined by spaces.
    for block in result.blocks:
        assert block.text == " ".join(_lines(text[block.start:block.end]))
    # The output is the kept blocks' lines, in order, and nothing else.
    kept = [line for b, d in zip(result.blocks, result.decisions) if d.keep for line in _lines(text[b.start:b.end])]
    assert _lines(result.text) == kept
    # Each removed span holds its block.
    for span in result.removed:
        assert span.block_text == " ".join(_lines(text[span.start:span.end]))
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
    assert [(b.start, b.end) for b in segment_lines(text)] == reference


@given(st.text(alphabet=st.sampled_from("ab .\t\n\r\v\f\x1c\x1d\x1e\x1f\x85\xa0\u2028\u2029\u3000")))
def test_stripped_lines_are_the_lines_segment_cuts(text):
    # The template learner reads pages through stripped_lines: its lines must be segment's.
    assert [line for line in stripped_lines(text) if line] == [b.text for b in segment_lines(text)]


@given(st.one_of(documents(), hard_wrapped_documents()))
def test_blocks_are_runs_of_lines_in_order(text):
    lines = segment_lines(text)
    covered = [line for block in textclean.segment(text) for line in lines if block.start <= line.start < block.end]
    assert covered == list(lines)


def _lines(text: str) -> list[str]:
    return [line.text for line in segment_lines(text)]
