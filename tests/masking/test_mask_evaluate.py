"""Evaluation on the gold set: the measured numbers are regression floors.

The floors are the achieved values rounded down a little (see
docs/masking.md for the exact numbers and the command); a change that loses
recall or precision fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from replyassist.masking import Masker, MaskingConfig
from replyassist.masking.evaluate import evaluate_mask, format_report, load_gold

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD = DATA / "mask_gold.jsonl"
FRESH = DATA / "mask_gold_seed7.jsonl"


@pytest.fixture(scope="module")
def metrics(masker: Masker) -> dict[str, Any]:
    return evaluate_mask(GOLD, masker=masker)


def test_gold_set_shape() -> None:
    rows = load_gold(GOLD)
    assert len(rows) >= 300
    types = {s["entity_type"] for r in rows for s in r["spans"]}
    assert len(types) == 10
    assert sum(1 for r in rows if not r["spans"]) >= 50  # decoys


def test_targets(metrics: dict[str, Any]) -> None:
    assert metrics["structured_ids"]["recall"] >= 0.98
    assert metrics["any_pii"]["recall"] >= 0.985
    assert metrics["any_pii"]["precision"] >= 0.98
    for etype in ("PERSON", "HEALTH_CONDITION", "MEDICATION"):
        assert metrics["per_entity"][etype]["recall"] >= 0.95, etype
    for etype, m in metrics["per_entity"].items():
        assert m["precision"] is not None and m["precision"] >= 0.97, etype


def test_targets_on_fresh_sample(masker: Masker) -> None:
    """Same templates, different seed: values (names, drugs) never seen while tuning."""
    m = evaluate_mask(FRESH, masker=masker)
    assert m["structured_ids"]["recall"] >= 0.98
    assert m["any_pii"]["recall"] >= 0.97
    assert m["any_pii"]["precision"] >= 0.95
    for etype in ("PERSON", "HEALTH_CONDITION", "MEDICATION"):
        assert m["per_entity"][etype]["recall"] >= 0.90, etype


def test_metrics_are_json_and_report_has_no_raw_values(metrics: dict[str, Any]) -> None:
    json.dumps(metrics)
    report = format_report(metrics, max_missed=1000)
    rows = load_gold(GOLD)
    raw_values = {r["text"][s["start"] : s["end"]] for r in rows for s in r["spans"]}
    leaked = [v for v in raw_values if len(v) > 4 and v in report]
    assert not leaked
    assert ("any PII" in report and "overlap" in report.lower()) or "covered" in report


def test_baseline_runs_offline_and_is_weaker(metrics: dict[str, Any]) -> None:
    base = evaluate_mask(GOLD, baseline=True)
    assert base["baseline"] is True
    assert base["any_pii"]["recall"] < metrics["any_pii"]["recall"]


def test_bad_gold_file_error_names_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": 1, "text": "abc", "spans": [{"start": 2, "end": 9, "entity_type": "X"}]}\n'
    )
    with pytest.raises(ValueError, match="line 1"):
        load_gold(bad)


def test_floors_on_handwritten_dev(masker: Masker) -> None:
    """Hand-labelled dev set (messages written by people; the rules were tuned on
    its misses). Floors sit a little under the measured values (docs/masking.md).
    Its annotators did not label suicidal statements ("will nicht mehr leben")
    or states ("atmet kaum noch"); the later sets do and so does the masker,
    hence precision 0.949 here."""
    m = evaluate_mask(DATA / "mask_gold_handwritten_dev.jsonl", masker=masker)
    assert m["any_pii"]["recall"] >= 0.97
    assert m["any_pii"]["precision"] >= 0.94
    assert m["structured_ids"]["recall"] >= 0.98
    for etype, floor in (("PERSON", 0.96), ("HEALTH_CONDITION", 0.95), ("MEDICATION", 0.75)):
        assert m["per_entity"][etype]["recall"] >= floor, etype


def test_floors_on_handwritten_test(masker: Masker) -> None:
    """The first blind hand-labelled set, evaluated blind once (docs/masking.md:
    P 0.961 / R 0.939, HEALTH_CONDITION R 0.846); its misses were used for tuning
    afterwards. A regression guard only."""
    m = evaluate_mask(DATA / "mask_gold_handwritten.jsonl", masker=masker)
    assert m["any_pii"]["recall"] >= 0.93
    assert m["any_pii"]["precision"] >= 0.95
    assert m["structured_ids"]["recall"] >= 0.98
    for etype, floor in (("PERSON", 0.94), ("HEALTH_CONDITION", 0.84)):
        assert m["per_entity"][etype]["recall"] >= floor, etype


def test_floors_on_blind2_dev(masker: Masker) -> None:
    """The second hand-labelled set (300 messages, two annotators, F1 0.990): blind
    once (P 0.969 / R 0.787), then used for tuning. Floors under the tuned values."""
    m = evaluate_mask(DATA / "mask_gold_blind2.jsonl", masker=masker)
    assert m["any_pii"]["recall"] >= 0.91
    assert m["any_pii"]["precision"] >= 0.95
    assert m["structured_ids"]["recall"] >= 0.98
    for etype, floor in (("PERSON", 0.92), ("HEALTH_CONDITION", 0.87), ("MEDICATION", 0.95)):
        assert m["per_entity"][etype]["recall"] >= floor, etype


def test_floors_on_blind3_dev_and_blind4(masker: Masker) -> None:
    """blind3 was blind once (R 0.809) and tuned on since; blind4 was evaluated once,
    blind, after all tuning (P 0.962 / R 0.854). Regression guards, not targets."""
    m3 = evaluate_mask(DATA / "mask_gold_blind3.jsonl", masker=masker)
    assert m3["any_pii"]["recall"] >= 0.90
    assert m3["any_pii"]["precision"] >= 0.95
    m4 = evaluate_mask(DATA / "mask_gold_blind4.jsonl", masker=masker)
    assert m4["any_pii"]["recall"] >= 0.84
    assert m4["any_pii"]["precision"] >= 0.95
    assert m4["structured_ids"]["recall"] >= 0.98


def test_floor_on_blind5(masker: Masker) -> None:
    """blind5, evaluated once, blind, after all tuning (P 0.994 / R 0.874). A guard."""
    m = evaluate_mask(DATA / "mask_gold_blind5.jsonl", masker=masker)
    assert m["any_pii"]["recall"] >= 0.86
    assert m["any_pii"]["precision"] >= 0.97


@pytest.mark.parametrize(
    ("name", "precision", "recall", "hc_recall", "structured"),
    [
        ("public_comments", 0.95, 0.79, 0.72, 0.94),
        ("carers", 0.95, 0.79, 0.49, 0.94),
        ("chat_multilingual", 0.95, 0.72, 0.55, 0.94),
        ("sensitive_topics", 0.95, 0.69, 0.48, 0.94),
        ("third_parties", 0.95, 0.79, 0.57, 0.94),
        ("young_social", 0.97, 0.77, 0.59, 0.94),
        ("families", 0.95, 0.80, 0.66, 0.94),
        ("newcomers", 0.93, 0.69, 0.50, 0.94),
        ("seniors", 0.94, 0.70, 0.50, 0.94),
        ("objections", 0.93, 0.73, 0.58, 0.94),
        ("campaign_comments", 0.89, 0.72, 0.62, 0.75),
        ("chat_turns", 0.96, 0.80, 0.66, 0.94),
        ("sloppy_regional", 0.92, 0.66, 0.45, 0.94),
        ("medicines", 0.96, 0.88, 0.75, 0.94),
        ("symptoms_undiagnosed", 0.96, 0.43, 0.17, 0.94),
        ("unusual_lives", 0.92, 0.74, 0.50, 0.94),
        ("busy_city", 0.95, 0.87, 0.80, 0.94),
        # fourth session (first blind runs in docs/masking.md)
        ("own_words", 0.95, 0.43, 0.24, 0.94),
        ("short_informal", 0.96, 0.76, 0.62, 0.94),
        ("long_term_conditions", 0.96, 0.78, 0.55, 0.97),
        ("non_native", 0.95, 0.73, 0.51, 0.97),
        ("paperwork", 0.95, 0.87, 0.66, 0.97),
    ],
)
def test_floors_on_third_session_sets(
    masker: Masker,
    name: str,
    precision: float,
    recall: float,
    hc_recall: float,
    structured: float,
) -> None:
    """Third- and fourth-session hand-labelled sets (their writers labelled
    symptoms told in lay words far more densely than earlier ones). Each was evaluated blind once
    (docs/masking.md), then used for NER training and, in rounds 1 and 2, for
    tuning the rules; guards, not targets."""
    m = evaluate_mask(DATA / f"mask_gold_{name}.jsonl", masker=masker)
    assert m["any_pii"]["precision"] >= precision
    assert m["any_pii"]["recall"] >= recall
    assert m["per_entity"]["HEALTH_CONDITION"]["recall"] >= hc_recall
    assert m["structured_ids"]["recall"] >= structured  # crisis hotlines stay visible


@pytest.mark.parametrize(
    ("name", "precision", "recall", "structured"),
    [
        ("blind6", 0.94, 0.78, 0.96),  # evaluated once: P 0.950 / R 0.794
        ("blind7", 0.96, 0.72, 0.98),  # P 0.971 / R 0.736
        ("blind8", 0.94, 0.83, 0.96),  # P 0.952 / R 0.848
        ("blind9", 0.94, 0.84, 0.96),  # P 0.961 / R 0.859
        ("blind10", 0.95, 0.83, 0.96),  # P 0.981 / R 0.851
        ("blind11", 0.95, 0.83, 0.96),  # P 0.966 / R 0.848
        ("blind12", 0.95, 0.83, 0.95),  # P 0.965 / R 0.852
        ("blind13", 0.94, 0.82, 0.98),  # P 0.957 / R 0.838
        ("blind14", 0.96, 0.85, 0.98),  # fourth session: P 0.979 / R 0.875
        ("blind15", 0.96, 0.86, 0.98),  # P 0.983 / R 0.889
        ("blind16", 0.96, 0.86, 0.98),  # second fourth-session pair: P 0.979 / R 0.882
        ("blind17", 0.96, 0.83, 0.98),  # P 0.978 / R 0.853
    ],
)
def test_floors_on_third_session_blind_sets(
    masker: Masker, name: str, precision: float, recall: float, structured: float
) -> None:
    """The third session's blind pairs, each evaluated once after its round's
    tuning (default rules; numbers in the comments). Regression guards."""
    m = evaluate_mask(DATA / f"mask_gold_{name}.jsonl", masker=masker)
    assert m["any_pii"]["recall"] >= recall
    assert m["any_pii"]["precision"] >= precision
    assert m["structured_ids"]["recall"] >= structured


@pytest.mark.parametrize(
    ("name", "hc_recall"),
    [("blind14", 0.90), ("blind15", 0.90), ("blind16", 0.90), ("blind17", 0.89)],
)
def test_combined_ner_meets_the_targets_on_never_seen_sets(
    masker: Masker, name: str, hc_recall: float
) -> None:
    """The measured reason to offer ner_mode "combined": on the four sets never
    used for tuning or training it meets issue 3's targets (any-PII R 0.952 /
    0.954 / 0.962 / 0.956, HEALTH_CONDITION 0.906 / 0.907 / 0.932 / 0.899:
    blind17 is 0.001 short), where the default rules find 0.853-0.889."""
    combined = Masker(MaskingConfig(ner_model="ner-de", ner_mode="combined"))
    rules = evaluate_mask(DATA / f"mask_gold_{name}.jsonl", masker=masker)["any_pii"]
    m = evaluate_mask(DATA / f"mask_gold_{name}.jsonl", masker=combined)
    assert m["any_pii"]["recall"] >= rules["recall"] + 0.05
    assert m["any_pii"]["recall"] >= 0.95 and m["any_pii"]["precision"] >= 0.90
    assert m["structured_ids"]["recall"] >= 0.98
    assert m["per_entity"]["HEALTH_CONDITION"]["recall"] >= hc_recall
    for etype in ("PERSON", "MEDICATION"):
        assert m["per_entity"][etype]["recall"] >= 0.90, etype
