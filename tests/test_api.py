"""The library's public surface: config validation, presets, custom detectors, reasons, docs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import textclean
from textclean import CleanConfig, Cleaner, ConfigError, Finding, Reason

README = Path(__file__).resolve().parents[1] / "README.md"
SEEDS = README.parent / "seeds"


def test_config_rejects_bad_values_with_the_fix():
    with pytest.raises(ConfigError, match="fuzzy_threshold must be within 0..1"):
        CleanConfig(fuzzy_threshold=90)
    with pytest.raises(ConfigError, match="unknown reason 'spam'; known reasons: navigation"):
        CleanConfig(thresholds={"spam": 0.5})
    with pytest.raises(ConfigError, match="min_repeat_words must be a whole number"):
        CleanConfig(min_repeat_words=0)
    with pytest.raises(ConfigError, match="unknown preset 'x'; choose one of"):
        CleanConfig.preset("x")
    # Each was accepted and misbehaved later: a lone string taken letter by letter, a regex
    # error at first use, None a TypeError, "0.4" and True read as numbers.
    with pytest.raises(ConfigError, match=r"extra_phrases\['navigation'\] must be a list of strings, got 'Rubriques'"):
        CleanConfig(extra_phrases={"navigation": "Rubriques"})
    with pytest.raises(ConfigError, match=r"extra_patterns\['navigation'\]: '\(bad' is not a regular expression"):
        CleanConfig(extra_patterns={"navigation": ["(bad"]})
    for value in (None, "0.4", True, 0):  # 0 dropped the blocks a detector protects with a score-0 finding
        with pytest.raises(ConfigError, match=r"thresholds\['duplicate'\] must be within \(0, 1\]"):
            CleanConfig(thresholds={"duplicate": value})


def test_thresholds_decide_what_goes():
    text = "Advertisement\nThe council approved the budget on Tuesday."
    assert Cleaner().clean(text).text == "The council approved the budget on Tuesday."
    assert Cleaner(thresholds={"promo": 1.0}).clean(text).text == text


def test_a_threshold_override_keeps_the_presets_other_thresholds():
    # On the seed, conservative keeps the kicker (section_label scores 0.75, under its 0.9);
    # moving the duplicate threshold must not reset section_label's to the default 0.5.
    seed = (SEEDS / "000_4ba80bf32c95347b.txt").read_text(encoding="utf-8")
    assert "GAZA WAR" in Cleaner(preset="conservative").clean(seed).text
    overridden = Cleaner(preset="conservative", thresholds={Reason.DUPLICATE: 0.95})
    assert "GAZA WAR" in overridden.clean(seed).text
    assert dict(overridden.config.thresholds) == {**CleanConfig.preset("conservative").thresholds, "duplicate": 0.95}
    assert "GAZA WAR" not in Cleaner(preset="conservative", thresholds={"section_label": 0.7}).clean(seed).text


def test_detectors_can_be_disabled_and_added():
    text = "Search\nSPONSORED BY ACME\nThe council approved the budget on Tuesday."
    without_nav = Cleaner(detectors_enabled=("promo",)).clean(text)
    assert "Search" in without_nav.text

    def sponsor(blocks, context):
        return [Finding(b.index, Reason.PROMO, 1.0, "sponsor", "sponsor line") for b in blocks if b.text.startswith("SPONSORED")]

    cleaner = Cleaner(detectors={"sponsor": sponsor}, detectors_enabled=(*CleanConfig().detectors, "sponsor"))
    result = cleaner.clean(text)
    assert result.text == "The council approved the budget on Tuesday."
    assert [(s.detector, s.evidence) for s in result.removed] == [("navigation", "the whole line is the UI phrase 'search'"), ("sponsor", "sponsor line")]


def test_callers_add_their_own_phrases_and_patterns():
    text = "Rubriques\nTICKER: ABC +3%\nLe conseil a voté le budget mardi soir."
    config = CleanConfig(extra_phrases={"navigation": ("Rubriques",)}, extra_patterns={"promo": (r"TICKER: .*",)})
    result = Cleaner(config).clean(text)
    assert [(s.block_text, s.reason) for s in result.removed] == [("Rubriques", Reason.NAVIGATION), ("TICKER: ABC +3%", Reason.PROMO)]


def test_never_empties_a_document():
    result = textclean.clean("Search\nMenu\n...")
    assert result.text == "Search\nMenu\n..."
    assert all(d.rule.startswith("never_empty") for d in result.decisions)
    assert {f.reason for f in result.findings} == {Reason.NAVIGATION, Reason.TRUNCATION}


def test_result_to_dict_is_json_ready():
    import json

    data = textclean.clean("Search\nProse line of the article.").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["removed"][0]["reason"] == "navigation"


def test_every_reason_is_described_and_documented_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    for reason in Reason:
        assert reason.description
        assert re.search(rf"^\| `{reason.value}` \|", readme, re.MULTILINE), f"README lacks a row for {reason.value}"


def test_every_cli_command_is_documented_in_the_readme():
    from textclean.cli import main

    readme = README.read_text(encoding="utf-8")
    for name in main.commands:
        assert f"textclean {name}" in readme, f"README does not document `textclean {name}`"


def test_public_names_exist():
    for name in textclean.__all__:
        assert hasattr(textclean, name)


def test_result_values_are_frozen_dataclasses_with_their_signatures():
    # types.py builds their __init__ for speed; it must behave like the dataclass's own.
    import dataclasses
    import pickle

    from textclean.types import Block, Decision

    decision = Decision(3, False, "rule", Reason.PROMO, 0.9)
    assert decision == Decision(block=3, keep=False, rule="rule", reason=Reason.PROMO, score=0.9)
    assert (decision.detector, decision.evidence) == ("", "")
    assert hash(decision) == hash(dataclasses.replace(decision))
    assert pickle.loads(pickle.dumps(decision)) == decision
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.keep = True
    with pytest.raises(TypeError):
        Block(0, 1, 2)


def test_word_counts_of_scripts_without_spaces_between_words():
    from textclean.normalize import normalize, word_count

    assert word_count(normalize("The council met on Tuesday")) == 5
    assert word_count(normalize("国务院部署扩大内需措施")) == 6  # 11 characters / 1.7
    assert word_count(normalize("รัฐบาลประกาศมาตรการกระตุ้นเศรษฐกิจชุดใหม่")) == 10  # 41 code points / 4
    assert word_count(normalize("ข่าว 国务院 news")) == 1 + 2 + 1


def test_invisible_format_characters_do_not_hide_debris():
    # A zero-width space or soft hyphen inside "Search" kept the line (its normalized form differed).
    prose = "The council approved the budget on Tuesday after a long and heated debate."
    for search in ("Sea\u200brch", "\u200eSearch", "Se\xadarch"):
        assert Cleaner().clean(f"{search}\n{prose}").text == prose
    body = "\n".join(f"{prose} Paragraph {i}." for i in range(5))
    for marker in ("...\u200b", "\u200e...", "\ufeff…", "[\u200b…]", ".\xad.\xad."):
        assert Cleaner().clean(f"{body}\n{marker}").text == body


def test_auto_with_a_custom_detector_keeps_full_page_mode():
    # detectors_enabled replaced the page preset's detectors too: a page dump lost low_content.
    from textclean import CleanConfig, Reason

    def shouting(blocks, context):
        return [Finding(b.index, Reason.PROMO, 1.0, "shouting", "all capitals") for b in blocks if b.text.isupper()]

    page = "\n".join(["Home", "News", "Sport", "Weather", "Contact us", "Sign in", "Search", "Menu"] * 3
                     + ["BUY NOW"]
                     + ["The council met on Tuesday and voted to keep the library open for another year."] * 6
                     + ["About us", "Privacy policy", "Terms of use", "Cookies", "Careers"] * 3)
    plain = Cleaner(preset="auto").clean(page)
    custom = Cleaner(preset="auto", detectors={"shouting": shouting},
                     detectors_enabled=(*CleanConfig().detectors, "shouting")).clean(page)
    assert plain.preset == custom.preset == "page"
    assert custom.text == plain.text.replace("BUY NOW\n", "")
    assert any(span.detector == "shouting" for span in custom.removed)
    with pytest.raises(ConfigError, match="detectors_enabled is a list of detector names"):
        Cleaner(detectors_enabled="navigation")
    with pytest.raises(ConfigError, match="templates is a TemplateModel"):
        Cleaner(templates="tmpl.json")
    with pytest.raises(ConfigError, match="thresholds maps reasons to scores"):
        Cleaner(thresholds=[("duplicate", 0.4)])


def test_replaying_spans_that_do_not_fit_the_text_is_an_error():
    # An inverted span gave garbled text ("Searcarch...") instead of an error.
    from textclean import Span, apply_removals

    text = "Search\nThe council voted."
    with pytest.raises(ValueError, match="removed span 5..2 is not within"):
        apply_removals(text, [Span(5, 2, 0, Reason.NAVIGATION, 1.0, "navigation", "", "Search")])
    with pytest.raises(ValueError, match="not within the text's 25 characters"):
        apply_removals(text, [{"start": 20, "end": 40}])


def test_a_cleaner_goes_to_worker_processes_and_cleans_there_as_here():
    # CleanConfig held mapping proxies, which do not pickle: Pool.map(cleaner.clean, ...) failed.
    import multiprocessing
    import pickle

    seed = next(SEEDS.glob("*[0-9a-f].txt")).read_text(encoding="utf-8")
    page = "\n".join(["Subscribe to the Example Gazette today", *["Home", "News", "Sport", "Contact us", "Sign in"] * 6,
                      *seed.splitlines(), *["About us", "Privacy policy"] * 4])
    model = textclean.learn_templates(
        [{"site": "site.example", "text": f"Subscribe to the Example Gazette today\nStory {i} of the day.\nAll rights reserved"}
         for i in range(6)], group_by="site")
    cleaners = [Cleaner(preset=name) for name in ("default", "conservative", "page", "auto")]
    cleaners.append(Cleaner(preset="page", templates=model, thresholds={"low_content": 0.7}))
    for cleaner in cleaners:
        copy = pickle.loads(pickle.dumps(cleaner))
        assert copy.config == cleaner.config
        assert copy.clean(page, site="site.example") == cleaner.clean(page, site="site.example")
    assert any(span.reason == Reason.TEMPLATE for span in cleaners[-1].clean(page, site="site.example").removed)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.map(cleaners[3].clean, [seed, page]) == [cleaners[3].clean(seed), cleaners[3].clean(page)]


def test_settings_are_read_once_and_the_config_is_a_value():
    # Generators were used up by validation (detectors_enabled under auto became (), so the seed
    # lost nothing); a config neither hashed nor went through asdict (it held mapping proxies).
    import dataclasses
    import json

    names = CleanConfig().detectors
    assert Cleaner(preset="auto", detectors_enabled=(n for n in names)).config.detectors == names
    assert Cleaner(extra_patterns={"promo": (p for p in [r"TICKER: .*"])}).config.extra_patterns == {"promo": ("TICKER: .*",)}
    config = CleanConfig.preset("conservative", extra_phrases={"navigation": ("Rubriques",)})
    assert {config: 1}[CleanConfig.preset("conservative", extra_phrases={"navigation": ["Rubriques"]})] == 1
    assert json.loads(json.dumps(dataclasses.asdict(config)))["thresholds"]["duplicate"] == 0.9
    with pytest.raises(TypeError, match="does not change"):
        config.thresholds["duplicate"] = 0.1
    with pytest.raises(ConfigError, match="config is a CleanConfig, got 'conservative'; for a preset pass preset="):
        Cleaner("conservative")
    with pytest.raises(ConfigError, match=r"extra_phrases\['promo'\] must be a list of strings, got 5"):
        CleanConfig(extra_phrases={"promo": 5})
    assert textclean.clean("Search\nText.", config=CleanConfig()).text == "Text."  # "not both", with no preset given


def test_readers_and_signers_refuse_one_str_where_they_take_a_list(tmp_path):
    # read_records("corpus.jsonl") read files "c", "o", ...; minhash_signatures("hello world")
    # signed 11 one-letter texts; errors="bogus" was "unknown encoding 'utf-8'", and a text file
    # was skipped silently under on_error="skp".
    from textclean.io import read_records
    from textclean.minhash import minhash_signatures

    page = tmp_path / "page.txt"
    page.write_text("A line of text.\n")
    with pytest.raises(TypeError, match=r"takes a list of files, not one path; e.g. \['"):
        list(read_records(str(page), jsonl=False))
    assert [r.text for r in read_records([page], jsonl=None)] == ["A line of text.\n"]  # a Path is a path
    with pytest.raises(ValueError, match="errors must be 'strict' or 'replace', not 'bogus'"):
        list(read_records([page], jsonl=None, errors="bogus"))
    with pytest.raises(ValueError, match="on_error must be 'fail' or 'skip', not 'skp'"):
        list(read_records([page], jsonl=None, on_error="skp"))
    with pytest.raises(TypeError, match="takes a list of texts, not one str"):
        minhash_signatures("hello world")


def test_wrong_arguments_are_refused_naming_them():
    # Each was an AttributeError, KeyError or TypeError from deep inside, or silently ignored.
    from textclean.io import Record
    from textclean.templates import TemplateParams

    record = Record(id="a", text="A short text of a few words.", source="-")
    for jobs in ("2", 0):
        with pytest.raises(ConfigError, match="jobs must be a whole number of at least 1"):
            textclean.dedup_records([record], jobs=jobs)
    for records in (["A short text."], [{"id": "a", "text": "A short text."}]):
        with pytest.raises(TypeError, match="records are textclean.io.Record objects"):
            textclean.dedup_records(records)
    with pytest.raises(ConfigError, match="pass either params or options such as min_share=, not both"):
        textclean.learn_templates([], params=TemplateParams(min_pages=3), min_share=0.99)  # min_share was ignored
    with pytest.raises(TypeError, match=r"pages are mappings with a 'text' field \(a Record's are its .fields\)"):
        textclean.learn_templates([record])
    with pytest.raises(TypeError, match="clean\\(\\)'s site is a str"):
        Cleaner().clean("Text.", site=5)

    def spam(blocks, context):
        return [Finding(0, "spam", 1.0, "spam", "a str, not a Reason")]

    with pytest.raises(TypeError, match="detector 'spam' gave Finding.*a textclean.Reason"):
        Cleaner(detectors={"spam": spam}, detectors_enabled=("spam",)).clean("One line.\nAnother.")
