"""One end-to-end run per topic of the default set, with real masking, model and templates.

The messages are written for this test (not taken from the training data) and
carry invented personal data, so each run also checks that nothing personal
reaches the suggestions.
"""

from __future__ import annotations

import re

import pytest

from replyassist.guidelines.lint import lint_text
from replyassist.types import Result

CASES = [
    (
        "krankengeld",
        "facebook_dm",
        "Hallo, ich bin seit 8 Wochen krankgeschrieben, wann überweist ihr das Krankengeld? "
        "Meine Nummer ist A123456780, Tel 0171 2345678",
    ),
    (
        "leistungen",
        "email",
        "Guten Tag, übernimmt die Gesundkasse die Kosten für eine neue Brille mit Gleitsichtgläsern? "
        "Meine Mail: k.weber@example.org",
    ),
    (
        "beitraege",
        "email",
        "Warum ist mein Beitrag schon wieder gestiegen? Ich bin selbstständig und der Zusatzbeitrag "
        "wird jetzt von meinem Konto DE89 3704 0044 0532 0130 00 abgebucht.",
    ),
    (
        "mitgliedschaft",
        "chat",
        "Ich habe meine Versichertenkarte verloren, wie bekomme ich eine neue eGK?",
    ),
    (
        "pflege",
        "email",
        "Meine Mutter braucht Hilfe im Alltag, wie beantrage ich einen Pflegegrad und wann kommt der Medizinische Dienst?",
    ),
    (
        "praevention",
        "instagram_comment",
        "Gibt es einen Zuschuss für Präventionskurse wie Yoga oder Rückenschule? 🧘",
    ),
    (
        "aktionen",
        "facebook_comment",
        "Ich mache beim Gewinnspiel mit und drücke die Daumen 🍀 wann werden die Gewinner ausgelost?",
    ),
    (
        "online_service",
        "app_review",
        "Seit dem letzten Update kann ich mich in der App nicht mehr einloggen, Passwort wird nicht akzeptiert",
    ),
    (
        "widerspruch",
        "email",
        "Hiermit lege ich Widerspruch gegen den Ablehnungsbescheid zu meiner Reha ein. Bitte prüfen Sie den Antrag erneut.",
    ),
    (
        "beschwerde",
        "x_post",
        "Seit zwei Stunden in der Warteschleife, niemand geht ran. Der Service der Gesundkasse ist eine Zumutung",
    ),
    (
        "lob",
        "facebook_comment",
        "Vielen Dank an das Team, ihr habt mir super schnell und freundlich geholfen!",
    ),
    ("sonstiges", "instagram_comment", "Weiß jemand, wann das Fußballspiel heute Abend anfängt?"),
]

_PII = [
    re.compile(r"A123456780"),
    re.compile(r"0171 2345678"),
    re.compile(r"k\.weber@example\.org"),
    re.compile(r"DE89 ?3704"),
]


def _check(result: Result, assistant, channel: str) -> None:  # type: ignore[no-untyped-def]
    tone = assistant.guidelines.config.tone
    assert len(result.suggestions) == 3
    assert len({s.variant_id for s in result.suggestions}) == 3
    for s in result.suggestions:
        assert not [
            i
            for i in lint_text(
                s.text,
                address=tone.address,
                greeting=tone.greeting,
                sign_off=tone.sign_off,
                max_chars=assistant.guidelines.config.channels[channel].max_chars,
            )
            if i.severity == "error"
        ], s.variant_id
        assert not any(rx.search(s.text) for rx in _PII)
        assert re.search(r"\b(Sie|Ihnen|Ihr|Ihre|wir|uns)\b", s.text)  # formal German
    scores = [s.score for s in result.suggestions]
    assert result.suggestions[0].score == max(scores)


@pytest.mark.parametrize(("topic", "channel", "text"), CASES, ids=[c[0] for c in CASES])
def test_topic_end_to_end(fresh_assistant, topic: str, channel: str, text: str) -> None:  # type: ignore[no-untyped-def]
    result = fresh_assistant.suggest(text, channel=channel, message_id=f"e2e-{topic}")
    assert result.classification.topic == topic
    _check(result, fresh_assistant, channel)
    top = fresh_assistant.guidelines.variants_by_id[result.suggestions[0].variant_id]
    assert top.topic in (topic, "*")
    for rx in _PII:
        assert not rx.search(result.masked.text)
    public = fresh_assistant.guidelines.is_public(channel)
    for s in result.suggestions:
        variant = fresh_assistant.guidelines.variants_by_id[s.variant_id]
        assert variant.allows(public=public, urgency=result.classification.urgency)


def test_critical_message_escalates_with_holding_reply(fresh_assistant) -> None:  # type: ignore[no-untyped-def]
    result = fresh_assistant.suggest(
        "Ich kann nicht mehr. Das Krankengeld kommt nicht und ich will einfach nicht mehr leben.",
        channel="facebook_dm",
    )
    assert result.classification.urgency == "critical"
    assert result.escalate is True and result.escalation_team
    top = fresh_assistant.guidelines.variants_by_id[result.suggestions[0].variant_id]
    assert top.escalate and "critical" in (top.urgencies or ())
    assert "0800 111 0 111" in result.suggestions[0].text


def test_public_health_data_is_flagged_and_not_repeated(fresh_assistant) -> None:  # type: ignore[no-untyped-def]
    result = fresh_assistant.suggest(
        "Ich habe Brustkrebs und nehme Tamoxifen 20 mg, zahlt ihr die Perücke?",
        channel="facebook_comment",
    )
    assert "public_health_data" in result.flags
    for s in result.suggestions:
        assert "Brustkrebs" not in s.text and "Tamoxifen" not in s.text
        assert fresh_assistant.guidelines.variants_by_id[s.variant_id].channels == "public"


def test_thread_gets_varied_top_replies(fresh_assistant) -> None:  # type: ignore[no-untyped-def]
    texts = [f"Ich mache mit beim Gewinnspiel! Team {i} 🍀" for i in range(10)]
    results = fresh_assistant.suggest_many(
        [
            {"id": str(i), "text": t, "channel": "facebook_comment", "thread_id": "post-1"}
            for i, t in enumerate(texts)
        ]
    )
    top1 = [r.suggestions[0].variant_id for r in results]
    assert len(set(top1)) >= 9


def test_feedback_moves_ranking(fresh_assistant) -> None:  # type: ignore[no-untyped-def]
    text = "Wann wird mein Krankengeld überwiesen?"
    first = fresh_assistant.suggest(text, channel="email")
    top, second = first.suggestions[0].variant_id, first.suggestions[1].variant_id
    for _ in range(6):
        r = fresh_assistant.suggest(text, channel="email")
        ids = [s.variant_id for s in r.suggestions]
        fresh_assistant.feedback(
            r.result_id,
            chosen=second if second in ids else None,
            rejected=[top] if top in ids else [],
        )
    after = fresh_assistant.suggest(text, channel="email")
    assert after.suggestions[0].variant_id != top
    with pytest.raises(KeyError):
        fresh_assistant.feedback("nope", chosen=top)
    with pytest.raises(ValueError, match="was not suggested"):
        fresh_assistant.feedback(after.result_id, chosen="unknown.variant.v1")


def test_shipped_model_matches_shipped_guidelines(assistant) -> None:  # type: ignore[no-untyped-def]
    """A template or training edit without `replyassist train` must fail here, not in production."""
    from replyassist.classify.train import data_hash

    assert assistant.recomputed_variants == 0
    manifest = assistant.classifier.manifest
    assert manifest["data"]["sha256"] == data_hash(assistant.guidelines.training_examples())
    assert manifest["topics"] == sorted(assistant.guidelines.topics)
