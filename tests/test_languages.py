"""The seed's debris in other languages (tests/languages.json): each page loses exactly what the
seed loses, for the same reasons, and keeps its headline and every body paragraph."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import textclean

PAGES = json.loads((Path(__file__).parent / "languages.json").read_text(encoding="utf-8"))["pages"]


@pytest.mark.parametrize("language", sorted(PAGES))
def test_seed_debris_goes_in_every_language(language):
    page = PAGES[language]
    body = page["body"]
    head = [page["nav"], page["nav"], *([page["kicker"]] if page["kicker"] else []), page["headline"], page["headline"]]
    lines = [*head, page["caption"], *body, body[0], body[1], page["more"]]
    result = textclean.clean("\n".join(lines))
    expected = ["navigation", "navigation", *(["section_label"] if page["kicker"] else []), "duplicate", "caption",
                "repeated_lead", "repeated_lead", "truncation"]
    assert [span.reason.value for span in result.removed] == expected
    assert result.text == "\n".join([page["headline"], *body])
