"""Rules that raise urgency regardless of the model."""

from __future__ import annotations

import pytest

from replyassist.classify.urgency_rules import apply_rules, raise_to


@pytest.mark.parametrize(
    "text",
    [
        "Ich kann nicht mehr, ich will nicht mehr leben.",
        "ich seh keinen sinn mehr in allem",
        "Manchmal denke ich an Suizid.",
        "Ich habe kein Geld mehr für Miete und Essen, das Krankengeld fehlt",
        "Wir können die Miete nicht mehr zahlen!!",
        "Meine Mutter ist bewusstlos, der Notarzt ist unterwegs",
        "Morgen ist die OP und es gibt immer noch keine Kostenübernahme",
        "mein konto wurde gepfändet, konto gepfändet!!",
    ],
)
def test_critical(text: str) -> None:
    assert apply_rules(text, public=False).minimum == "critical"


@pytest.mark.parametrize(
    "text",
    [
        "Ich schalte jetzt meinen Anwalt ein.",
        "Das geht an die Presse.",
        "Ich schreibe Ihnen jetzt zum dritten Mal wegen derselben Sache",
        "Die Frist läuft morgen ab",
        "Ich habe eine Mahnung bekommen",
        "Das Krankengeld ist immer noch nicht da",
    ],
)
def test_high(text: str) -> None:
    assert apply_rules(text, public=False).minimum == "high"


@pytest.mark.parametrize(
    "text",
    [
        "Wie hoch ist der Zusatzbeitrag 2027?",
        "Ich will nicht mehr warten, wann kommt die Karte?",
        "Danke für die schnelle Hilfe!",
        "Übernehmen Sie die Kosten für eine Brille?",
    ],
)
def test_ordinary_messages_raise_nothing(text: str) -> None:
    assert apply_rules(text, public=False).minimum == "low"


def test_caps_rage_in_public_is_high_and_explained() -> None:
    outcome = apply_rules(
        "WARUM ANTWORTET HIER NIEMAND EUER SERVICE IST EINE KATASTROPHE", public=True
    )
    assert outcome.minimum == "high"
    assert any("Großbuchstaben" in r for r in outcome.reasons)
    assert any("Öffentlicher Kanal" in r for r in outcome.reasons)


def test_rules_only_raise() -> None:
    assert raise_to("critical", "high") == "critical"
    assert raise_to("normal", "high") == "high"
    assert raise_to("low", "low") == "low"


@pytest.mark.parametrize(
    "text",
    [
        "sorry my german is bad, no money for food for me and my baby",
        "I don't want to live anymore",
        "Die Tabletten hab ich schon gesammelt",
        "Meine Familie wäre ohne mich besser dran",
        "Ich habe mich gestern wieder geritzt",
    ],
)
def test_critical_in_other_words(text: str) -> None:
    assert apply_rules(text, public=False).minimum == "critical"


def test_placeholders_are_not_rage() -> None:
    text = "Sehr geehrte Damen und Herren, ich bin <PERSON> (geb. <DATE_OF_BIRTH>), <ADDRESS>."
    assert apply_rules(text, public=False).fired == ()


def test_rent_question_is_critical() -> None:
    assert (
        apply_rules("Krankengeld fehlt. Wovon soll ich die Miete zahlen?", public=False).minimum
        == "critical"
    )
