"""``replyassist eval variety``: do replies in one thread stop sounding the same?

Messages are grouped by ``thread_id`` and run in input order through one
assistant with a fresh memory, as an agent would answer a comment thread.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from replyassist.types import Result


def _bigrams(text: str) -> list[tuple[str, str]]:
    words = text.lower().split()
    return list(itertools.pairwise(words))


def distinct_2(texts: Sequence[str]) -> float:
    """Share of unique word bigrams among all bigrams (Li et al., 2016)."""
    grams = [g for t in texts for g in _bigrams(t)]
    return len(set(grams)) / len(grams) if grams else 0.0


def variety_metrics(
    gold: Sequence[dict[str, Any]], results: Sequence[Result], template_topics: Mapping[str, str]
) -> dict[str, Any]:
    """``template_topics`` maps template id -> topic ("*" = any topic, e.g. crisis replies)."""
    by_thread: dict[str, list[tuple[dict[str, Any], Result]]] = defaultdict(list)
    for g, r in zip(gold, results, strict=True):
        by_thread[str(g.get("thread_id") or "-")].append((g, r))
    threads = {}
    for tid, items in by_thread.items():
        top1 = [r.suggestions[0] for _, r in items if r.suggestions]
        threads[tid] = {
            "messages": len(items),
            "distinct_top1_variants": len({s.variant_id for s in top1}),
            "distinct_top1_share": round(len({s.variant_id for s in top1}) / max(1, len(top1)), 4),
            "distinct_2_top1": round(distinct_2([s.text for s in top1]), 4),
        }
    in_gold_topic = []
    in_gold_topic_when_right = []
    for g, r in zip(gold, results, strict=True):
        if not r.suggestions or "topic" not in g:
            continue
        top_topic = template_topics[r.suggestions[0].template_id]
        hit = top_topic in (g["topic"], "*")
        in_gold_topic.append(hit)
        if r.classification.topic == g["topic"]:
            in_gold_topic_when_right.append(hit)
    return {
        "threads": threads,
        "top1_in_gold_topic": round(sum(in_gold_topic) / max(1, len(in_gold_topic)), 4),
        "top1_in_gold_topic_when_topic_right": round(
            sum(in_gold_topic_when_right) / max(1, len(in_gold_topic_when_right)), 4
        ),
        "topic_right": len(in_gold_topic_when_right),
        "n": len(results),
    }


def format_report(m: dict[str, Any]) -> str:
    lines = [f"{'thread':<10}{'msgs':>6}{'distinct top-1':>16}{'share':>8}{'distinct-2':>12}"]
    for tid, t in m["threads"].items():
        lines.append(
            f"{tid:<10}{t['messages']:>6}{t['distinct_top1_variants']:>16}"
            f"{t['distinct_top1_share']:>8.2f}{t['distinct_2_top1']:>12.3f}"
        )
    lines += [
        "",
        f"top-1 template in gold topic: {m['top1_in_gold_topic']:.3f} of {m['n']}",
        f"... when the topic was classified right: {m['top1_in_gold_topic_when_topic_right']:.3f}"
        f" of {m['topic_right']}",
    ]
    return "\n".join(lines)
