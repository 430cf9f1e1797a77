"""Site templates: learning, variants, body protection, the model file, the CLI, the dev set."""
from __future__ import annotations

import gzip
import json
import random
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import textclean
from textclean import Cleaner, Reason, TemplateModel, learn_templates
from textclean import template_learner as templates_module
from textclean.cli import main
from textclean.errors import ConfigError, IndexMismatchError, InputError
from textclean.normalize import normalize
from textclean.templates import TemplateParams, body_region, is_prose

WORDS = ("council budget river school market harbour station museum library festival bridge "
         "garden hospital railway orchestra theatre stadium forest village airport").split()
HOUSE = "Our reporters follow every story from the first call to the last word of the record."


def article(rng: random.Random, paragraphs: int = 5) -> list[str]:
    """Body paragraphs of 14–20 words that never repeat across pages."""
    out = []
    for _ in range(paragraphs):
        words = [rng.choice(WORDS) for _ in range(rng.randint(14, 20))]
        out.append(" ".join(words).capitalize() + f" in case {rng.randrange(10**6)} of the week.")
    return out


def site_page(i: int, *, house: bool = False, headline: str | None = None, teaser: str | None = None) -> str:
    """A page of example.com: chrome around an article, with lines that vary by page."""
    rng = random.Random(i)
    body = article(rng)
    if house:
        body.insert(2, HOUSE)
    lines = [
        "Home | News | Sport | Weather",
        f"Updated {rng.randint(1, 59)} minutes ago",
        f"Top stories ({rng.randint(2, 40)})",
        "Advertisement",
        headline or f"Headline number {i}: {' '.join(rng.sample(WORDS, 4))}",
        *body,
        "Share this story",
        "Most read",
        teaser or f"{' '.join(rng.sample(WORDS, 5))} teaser {i}",
        f"Newsletter: get the Example Daily every morning, {['Monday', 'Tuesday', 'Friday'][i % 3]} included",
        f"© {2020 + i % 5} Example Media Ltd. All rights reserved.",
    ]
    return "\n".join(lines)


def pages(n: int, **kwargs) -> list[dict]:
    return [{"url": f"https://example.com/news/{i}", "text": site_page(i, **kwargs)} for i in range(n)]


@pytest.fixture(scope="module")
def model() -> TemplateModel:
    return learn_templates(pages(20), group_by="host")


def test_learns_the_chrome_per_host_from_the_url(model):
    assert list(model.sites) == ["example.com"]
    texts = {normalize(line.text, mask_digits=True) for line in model.sites["example.com"].lines}
    assert {"home news sport weather", "advertisement", "share this story", "most read"} <= texts
    assert not any("case" in t for t in texts)  # no article paragraph is a template line


def test_variants_with_dates_and_counts_are_one_template_line(model):
    lines = model.sites["example.com"].lines
    by_text = {normalize(line.text, mask_digits=True): line for line in lines}
    assert by_text["updated 0 minutes ago"].share == 1.0
    assert by_text["top stories 0"].share == 1.0
    assert by_text["0 example media ltd all rights reserved"].share == 1.0
    matches = model.match("example.com", ["Updated 3 hours ago", "© 2031 Example Media Ltd. All rights reserved",
                                          "Top stories (123)"])
    assert [m[0].text for m in matches if m] == [by_text["0 example media ltd all rights reserved"].text,
                                                  by_text["top stories 0"].text]
    assert matches[0] is None  # "hours" is another line than "minutes"


def test_fuzzy_variants_merge_and_unseen_variants_match(model):
    newsletter = [line for line in model.sites["example.com"].lines if line.text.startswith("Newsletter")]
    assert len(newsletter) == 1 and len(newsletter[0].variants) == 3  # Monday, Tuesday, Friday
    assert newsletter[0].share == 1.0  # each variant alone is on a third of the pages
    (match,) = model.match("example.com", ["Newsletter: get the Example Daily every morning, Sunday included"])
    assert match is not None and match[0] is newsletter[0] and 0.85 <= match[1] < 1.0


def test_cleaning_removes_the_template_with_evidence(model):
    text = site_page(99)
    result = Cleaner(templates=model).clean(text, site="example.com")
    gone = {span.block_text: span for span in result.removed if span.reason is Reason.TEMPLATE}
    assert {"Home | News | Sport | Weather", "Share this story", "Most read"} <= set(gone)
    assert "on 100% of its pages (20)" in gone["Most read"].evidence
    assert "template line 'Most read' of example.com" in gone["Most read"].evidence
    for paragraph in article(random.Random(99)):
        assert paragraph in result.text
    assert textclean.apply_removals(result.original, result.removed) == result.text


def test_no_model_or_unknown_site_finds_nothing(model):
    text = site_page(99)
    assert not [f for f in Cleaner().clean(text).findings if f.detector == "template"]
    assert not [f for f in Cleaner(templates=model).clean(text, site="other.org").findings if f.detector == "template"]
    # a one-site model applies to documents without a site
    assert [f for f in Cleaner(templates=model).clean(text).findings if f.detector == "template"]


def test_clean_many_takes_each_documents_site(model):
    texts = [site_page(98), site_page(99)]
    cleaner = Cleaner(templates=model)
    sites = ["example.com", "other.org"]
    assert list(cleaner.clean_many(texts, sites=sites)) == [cleaner.clean(t, site=s) for t, s in zip(texts, sites)]
    assert list(cleaner.clean_many(texts)) == [cleaner.clean(t) for t in texts]
    with pytest.raises(ValueError, match="one site per text; sites and texts differ in number"):
        list(cleaner.clean_many(texts, sites=["example.com"]))
    with pytest.raises(TypeError, match="takes sites as a list"):  # taken letter by letter, or zip()'s error
        list(cleaner.clean_many(texts, sites="example.com"))
    with pytest.raises(TypeError, match="takes texts as a list"):  # one result per character
        list(cleaner.clean_many(texts[0]))


def test_house_style_sentence_in_the_body_is_kept_when_the_body_is_protected():
    model = learn_templates(pages(20, house=True), group_by="host")
    (line,) = [line for line in model.sites["example.com"].lines if line.text == HOUSE]
    assert line.share == 1.0 and line.body_share == 1.0
    result = Cleaner(templates=model).clean(site_page(99, house=True), site="example.com")
    assert HOUSE in result.text
    (found,) = [f for f in result.findings if result.blocks[f.block].text == HOUSE]
    assert found.score == 0.0 and "a sentence inside the body" in found.evidence
    assert "Advertisement" not in result.text.splitlines()  # chrome next to the body still goes


def test_a_headline_listed_on_other_pages_is_kept_on_its_own_page():
    story = "Council approves the new river bridge"
    corpus = pages(20, teaser=story)  # every page lists it under "Most read"
    model = learn_templates(corpus, group_by="host")
    assert any(line.text == story for line in model.sites["example.com"].lines)
    result = Cleaner(templates=model).clean(site_page(99, headline=story, teaser="Other news"), site="example.com")
    assert story in result.text.splitlines()
    (found,) = [f for f in result.findings if result.blocks[f.block].text == story]
    assert "this page's own headline" in found.evidence


def test_a_site_of_hard_wrapped_pages_learns_the_blocks_the_cleaner_sees():
    # lynx prints each line wrapped at 60 columns with a blank line between: a legal line longer than
    # that is two lines on every page, and one block (the cleaner joins wrapped runs) when cleaning.
    legal = "Example Media Ltd is registered in England under company number 01234567 at 1 Main Street."

    def wrapped(i: int) -> str:
        return "\n\n".join(textwrap.fill(line, 60) for line in (site_page(i) + "\n" + legal).split("\n"))

    model = learn_templates([{"url": f"https://example.com/{i}", "text": wrapped(i)} for i in range(20)], group_by="host")
    assert legal in [line.text for line in model.sites["example.com"].lines]
    result = Cleaner(templates=model).clean(wrapped(99), site="example.com")
    assert [s.reason for s in result.removed if s.block_text == legal] == [Reason.TEMPLATE]


def test_a_line_separator_inside_a_line_is_learned_as_the_cleaner_sees_it():
    # str.splitlines() cuts at U+2028 and form feeds; the cleaner's blocks do not: both must read one line.
    legal = "Example Media Ltd, registered in England\u2028company number 01234567\x0c1 Main Street"
    corpus = [{"url": f"https://example.com/{i}", "text": site_page(i) + "\n" + legal} for i in range(20)]
    model = learn_templates(corpus, group_by="host")
    assert legal in [line.text for line in model.sites["example.com"].lines]
    result = Cleaner(templates=model).clean(site_page(99) + "\n" + legal, site="example.com")
    assert [s.reason for s in result.removed if s.block_text == legal] == [Reason.TEMPLATE]


def test_learning_is_independent_of_page_order_and_batching(monkeypatch, model):
    shuffled = pages(20)
    random.Random(7).shuffle(shuffled)
    assert learn_templates(shuffled, group_by="host").to_dict() == model.to_dict()
    monkeypatch.setattr(templates_module, "_BATCH_LINES", 7)  # merge the counts every page or so
    batched = learn_templates(pages(20), group_by="host").to_dict()["sites"]["example.com"]["lines"]
    # Across batches only the form shown as text may differ (the smallest seen from its batch on).
    without_text = [{**line, "text": None} for line in model.to_dict()["sites"]["example.com"]["lines"]]
    assert [{**line, "text": None} for line in batched] == without_text


def test_page_counts_equal_a_plain_counter():
    corpus = pages(12) + [{"url": "https://other.org/a", "text": "Menu\nMenu\nStory one.\nFooter"},
                          {"url": "https://other.org/b", "text": "Menu\nStory two.\nFooter"},
                          {"url": "https://other.org/c", "text": "menu!\nStory three.\nFooter 2024"}]
    learned = learn_templates(corpus, group_by="host", fuzzy_threshold=1.0, min_share=0.3)
    for site in ("example.com", "other.org"):
        texts = [p["text"] for p in corpus if site in p["url"]]
        counter = Counter(k for t in texts for k in {normalize(l, mask_digits=True) for l in t.splitlines()} if k)
        expected = {k: n for k, n in counter.items() if n >= max(3, 0.3 * len(texts))}
        got = {v: line.pages for line in learned.sites[site].lines for v in line.variants}
        assert got == expected


def test_save_load_roundtrip_and_refusals(tmp_path, model):
    path = tmp_path / "templates.json"
    model.save(path)
    loaded = TemplateModel.load(path)
    assert loaded.to_dict() == model.to_dict()
    model.save(tmp_path / "templates.json.gz")  # it was written plain, and read back as bytes
    assert gzip.decompress((tmp_path / "templates.json.gz").read_bytes()).decode() == model.to_json()
    assert TemplateModel.load(tmp_path / "templates.json.gz").to_dict() == model.to_dict()
    assert loaded == model == TemplateModel.load(tmp_path / "templates.json.gz")  # models had no equality
    assert loaded != TemplateModel(model.params, {})
    assert loaded.match("example.com", ["Most read"])[0][0].text == "Most read"
    data = json.loads(path.read_text())
    data["format"] = "textclean-templates/0"
    path.write_text(json.dumps(data))
    with pytest.raises(IndexMismatchError, match="format 'textclean-templates/1'.*textclean learn"):
        TemplateModel.load(path)
    data = model.to_dict()
    data["params"]["shingles"] = "char5"
    path.write_text(json.dumps(data))
    with pytest.raises(IndexMismatchError, match="relearn"):
        TemplateModel.load(path)
    path.write_text("not json")
    with pytest.raises(InputError, match="textclean learn"):
        TemplateModel.load(path)
    # Valid JSON of the wrong shape raised KeyError or AttributeError.
    good = model.to_dict()
    site = next(iter(good["sites"]))
    line = good["sites"][site]["lines"][0]
    # Hand edits that loaded, then failed on the site's first page (a null text) or matched
    # nothing (variants as one string, read letter by letter); a NaN share printed as "nan%".
    edited = [{**line, "text": None}, {**line, "variants": "home news sport"}, {**line, "variants": [1]},
              {**line, "share": float("nan")}, {**line, "pages": -2}]
    for damaged in ({"format": good["format"]}, {**good, "sites": [1]},
                    {**good, "sites": {site: {"pages": 3, "lines": [{"text": "x"}]}}},
                    *({**good, "sites": {site: {"pages": 3, "lines": [bad]}}} for bad in edited)):
        path.write_text(json.dumps(damaged))
        with pytest.raises(IndexMismatchError, match="a damaged template model.*relearn"):
            TemplateModel.load(path)


def test_parameters_are_validated_with_the_fix():
    with pytest.raises(ConfigError, match="a share, not a percentage"):
        TemplateParams(min_share=50)
    with pytest.raises(ConfigError, match="at least 2"):
        learn_templates([], min_pages=1)
    with pytest.raises(InputError, match="no field 'site'.*--group-key"):
        learn_templates([{"text": "a"}], group_by="site")


def test_body_region_picks_the_longest_prose_run():
    assert body_region([False, True, False, True, True, False, False, False, False, True]) == (1, 4)
    assert body_region([False, False]) is None
    assert body_region([True, False, False, False, False, True, True]) == (5, 6)


def test_cli_learn_then_clean(tmp_path):
    corpus = tmp_path / "pages.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, **p}) + "\n" for i, p in enumerate(pages(20))))
    runner = CliRunner()
    learned = runner.invoke(main, ["learn", str(corpus), "-o", str(tmp_path / "t.json")])
    assert learned.exit_code == 0, learned.output
    assert learned.stderr == "learn: 20 pages of 1 site, 8 template lines\n"
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"id": "x", "url": "https://example.com/x", "text": site_page(99)}) + "\n")
    cleaned = runner.invoke(main, ["clean", str(new), "--templates", str(tmp_path / "t.json")])
    assert cleaned.exit_code == 0, cleaned.output
    text = json.loads(cleaned.stdout)["text"]
    assert "Most read" not in text and article(random.Random(99))[0] in text
    bad = runner.invoke(main, ["clean", str(new), "--templates", str(tmp_path / "t.json"), "--group-key", "site"])
    assert bad.exit_code == 1 and "new.jsonl:1: record has no field 'site'" in bad.output
    explained = runner.invoke(main, ["explain", str(new), "--templates", str(tmp_path / "t.json")])
    assert explained.exit_code == 0, explained.output
    most_read = [line for line in explained.stdout.splitlines() if "Most read" in line]
    assert most_read and all(line.split()[1:3] == ["drop", "template"] for line in most_read)


def test_with_skip_a_record_without_a_site_is_a_rejection(tmp_path):
    # It stopped the run, and a url that urlsplit cannot read raised a traceback.
    model = tmp_path / "t.json"
    corpus = tmp_path / "pages.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, **p}) + "\n" for i, p in enumerate(pages(20))))
    assert CliRunner().invoke(main, ["learn", str(corpus), "-o", str(model)]).exit_code == 0
    new = tmp_path / "new.jsonl"
    new.write_text("".join(json.dumps(r) + "\n" for r in [
        {"url": "https://example.com/x", "text": site_page(99)}, {"text": "no url"},
        {"url": "http://[bad/x", "text": "a url with no readable host"}]))
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["clean", str(new), "--templates", str(model), "--on-error", "skip",
                                           "-j", jobs, "--rejected", str(tmp_path / "rejected.jsonl")])
        assert result.exit_code == 0, result.output
        assert len(result.stdout.splitlines()) == 1
        reasons = [json.loads(line)["reason"] for line in (tmp_path / "rejected.jsonl").read_text().splitlines()]
        assert reasons == ["record has no field 'host' and no 'url'; choose the field that names the site with "
                           "--group-key / group_by=",
                           "its url 'http://[bad/x' has no readable host (Invalid IPv6 URL)"]
    failed = CliRunner().invoke(main, ["clean", str(new), "--templates", str(model)])
    assert failed.exit_code == 1 and f"{new}:2: record has no field 'host'" in failed.stderr


def test_dev_set_leave_one_page_out(dev_data):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import template_eval

    macro_prf = template_eval.load_devscore(dev_data.parent / "tools").macro_prf
    rows = [json.loads(line) for line in (dev_data / "cleanportaleval" / "pages.jsonl").open(encoding="utf-8")]
    site_rows = [r for r in rows if r["site"] == "bbc.co.uk_news"]
    (row,) = template_eval.evaluate(site_rows, TemplateParams(min_share=0.1, min_pages=2), macro_prf)
    assert row["share_removed"] / row["share"] >= 0.95
    assert row["gold_lost"] / row["gold_chars"] <= 0.005
    assert row["f1_page_tpl"] > row["f1_page"]


LINE_CHARS = st.text(alphabet=st.sampled_from(list("aZ09 \t.,:/-|'!()©éİß١\x1f\x00")), min_size=1, max_size=30)


@settings(max_examples=500, deadline=None)
@given(st.lists(LINE_CHARS, max_size=6))
def test_normalized_lines_fast_path_equals_normalize(lines):
    lines = [line for line in (line.strip() for line in lines) if line]
    assert templates_module.normalized_lines(lines) == [normalize(line, mask_digits=True) for line in lines]


def test_symbol_only_lines_and_www_hosts():
    corpus = [{"url": f"https://{'www.' * (i % 2)}example.com/{i}", "text": f"▶\nStory number {w} today.\n|"}
              for i, w in enumerate(("one", "two", "three", "four"))]
    model = learn_templates(corpus, group_by="host")
    assert list(model.sites) == ["example.com"]  # www.example.com is the same site
    assert [line.text for line in model.sites["example.com"].lines] == ["▶", "|"]
    for site in ("example.com", "www.example.com"):
        result = Cleaner(templates=model).clean("▶\nStory number five today.\n|", site=site)
        assert result.text == "Story number five today."


def test_learner_memory_is_one_row_per_distinct_line(monkeypatch):
    monkeypatch.setattr(templates_module, "_BATCH_LINES", 50)
    learner = templates_module.TemplateLearner()
    corpus = pages(30)
    for page in corpus:
        learner.add("example.com", page["text"])
    learner.model()
    distinct = {normalize(line, mask_digits=True) for p in corpus for line in p["text"].splitlines()}
    assert learner.keys.size == len(distinct)  # chrome seen on 30 pages is one row
    assert len(learner._b_keys) == 0  # the buffer is merged away
    assert set(learner.texts) <= set(learner.keys[learner.df >= 2].tolist())  # texts only for repeats


def test_a_chinese_sentence_counts_as_prose():
    # No spaces between Chinese words: its length in words comes from its characters.
    sentence = "国务院总理周三在北京主持召开常务会议，部署进一步扩大内需的措施。"
    headline = "国务院部署扩大内需措施"
    assert is_prose(sentence, normalize(sentence))
    assert not is_prose(headline, normalize(headline))


def test_sentences_closed_by_other_languages_quotes_count_as_prose():
    # German closes a quotation with “ (or «), Japanese with 」; Urdu ends a sentence with ۔
    for sentence in ("Der Bürgermeister sagte am Abend: „Wir werden die Bibliothek auf jeden Fall offen halten.“",
                     "市長は記者会見で「図書館は来年も必ず開館を続けることになりました。」",
                     "شہر کے میئر نے کہا کہ لائبریری اگلے سال بھی ہر حال میں کھلی رہے گی اور کوئی تبدیلی نہیں ہوگی۔"):
        assert is_prose(sentence, normalize(sentence)), sentence


def test_a_page_counts_once_and_an_empty_page_not_at_all():
    # A crawl's copies of one page (http and https, utm-tagged urls) made its article lines the
    # site's template, removed from every page; empty pages lowered every line's share.
    copied = site_page(1)
    pages = [copied] * 4 + [site_page(i) for i in (2, 3)] + [""] * 6
    model = learn_templates([{"site": "example.com", "text": text} for text in pages], group_by="site", min_pages=2)
    (site,) = model.sites.values()
    assert site.pages == 3
    template = {line.text for line in site.lines}
    assert "Share this story" in template and not template & set(copied.splitlines()[4:-5])


def test_the_command_says_how_many_documents_the_model_matched(tmp_path):
    # A --group-key other than the model's matched no site and removed nothing, silently, and
    # learning from no page wrote an empty model with exit 0.
    from textclean.cli import main

    corpus = tmp_path / "pages.jsonl"
    corpus.write_text("".join(json.dumps({"site": "example.com", "url": f"https://www.example.org/{i}", "text": site_page(i)})
                              + "\n" for i in range(6)))
    model = tmp_path / "model.json"
    assert CliRunner().invoke(main, ["learn", str(corpus), "--group-key", "site", "-o", str(model)]).exit_code == 0
    right = CliRunner().invoke(main, ["clean", str(corpus), "--templates", str(model), "--group-key", "site", "-o", "-"])
    assert right.stderr == "textclean: --templates matched a site for 6 of 6 documents\n"
    wrong = CliRunner().invoke(main, ["clean", str(corpus), "--templates", str(model), "-o", "-"])  # host: example.org
    assert wrong.exit_code == 0 and wrong.stderr == (
        "textclean: --templates matched a site for 0 of 6 documents; none did: is --group-key the field the "
        "model was learned with? Its sites: example.com\n")
    (tmp_path / "empty.jsonl").write_text('{"text": "", "host": "a.org"}\n')
    empty = CliRunner().invoke(main, ["learn", str(tmp_path / "empty.jsonl"), "-o", str(tmp_path / "m2.json")])
    assert empty.exit_code == 1 and "empty.jsonl: no page with text to learn from" in empty.output
    assert not (tmp_path / "m2.json").exists()


def test_lookups_are_kept_for_the_most_recent_sites_only(monkeypatch):
    # One lookup per site stayed for the whole run: 840 MB over a 10,000-site crawl.
    from textclean import templates

    pages = [{"site": f"s{n}.org", "text": f"Subscribe to the s{n} newsletter\nStory {i} of the day.\nAll rights reserved s{n}"}
             for n in range(3) for i in range(4)]
    model = learn_templates(pages, group_by="site")
    expected = [Cleaner(templates=model).clean(p["text"], site=p["site"]) for p in pages]
    monkeypatch.setattr(templates, "_LOOKUPS_KEPT", 2)
    capped = learn_templates(pages, group_by="site")
    cleaner = Cleaner(templates=capped)
    assert [cleaner.clean(p["text"], site=p["site"]) for p in pages[::-1] + pages] == expected[::-1] + expected
    assert len(capped._lookups) == 2
