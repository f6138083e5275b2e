"""Ranking with real embeddings: pluggable signals, diversity, unsure topics."""

from __future__ import annotations

from dataclasses import dataclass, replace

from replyassist.assistant import Assistant
from replyassist.rank.memory import InMemoryMemory
from replyassist.rank.signals import DEFAULT_SIGNALS, Candidate, RankContext


@dataclass(frozen=True)
class PreferTemplate:
    """A user's own signal: push one template to the top."""

    template_id: str
    name: str = "house_rule"
    weight: float = 5.0

    def score(self, candidate: Candidate, context: RankContext) -> float:
        return 1.0 if candidate.variant.template_id == self.template_id else 0.0


def test_custom_signal_without_editing_the_ranker(assistant) -> None:  # type: ignore[no-untyped-def]
    custom = Assistant(
        assistant.guidelines,
        assistant.classifier,
        assistant.masker,
        memory=InMemoryMemory(),
        signals=[*DEFAULT_SIGNALS, PreferTemplate("krankengeld.kinderkrankengeld")],
    )
    result = custom.suggest("Wann wird mein Krankengeld überwiesen?", channel="email")
    assert result.suggestions[0].template_id == "krankengeld.kinderkrankengeld"
    assert any(r.startswith("house_rule=+1.00") for r in result.suggestions[0].reasons)


def test_suggestion_set_has_distinct_intents(fresh_assistant) -> None:  # type: ignore[no-untyped-def]
    result = fresh_assistant.suggest(
        "Wie beantrage ich einen Pflegegrad für meine Oma?", channel="email"
    )
    templates = [s.template_id for s in result.suggestions]
    assert len(set(templates)) == len(templates) == 3
    assert [s.score for s in result.suggestions] == sorted(
        (s.score for s in result.suggestions), reverse=True
    )


def test_unsure_classification_mixes_two_topics(fresh_assistant) -> None:  # type: ignore[no-untyped-def]
    c = fresh_assistant.classify("Wie beantrage ich einen Pflegegrad für meine Oma?")
    unsure = replace(
        c, unsure=True, topic_ranking=(("pflege", 0.4), ("leistungen", 0.35), *c.topic_ranking[2:])
    )
    vector = fresh_assistant.classifier.embedder.encode(["Pflegegrad Oma"])[0]
    ctx = RankContext(classification=unsure, channel="email", public=False, message_vector=vector)
    top3 = fresh_assistant.ranker.rank(ctx, k=3)[:3]
    assert {r.candidate.variant.topic for r in top3} == {"pflege", "leistungen"}
