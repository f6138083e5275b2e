"""Evaluate a Masker against a gold set: per-entity and "any PII" P/R/F2.

Span matching (character overlap, in the spirit of presidio-research):
- a gold span counts as **found** when predicted spans of the same entity
  type (for "any PII": of any type) cover at least ``min_overlap`` (default
  0.5) of its characters;
- a predicted span counts as **correct** when gold spans of the same type
  (for "any PII": of any type) cover at least ``min_overlap`` of its
  characters.
Recall is found/gold, precision correct/predicted, F2 weights recall four
times as much as precision because a leak costs more than an extra mask.
``fully_masked_recall`` additionally reports the share of gold spans whose
every character is masked (by any type): what a strict auditor would check.

The report never contains raw values: contexts of missed spans show the gold
spans as placeholders (``<PERSON>``) and the missed one as ``[[MISSED:TYPE]]``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from replyassist.jsonl import read_jsonl
from replyassist.masking.config import ALL_ENTITY_TYPES, STRUCTURED_ENTITY_TYPES, MaskingConfig
from replyassist.masking.masker import Masker
from replyassist.types import Entity

ANY = "ANY_PII"
STRUCTURED = "STRUCTURED_IDS"


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Read a mask gold JSONL file; errors name the line and the field."""
    rows = []
    for lineno, row in read_jsonl(path):
        where = f"{Path(path).name} line {lineno}"
        if not isinstance(row.get("text"), str):
            raise ValueError(f"{where}: field 'text' must be a string")
        spans = row.get("spans")
        if not isinstance(spans, list):
            raise ValueError(f"{where}: field 'spans' must be a list")
        for s in spans:
            ok = (
                isinstance(s, dict)
                and isinstance(s.get("start"), int)
                and isinstance(s.get("end"), int)
                and isinstance(s.get("entity_type"), str)
                and 0 <= s["start"] < s["end"] <= len(row["text"])
            )
            if not ok:
                raise ValueError(
                    f"{where}: field 'spans' needs start < end within the text and an entity_type"
                )
        rows.append(row)
    return rows


def _coverage(start: int, end: int, others: Iterable[tuple[int, int]]) -> float:
    covered = [False] * (end - start)
    for s, e in others:
        for i in range(max(s, start), min(e, end)):
            covered[i - start] = True
    return sum(covered) / max(1, end - start)


def _prf(tp_r: int, n_gold: int, tp_p: int, n_pred: int) -> dict[str, float | int | None]:
    """Precision is ``None`` when nothing was predicted (undefined, not perfect)."""
    recall = tp_r / n_gold if n_gold else 1.0
    precision = tp_p / n_pred if n_pred else None
    p = precision if precision is not None else 0.0
    f2 = 5 * p * recall / (4 * p + recall) if p + recall else 0.0
    return {
        "precision": round(precision, 4) if precision is not None else None,
        "recall": round(recall, 4),
        "f2": round(f2, 4),
        "gold": n_gold,
        "predicted": n_pred,
        "found": tp_r,
        "correct": tp_p,
    }


def _masked_context(
    text: str, gold: Sequence[dict[str, Any]], missed: dict[str, Any], width: int = 45
) -> str:
    lo, hi = max(0, missed["start"] - width), min(len(text), missed["end"] + width)
    parts, pos = [], lo
    for s in sorted(gold, key=lambda s: s["start"]):
        if s["end"] <= lo or s["start"] >= hi:
            continue
        start = max(s["start"], lo)
        parts.append(text[pos:start])
        parts.append(f"[[MISSED:{s['entity_type']}]]" if s is missed else f"<{s['entity_type']}>")
        pos = max(pos, min(s["end"], hi))
    parts.append(text[pos:hi])
    return ("…" if lo else "") + "".join(parts).replace("\n", " ") + ("…" if hi < len(text) else "")


def _offline_email_check(pattern_text: str) -> bool:
    from replyassist.masking.recognizers.de_email_recognizer import _OFFLINE_TLD_EXTRACT

    return _OFFLINE_TLD_EXTRACT(pattern_text).fqdn != ""


def baseline_masker() -> Masker:
    """Presidio's out-of-the-box set-up for ``de`` over the blank pipeline.

    Whatever ``load_predefined_recognizers(languages=["de"])`` registers (the
    German-specific recognizers are disabled by default), with one change
    that does not alter results: the e-mail check uses the offline
    public-suffix snapshot instead of downloading it.
    """
    from presidio_analyzer import RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    from replyassist.masking.nlp import LanguageNlpEngine

    registry = RecognizerRegistry(supported_languages=["de"])
    registry.load_predefined_recognizers(languages=["de"], nlp_engine=LanguageNlpEngine())
    for rec in registry.recognizers:
        if isinstance(rec, EmailRecognizer):
            rec.validate_result = _offline_email_check  # type: ignore[method-assign]
    entity_types = sorted({e for r in registry.recognizers for e in r.supported_entities})
    masker = Masker(
        MaskingConfig(allow_list=(), score_threshold=0.0), recognizers=list(registry.recognizers)
    )
    masker.entity_types = tuple(entity_types)
    return masker


def evaluate_mask(
    gold_path: Path,
    masker: Masker | None = None,
    baseline: bool = False,
    min_overlap: float = 0.5,
) -> dict[str, Any]:
    """Metrics of ``masker`` (default: ``Masker.default()``) on a gold JSONL file.

    ``baseline=True`` evaluates Presidio's out-of-the-box German set-up instead.
    Returns a JSON-serialisable dict: ``per_entity``, ``any_pii``,
    ``structured_ids``, ``unseen`` (recall on values absent from the lexicons,
    where the gold marks ``seen``), ``missed`` (type + masked context),
    ``false_positives`` (type + masked context) and timing.
    """
    rows = load_gold(Path(gold_path))
    if baseline:
        masker = baseline_masker()
    elif masker is None:
        masker = Masker.default()
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    predictions = [list(m.entities) for m in masker.mask_many(texts)]
    elapsed = time.perf_counter() - t0

    types = list(ALL_ENTITY_TYPES)
    counts = {t: [0, 0, 0, 0] for t in [*types, ANY, STRUCTURED]}  # found, gold, correct, pred
    seen_counts: dict[str, list[int]] = {}
    full_cover = 0
    missed: list[dict[str, Any]] = []
    false_pos: list[dict[str, Any]] = []
    n_gold_total = 0
    for row, preds in zip(rows, predictions, strict=True):
        gold = row["spans"]
        _score_row(row, gold, preds, counts, seen_counts, missed, false_pos, min_overlap)
        for g in gold:
            n_gold_total += 1
            if _coverage(g["start"], g["end"], [(p.start, p.end) for p in preds]) >= 1.0:
                full_cover += 1
    per_entity = {t: _prf(*_order(counts[t])) for t in types if counts[t][1] or counts[t][3]}
    return {
        "gold_file": Path(gold_path).name,
        "messages": len(rows),
        "baseline": baseline,
        "overlap_rule": f"span found/correct when >= {min_overlap:.0%} of its characters are "
        "covered by spans of the same type (any type for any_pii)",
        "per_entity": per_entity,
        "any_pii": {
            **_prf(*_order(counts[ANY])),
            "fully_masked_recall": round(full_cover / max(1, n_gold_total), 4),
        },
        "structured_ids": _prf(*_order(counts[STRUCTURED])),
        "unseen": {
            t: {"gold": c[1], "recall": round(c[0] / c[1], 4) if c[1] else None}
            for t, c in sorted(seen_counts.items())
        },
        "missed": missed,
        "false_positives": false_pos,
        "seconds": round(elapsed, 3),
        "ms_per_message": round(1000 * elapsed / max(1, len(rows)), 3),
    }


def _order(c: list[int]) -> tuple[int, int, int, int]:
    return c[0], c[1], c[2], c[3]


def _score_row(
    row: dict[str, Any],
    gold: list[dict[str, Any]],
    preds: list[Entity],
    counts: dict[str, list[int]],
    seen_counts: dict[str, list[int]],
    missed: list[dict[str, Any]],
    false_pos: list[dict[str, Any]],
    min_overlap: float,
) -> None:
    pred_all = [(p.start, p.end) for p in preds]
    gold_all = [(g["start"], g["end"]) for g in gold]
    for g in gold:
        etype = g["entity_type"]
        same = [(p.start, p.end) for p in preds if p.entity_type == etype]
        found = _coverage(g["start"], g["end"], same) >= min_overlap
        found_any = _coverage(g["start"], g["end"], pred_all) >= min_overlap
        if etype in counts:
            counts[etype][0] += found
            counts[etype][1] += 1
        counts[ANY][0] += found_any
        counts[ANY][1] += 1
        if etype in STRUCTURED_ENTITY_TYPES:
            counts[STRUCTURED][0] += found
            counts[STRUCTURED][1] += 1
        if g.get("seen") is False:
            c = seen_counts.setdefault(etype, [0, 0])
            c[0] += found
            c[1] += 1
        if not found:
            missed.append(
                {
                    "id": row.get("id"),
                    "entity_type": etype,
                    "found_as_other_type": found_any,
                    "context": _masked_context(row["text"], gold, g),
                }
            )
    for p in preds:
        same = [(g["start"], g["end"]) for g in gold if g["entity_type"] == p.entity_type]
        correct = _coverage(p.start, p.end, same) >= min_overlap
        correct_any = _coverage(p.start, p.end, gold_all) >= min_overlap
        if p.entity_type in counts:
            counts[p.entity_type][2] += correct
            counts[p.entity_type][3] += 1
        counts[ANY][2] += correct_any
        counts[ANY][3] += 1
        if p.entity_type in STRUCTURED_ENTITY_TYPES:
            counts[STRUCTURED][2] += correct
            counts[STRUCTURED][3] += 1
        if not correct_any:
            spans = [*gold, {"start": p.start, "end": p.end, "entity_type": f"FP:{p.entity_type}"}]
            fp = spans[-1]
            false_pos.append(
                {
                    "id": row.get("id"),
                    "entity_type": p.entity_type,
                    "context": _masked_context(row["text"], spans, fp).replace(
                        f"[[MISSED:FP:{p.entity_type}]]", f"[[FALSE_POSITIVE:{p.entity_type}]]"
                    ),
                }
            )


def format_report(metrics: dict[str, Any], max_missed: int = 25) -> str:
    """A readable table of the metrics (no raw values)."""
    lines = [
        f"Mask evaluation on {metrics['gold_file']} ({metrics['messages']} messages)"
        + (" — Presidio out-of-the-box baseline" if metrics.get("baseline") else ""),
        f"Rule: {metrics['overlap_rule']}",
        "",
        f"{'entity type':<22}{'gold':>6}{'pred':>6}{'prec':>8}{'recall':>8}{'F2':>8}",
        "-" * 58,
    ]

    def row(name: str, m: dict[str, Any]) -> str:
        prec = "-" if m["precision"] is None else f"{m['precision']:.3f}"
        return (
            f"{name:<22}{m['gold']:>6}{m['predicted']:>6}{prec:>8}"
            f"{m['recall']:>8.3f}{m['f2']:>8.3f}"
        )

    for name, m in metrics["per_entity"].items():
        lines.append(row(name, m))
    lines.append("-" * 58)
    lines.append(row("structured ids", metrics["structured_ids"]))
    lines.append(row("any PII", metrics["any_pii"]))
    lines.append(f"fully masked (any type): {metrics['any_pii']['fully_masked_recall']:.3f}")
    if metrics.get("unseen"):
        lines.append("")
        lines.append("recall on values not in the lexicons (gold 'seen': false):")
        for t, u in metrics["unseen"].items():
            if u["recall"] is not None:
                lines.append(f"  {t:<20}{u['gold']:>6}{u['recall']:>8.3f}")
    lines.append("")
    lines.append(f"speed: {metrics['ms_per_message']:.2f} ms per message (mask_many)")
    missed = metrics.get("missed", [])
    if missed:
        lines.append("")
        lines.append(f"missed spans ({len(missed)}, first {min(max_missed, len(missed))}):")
        for m in missed[:max_missed]:
            other = " (masked as another type)" if m.get("found_as_other_type") else ""
            lines.append(f"  {m['id']} {m['entity_type']}{other}: {m.get('context', '')}")
    fps = metrics.get("false_positives", [])
    if fps:
        lines.append("")
        lines.append(f"false positives ({len(fps)}, first {min(max_missed, len(fps))}):")
        for m in fps[:max_missed]:
            lines.append(f"  {m['id']} {m['entity_type']}: {m['context']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m replyassist.masking.evaluate GOLD.jsonl [--baseline] [--json]``."""
    import argparse

    parser = argparse.ArgumentParser(description="Evaluate masking against a gold JSONL file.")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--baseline", action="store_true", help="Presidio out-of-the-box for de")
    parser.add_argument("--json", action="store_true", help="print metrics as JSON")
    parser.add_argument("--min-overlap", type=float, default=0.5)
    parser.add_argument("--max-listed", type=int, default=25)
    args = parser.parse_args(argv)
    metrics = evaluate_mask(args.gold, baseline=args.baseline, min_overlap=args.min_overlap)
    print(
        json.dumps(metrics, ensure_ascii=False, indent=2)
        if args.json
        else format_report(metrics, args.max_listed)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
