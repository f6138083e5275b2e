"""Remove public service numbers from the PHONE_NUMBER spans of gold sets.

    .venv/bin/python examples/datasets/drop_public_numbers.py tests/data/mask_gold_*.jsonl

Issue 3 lists hotline numbers among the decoys "without PII", and the masker
leaves public service numbers visible on purpose (``DEFAULT_ALLOW_LIST``: the
default set's hotline, Telefonseelsorge, 116117, 116 123): crisis replies
quote them. The labelling guide of the third session had told annotators to
label crisis hotlines written as numbers; this aligns those sets with the
issue. Only spans whose value equals an allow-list entry (ignoring spaces,
dashes, slashes and brackets) are removed; files are rewritten in place and
the count per file is printed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from replyassist.masking.config import DEFAULT_ALLOW_LIST


def _normalize(value: str) -> str:
    return re.sub(r"[\s\-/().]", "", value).casefold()


PUBLIC = frozenset(_normalize(a) for a in DEFAULT_ALLOW_LIST)


def drop(path: Path) -> int:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    dropped = 0
    for row in rows:
        keep = []
        for span in row["spans"]:
            value = row["text"][span["start"] : span["end"]]
            if span["entity_type"] == "PHONE_NUMBER" and _normalize(value) in PUBLIC:
                dropped += 1
            else:
                keep.append(span)
        row["spans"] = keep
    if dropped:
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    return dropped


def main() -> None:
    for name in sys.argv[1:]:
        n = drop(Path(name))
        if n:
            print(json.dumps({"file": name, "public_numbers_removed": n}))


if __name__ == "__main__":
    main()
