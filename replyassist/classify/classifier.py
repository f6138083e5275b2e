"""Topic and urgency classification of masked messages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

from replyassist.classify.artifacts import as_logits, load_linear, read_manifest
from replyassist.classify.deadline import due_at, utcnow
from replyassist.classify.embeddings import Embedder, load_embedder
from replyassist.classify.features import Featurizer
from replyassist.classify.urgency_rules import URGENCY_ORDER, apply_rules, raise_to
from replyassist.guidelines.schema import GuidelineConfig
from replyassist.types import Classification


@dataclass(frozen=True)
class ClassifierInput:
    """A masked message and its features; the classifier never sees raw text."""

    masked_text: str
    channel: str
    features: sp.csr_matrix
    received_at: datetime | None = None


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: np.ndarray = e / e.sum(axis=1, keepdims=True)
    return out


class Classifier:
    """Calibrated topic and urgency models plus the urgency rules and deadlines."""

    def __init__(
        self,
        featurizer: Featurizer,
        topic_model: LogisticRegression,
        urgency_model: LogisticRegression,
        config: GuidelineConfig,
        manifest: dict[str, Any] | None = None,
        folder: Path | None = None,
        critical_model: LogisticRegression | None = None,
    ) -> None:
        self.featurizer = featurizer
        self.topic_model = topic_model
        self.urgency_model = urgency_model
        self.config = config
        self.manifest = manifest or {}
        self._topics = [str(c) for c in topic_model.classes_]
        self._urgencies = [str(c) for c in urgency_model.classes_]
        temperatures = self.manifest.get("temperature", {})
        self._t_topic = float(temperatures.get("topic", 1.0))
        self._t_urgency = float(temperatures.get("urgency", 1.0))
        self.critical_model = critical_model
        self._critical_threshold = float(self.manifest.get("critical", {}).get("threshold", 0.0))
        self.folder = folder  # where the artifacts came from (variant vectors live there too)
        # All linear models as one matrix: one sparse-dense product per batch
        # instead of three decision_function calls with their input validation.
        models = [topic_model, urgency_model, *([critical_model] if critical_model else [])]
        self._weights = np.hstack([m.coef_.T for m in models])
        self._bias = np.concatenate([m.intercept_ for m in models])
        self._bounds = np.cumsum([0, *(m.coef_.shape[0] for m in models)])

    @property
    def embedder(self) -> Embedder:
        return self.featurizer.embedder

    @classmethod
    def load(cls, folder: Path, config: GuidelineConfig, embedder: str | None = None) -> Classifier:
        """Load artifacts from ``folder``; ``embedder`` overrides the manifest's model spec."""
        manifest = read_manifest(folder)
        spec = embedder or manifest["embedder"]
        featurizer = Featurizer.load(folder, load_embedder(spec), manifest.get("features", {}))
        topic = load_linear(folder / "topic.npz")
        urgency = load_linear(folder / "urgency.npz")
        unknown = set(topic.classes_) - set(manifest.get("topics", topic.classes_))
        if unknown:
            raise ValueError(f"{folder}: topic model has unknown classes {sorted(unknown)}")
        critical = load_linear(folder / "critical.npz") if "critical" in manifest else None
        return cls(featurizer, topic, urgency, config, manifest, folder, critical)

    def features(
        self, masked_texts: Sequence[str], vectors: np.ndarray | None = None
    ) -> sp.csr_matrix:
        return self.featurizer.transform(list(masked_texts), vectors)

    def classify_batch(self, inputs: Sequence[ClassifierInput]) -> list[Classification]:
        if not inputs:
            return []
        x = inputs[0].features if len(inputs) == 1 else sp.vstack([i.features for i in inputs])
        scores = np.asarray(x @ self._weights) + self._bias
        topic, urgency, *critical = (
            scores[:, a:b].ravel() if b - a == 1 else scores[:, a:b]  # binary: 1-D like sklearn
            for a, b in zip(self._bounds[:-1], self._bounds[1:], strict=True)
        )
        topic_p = _softmax(as_logits(topic) / self._t_topic)
        urgency_p = _softmax(as_logits(urgency) / self._t_urgency)
        if critical:
            crisis = critical[0] >= self._critical_threshold
        else:
            crisis = np.zeros(len(inputs), dtype=bool)
        return [
            self._decide(inp, tp, up, bool(cr))
            for inp, tp, up, cr in zip(inputs, topic_p, urgency_p, crisis, strict=True)
        ]

    def _decide(
        self, inp: ClassifierInput, topic_p: np.ndarray, urgency_p: np.ndarray, crisis: bool
    ) -> Classification:
        cfg = self.config
        topics = self._topics
        order = np.argsort(-topic_p)
        ranking = tuple((topics[i], float(topic_p[i])) for i in order)
        topic, topic_conf = ranking[0]
        reasons: list[str] = []
        unsure = topic_conf < cfg.classification.unsure_threshold
        if unsure and len(ranking) > 1:
            reasons.append(
                f"Thema unsicher ({topic_conf:.0%}): {topic} oder {ranking[1][0]} — bitte wählen"
            )

        urgencies = self._urgencies
        model_urgency = urgencies[int(np.argmax(urgency_p))]
        public = cfg.channels[inp.channel].visibility == "public"
        rules = apply_rules(inp.masked_text, public=public)
        floor = rules.minimum
        if crisis:
            # The high-recall crisis detector: a false alarm costs a look by the
            # crisis team, a miss can cost a life.
            floor = "critical"
            reasons.append(
                "Krisen-Erkennung (Modell): möglicherweise kritisch, bitte sofort prüfen"
            )
        urgency = raise_to(model_urgency, floor)
        if urgency == model_urgency:
            urgency_conf = float(np.max(urgency_p))
        else:
            # A rule overrode the model: report the model's belief in the
            # rule's level or above, so the number stays a probability.
            urgency_conf = float(
                sum(
                    p
                    for u, p in zip(urgencies, urgency_p, strict=True)
                    if URGENCY_ORDER[u] >= URGENCY_ORDER[urgency]
                )
            )
            reasons.append(f"Dringlichkeit durch Regel auf {urgency!r} angehoben")
        reasons.extend(rules.reasons)

        received = inp.received_at or utcnow()
        deadline = due_at(received, cfg.response_targets_minutes[urgency], cfg.service_hours)
        return Classification(
            topic=topic,
            topic_confidence=topic_conf,
            urgency=urgency,
            urgency_confidence=urgency_conf,
            due_at=deadline,
            reasons=tuple(reasons),
            unsure=unsure,
            topic_ranking=ranking,
        )
