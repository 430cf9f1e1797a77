"""The shipped type hints (``py.typed``) accept what the README shows users writing.

mypy type-checks a user's script against the installed package. Before these hints were
mended, README's own loop over ``read_records`` and a detector taking ``tuple[Block, ...]``
were type errors.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("mypy", reason="mypy is in the test extra: pip install '.[test]'")

USER_SCRIPT = '''
from __future__ import annotations
from collections.abc import Sequence

import textclean
from textclean import Cleaner, DedupConfig, Finding, Reason, dedup_records
from textclean.detectors import Context
from textclean.io import Record, Rejection, read_records
from textclean.types import Block

auto = Cleaner(preset="auto")
for record in read_records(["CC-MAIN-00000.warc.wet.gz"], jsonl=None):
    result = auto.clean(record.text)
    print(record.id, record.fields["url"], record.where, result.preset)
for item in read_records(["corpus.jsonl"], jsonl=True, on_error="skip"):
    print(item.reason if isinstance(item, Rejection) else item.text)

deduped = dedup_records(read_records(["corpus.jsonl"], jsonl=True, id_key="url"), config=DedupConfig(keep="first"))
kept: list[str] = deduped.kept_ids
dedup_records([Record(id="u", text="t", source="mine")], path="seen.sqlite", hold_records=False,
              deliver=lambda r: print(r.kept_ids), on_reject=lambda record, why: print(record.id, why))


def shouting(blocks: tuple[Block, ...], context: Context) -> list[Finding]:
    return [Finding(b.index, Reason.PROMO, 1.0, "shouting", "all capitals") for b in blocks if b.text.isupper()]


def nothing(blocks: Sequence[Block], context: Context) -> tuple[Finding, ...]:
    return ()


cleaner = Cleaner(detectors={"shouting": shouting, "nothing": nothing},
                  detectors_enabled=(*textclean.CleanConfig().detectors, "shouting", "nothing"))
cleaned = textclean.clean("Search\\nText.", preset="conservative", fuzzy_threshold=0.97)
same: bool = textclean.apply_removals(cleaned.original, cleaned.removed) == cleaned.text
spans: list[dict[str, object]] = cleaned.to_dict()["removed"]
for texts in cleaner.clean_many(["a", "b"], sites=[None, None]):
    print(texts.explain())
'''


def test_readme_usage_type_checks(tmp_path):
    script = tmp_path / "user.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "mypy", "--follow-imports=silent", "--no-incremental",
                              "--cache-dir", str(tmp_path / "cache"), str(script)],
                             capture_output=True, text=True, cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
