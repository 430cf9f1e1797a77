"""`template`: lines of the document's site template, from a model passed to the cleaner.

The model (``Cleaner(templates=model)``, :mod:`textclean.templates`) lists the lines that most
pages of each site repeat; ``cleaner.clean(text, site=...)`` says which site a document is
from. Without a model, or for a site the model does not know, nothing is found.

The article's own lines can recur across a site. The page's body region is its main run of
prose lines (see :func:`textclean.templates.body_region`; template lines count only when the
model saw them inside its pages' prose) plus the ``HEAD_LINES`` before it, where the headline
sits. Two kinds of template line there are protected — reported with score 0 and evidence
that says why, so the policy keeps them:

- a prose sentence that the model saw inside its pages' prose at least half the time: a
  house-style sentence or a recurring standfirst;
- a line of three or more words without digits that the model saw mostly outside both the
  body and the head: this page's headline or subhead, listed as a teaser elsewhere (and its
  other copies on the page, such as a title line repeating the headline).

Chrome in or just before the body ("Advertisement", "Share this", a video notice), which the
model saw there on most of its pages, still goes.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..normalize import word_count
from ..reasons import Reason
from ..templates import HEAD_LINES, TemplateLine, body_region, is_prose
from ..types import Block, Finding
from .base import Context, clip, finding

# Shares (0–1) of a line's pages: "usually" means at least this.
USUALLY = 0.5


def template(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """Blocks matching a learned template line of the document's site."""
    model = getattr(context, "templates", None)
    if model is None or not blocks:
        return []
    site = getattr(context, "site", None)
    matches = model.match(site, [block.text for block in blocks])
    if not any(matches):
        return []
    site_name = model.site_for(site).site
    prose = [is_prose(b.text, n) for b, n in zip(blocks, context.norms)]
    region = body_region([p and (m is None or m[0].body_share >= USUALLY) for p, m in zip(prose, matches)])
    reasons = {
        block.index: _protected(block.index, match[0], is_sentence, _letter_words(context.norms[block.index]), region)
        for block, match, is_sentence in zip(blocks, matches, prose) if match is not None
    }
    # The article's own line keeps its other copies too (a page title repeating the headline).
    article_lines = {matches[i][0]: i for i, why in sorted(reasons.items(), reverse=True) if why}
    found = []
    for index, why in reasons.items():
        line, similarity = matches[index]
        evidence = _evidence(line, similarity, site_name)
        if not why and line in article_lines:
            why = f"a copy of block {article_lines[line] + 1}, which is this page's own"  # numbered from 1, as in explain
        if why:
            evidence += f"; {why}: kept"
            similarity = 0.0
        found.append(finding(blocks[index], Reason.TEMPLATE, similarity, "template", evidence))
    return found


def _protected(index: int, line: TemplateLine, is_sentence: bool, words: int, region: tuple[int, int] | None) -> str:
    """Why a template line at ``index`` belongs to this page's article ("" when it does not)."""
    if region is None or not region[0] - HEAD_LINES <= index <= region[1]:
        return ""
    where = f"blocks {region[0] + 1}–{region[1] + 1}"
    if is_sentence and index >= region[0] and line.body_share >= USUALLY:
        return f"a sentence inside the body ({where}), where it sits on {line.body_share:.0%} of the pages it is on"
    if words >= 3 and line.body_share < USUALLY and line.head_share < USUALLY:  # words without digits
        return (f"in this page's article ({where} and the {HEAD_LINES} lines before) but elsewhere on "
                "other pages: this page's own headline or subhead")
    return ""


def _letter_words(norm: str) -> int:
    """Words without digits: a headline has several, a date line ("11:45 AM on 05/22") few."""
    return sum(word_count(word) for word in norm.split() if not any(c.isdigit() for c in word))


def _evidence(line: TemplateLine, similarity: float, site: str) -> str:
    how = "same line" if similarity >= 1.0 else f"variant, similarity {similarity:.2f}"
    return (f"template line {clip(line.text)!r} of {site or 'the site'}: on {line.share:.0%} of its pages "
            f"({line.pages}), usually at {line.position:.0%} of the page; {how}")
