"""Compare rule/lexicon masking with the trained NER pipeline (models/ner-de).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/compare_maskers.py [--model ner-de]

For each mode ("rules": the default Masker; "ner": the NER replaces the rule
recognizers for PERSON/HEALTH_CONDITION/MEDICATION; "combined": both, overlaps
resolved; "combined-person": NER adds PERSON only) the project's evaluation
(``replyassist.masking.evaluate``) runs on the synthetic seed-7 set and the
hand-written gold sets listed in ``GOLD`` (blind14 and blind15 were never used
for training or tuning; all others were, by the rules or the NER). Latency is the median ``mask()`` time on 100-word
messages built as in ``benchmarks/mask_latency.py``. The JSON goes to
``benchmarks/results/compare_maskers.json``; a Markdown table is printed.
Nothing here prints message text.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import time
from pathlib import Path
from typing import Any

from replyassist.masking import Masker, MaskingConfig
from replyassist.masking.evaluate import evaluate_mask
from replyassist.paths import resolve_model

ROOT = Path(__file__).resolve().parent.parent
GOLD = [
    ROOT / "tests" / "data" / "mask_gold_seed7.jsonl",
    ROOT / "tests" / "data" / "mask_gold_handwritten_dev.jsonl",
    ROOT / "tests" / "data" / "mask_gold_handwritten.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind2.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind3.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind4.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind5.jsonl",
    ROOT / "tests" / "data" / "mask_gold_public_comments.jsonl",
    ROOT / "tests" / "data" / "mask_gold_carers.jsonl",
    ROOT / "tests" / "data" / "mask_gold_chat_multilingual.jsonl",
    ROOT / "tests" / "data" / "mask_gold_sensitive_topics.jsonl",
    ROOT / "tests" / "data" / "mask_gold_third_parties.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind6.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind7.jsonl",
    ROOT / "tests" / "data" / "mask_gold_young_social.jsonl",
    ROOT / "tests" / "data" / "mask_gold_seniors.jsonl",
    ROOT / "tests" / "data" / "mask_gold_families.jsonl",
    ROOT / "tests" / "data" / "mask_gold_newcomers.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind8.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind9.jsonl",
    ROOT / "tests" / "data" / "mask_gold_objections.jsonl",
    ROOT / "tests" / "data" / "mask_gold_campaign_comments.jsonl",
    ROOT / "tests" / "data" / "mask_gold_chat_turns.jsonl",
    ROOT / "tests" / "data" / "mask_gold_sloppy_regional.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind10.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind11.jsonl",
    ROOT / "tests" / "data" / "mask_gold_medicines.jsonl",
    ROOT / "tests" / "data" / "mask_gold_symptoms_undiagnosed.jsonl",
    ROOT / "tests" / "data" / "mask_gold_unusual_lives.jsonl",
    ROOT / "tests" / "data" / "mask_gold_busy_city.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind12.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind13.jsonl",
    ROOT / "tests" / "data" / "mask_gold_own_words.jsonl",
    ROOT / "tests" / "data" / "mask_gold_short_informal.jsonl",
    ROOT / "tests" / "data" / "mask_gold_long_term_conditions.jsonl",
    ROOT / "tests" / "data" / "mask_gold_non_native.jsonl",
    ROOT / "tests" / "data" / "mask_gold_paperwork.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind14.jsonl",
    ROOT / "tests" / "data" / "mask_gold_blind15.jsonl",
]
TYPES = ("PERSON", "HEALTH_CONDITION", "MEDICATION")
OUT = ROOT / "benchmarks" / "results" / "compare_maskers.json"


def _hundred_word_messages(gold: Path, n: int) -> list[str]:
    """The latency benchmark's own message builder (a script, not a package)."""
    spec = importlib.util.spec_from_file_location(
        "mask_latency", ROOT / "benchmarks" / "mask_latency.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    messages: list[str] = module.hundred_word_messages(gold, n)
    return messages


def modes(model: str) -> dict[str, MaskingConfig]:
    """The compared configurations."""
    return {
        "rules": MaskingConfig(),
        "ner": MaskingConfig(ner_model=model, ner_mode="ner"),
        "combined": MaskingConfig(ner_model=model, ner_mode="combined"),
        "combined-person": MaskingConfig(
            ner_model=model, ner_mode="combined", ner_entity_types=("PERSON",)
        ),
    }


def latency_ms(masker: Masker, texts: list[str], repeat: int) -> dict[str, float]:
    """Median and p95 of ``mask()`` per 100-word message, after a warm-up."""
    for text in texts[:5]:
        masker.mask(text)
    timings = []
    for text in texts:
        for _ in range(repeat):
            t = time.perf_counter()
            masker.mask(text)
            timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 3),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 3),
        "messages": len(texts),
        "runs_per_message": repeat,
    }


def summarize(metrics: dict[str, Any]) -> dict[str, Any]:
    """Only the numbers the comparison needs (no missed/false-positive contexts)."""
    out: dict[str, Any] = {
        "messages": metrics["messages"],
        "any_pii": {
            k: metrics["any_pii"][k] for k in ("precision", "recall", "f2", "gold", "predicted")
        },
    }
    for t in TYPES:
        m = metrics["per_entity"].get(t)
        if m:
            out[t] = {k: m[k] for k in ("precision", "recall", "gold", "predicted")}
    if metrics.get("unseen"):
        out["unseen_recall"] = metrics["unseen"]
    return out


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def markdown(results: dict[str, Any]) -> str:
    """One row per mode and gold set."""
    head = "| mode | gold set | any-PII P | any-PII R | PER P | PER R | HEALTH P | HEALTH R | MED P | MED R | median mask() 100 words |"
    lines = [head, "|" + "---|" * 11]
    for mode, res in results["modes"].items():
        for gold, m in res["gold"].items():
            cells = [
                mode,
                gold.removesuffix(".jsonl"),
                _fmt(m["any_pii"]["precision"]),
                _fmt(m["any_pii"]["recall"]),
            ]
            for t in TYPES:
                e = m.get(t, {})
                cells += [_fmt(e.get("precision")), _fmt(e.get("recall"))]
            cells.append(f"{res['latency']['median_ms']:.2f} ms")
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="ner-de", help="folder or name under models/")
    parser.add_argument(
        "--latency-gold", type=Path, default=ROOT / "tests" / "data" / "mask_gold.jsonl"
    )
    parser.add_argument("--messages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    model_dir = resolve_model(args.model)
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    texts = _hundred_word_messages(args.latency_gold, args.messages)
    results: dict[str, Any] = {
        "model": str(model_dir.relative_to(ROOT))
        if model_dir.is_relative_to(ROOT)
        else str(model_dir),
        "model_size_kb": sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file()) // 1024,
        "ner_dev_scores": meta.get("performance", {}),
        "overlap_rule": "evaluate.py: span found/correct at >= 50 % character overlap",
        "modes": {},
    }
    for name, config in modes(args.model).items():
        t = time.perf_counter()
        masker = Masker(config)
        build_s = time.perf_counter() - t
        gold = {g.name: summarize(evaluate_mask(g, masker)) for g in GOLD}
        results["modes"][name] = {
            "config": {
                "ner_mode": config.ner_mode,
                "ner_entity_types": list(config.ner_entity_types),
            },
            "build_s": round(build_s, 3),
            "latency": latency_ms(masker, texts, args.repeat),
            "gold": gold,
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(markdown(results))
    perf = results["ner_dev_scores"]
    print(
        f"\nNER on its synthetic dev set: P {perf.get('ents_p', 0):.3f} "
        f"R {perf.get('ents_r', 0):.3f} F {perf.get('ents_f', 0):.3f}; "
        f"model {results['model_size_kb']} KB"
    )
    for label, s in sorted((perf.get("ents_per_type") or {}).items()):
        print(f"  {label}: P {s['p']:.3f} R {s['r']:.3f} F {s['f']:.3f}")
    print(
        f"\nwritten to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}"
    )


if __name__ == "__main__":
    main()
