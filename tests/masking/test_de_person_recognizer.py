"""PERSON recognizer: titles, lexicon names, chat spellings, decoys.

Names of several origins are used on purpose (German, Turkish, Polish,
Arabic, Italian, Russian transliterated); decoys are ordinary German words
that are also names somewhere ("Nur", "August"), forms of address
without a name, and the insurer's vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], list[tuple[str, str]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sehr geehrte Frau Dr. Nowak, danke.", ["Nowak"]),
        ("Herr Yılmaz hat angerufen", ["Yılmaz"]),
        ("Ich bin Jana Schulze und habe eine Frage", ["Jana Schulze"]),
        ("hey ich bin die jana kowalczyk", ["jana kowalczyk"]),
        ("Mit freundlichen Grüßen\nAndreas Becker", ["Andreas Becker"]),
        ("LG Kowalski", ["Kowalski"]),
        ("mein sohn max hat fieber", ["max"]),
        ("Ihr Kollege Prof. Lang war nett", ["Lang"]),
        ("Frau de Jonge hat mich zurückgerufen", ["de Jonge"]),
        ("Kontoinhaber: Giuseppe Russo", ["Giuseppe Russo"]),
        ("Danke an Mohammed Al-Hassan aus dem Service!", ["Mohammed Al-Hassan"]),
        ("Mein Name ist Iwanow.", ["Iwanow"]),
    ],
)
def test_found(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "PERSON"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nur Krankengeld will ich, sonst nichts.",
        "Im August 2024 war ich in Kur.",
        "Meine Frau hat eine Frage zum Bonusprogramm.",
        "Sehr geehrte Damen und Herren, ehrlich gesagt: schlechter Service.",
        "Frau Doktor hat mich krankgeschrieben.",
        "Familienversicherung für mein Kind prüfen",
        "Wie beantrage ich Pflegegeld? Danke!",
        "Hallo liebes Team, ich habe eine Frage zur App.",
    ],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "PERSON"]


def test_title_stays_visible(masker) -> None:  # type: ignore[no-untyped-def]
    assert masker.mask("Guten Tag Herr Müller").text == "Guten Tag Herr <PERSON>"


def test_known_limitation_lone_first_name_word(found: Found) -> None:
    """A lone capitalized first name is taken as a name (0.6), so the idiom
    "Frank und frei" is masked: documented in docs/masking.md, kept visible here."""
    assert [v for t, v in found("Frank und frei gesagt: schlechter Service.") if t == "PERSON"] == [
        "Frank"
    ]
