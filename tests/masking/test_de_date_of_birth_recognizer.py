"""DATE_OF_BIRTH recognizer: birth cues and records vs. letter dates."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], list[tuple[str, str]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jana Schulze, geb. 03.05.1978", "03.05.1978"),
        ("geboren am 3. Mai 1978 in Dresden", "3. Mai 1978"),
        ("Geburtsdatum: 1978-05-03", "1978-05-03"),
        ("Versicherte *12.04.1961", "12.04.1961"),
        ("Gebutrsdatum 28.09.68", "28.09.68"),  # typo in the cue
        ("Mein Sohn Max (12.04.2019) soll mitversichert werden", "12.04.2019"),
        ("Vasco Alsina, 20.3.1971, Lindenweg 4", "20.3.1971"),
        ("am 5.6.1990 geboren", "5.6.1990"),
        ("Name Priya Raghunathan, born 12/09/1994.", "12/09/1994"),  # English cue
        ("my son was born on 3.5.2019", "3.5.2019"),
        (
            "Meine Oma (12.08.1936) hat nach dem Schlaganfall",
            "12.08.1936",
        ),  # bracket after relative
        # how newcomers write a birth date: their cue words, month names, orders
        ("Halina Kowalczyk, ur. 14.III.1946", "14.III.1946"),
        ("szül. 1992.05.21, Tel.", "1992.05.21"),
        ("Geboren 1981/03/17 Versicherungsnummer", "1981/03/17"),
        ("Sie ist geboren am 17 de maio de 1988, falls", "17 de maio de 1988"),
        ("geboren am 2 ноября 1967 in Omsk", "2 ноября 1967"),
        ("Her birthday is 12 August 1990.", "12 August 1990"),
        ("unser Sohn kam am 14.03.2025 zur Welt.", "14.03.2025"),
        ("geb datum 1.4.1963 und versichertennr", "1.4.1963"),
    ],
)
def test_found(found: Found, text: str, expected: str) -> None:
    assert [v for t, v in found(text) if t == "DATE_OF_BIRTH"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Ihr Schreiben vom 12.03.2024 habe ich erhalten",
        "Bescheid vom 3.1.2024, Aktenzeichen 2024/123",
        "Kündigung zum 31.12.2024",
        "Ich warte seit dem 01.03.2024",
        "Termin am 12.05.2025 um 10:30 Uhr",
        "Die Rechnung vom 15. April 2024 über 49,90 €",
        "Meine Frau (seit 12.03.2024 in Rente) fragt",
        "der Antrag (12.03.2024) ist weg",
        "Ihr Schreiben vom 12 maio 2024",
        "Rechnung 2024.05.21 über 20 €",
    ],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "DATE_OF_BIRTH"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baby ist da 🥰 Lotta, geboren am 04.05. Wie melde ich sie an?", "04.05."),
        ("Mein Sohn hat Geburtstag am 3.11. und ist dann 18.", "3.11."),
    ],
)
def test_day_and_month_after_birth_cue(found: Found, text: str, expected: str) -> None:
    assert [v for t, v in found(text) if t == "DATE_OF_BIRTH"] == [expected]


@pytest.mark.parametrize(
    "text",
    ["Der Termin ist am 04.05. um 8 Uhr.", "Ihr Schreiben vom 12.03. habe ich erhalten."],
)
def test_day_and_month_without_birth_cue(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "DATE_OF_BIRTH"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("am 02.02. ist unsere Tochter Mia zur Welt gekommen", "02.02."),
        ("am 3.5.2024 wurde mein Sohn geboren", "3.5.2024"),
    ],
)
def test_birth_told_later_in_the_clause(found: Found, text: str, expected: str) -> None:
    assert [v for t, v in found(text) if t == "DATE_OF_BIRTH"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Am 03.05.2024 kam Ihr Brief, mein Sohn ist 2019 geboren",
        "seit dem 02.02. ist meine Tochter zur Welt gekommen und versichert",
    ],
)
def test_letter_date_before_a_birth_is_not_a_birth_date(found: Found, text: str) -> None:
    assert [v for t, v in found(text) if t == "DATE_OF_BIRTH"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich hab am 14. Juli Geburtstag und werd 25", "14. Juli"),
        ("hab am 03.03. Geburtstag", "03.03."),
        ("am 2. Oktober ist unsere Tochter zur Welt gekommen", "2. Oktober"),
    ],
)
def test_birthday_without_year(found: Found, text: str, expected: str) -> None:
    assert [v for t, v in found(text) if t == "DATE_OF_BIRTH"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Termin am 14. Juli um 10 Uhr",
        "am 14. Juli Geburtstagsfeier im Büro",
        "Schreiben vom 12. Mai",
    ],
)
def test_day_and_month_without_birthday(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "DATE_OF_BIRTH"]
