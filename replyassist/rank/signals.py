"""Scoring signals for reply candidates.

A candidate's score is the weighted sum of named signals, and every signal's
contribution is reported in ``reasons``. To add a signal, implement
:class:`Signal` and pass it to the ranker (``Ranker(signals=[*DEFAULT_SIGNALS, mine])``);
the ranker itself never changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from replyassist.guidelines.loader import ANY_TOPIC, VariantSpec
from replyassist.types import Classification


@dataclass(frozen=True)
class Candidate:
    variant: VariantSpec
    vector: np.ndarray  # embedding of the rendered variant (precomputed at load)


@dataclass(frozen=True)
class RankContext:
    """Everything a signal may look at. Holds masked data and ids only."""

    classification: Classification
    channel: str
    public: bool
    message_vector: np.ndarray
    thread_uses: tuple[str, ...] = ()  # variant ids, most recent first
    channel_uses: tuple[str, ...] = ()
    feedback: dict[str, dict[str, int]] = field(default_factory=dict)

    def topic_probability(self, topic: str) -> float:
        if topic == ANY_TOPIC:
            return 1.0
        return dict(self.classification.topic_ranking).get(topic, 0.0)


class Signal(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def weight(self) -> float: ...

    def score(self, candidate: Candidate, context: RankContext) -> float:
        """A value in about [-1, 1]; the ranker multiplies it by ``weight``."""
        ...


@dataclass(frozen=True)
class TopicProbability:
    """Prefer replies of the topic the classifier believes in."""

    name: str = "topic"
    weight: float = 1.0

    def score(self, candidate: Candidate, context: RankContext) -> float:
        return context.topic_probability(candidate.variant.topic)


@dataclass(frozen=True)
class SemanticFit:
    """Cosine similarity of the message and the variant (both L2-normalised)."""

    name: str = "semantic"
    weight: float = 0.6

    def score(self, candidate: Candidate, context: RankContext) -> float:
        return float(candidate.vector @ context.message_vector)


@dataclass(frozen=True)
class UrgencyFit:
    """Templates written for this urgency beat generic ones, and the more specific the better.

    A crisis holding reply written only for ``critical`` outranks a topic template
    that serves ``high`` and ``critical`` alike.
    """

    name: str = "urgency"
    weight: float = 0.8

    def score(self, candidate: Candidate, context: RankContext) -> float:
        urgencies = candidate.variant.urgencies
        if urgencies is None:
            return 0.0
        if context.classification.urgency not in urgencies:
            return -1.0
        return 1.0 / len(urgencies)


@dataclass(frozen=True)
class ChannelFit:
    """A template written for the channel's visibility beats one marked ``any``."""

    name: str = "channel"
    weight: float = 0.2

    def score(self, candidate: Candidate, context: RankContext) -> float:
        return 0.0 if candidate.variant.channels == "any" else 1.0


@dataclass(frozen=True)
class Freshness:
    """Penalise variants used recently in the same thread (strongly) or channel."""

    name: str = "freshness"
    weight: float = 1.0
    thread_window: int = 12
    channel_window: int = 30

    def score(self, candidate: Candidate, context: RankContext) -> float:
        vid = candidate.variant.variant_id
        penalty = 0.0
        if vid in context.thread_uses[: self.thread_window]:
            rank = context.thread_uses.index(vid)
            penalty = max(penalty, 1.0 - rank / (self.thread_window * 2))
        if vid in context.channel_uses[: self.channel_window]:
            rank = context.channel_uses.index(vid)
            penalty = max(penalty, 0.4 * (1.0 - rank / self.channel_window))
        return -penalty


@dataclass(frozen=True)
class AgentFeedback:
    """Variants agents pick rise, variants they reject sink (per topic, smoothed)."""

    name: str = "feedback"
    weight: float = 0.5
    prior: float = 2.0

    def score(self, candidate: Candidate, context: RankContext) -> float:
        counts = context.feedback.get(candidate.variant.variant_id)
        if not counts:
            return 0.0
        good = counts.get("chosen", 0) + 0.5 * counts.get("edited", 0)
        bad = counts.get("rejected", 0)
        return (good - bad) / (good + bad + self.prior)


DEFAULT_SIGNALS: tuple[Signal, ...] = (
    TopicProbability(),
    SemanticFit(),
    UrgencyFit(),
    ChannelFit(),
    Freshness(),
    AgentFeedback(),
)
