"""Model artifacts as JSON + ``.npz`` (never pickle).

A linear scikit-learn classifier is fully described by ``classes_``, ``coef_``
and ``intercept_``; storing those arrays keeps the artifact small, diffable in
its manifest and safe to load (``np.load(..., allow_pickle=False)``). Loading
rebuilds a real :class:`~sklearn.linear_model.LogisticRegression`, so the
loaded model is still an sklearn estimator that composes with the rest of
scikit-learn.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

MANIFEST = "manifest.json"


def save_linear(model: LogisticRegression, path: Path) -> None:
    np.savez_compressed(
        path,
        coef=model.coef_.astype(np.float32),
        intercept=model.intercept_.astype(np.float32),
        classes=np.asarray([str(c) for c in model.classes_]),
    )


def load_linear(path: Path) -> LogisticRegression:
    with np.load(path, allow_pickle=False) as data:
        coef, intercept, classes = data["coef"], data["intercept"], data["classes"]
    model = LogisticRegression()
    model.coef_ = coef.astype(np.float64)
    model.intercept_ = intercept.astype(np.float64)
    model.classes_ = np.asarray([str(c) for c in classes], dtype=object)
    model.n_features_in_ = coef.shape[1]
    return model


def as_logits(decision: np.ndarray) -> np.ndarray:
    """Per-class logits; a binary model's 1-D decision becomes ``[0, z]`` (same softmax)."""
    if decision.ndim == 1:
        return np.column_stack([np.zeros_like(decision), decision])
    return decision


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    (folder / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FileNotFoundError(
            f"{path} is missing: train the model first (replyassist train GUIDELINES)"
        ) from exc
    return data
