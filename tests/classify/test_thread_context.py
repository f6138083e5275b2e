"""The thread prior nudges unclear comments towards the thread's topic, not clear ones."""

from __future__ import annotations

from datetime import UTC, datetime

from replyassist.classify.thread_context import apply_thread_prior
from replyassist.types import Classification


def _c(ranking: list[tuple[str, float]]) -> Classification:
    return Classification(
        topic=ranking[0][0],
        topic_confidence=ranking[0][1],
        urgency="low",
        urgency_confidence=0.9,
        due_at=datetime(2026, 11, 25, tzinfo=UTC),
        topic_ranking=tuple(ranking),
    )


def test_unclear_comment_follows_thread() -> None:
    c = _c([("sonstiges", 0.6), ("aktionen", 0.3), ("lob", 0.1)])
    out = apply_thread_prior(c, {"aktionen": 4.0}, unsure_threshold=0.45)
    assert out.topic == "aktionen"
    assert any("Thread" in r for r in out.reasons)
    assert abs(sum(p for _, p in out.topic_ranking) - 1.0) < 1e-9


def test_clear_message_keeps_its_topic() -> None:
    c = _c([("beschwerde", 0.99), ("krankengeld", 0.005), ("lob", 0.005)])
    out = apply_thread_prior(c, {"krankengeld": 5.0}, unsure_threshold=0.45)
    assert out.topic == "beschwerde"


def test_no_history_changes_nothing() -> None:
    c = _c([("lob", 0.7), ("aktionen", 0.3)])
    assert apply_thread_prior(c, {}, unsure_threshold=0.45) is c
