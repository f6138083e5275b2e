"""Add hand-labelled gold sets to the NER training data (an experiment).

    .venv/bin/python examples/ner/add_handwritten.py SCRATCH GOLD.jsonl [GOLD.jsonl ...] [--repeat 3]

Generated sentences teach the model names but not how people describe their
health; the hand-labelled sets that the rules were already tuned on do. Their
PERSON / HEALTH_CONDITION / MEDICATION spans are appended (``--repeat`` times)
to ``SCRATCH/train.spacy`` as ``SCRATCH/train_hw.spacy``. Never pass a set
that is still used for a blind evaluation.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy
from spacy.tokens import DocBin

LABELS = {"PERSON", "HEALTH_CONDITION", "MEDICATION"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scratch", type=Path)
    parser.add_argument("gold", type=Path, nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    nlp = spacy.blank("de")
    db = DocBin(store_user_data=False).from_disk(args.scratch / "train.spacy")
    added = dropped = 0
    for path in args.gold:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            doc = nlp.make_doc(row["text"])
            ents = []
            for s in row["spans"]:
                if s["entity_type"] not in LABELS:
                    continue
                span = doc.char_span(
                    s["start"], s["end"], label=s["entity_type"], alignment_mode="expand"
                )
                if span is None or any(span.start < e.end and e.start < span.end for e in ents):
                    dropped += 1
                    continue
                ents.append(span)
            doc.ents = sorted(ents, key=lambda e: e.start)
            for _ in range(args.repeat):
                db.add(doc)
                added += 1
    db.to_disk(args.scratch / "train_hw.spacy")
    print(json.dumps({"added_docs": added, "dropped_spans": dropped, "total_docs": len(db)}))


if __name__ == "__main__":
    main()
