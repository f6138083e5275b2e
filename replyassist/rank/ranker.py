"""Candidate generation, scoring and a diverse selection of the top replies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from replyassist.guidelines.loader import ANY_TOPIC, GuidelineSet
from replyassist.rank.signals import DEFAULT_SIGNALS, Candidate, RankContext, Signal


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: float
    reasons: tuple[str, ...]


class Ranker:
    """Scores every admissible variant and picks a diverse set.

    Diversity follows the smart-reply rule "never two replies of the same
    intent": a template is an intent, so the set holds one variant per
    template while enough templates exist; beyond that, maximal marginal
    relevance (MMR) keeps near-duplicate phrasings apart.
    """

    def __init__(
        self,
        guidelines: GuidelineSet,
        vectors: np.ndarray,
        signals: Sequence[Signal] = DEFAULT_SIGNALS,
        mmr_lambda: float = 0.3,
    ) -> None:
        if len(vectors) != len(guidelines.variants):
            raise ValueError("one vector per variant is required")
        self.guidelines = guidelines
        self.signals = tuple(signals)
        self.mmr_lambda = mmr_lambda
        self.candidates = tuple(
            Candidate(v, vec) for v, vec in zip(guidelines.variants, vectors, strict=True)
        )
        self._by_topic: dict[str, list[Candidate]] = {}
        for cand in self.candidates:
            self._by_topic.setdefault(cand.variant.topic, []).append(cand)

    def candidate_topics(self, context: RankContext) -> tuple[str, ...]:
        c = context.classification
        if c.unsure and len(c.topic_ranking) > 1:
            return (c.topic_ranking[0][0], c.topic_ranking[1][0])
        return (c.topic,)

    def admissible(self, context: RankContext) -> list[Candidate]:
        topics = self.candidate_topics(context)
        urgency = context.classification.urgency
        out = [
            cand
            for topic in dict.fromkeys((*topics, ANY_TOPIC))
            for cand in self._by_topic.get(topic, ())
            if cand.variant.allows(public=context.public, urgency=urgency)
        ]
        if not out:  # guideline sets are validated to cover every topic; keep a safe fallback
            out = [
                c
                for c in self.candidates
                if c.variant.allows(public=context.public, urgency=urgency)
            ]
        return out

    def score(self, candidate: Candidate, context: RankContext) -> Ranked:
        total = 0.0
        reasons = []
        for signal in self.signals:
            value = signal.score(candidate, context)
            total += signal.weight * value
            reasons.append(f"{signal.name}={value:+.2f}×{signal.weight:g}")
        return Ranked(candidate, total, tuple(reasons))

    def rank(self, context: RankContext, k: int = 3, spare: int = 3) -> list[Ranked]:
        """All admissible candidates: the diverse top-``k`` set (best first), then
        ``spare`` more in selection order, which replace a suggestion that fails
        the style or privacy check after rendering, then the rest.
        """
        limit = k + spare
        scored = sorted(
            (self.score(c, context) for c in self.admissible(context)),
            key=lambda r: (-r.score, r.candidate.variant.variant_id),
        )
        selected, pool = self._diverse(scored, context, k, limit)
        # The set is chosen for diversity; within it, the classified topic leads
        # (an unsure second topic never takes the first slot), then the best first.
        primary = {context.classification.topic, ANY_TOPIC}
        chosen = sorted(
            selected[:k], key=lambda r: (r.candidate.variant.topic not in primary, -r.score)
        )
        return chosen + selected[k:] + pool

    def _diverse(
        self, scored: list[Ranked], context: RankContext, k: int, limit: int
    ) -> tuple[list[Ranked], list[Ranked]]:
        """Greedy maximal-marginal-relevance selection of up to ``limit`` items.

        A candidate's value is its score minus ``mmr_lambda`` times its highest
        cosine similarity to what is already selected; a second variant of an
        already used template only when nothing else is left; when the topic is
        unsure, the last of the ``k`` slots goes to the topic still missing.
        Similarities are kept as one running maximum per candidate (one
        matrix-vector product per pick) instead of recomputed pairwise.
        Returns the picks in order and the rest in ``scored`` order.
        """
        if not scored:
            return [], []
        vectors = np.stack([r.candidate.vector for r in scored])
        base = np.array([r.score for r in scored])
        templates = [r.candidate.variant.template_id for r in scored]
        topics_of = [r.candidate.variant.topic for r in scored]
        topics = set(self.candidate_topics(context))
        max_sim = np.full(len(scored), -np.inf)
        alive = np.ones(len(scored), dtype=bool)
        selected: list[Ranked] = []
        while alive.any() and len(selected) < limit:
            used = {r.candidate.variant.template_id for r in selected}
            missing = topics - {r.candidate.variant.topic for r in selected}
            last_slot = len(selected) == k - 1
            value = base - self.mmr_lambda * max_sim if selected else base.copy()
            value -= np.array([10.0 if t in used else 0.0 for t in templates])
            if len(topics) > 1 and last_slot:
                value += np.array([10.0 if t in missing else 0.0 for t in topics_of])
            value[~alive] = -np.inf
            best = int(np.argmax(value))
            alive[best] = False
            selected.append(scored[best])
            max_sim = np.maximum(max_sim, vectors @ vectors[best])
        return selected, [r for r, left in zip(scored, alive, strict=True) if left]
