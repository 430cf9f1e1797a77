"""Properties over arbitrary Unicode, and bounded fuzzing of the segmenter and JSONL reader.

TEXTCLEAN_FUZZ_EXAMPLES sets the fuzzing budget (examples per target; CI uses the default).
"""
from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textclean
from textclean.errors import InputError
from textclean.io import Record, Rejection, iter_jsonl

FUZZ = settings(max_examples=int(os.environ.get("TEXTCLEAN_FUZZ_EXAMPLES", "1500")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
LINES = st.lists(st.one_of(
    st.sampled_from(["Search", "GAZA WAR", "...", "Read more", "Related stories", "Photo: AP",
                     "The council approved the budget on Tuesday after a long and heated debate today.",
                     "Heavy snow closed hundreds of schools across the region on Thursday, officials said."]),
    st.text(max_size=120)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(LINES, st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
def test_clean_is_deterministic_replayable_and_reaches_a_fixed_point(lines, separator):
    text = separator.join(lines)
    result = textclean.clean(text)
    assert result == textclean.clean(text)
    assert textclean.apply_removals(text, result.removed) == result.text
    # Cleaning again removes only what the first removals exposed, and soon nothing more:
    # every pass that changes something drops at least one block.
    passes, current = 0, result
    while current.removed:
        kept = [b.text for b, d in zip(current.blocks, current.decisions) if d.keep]
        current = textclean.clean(current.text)
        assert [b.text for b in current.blocks] == kept
        passes += 1
        assert passes <= len(result.blocks)


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_fuzz_segmenter(text):
    blocks = textclean.segment(text)
    previous_end = -1
    for block in blocks:
        assert text[block.start:block.end] == block.text
        assert block.text == block.text.strip() or not block.text.strip() == block.text
        assert block.start > previous_end
        assert "\n" not in block.text and "\r" not in block.text
        previous_end = block.end


@FUZZ
@given(st.binary(max_size=400))
def test_fuzz_jsonl_reader_on_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "in.jsonl"
    path.write_bytes(data)
    items = list(iter_jsonl(str(path), on_error="skip", id_key="id", seen_ids={}))
    assert all(isinstance(item, (Record, Rejection)) for item in items)
    assert len(items) == sum(1 for line in data.split(b"\n") if line.strip())
    try:
        list(iter_jsonl(str(path)))
    except InputError as exc:
        assert str(exc).startswith(f"{path}:")


@FUZZ
@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["text", "id", "x"]), st.one_of(st.text(), st.integers(), st.none())),
    st.text(), st.integers()), max_size=8))
def test_fuzz_jsonl_reader_on_json_values(tmp_path_factory, values):
    path = tmp_path_factory.mktemp("fuzz") / "in.jsonl"
    path.write_text("".join(json.dumps(v) + "\n" for v in values), encoding="utf-8")
    items = list(iter_jsonl(str(path), on_error="skip"))
    records = [item for item in items if isinstance(item, Record)]
    assert len(items) == len(values)
    assert [r.fields for r in records] == [v for v in values if isinstance(v, dict) and isinstance(v.get("text"), str)]
