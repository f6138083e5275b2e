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
            for cand in self.candidates
            if (cand.variant.topic in topics or cand.variant.topic == ANY_TOPIC)
            and cand.variant.allows(public=context.public, urgency=urgency)
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
        selected: list[Ranked] = []
        pool = list(scored)
        topics = set(self.candidate_topics(context))
        while pool and len(selected) < limit:
            used_templates = {r.candidate.variant.template_id for r in selected}
            missing_topics = topics - {r.candidate.variant.topic for r in selected}
            last_slot = len(selected) == k - 1
            best_i, best_value = 0, -np.inf
            for i, r in enumerate(pool):
                value = r.score
                if selected:
                    sims = [float(r.candidate.vector @ s.candidate.vector) for s in selected]
                    value -= self.mmr_lambda * max(sims)
                if r.candidate.variant.template_id in used_templates:
                    value -= 10.0  # same intent twice only when nothing else is left
                if len(topics) > 1 and last_slot and r.candidate.variant.topic in missing_topics:
                    value += 10.0  # unsure: the set mixes both candidate topics
                if value > best_value:
                    best_i, best_value = i, value
            selected.append(pool.pop(best_i))
        # The set is chosen for diversity; within it, the classified topic leads
        # (an unsure second topic never takes the first slot), then the best first.
        primary = {context.classification.topic, ANY_TOPIC}
        chosen = sorted(
            selected[:k], key=lambda r: (r.candidate.variant.topic not in primary, -r.score)
        )
        return chosen + selected[k:] + pool
