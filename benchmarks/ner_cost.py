"""What the optional NER costs the whole pipeline (a benchmark, not a test).

    .venv/bin/python benchmarks/fetch_baseline_models.py
    .venv/bin/python benchmarks/ner_cost.py [--n 1000] [--wait-quiet 300]

In one process and one run: ``Assistant.suggest`` per message with the
default masking (rules + lexicons) and with ``ner_mode: combined``
(``models/ner-de``), ``mask_many`` throughput of both, and Presidio's
out-of-the-box analyzer (``en_core_web_md``) on the same messages, so the
ratio that issue 6 targets can be read for each masking mode. Messages are
visited twice and the second visit is timed (the rendering cache is warm in
both modes). Writes ``benchmarks/results/ner_cost.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import CORPUS, RESULTS, ootb_engines, read_jsonl, summary, wait_quiet  # noqa: E402

OUT = RESULTS / "ner_cost.json"


def suggest_latency(masking: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    from replyassist.assistant import Assistant, masker_for
    from replyassist.guidelines.loader import GuidelineSet
    from replyassist.masking import Masker

    base = masker_for(GuidelineSet.load("krankenkasse")).config
    cfg = (
        base
        if masking == "rules"
        else dataclasses.replace(base, ner_mode="combined", ner_model="ner-de")
    )
    masker = Masker.from_config(cfg)
    a = Assistant.from_guidelines("krankenkasse", memory=":memory:", masker=masker)
    for r in rows:  # first visit fills the rendering cache
        a.suggest(r["text"], channel=r["channel"])
    times = []
    for r in rows:
        t0 = time.perf_counter_ns()
        a.suggest(r["text"], channel=r["channel"])
        times.append((time.perf_counter_ns() - t0) / 1e6)
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    list(masker.mask_many(texts))
    return {
        "suggest_ms": summary(times),
        "mask_many_msgs_per_s": len(texts) / (time.perf_counter() - t0),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--wait-quiet", type=float, default=0.0)
    args = parser.parse_args()
    quiet = wait_quiet(args.wait_quiet) if args.wait_quiet else None
    rows = read_jsonl(CORPUS, args.n)
    report: dict[str, Any] = {"messages": len(rows), "wait_quiet": quiet}
    for mode in ("rules", "combined"):
        report[mode] = suggest_latency(mode, rows)
    engines = ootb_engines()
    if "presidio_en_md" in engines:
        engine = engines["presidio_en_md"]
        for r in rows[:50]:
            engine.analyze(text=r["text"], language="en")
        times = []
        for r in rows:
            t0 = time.perf_counter_ns()
            engine.analyze(text=r["text"], language="en")
            times.append((time.perf_counter_ns() - t0) / 1e6)
        base = summary(times)
        report["presidio_en_md_ms"] = base
        for mode in ("rules", "combined"):
            s = report[mode]["suggest_ms"]
            report[mode]["pipeline_vs_presidio_en_md"] = {
                "p50": round(s["p50"] / base["p50"], 3),
                "mean": round(s["mean"] / base["mean"], 3),
            }
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for mode in ("rules", "combined"):
        m = report[mode]
        ratio = m.get("pipeline_vs_presidio_en_md", {})
        print(
            f"{mode:9s} suggest p50 {m['suggest_ms']['p50']:.2f} ms, mean {m['suggest_ms']['mean']:.2f} ms; "
            f"mask_many {m['mask_many_msgs_per_s']:.0f} msg/s; vs Presidio en_md p50 {ratio.get('p50')}, "
            f"mean {ratio.get('mean')}"
        )
    print(f"written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
