"""Full-page mode: the `page` preset, the `low_content` detector and `--preset auto`."""
from __future__ import annotations

import importlib
import json
import re
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import textclean
from textclean.cli import main
from textclean.hard_wrap import wrap_width, wrapped_runs
from textclean import page_words
from textclean.page_features import FEATURES, looks_like_full_page, page_features
from textclean.segment import segment, segment_lines

low_content_module = importlib.import_module("textclean.detectors.low_content")

MENU = ["Home", "News", "World", "Business", "Sport", "Culture", "Travel", "Weather", "Search", "Sign in"]
HEADLINE = "City council votes to keep the old library open"
ARTICLE = [
    "The city council voted on Tuesday to keep the old library on Main Street open for at least five more years, "
    "after a campaign by residents who said the building was the heart of the neighbourhood.",
    "The decision reverses a plan, announced in the spring, to close the library and move its collection to a new "
    "building on the edge of town. Council members said the cost of repairs had been overstated.",
    "Residents filled the council chamber for the vote, and many of them spoke in favour of the library, which has "
    "served the neighbourhood since 1911 and was the first public library in the county.",
    "The library will now need a new roof and a lift, which the council expects to pay for with a grant from the "
    "state and money raised by the friends of the library, a group of volunteers.",
    "The head librarian said she was delighted by the decision and that the staff would open the building for longer "
    "hours on weekends from the start of next month, as many readers had asked.",
]
FOOTER = ["About us", "Contact", "Privacy policy", "Terms of use", "Cookie settings", "© 2024 Example Media Ltd"]
RELATED = ["Most read", "Storm closes roads across the region", "Local team wins the cup", "New bakery opens downtown",
           "Schools to get new computers", "Mayor announces budget"]


def full_page(article=ARTICLE, headline=HEADLINE) -> str:
    return "\n".join([f"{headline} | Example News", *MENU, "News › Local", headline, *article, *RELATED, *FOOTER])


@pytest.fixture(scope="module")
def page_cleaner() -> textclean.Cleaner:
    return textclean.Cleaner(preset="page")


def test_page_keeps_headline_and_article_and_drops_menu_with_evidence(page_cleaner):
    text = full_page()
    result = page_cleaner.clean(text)
    kept = result.text.split("\n")
    for paragraph in ARTICLE:
        assert paragraph in kept
    assert HEADLINE in kept
    dropped = {span.block_text: span for span in result.removed}
    for line in MENU + FOOTER + RELATED[:1]:
        assert line in dropped, line
        assert dropped[line].reason is textclean.Reason.LOW_CONTENT
        assert dropped[line].detector == "low_content"
        assert "body probability" in dropped[line].evidence and "against it" in dropped[line].evidence
        assert 0.5 <= dropped[line].score <= 1.0
    assert textclean.apply_removals(result.original, result.removed) == result.text


def test_the_headline_is_kept_however_far_down_the_page_and_whatever_stands_before_the_article(page_cleaner):
    # A long menu puts the headline past line 40; share buttons, a byline and a photo caption stand
    # between it and the article; it ends in "!". The title's repeat is the headline all the same,
    # and the dated byline is no standfirst.
    headline = "City council votes to keep the old library open!"
    between = ["Share on Facebook", "Share on Twitter", "Email", "Print", "Comments (12)",
               "Posted by Jane Smith on March 5, 2013 at 10:27 am", "The library on Main Street. Photo: J. Smith",
               "Listen to this article", "Save for later", "Most popular", "Weather"]
    page = "\n".join([f"{headline} | Example News", *MENU * 5, headline, *between, *ARTICLE, *RELATED, *FOOTER])
    result = page_cleaner.clean(page)
    kept = result.text.split("\n")
    assert kept[0] == headline and kept[-len(ARTICLE):] == ARTICLE
    assert between[5] not in kept  # (the caption, a sentence, passes for a standfirst: text cannot tell them)
    overlap = page_features(result.blocks)[:, FEATURES.index("title_overlap")]
    assert overlap[51] == 1.0  # line 52 repeats the title: measured on every line, not only the first 40


def test_the_headline_is_the_title_repeat_with_the_most_words_even_with_a_footer_word(page_cleaner):
    # "Facebook" is a footer word (share buttons), and "From: Example News" repeats the title's site
    # name wholly: the headline is still the line that repeats the most of the title.
    headline = "Facebook is tracking me even though I am not on Facebook"
    page = "\n".join([f"{headline} | Example News", *MENU * 3, headline, "Share", "From: Example News", *ARTICLE,
                      *RELATED, *FOOTER])
    assert page_cleaner.clean(page).text.split("\n")[0] == headline


def test_four_word_lines_count_four_words_in_the_headline_rules():
    # expm1(log1p(4)) is 3.9999…: counted as a float, a four-word title repeat was never a headline.
    x = page_features(segment("\n".join(["Mayor wins the vote | Example News", *MENU * 3, "Mayor wins the vote",
                                          "Share", *ARTICLE])))
    body = np.where(np.arange(len(x)) >= 33, 0.99, 0.01)
    assert low_content_module.find_headline(x, body, 33) == [31]


def test_evidence_numbers_the_body_region_as_explain_numbers_blocks(page_cleaner):
    result = page_cleaner.clean(full_page())
    first, last = map(int, re.search(r"region \(blocks (\d+)–(\d+)\)", result.removed[0].evidence).groups())
    assert result.blocks[last - 1].text == ARTICLE[-1]  # from 1, as in `textclean explain`'s "#" column
    assert result.blocks[first - 1].text in (HEADLINE, ARTICLE[0])


def test_evidence_names_each_feature_by_the_side_of_its_mean_the_block_is_on(page_cleaner):
    # A feature weighs against a block from above its mean or from below, whichever the model
    # learned; the evidence must name the side the block is actually on ("few words", not "many").
    phrases: dict[str, list[tuple[int, bool]]] = {}
    for index, name in enumerate(FEATURES):
        low, high = low_content_module._AGAINST[name]
        assert low != high and "_" not in low + high, name
        phrases.setdefault(low, []).append((index, False))
        phrases.setdefault(high, []).append((index, True))
    model = low_content_module.bundled_model()
    for text in (full_page(), full_page(headline="Kurz"), "\n".join(MENU + ARTICLE[:2] + RELATED * 2 + FOOTER)):
        result = page_cleaner.clean(text)
        x = page_features(result.blocks)
        for decision in result.decisions:
            if decision.detector != "low_content" or "against it: " not in decision.evidence:
                continue
            named = re.split(r", (?![^(]*\))", decision.evidence.split("against it: ")[1])
            for phrase in named:
                sides = phrases[phrase]
                assert any((x[decision.block, f] > model.mean[f]) == above for f, above in sides), (phrase, decision)


@pytest.mark.parametrize("article", [
    [
        "Der Stadtrat hat am Dienstag beschlossen, die alte Bibliothek in der Hauptstraße für mindestens fünf weitere "
        "Jahre offen zu halten, nachdem sich viele Anwohner für das Gebäude eingesetzt hatten.",
        "Die Entscheidung kippt einen Plan aus dem Frühjahr, die Bibliothek zu schließen und den Bestand in einen "
        "Neubau am Stadtrand zu bringen. Die Kosten der Sanierung seien zu hoch angesetzt worden, hieß es.",
        "Die Leiterin der Bibliothek sagte, sie freue sich über die Entscheidung, und das Haus werde ab dem nächsten "
        "Monat am Wochenende länger geöffnet sein, wie es sich viele Leser gewünscht hätten.",
    ],
    [
        "市议会周二投票决定，将位于主街的老图书馆至少再保留五年，此前许多居民发起运动，认为这座建筑是社区的中心。",
        "这一决定推翻了春季宣布的计划，该计划原本要关闭图书馆，并把藏书搬到城郊的一座新楼里。议员们说，维修费用被高估了。",
        "图书馆馆长表示，她对这一决定感到非常高兴，从下个月开始，图书馆将在周末延长开放时间，这也是许多读者的要求。",
    ],
], ids=["de", "zh"])
def test_page_keeps_article_in_other_languages(page_cleaner, article):
    result = page_cleaner.clean(full_page(article))
    for paragraph in article:
        assert paragraph in result.text
    assert not any(line in result.text.split("\n") for line in MENU)


def test_page_is_deterministic_and_stateless(page_cleaner):
    text = full_page()
    first = page_cleaner.clean(text)
    page_cleaner.clean(full_page(ARTICLE[:2], "Another story entirely"))
    again = textclean.Cleaner(preset="page").clean(text)
    assert first == page_cleaner.clean(text) == again


def test_page_preset_is_data_and_default_is_unchanged():
    assert "low_content" in textclean.CleanConfig.preset("page").detectors
    assert "low_content" not in textclean.CleanConfig().detectors
    # The default preset never removes an article's prose for being "low content".
    result = textclean.clean(full_page())
    assert all(span.reason is not textclean.Reason.LOW_CONTENT for span in result.removed)


def test_stricter_threshold_drops_less(page_cleaner):
    strict = textclean.Cleaner(preset="page", thresholds={"low_content": 0.95})
    text = full_page()
    assert len(strict.clean(text).removed) < len(page_cleaner.clean(text).removed)


def test_empty_and_tiny_inputs(page_cleaner):
    assert page_cleaner.clean("").text == ""
    assert page_cleaner.clean("Just one line.").text == "Just one line."


def test_features_have_one_row_per_block_and_are_finite():
    blocks = segment(full_page())
    x = page_features(blocks)
    assert x.shape == (len(blocks), len(FEATURES))
    assert np.isfinite(x).all()


def _reference_title_overlap(texts: list[str]) -> list[float]:
    """The obvious per-line version: share of a short line's content words (every line after the first) found in the first line."""
    function_words = set().union(*page_words.STOP_WORDS.values())
    word = re.compile(r"\w+")

    def content(text: str) -> list[str]:
        return [w for w in word.findall(text.lower()) if w not in function_words]

    title = set(content(texts[0]))
    out = [0.0] * len(texts)
    for i, text in enumerate(texts[1:], start=1):
        words = content(text)
        if title and words and len(text) < 300:
            out[i] = sum(w in title for w in words) / len(words)
    return out


def _reference_window_mean(values: list[float], width: int) -> list[float]:
    out = []
    for i in range(len(values)):
        around = [values[j] for j in range(max(0, i - width), min(len(values), i + width + 1)) if j != i]
        out.append(sum(around) / len(around) if around else 0.0)
    return out


_LINE = st.text(st.sampled_from("ab cd Library council, the.|»\t1"), min_size=1, max_size=60).filter(str.strip)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_LINE, st.sampled_from([HEADLINE, "City council", "x" * 301, *ARTICLE])), min_size=1, max_size=60))
def test_vectorized_features_match_per_line_references(lines):
    blocks = segment("\n".join(lines))
    texts = [block.text for block in blocks]
    x = page_features(blocks)
    assert x[:, FEATURES.index("title_overlap")].tolist() == pytest.approx(_reference_title_overlap(texts))
    for width in (1, 3, 10):
        column = x[:, FEATURES.index(f"win{width}_log_tokens")]
        assert column.tolist() == pytest.approx(_reference_window_mean(x[:, FEATURES.index("log_tokens")].tolist(), width))


def test_further_regions_are_found_outside_the_main_one_above_a_floor():
    gain = np.array([5.0, 5.0, -1, -1, -1, -1, 4, 4, -1, 1.0, -1])
    assert low_content_module.further_regions(gain, 0, 1, 3.0) == [(6, 7)]
    assert low_content_module.further_regions(gain, 0, 1, 0.5) == [(6, 7), (9, 9)]
    assert low_content_module.further_regions(gain, 0, 1, 9.0) == []


def test_keep_mask_defaults_are_the_detectors(page_cleaner):
    blocks = segment(full_page())
    x = page_features(blocks)
    body = low_content_module.bundled_model().probabilities(x)
    keep = low_content_module.keep_mask(x, body)
    assert (keep == low_content_module.keep_mask(x, body, line_cost=0.0, second_region_p=None)).all()
    dropped = {span.block_text for span in page_cleaner.clean(full_page()).removed}
    assert dropped == {block.text for block, kept in zip(blocks, keep) if not kept}


def test_model_refuses_other_features():
    data = json.loads(Path(low_content_module.__file__).parents[1].joinpath("models", "page_model.json").read_text())
    low_content_module.PageModel(data)
    with pytest.raises(ValueError, match="retrain"):
        low_content_module.PageModel({**data, "features": data["features"][:-1]})
    with pytest.raises(ValueError, match="format"):
        low_content_module.PageModel({**data, "format": "pickle"})


def test_looks_like_full_page():
    assert looks_like_full_page(full_page())
    assert not looks_like_full_page("\n".join([HEADLINE, *ARTICLE]))
    # An extracted article with a few short lines (subheadings, a list) is not a full page.
    extracted = "\n".join([HEADLINE, *ARTICLE, "What happens next", *ARTICLE[:2], "Key dates", "May", "June", *ARTICLE])
    assert not looks_like_full_page(extracted)
    # Menus rendered as long lines (few short lines) still show their whole-line phrases...
    long_menus = [" | ".join(MENU)] * 3 + ["Sign in", "Search", "Share", "Comments", "Newsletter", "Subscribe"]
    assert looks_like_full_page("\n".join([*long_menus, HEADLINE, *ARTICLE * 4, " · ".join(FOOTER)]))
    # ...but a long article with a few of them, one in more than 50 lines, is no dump.
    assert not looks_like_full_page("\n".join([HEADLINE, *(ARTICLE * 60), *long_menus[3:]]))


def test_auto_preset_cleans_dumps_as_pages_and_articles_as_before():
    page, article = full_page(), "\n".join([HEADLINE, *ARTICLE, "Key dates", "May", "June"])
    auto = textclean.Cleaner(preset="auto", thresholds={"low_content": 0.6})
    on_page, on_article = auto.clean(page), auto.clean(article)
    assert (on_page.preset, on_article.preset) == ("page", "default")
    assert on_page == textclean.Cleaner(preset="page", thresholds={"low_content": 0.6}).clean(page)
    assert on_article == textclean.Cleaner(thresholds={"low_content": 0.6}).clean(article)
    assert textclean.clean(page, preset="auto").to_dict()["preset"] == "page"
    assert on_page.to_dict()["preset"] == "page" and textclean.Cleaner(textclean.CleanConfig()).clean(page).preset is None
    with pytest.raises(textclean.ConfigError, match=r"use Cleaner\(preset='auto'\)"):
        textclean.CleanConfig.preset("auto")


def test_cli_page_and_auto(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(full_page(), encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("\n".join([HEADLINE, *ARTICLE]), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["clean", "--preset", "page", str(page)])
    assert result.exit_code == 0, result.output
    assert ARTICLE[0] in result.output and "Privacy policy" not in result.output
    records = tmp_path / "docs.jsonl"
    records.write_text("".join(json.dumps({"text": p.read_text()}) + "\n" for p in (page, article)), encoding="utf-8")
    report = tmp_path / "report.jsonl"
    result = runner.invoke(main, ["clean", "--preset", "auto", str(records), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "--preset auto chose page for 1 of 2 documents" in result.output
    texts = [json.loads(line)["text"] for line in result.output.splitlines() if line.startswith("{")]
    assert "Privacy policy" not in texts[0]
    assert texts[1] == "\n".join([HEADLINE, *ARTICLE])
    assert [json.loads(line)["preset"] for line in report.read_text().splitlines()] == ["page", "default"]
    result = runner.invoke(main, ["explain", "--preset", "auto", str(records)])
    assert [line for line in result.output.splitlines() if line.startswith("==")] == [
        f"== {records}:1 (--preset auto chose page)", f"== {records}:2 (--preset auto chose default)"]


DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.mark.skipif(not (DATA / "readability" / "pages.jsonl").exists(), reason="dev sets not present")
def test_dev_set_scores_do_not_regress(page_cleaner):
    """Floors a little under the measured scores (see README): a regression fails, noise does not."""
    sys.path.insert(0, str(DATA.parent / "tools"))
    import devscore

    floors = {"readability": 0.89, "cleanportaleval": 0.93}
    for name, floor in floors.items():
        rows = devscore.load(name, "full")
        _, _, f1 = devscore.macro_prf([r["gold"] for r in rows], [page_cleaner.clean(r["text"]).text for r in rows])
        assert f1 >= floor, (name, f1)
    rows = devscore.load("trafilatura-eval", "full")[::3]
    outs = [devscore.norm(page_cleaner.clean(r["text"]).text) for r in rows]
    keep = np.mean([devscore.norm(s) in o for r, o in zip(rows, outs) for s in r["keep"]])
    drop = np.mean([devscore.norm(s) not in o for r, o in zip(rows, outs) for s in r["drop"]])
    assert keep >= 0.85 and drop >= 0.80, (keep, drop)


def test_raw_html_lines_go_even_inside_the_article(page_cleaner):
    pixel = '<img src="//pixel.example.com/p.gif?account=12345&amp;rid=abc" width="1" height="1" style="display:none" />'
    article = [ARTICLE[0], pixel, *ARTICLE[1:]]
    result = page_cleaner.clean(full_page(article))
    for paragraph in ARTICLE:
        assert paragraph in result.text
    (span,) = [span for span in result.removed if span.block_text == pixel]
    assert "body probability 0.00" in span.evidence and "HTML markup, not text" in span.evidence
    # Text about tags is not markup.
    assert not page_features(segment("<p> is the paragraph tag, and every page has dozens of them."))[
        0, FEATURES.index("markup")]


_PAGE_LANGUAGES = json.loads((Path(__file__).parent / "page_languages.json").read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("language", sorted(_PAGE_LANGUAGES))
def test_page_keeps_articles_in_languages_the_dev_sets_lack(page_cleaner, language):
    # The model learned on other languages: length, punctuation and the neighbourhood carry prose.
    article = _PAGE_LANGUAGES[language]
    result = page_cleaner.clean(full_page(article, headline=article[0][:40]))
    kept = result.text.split("\n")
    assert all(paragraph in kept for paragraph in article)
    assert not any(line in kept for line in MENU + FOOTER)


def _hard_wrapped(text: str, width: int) -> str:
    """``text`` as lynx, w3m or html2text print it: each line wrapped at ``width`` columns, a blank line between."""
    return "\n\n".join(textwrap.fill(original, width) for original in text.split("\n"))


@pytest.mark.parametrize("width", [60, 76, 100])
def test_a_hard_wrapped_page_is_cleaned_by_the_lines_it_was(page_cleaner, width):
    page = full_page()
    wrapped = _hard_wrapped(page, width)
    assert wrap_width([line.text for line in segment_lines(wrapped)]) <= width
    blocks = segment(wrapped)
    assert [block.text for block in blocks] == page.split("\n")
    assert all(" ".join(wrapped[block.start:block.end].split()) == block.text for block in blocks)
    result = page_cleaner.clean(wrapped)
    kept = " ".join(result.text.split())
    assert all(paragraph in kept for paragraph in ARTICLE)
    assert set(MENU) <= {span.block_text for span in result.removed}


def test_a_lynx_dump_with_its_list_of_references_is_still_hard_wrapped():
    # lynx ends a dump with the page's links, one a line: addresses no wrapper breaks.
    references = [f"  {i}. https://www.example.com/news/2024/{i}/a-long-slug-about-the-library-and-the-council-vote.html"
                  for i in range(1, 41)]
    page = _hard_wrapped(full_page(), 76) + "\n\nReferences\n\n" + "\n".join(references)
    assert [block.text for block in segment(page)][:len(full_page().split("\n"))] == full_page().split("\n")


def test_without_blank_lines_a_full_last_line_runs_on_into_the_next_paragraph():
    # A paragraph whose last line ends near the width looks broken, as the next one's first word
    # would not have fit; only a blank line between them says they are two.
    lines = ["The council voted on Tuesday to keep the old library open for years.", "Residents cheered."]
    assert len(lines[0]) + 1 + len("Residents") > 72 >= len(lines[0])
    assert wrapped_runs(lines, 72) == [(0, 1)]
    assert wrapped_runs(lines, 72, [True, False]) == [(0, 0), (1, 1)]
    assert wrapped_runs(["Home", "Residents cheered."], 72) == [(0, 0), (1, 1)]


def test_text_that_is_not_hard_wrapped_has_no_wrap_width():
    assert wrap_width(full_page().split("\n")) is None  # long paragraphs, short menu lines
    assert wrap_width(MENU * 3) is None  # short lines only
    assert wrap_width(_hard_wrapped(" ".join(ARTICLE), 30).split("\n")) is None  # narrower than any wrapper
    headlines = ["Council votes to keep the old library on Main Street open",  # about one length, capitals
                 "Storm closes roads across the region as rivers rise quickly", "Local team wins the cup after a tense penalty shootout",
                 "Schools to get new computers and faster internet next year", "Mayor announces a budget with more money for parks"]
    assert wrap_width(headlines) is None and len(segment("\n".join(headlines))) == len(headlines)


def test_title_overlap_counts_content_words_only():
    # "of" and "the" are in every English title; a line sharing only them does not repeat it.
    page = ["Storm hits the coast of Maine | News", "Of the people, by the people", "Storm hits Maine coast"]
    overlap = page_features(segment("\n".join(page)))[:, FEATURES.index("title_overlap")]
    assert overlap[1:].tolist() == [0.0, 1.0]


def test_a_chinese_line_counts_its_characters_not_its_punctuation_as_words():
    # Eleven Han characters are 11 / 1.7 words however commas split them into runs.
    one_run, three_runs = "营区内除了露营民宿餐饮", "营区内，除了露营，民宿餐饮"
    tokens = np.expm1(page_features(segment(f"{one_run}\n{three_runs}"))[:, FEATURES.index("log_tokens")])
    assert tokens == pytest.approx([11 / 1.7, 11 / 1.7])


THAI_MENU = ["หน้าแรก", "ข่าว", "การเมือง", "เศรษฐกิจ", "กีฬา", "บันเทิง", "ต่างประเทศ", "ค้นหา", "เข้าสู่ระบบ", "ติดต่อเรา"]
THAI_ARTICLE = [  # written for this test: Thai puts no spaces between words and ends no sentence with a mark
    "คณะรัฐมนตรีมีมติเมื่อวันพุธอนุมัติมาตรการช่วยเหลือธุรกิจขนาดเล็กและครอบครัวที่ได้รับผลกระทบจากค่าครองชีพที่สูงขึ้น "
    "โดยมาตรการทั้งหมดจะเริ่มมีผลตั้งแต่ต้นเดือนหน้า",
    "รัฐมนตรีว่าการกระทรวงการคลังกล่าวว่ารัฐบาลจะใช้งบประมาณที่เหลือจากปีที่แล้วเพื่อสนับสนุนมาตรการนี้ และจะไม่กู้เงินเพิ่ม",
    "นักเศรษฐศาสตร์หลายคนคาดว่ามาตรการนี้จะช่วยพยุงการบริโภคในช่วงไตรมาสสุดท้ายของปี แต่ยังกังวลเรื่องภาระหนี้ของครัวเรือน",
]


def test_page_keeps_a_thai_article_and_drops_its_thai_menu(page_cleaner):
    headline = "รัฐบาลประกาศมาตรการกระตุ้นเศรษฐกิจชุดใหม่"
    page = "\n".join([f"{headline} | ข่าว", *THAI_MENU, "ข่าว › เศรษฐกิจ", headline, *THAI_ARTICLE, *RELATED,
                      *THAI_MENU[:6], *FOOTER])
    kept = page_cleaner.clean(page).text.split("\n")
    assert all(paragraph in kept for paragraph in THAI_ARTICLE) and headline in kept
    assert not any(line in kept for line in THAI_MENU + RELATED + FOOTER)


def test_a_reference_mark_after_the_full_stop_still_ends_the_sentence():
    # Encyclopaedia footnotes and bracketed sources follow the stop; a bracketed menu item ends nothing.
    lines = ["It opened in 1998.[12]", "They won the war. [MP3 SP]", "He said so.¹", "It rained.[1][2]",
             "[Menu]", "Home [1]", "Read the rest […]"]
    ends = page_features(segment("\n".join(lines)))[:, FEATURES.index("sentence_end")]
    assert ends.tolist() == [1, 1, 1, 1, 0, 0, 1]


def test_sentence_ends_inside_the_quotes_and_marks_of_other_languages():
    lines = ["Er sagte: „Wir bleiben hier.“", "Elle a dit : « Nous restons. »", "彼は「ここに残る。」",
             "هل سيبقى المكتب مفتوحا؟", "कार्यालय खुला रहेगा।", "Startseite »"]
    ends = page_features(segment("\n".join(lines)))[:, FEATURES.index("sentence_end")]
    assert ends.tolist() == [1, 1, 1, 1, 1, 0]


@pytest.mark.parametrize("language", sorted(set(_PAGE_LANGUAGES) - {"ko"}))  # Korean attaches its particles
def test_prose_in_more_languages_shows_its_function_words(language):
    # At least one word in twelve even where articles and prepositions are prefixes (Hebrew, Arabic).
    shares = page_features(segment("\n".join(_PAGE_LANGUAGES[language])))[:, FEATURES.index("stop_share")]
    assert shares.min() > 0 and shares.mean() >= 0.08, shares


def test_words_run_on_through_combining_marks():
    # Devanagari vowel signs are combining marks: 13 words, not 30 fragments.
    line = "सरकार ने बुधवार को छोटे व्यवसायों के लिए नई योजना की घोषणा की"
    tokens = np.expm1(page_features(segment(line))[0, FEATURES.index("log_tokens")])
    assert round(tokens) == 13
    menu = page_features(segment("मुख्य पृष्ठ\nलॉग इन\nखोजें"))  # home page, log in, search
    assert menu[:, FEATURES.index("nav_phrase")].tolist() == [1, 1, 1]


def test_copyright_lines_are_footer_words_in_more_languages():
    lines = ["© 2024 Tutti i diritti riservati", "Todos os direitos reservados", "Alle rechten voorbehouden",
             "Wszelkie prawa zastrzeżone", "Все права защищены", "Všechna práva vyhrazena",
             "Alla rättigheter förbehållna", "Tüm hakları saklıdır", "Hak cipta dilindungi undang-undang"]
    shares = page_features(segment("\n".join(lines)))[:, FEATURES.index("footer_words")]
    assert (shares >= 0.3).all(), shares


def test_datelines_show_their_month_in_more_languages():
    lines = ["12 marca 2024", "12 марта 2024 года", "12. března 2024", "12 augusti 2024", "12 Mart 2024",
             "12 Agustus 2024"]
    shares = page_features(segment("\n".join(lines)))[:, FEATURES.index("date_words")]
    assert (shares > 0.3).all(), shares
