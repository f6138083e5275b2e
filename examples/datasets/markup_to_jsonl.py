"""Turn hand-labelled markup into a gold set with exact character offsets.

    python3 examples/datasets/markup_to_jsonl.py batch01.txt [batch02.txt ...] --check
    python3 examples/datasets/markup_to_jsonl.py batch*.txt --prefix b16 --out gold.jsonl

The writer/annotator agents of the hand-labelled sets (docs/masking.md) wrote
messages with inline labels ``[[TYPE|value]]``, messages separated by a line
holding only ``§§§`` (see ``LABELLING_GUIDE.md``), and ran ``--check`` on
their files; this tool was all they could run. Offsets are computed here, so
they are exact. Errors name the file and the message number. Standard
library only: the agents had no project environment.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

TYPES = frozenset(
    {
        "PERSON",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "IBAN_CODE",
        "DE_HEALTH_INSURANCE",
        "DE_SOCIAL_SECURITY",
        "DATE_OF_BIRTH",
        "ADDRESS",
        "HEALTH_CONDITION",
        "MEDICATION",
    }
)
MARK = re.compile(r"\[\[([A-Z_]+)\|([^\[\]|]+)\]\]")


def convert(raw: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Messages ``{"text", "spans"}`` of one markup file, and its errors."""
    out: list[dict[str, Any]] = []
    errors: list[str] = []
    for n, block in enumerate(raw.split("\n§§§\n"), 1):
        block = block.strip("\n")
        if not block.strip():
            continue
        parts: list[str] = []
        spans: list[dict[str, Any]] = []
        pos = length = 0
        for m in MARK.finditer(block):
            before = block[pos : m.start()]
            parts.append(before)
            length += len(before)
            etype, value = m.group(1), m.group(2)
            if etype not in TYPES:
                errors.append(f"message {n}: unknown type {etype!r}")
            if value != value.strip():
                errors.append(f"message {n}: value with leading/trailing space {value!r}")
            spans.append({"start": length, "end": length + len(value), "entity_type": etype})
            parts.append(value)
            length += len(value)
            pos = m.end()
        parts.append(block[pos:])
        plain = "".join(parts)
        if "[[" in plain or "]]" in plain or "§§§" in plain:
            errors.append(f"message {n}: broken markup left in text: {plain[:80]!r}")
        out.append({"text": plain, "spans": spans})
    return out, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="only validate")
    parser.add_argument("--prefix", default="m", help="id prefix of the messages")
    parser.add_argument("--out", type=Path, help="write the gold JSONL here")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    for path in args.files:
        found, errs = convert(path.read_text(encoding="utf-8"))
        rows += found
        errors += [f"{path}: {e}" for e in errs]
    for e in errors:
        print("ERROR", e)
    spans = sum(len(r["spans"]) for r in rows)
    empty = sum(1 for r in rows if not r["spans"])
    print(f"{len(rows)} messages, {spans} spans, {empty} without PII, {len(errors)} errors")
    if args.out and not args.check and not errors:
        with args.out.open("w", encoding="utf-8") as fh:
            for i, row in enumerate(rows, 1):
                fh.write(json.dumps({"id": f"{args.prefix}-{i:04d}", **row}, ensure_ascii=False))
                fh.write("\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
