"""Latency benchmark: masking a 100-word German message (not a test).

Run:  .venv/bin/python benchmarks/mask_latency.py [GOLD.jsonl] [--repeat N]

Messages of exactly 100 words are built deterministically by joining gold
messages (so they contain the usual mix of names, numbers and health data);
each is masked ``repeat`` times with :meth:`Masker.mask`, after a warm-up.
Reports build time, median and 95th percentile per message, and the
throughput of ``mask_many``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "mask_gold.jsonl"


def hundred_word_messages(gold: Path, n: int = 50) -> list[str]:
    """``n`` messages of exactly 100 words, built from the gold texts in file order."""
    words: list[str] = []
    with gold.open(encoding="utf-8") as fh:
        for line in fh:
            words.extend(json.loads(line)["text"].split())
    return [" ".join(words[i * 100 : (i + 1) * 100]) for i in range(min(n, len(words) // 100))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from replyassist.masking.masker import Masker  # import time counts: spaCy, Presidio

    imported = time.perf_counter() - t0
    masker = Masker.default()
    build = time.perf_counter() - t0 - imported
    texts = hundred_word_messages(args.gold)
    for text in texts[:5]:  # warm-up
        masker.mask(text)
    timings = []
    for text in texts:
        for _ in range(args.repeat):
            t = time.perf_counter()
            masker.mask(text)
            timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    t = time.perf_counter()
    list(masker.mask_many(texts * args.repeat))
    batch_ms = (time.perf_counter() - t) * 1000 / (len(texts) * args.repeat)
    print(f"import: {imported:.2f} s, Masker.default() build: {build:.2f} s")
    print(f"100-word messages: {len(texts)} x {args.repeat} runs")
    print(
        f"mask(): median {statistics.median(timings):.2f} ms, "
        f"p95 {timings[int(0.95 * (len(timings) - 1))]:.2f} ms, max {timings[-1]:.2f} ms"
    )
    print(f"mask_many(): {batch_ms:.2f} ms per message")


if __name__ == "__main__":
    main()
