"""`template`: lines of the document's site template, from a model passed to the cleaner.

The model (``Cleaner(templates=model)``, :mod:`textclean.templates`) lists the lines that most
pages of each site repeat; ``cleaner.clean(text, site=...)`` says which site a document is
from. Without a model, or for a site the model does not know, nothing is found.

The article's own lines can recur across a site (a house-style sentence, a standfirst). They
are protected: the page's body region is its main run of prose lines that are not template
lines (see :func:`textclean.templates.body_region`), and a template line inside it that the
model saw inside the prose of its pages at least half the time is reported with score 0 and
evidence that says so, so the policy keeps it. Chrome inside the body ("Advertisement"),
which the model saw outside the prose, still goes.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..reasons import Reason
from ..templates import TemplateLine, body_region, is_prose
from ..types import Block, Finding
from .base import Context, clip, finding

# A template line that sat inside its pages' prose at least this often belongs to articles.
BODY_SHARE = 0.5


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
    in_body = [m is not None and m[0].body_share >= BODY_SHARE for m in matches]
    prose = [(m is None or body) and is_prose(b.text, n)
             for b, m, n, body in zip(blocks, matches, context.norms, in_body)]
    region = body_region(prose)
    found = []
    for block, match, body in zip(blocks, matches, in_body):
        if match is None:
            continue
        line, similarity = match
        evidence = _evidence(line, similarity, site_name)
        if body and region is not None and region[0] <= block.index <= region[1]:
            evidence += f"; inside the body (blocks {region[0]}–{region[1]}), in its pages' prose " \
                        f"{line.body_share:.0%} of the time: kept"
            similarity = 0.0
        found.append(finding(block, Reason.TEMPLATE, similarity, "template", evidence))
    return found


def _evidence(line: TemplateLine, similarity: float, site: str) -> str:
    how = "same line" if similarity >= 1.0 else f"variant, similarity {similarity:.2f}"
    return (f"template line {clip(line.text)!r} of {site or 'the site'}: on {line.share:.0%} of its pages "
            f"({line.pages}), usually at {line.position:.0%} of the page; {how}")
