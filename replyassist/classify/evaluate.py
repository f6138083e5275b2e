"""``replyassist eval classify``: topic and urgency quality on a labelled gold file."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

from replyassist.jsonl import read_jsonl
from replyassist.types import URGENCIES, Classification


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Classify gold: input lines plus ``topic`` and ``urgency``."""
    rows = []
    for lineno, obj in read_jsonl(path):
        for name in ("text", "topic", "urgency"):
            if not isinstance(obj.get(name), str):
                raise ValueError(f"{path}:{lineno}: field '{name}' is required")
        rows.append(obj)
    return rows


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> tuple[float, list[dict[str, Any]]]:
    """ECE with equal-width bins, plus the reliability table behind it."""
    conf = np.asarray(confidences, dtype=float)
    ok = np.asarray(correct, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    ece = 0.0
    table = []
    for lo, hi in itertools.pairwise(edges):
        sel = (conf > lo) & (conf <= hi) if lo > 0 else (conf >= lo) & (conf <= hi)
        if not sel.any():
            continue
        acc, mean_conf = float(ok[sel].mean()), float(conf[sel].mean())
        ece += sel.mean() * abs(acc - mean_conf)
        table.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "n": int(sel.sum()),
                "accuracy": round(acc, 4),
                "confidence": round(mean_conf, 4),
            }
        )
    return float(ece), table


def classification_metrics(
    gold: Sequence[dict[str, Any]], predicted: Sequence[Classification]
) -> dict[str, Any]:
    y_topic = [g["topic"] for g in gold]
    p_topic = [c.topic for c in predicted]
    y_urg = [g["urgency"] for g in gold]
    p_urg = [c.urgency for c in predicted]
    topics = sorted(set(y_topic) | set(p_topic))

    def recall_of(levels: set[str], accepted: set[str]) -> float | None:
        idx = [i for i, u in enumerate(y_urg) if u in levels]
        if not idx:
            return None
        return round(sum(p_urg[i] in accepted for i in idx) / len(idx), 4)

    p, r, f, n = precision_recall_fscore_support(y_topic, p_topic, labels=topics, zero_division=0)
    ece, reliability = expected_calibration_error(
        [c.topic_confidence for c in predicted],
        [a == b for a, b in zip(y_topic, p_topic, strict=True)],
    )
    missed_critical = [
        {"id": g.get("id"), "predicted": c.urgency}
        for g, c in zip(gold, predicted, strict=True)
        if g["urgency"] == "critical" and c.urgency != "critical"
    ]
    return {
        "n": len(gold),
        "topic_accuracy": round(float(accuracy_score(y_topic, p_topic)), 4),
        "topic_macro_f1": round(
            float(f1_score(y_topic, p_topic, average="macro", zero_division=0)), 4
        ),
        "topic_per_class": {
            t: {
                "precision": round(float(p[i]), 4),
                "recall": round(float(r[i]), 4),
                "f1": round(float(f[i]), 4),
                "support": int(n[i]),
            }
            for i, t in enumerate(topics)
        },
        "topic_confusion": {
            "labels": topics,
            "matrix": confusion_matrix(y_topic, p_topic, labels=topics).tolist(),
        },
        "topic_ece": round(ece, 4),
        "topic_reliability": reliability,
        "unsure_rate": round(sum(c.unsure for c in predicted) / max(1, len(predicted)), 4),
        "urgency_accuracy": round(float(accuracy_score(y_urg, p_urg)), 4),
        "urgency_confusion": {
            "labels": list(URGENCIES),
            "matrix": confusion_matrix(y_urg, p_urg, labels=list(URGENCIES)).tolist(),
        },
        "recall_critical": recall_of({"critical"}, {"critical"}),
        "precision_critical": _precision_of(y_urg, p_urg, "critical"),
        "recall_critical_high": recall_of({"critical", "high"}, {"critical", "high"}),
        "missed_critical": missed_critical,
    }


def _precision_of(gold: Sequence[str], pred: Sequence[str], level: str) -> float | None:
    flagged = [g for g, p in zip(gold, pred, strict=True) if p == level]
    return round(sum(g == level for g in flagged) / len(flagged), 4) if flagged else None


def format_report(m: dict[str, Any]) -> str:
    lines = [
        f"messages: {m['n']}",
        f"topic accuracy: {m['topic_accuracy']:.3f}   macro-F1: {m['topic_macro_f1']:.3f}   "
        f"ECE: {m['topic_ece']:.3f}   unsure: {m['unsure_rate']:.1%}",
        f"urgency accuracy: {m['urgency_accuracy']:.3f}   recall critical: {m['recall_critical']}   "
        f"precision critical: {m['precision_critical']}   "
        f"recall critical+high: {m['recall_critical_high']}",
        "",
        f"{'topic':<16}{'prec':>7}{'rec':>7}{'f1':>7}{'n':>6}",
    ]
    for t, s in m["topic_per_class"].items():
        lines.append(
            f"{t:<16}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['support']:>6}"
        )
    labels = m["urgency_confusion"]["labels"]
    lines += [
        "",
        "urgency confusion (rows gold, columns predicted)",
        " " * 10 + "".join(f"{x:>10}" for x in labels),
    ]
    for lab, row in zip(labels, m["urgency_confusion"]["matrix"], strict=True):
        lines.append(f"{lab:<10}" + "".join(f"{v:>10}" for v in row))
    if m["missed_critical"]:
        lines += ["", "missed critical: " + ", ".join(str(x["id"]) for x in m["missed_critical"])]
    return "\n".join(lines)


def reliability_svg(m: dict[str, Any], size: int = 320) -> str:
    """A self-contained SVG reliability diagram (accuracy vs. confidence per bin)."""
    pad = 40
    inner = size - 2 * pad

    def xy(conf: float, acc: float) -> tuple[float, float]:
        return pad + conf * inner, size - pad - acc * inner

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'font-family="sans-serif" font-size="11">',
        f'<rect x="{pad}" y="{pad}" width="{inner}" height="{inner}" fill="none" stroke="#999"/>',
        f'<line x1="{pad}" y1="{size - pad}" x2="{size - pad}" y2="{pad}" stroke="#bbb" '
        'stroke-dasharray="4 3"/>',
    ]
    n_max = max((b["n"] for b in m["topic_reliability"]), default=1)
    for b in m["topic_reliability"]:
        lo = float(b["bin"].split("-")[0])
        x0, _ = xy(lo, 0)
        _, y = xy(lo, b["accuracy"])
        opacity = 0.3 + 0.7 * b["n"] / n_max
        parts.append(
            f'<rect x="{x0 + 1:.1f}" y="{y:.1f}" width="{inner / 10 - 2:.1f}" '
            f'height="{size - pad - y:.1f}" fill="#3b6ea5" fill-opacity="{opacity:.2f}">'
            f"<title>{b['bin']}: n={b['n']}, accuracy {b['accuracy']:.2f}</title></rect>"
        )
        cx, cy = xy(b["confidence"], b["accuracy"])
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="#c0392b"/>')
    parts += [
        f'<text x="{size / 2}" y="{size - 10}" text-anchor="middle">confidence</text>',
        f'<text x="12" y="{size / 2}" transform="rotate(-90 12 {size / 2})" '
        'text-anchor="middle">accuracy</text>',
        f'<text x="{size / 2}" y="24" text-anchor="middle">topic reliability, '
        f"ECE {m['topic_ece']:.3f} (n={m['n']})</text>",
        "</svg>",
    ]
    return "\n".join(parts) + "\n"
