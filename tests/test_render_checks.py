"""A rendering that breaks the style rules or contains personal data is never shown."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from replyassist.assistant import Assistant
from replyassist.classify.classifier import Classifier
from replyassist.classify.train import train
from replyassist.guidelines.loader import GuidelineSet
from replyassist.rank.memory import InMemoryMemory

ROOT = Path(__file__).resolve().parent.parent


def test_bad_variants_are_skipped(mini_set: Path, tmp_path: Path, assistant) -> None:  # type: ignore[no-untyped-def]
    path = mini_set / "templates" / "alpha.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    variants = doc["templates"][0]["variants"]
    variants[0]["text"] = "{{ greeting }},\nwir würden das gern prüfen.\n{{ sign_off }}"
    variants[1]["text"] = (
        "{{ greeting }},\nrufen Sie Frau Jana Schulze an: 0171 2345678.\n{{ sign_off }}"
    )
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    gs = GuidelineSet.load(mini_set)

    extra = tmp_path / "extra.jsonl"
    lines = []
    for source, topic in (("online_service", "alpha"), ("lob", "beta")):
        raw = (ROOT / "guidelines/krankenkasse/training" / f"{source}.jsonl").read_text(
            encoding="utf-8"
        )
        lines += [json.dumps({**json.loads(x), "topic": topic}) for x in raw.splitlines()[:20]]
    extra.write_text("\n".join(lines) + "\n", encoding="utf-8")
    masker = assistant.masker
    train(
        gs,
        tmp_path / "model",
        lambda t: [m.text for m in masker.mask_many(t)],
        extra=[extra],
        cv_folds=0,
    )
    mini = Assistant(
        gs, Classifier.load(tmp_path / "model", gs.config), masker, memory=InMemoryMemory()
    )

    shown = set()
    for i in range(8):
        result = mini.suggest("Die App stürzt beim Login ab", channel="email", thread_id="t")
        assert result.classification.topic == "alpha", i
        shown |= {s.variant_id for s in result.suggestions}
    assert "alpha.privat.v1" not in shown and "alpha.privat.v2" not in shown
    assert {"alpha.privat.v3", "alpha.privat.v4"} <= shown
