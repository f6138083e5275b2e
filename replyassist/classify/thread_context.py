"""Use the topics of earlier messages in a thread as a prior for the next one.

Comments under one post answer the post, not the void: "Fahrrad fahren 🚲"
under a sweepstakes post is a sweepstakes entry. The thread's topic history
(topic ids and weights only) becomes a smoothed prior that multiplies the
message's own probabilities (a product of experts): an unclear comment leans
towards the thread's topic, a clearly different message keeps its own.
"""

from __future__ import annotations

import dataclasses

from replyassist.types import Classification


def apply_thread_prior(
    c: Classification,
    history: dict[str, float],
    *,
    unsure_threshold: float,
    smoothing: float = 0.5,
) -> Classification:
    """Return ``c`` re-decided with the thread prior; unchanged without history."""
    if not history or not c.topic_ranking:
        return c
    topics = [t for t, _ in c.topic_ranking]
    total = sum(history.get(t, 0.0) for t in topics) + smoothing * len(topics)
    posterior = {t: p * (history.get(t, 0.0) + smoothing) / total for t, p in c.topic_ranking}
    norm = sum(posterior.values()) or 1.0
    ranking = tuple(sorted(((t, v / norm) for t, v in posterior.items()), key=lambda x: -x[1]))
    topic, confidence = ranking[0]
    reasons = c.reasons
    if topic != c.topic:
        reasons = (*reasons, f"Thema aus dem Thread-Verlauf: {topic} statt {c.topic}")
    return dataclasses.replace(
        c,
        topic=topic,
        topic_confidence=confidence,
        topic_ranking=ranking,
        unsure=confidence < unsure_threshold,
        reasons=reasons,
    )
