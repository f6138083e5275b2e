"""Agreement of two annotators on the same texts, with the evaluation's span rule.

    .venv/bin/python examples/datasets/annotator_agreement.py \
        tests/data/mask_gold_blind2.jsonl tests/data/mask_gold_blind2_annotator_b.jsonl

A span of one annotator counts as agreed when spans of the same type by the
other cover at least 50 % of its characters (the rule of ``replyassist eval
mask``). Prints counts and the F1 of the two directions per type; no text.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from replyassist.masking.evaluate import _coverage


def spans(row: dict, entity_type: str) -> list[tuple[int, int]]:
    return [
        (s["start"], s["end"])
        for s in row["spans"]
        if entity_type == "any PII" or s["entity_type"] == entity_type
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    args = parser.parse_args()
    rows_a = {r["id"]: r for r in map(json.loads, args.a.read_text("utf-8").splitlines())}
    rows_b = {r["id"]: r for r in map(json.loads, args.b.read_text("utf-8").splitlines())}
    if rows_a.keys() != rows_b.keys() or any(rows_a[k]["text"] != rows_b[k]["text"] for k in rows_a):
        raise SystemExit("the two files must hold the same ids and texts")
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for key, a in rows_a.items():
        b = rows_b[key]
        types = {s["entity_type"] for s in a["spans"] + b["spans"]} | {"any PII"}
        for t in types:
            sa, sb = spans(a, t), spans(b, t)
            c = counts[t]
            c[0] += sum(_coverage(s, e, sb) >= 0.5 for s, e in sa)
            c[1] += len(sa)
            c[2] += sum(_coverage(s, e, sa) >= 0.5 for s, e in sb)
            c[3] += len(sb)
    print(f"{'entity type':<22}{'A':>6}{'B':>6}{'A agreed':>10}{'B agreed':>10}{'F1':>7}")
    for t, (fa, na, fb, nb) in sorted(counts.items()):
        ra, rb = fa / na if na else 0.0, fb / nb if nb else 0.0
        f1 = 2 * ra * rb / (ra + rb) if ra + rb else 0.0
        print(f"{t:<22}{na:>6}{nb:>6}{ra:>10.3f}{rb:>10.3f}{f1:>7.3f}")


if __name__ == "__main__":
    main()
