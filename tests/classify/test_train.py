"""Training: deterministic, masked input only, artifacts loadable without pickle."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import numpy as np
import pytest

from replyassist.classify.classifier import Classifier, ClassifierInput
from replyassist.classify.train import train
from replyassist.guidelines.loader import GuidelineSet

ROOT = Path(__file__).resolve().parents[2]


def _labelled(tmp_path: Path) -> Path:
    """Real messages of two topics of the default set, relabelled to the mini set's topics."""
    lines = []
    for source, topic in (("online_service", "alpha"), ("lob", "beta")):
        path = ROOT / "guidelines" / "krankenkasse" / "training" / f"{source}.jsonl"
        for raw in path.read_text(encoding="utf-8").splitlines()[:25]:
            obj = json.loads(raw)
            lines.append(json.dumps({**obj, "topic": topic}, ensure_ascii=False))
    out = tmp_path / "extra.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def masker():  # type: ignore[no-untyped-def]
    from replyassist.masking import Masker

    return Masker.default()


def test_training_is_deterministic_and_loadable(mini_set: Path, tmp_path: Path, masker) -> None:  # type: ignore[no-untyped-def]
    gs = GuidelineSet.load(mini_set)
    extra = _labelled(tmp_path)
    seen: list[str] = []

    def mask_fn(texts: list[str]) -> list[str]:
        masked = [m.text for m in masker.mask_many(texts)]
        seen.extend(masked)
        return masked

    m1 = train(gs, tmp_path / "m1", mask_fn, extra=[extra], seed=7, cv_folds=0)
    m2 = train(gs, tmp_path / "m2", mask_fn, extra=[extra], seed=7, cv_folds=0)
    assert m1["data"]["sha256"] == m2["data"]["sha256"]
    for name in ("topic.npz", "urgency.npz", "ngram_idf.npz"):
        with np.load(tmp_path / "m1" / name) as a, np.load(tmp_path / "m2" / name) as b:
            for key in a.files:
                np.testing.assert_array_equal(a[key], b[key])
        # npz members are plain .npy arrays: no pickled objects inside
        with zipfile.ZipFile(tmp_path / "m1" / name) as zf:
            assert all(n.endswith(".npy") for n in zf.namelist())

    # the model only ever saw masked text: no e-mail address survives into training input
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", " ".join(seen))
    clf = Classifier.load(tmp_path / "m1", gs.config)
    texts = ["Die App stürzt beim Login ab", "Vielen Dank, ganz toller Service!"]
    feats = clf.features(texts)
    out = clf.classify_batch([ClassifierInput(t, "email", feats[i]) for i, t in enumerate(texts)])
    assert [c.topic for c in out] == ["alpha", "beta"]
    assert all(0.0 <= c.topic_confidence <= 1.0 for c in out)


def test_unknown_topic_in_data_is_rejected(mini_set: Path, tmp_path: Path, masker) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "x", "topic": "gamma"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="gamma"):
        train(GuidelineSet.load(mini_set), tmp_path / "m", lambda t: t, extra=[bad], cv_folds=0)


def test_crisis_threshold_meets_recall_target() -> None:
    from replyassist.classify.train import crisis_threshold

    rng = np.random.default_rng(0)
    y = np.r_[np.ones(100, dtype=int), np.zeros(900, dtype=int)]
    logits = np.r_[rng.normal(1.0, 1.0, 100), rng.normal(-2.0, 1.0, 900)]
    info = crisis_threshold(logits, y, recall=0.97)
    assert info["cv_recall"] >= 0.97
    flagged = logits >= info["threshold"]
    assert flagged[y == 1].mean() == pytest.approx(info["cv_recall"])
    # the highest such threshold: one step higher would miss the target
    higher = logits[y == 1][logits[y == 1] > info["threshold"]].min()
    assert (logits[y == 1] >= higher).mean() < 0.97
    assert 0.0 < info["cv_precision"] <= 1.0
