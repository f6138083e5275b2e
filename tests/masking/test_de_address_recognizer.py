"""ADDRESS recognizer: streets, preposition streets, postcode + town, decoys."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], list[tuple[str, str]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wohne in der Hauptstraße 12, 01067 Dresden.", "Hauptstraße 12, 01067 Dresden"),
        ("Karl-Marx-Str. 5a", "Karl-Marx-Str. 5a"),
        ("Neue Adresse: Berliner Straße 7", "Berliner Straße 7"),
        ("Am Markt 3, 04109 Leipzig", "Am Markt 3, 04109 Leipzig"),
        ("Alte Dorfstraße 3 ist richtig", "Alte Dorfstraße 3"),
        ("wohne jetzt lindenweg 4a", "lindenweg 4a"),
        ("ich wohne am sonnenhang 30", "am sonnenhang 30"),
        ("60311 Frankfurt am Main", "60311 Frankfurt am Main"),
        ("Wohne Goethestraße 1", "Goethestraße 1"),
    ],
)
def test_found(found: Found, text: str, expected: str) -> None:
    assert [v for t, v in found(text) if t == "ADDRESS"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Im Januar 2024 war ich beim Arzt",
        "50000 Mitglieder haben mitgemacht",
        "Das kostet 10000 Euro",
        "Auf Platz 3 im Ranking",
        "Pflegegrad 3 beantragt",
        "Die Geschäftsstelle in Dresden hat zu",
        "am ende 2 wochen gewartet",
    ],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "ADDRESS"]


@pytest.mark.parametrize(
    "text",
    [
        "Bei Frau Ernst wurde die Position 03230 gestrichen.",
        "GOP 03230 abgerechnet, Ziffer 01100 gestrichen.",
        "Die Abrechnung 12345 wurde geprüft und 10115 abgelehnt.",
    ],
)
def test_not_found_reference_numbers(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "ADDRESS"]


def test_lower_case_town_in_chat(found: Found) -> None:
    assert [v for t, v in found("wohne jetzt in 12345 hintertupfingen") if t == "ADDRESS"] == [
        "12345 hintertupfingen"
    ]


def test_emergency_number_after_a_preposition_is_not_a_house_number(found: Found) -> None:
    assert [v for t, v in found("Im Notfall 112 wählen") if t == "ADDRESS"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wohne in 10717 Berlin.", "10717 Berlin"),  # a big city's name is also a blocked word
        ("Wir wohnen Sonnenhang 9, 78345 Moos.", "Sonnenhang 9, 78345 Moos"),  # no street word
        (
            "neue Adresse Holsteinische Str. 17a, 10717 Berlin.",
            "Holsteinische Str. 17a, 10717 Berlin",
        ),
    ],
)
def test_street_without_street_word_before_postcode(found: Found, text: str, expected: str) -> None:
    assert [v for t, v in found(text) if t == "ADDRESS"] == [expected]


def test_reference_number_before_postcode_is_not_a_street(found: Found) -> None:
    assert [v for t, v in found("Rechnung Nr 12, 10115 Berlin") if t == "ADDRESS"] == [
        "10115 Berlin"
    ]
